import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../shared/google/bytes';
import { GoogleClient } from '../../../shared/google/client';
import { Drive } from '../../../shared/google/drive';
import { DriveIdPool } from '../../../shared/google/id-pool';
import { createWithId, findBySource, storedSrcId } from '../../../shared/google/source-files';
import { CountingTokens, FakeClock, type Script, ScriptedTransport } from './fakes';
import { tinyGoogle, type TinyGoogleOptions } from './tiny-google';

function setup(options: TinyGoogleOptions = {}) {
  const google = tinyGoogle([], options);
  const transport = new ScriptedTransport(google.script as Script);
  const client = new GoogleClient({
    transport,
    tokens: new CountingTokens(),
    clock: new FakeClock(),
    retry: { maxAttempts: 5 },
  });
  return { google, transport, drive: new Drive(client, 'http://127.0.0.1:9') };
}

const eml = (drive: Drive, id: string, srcId = '<visit@school.example>') =>
  createWithId(drive, {
    id,
    folderId: 'step-6',
    source: { src: 'gmail', srcId },
    metadata: { name: 'Visit.eml', mimeType: 'message/rfc822' },
    create: (m) => drive.upload(m, utf8Encode('Subject: Visit\r\n\r\nHi'), 'message/rfc822'),
  });

describe('Drive ids set aside in advance', () => {
  it('are fetched in blocks shared by every taker', async () => {
    const { drive, google } = setup();
    const pool = new DriveIdPool(drive, { blockSize: 100 });
    const taken = await Promise.all(Array.from({ length: 150 }, () => pool.take(1)));
    expect(new Set(taken.flat()).size).toBe(150);
    expect(google.counts.generateIds).toBe(2);
    expect(pool.requests).toBe(2);
  });

  it('a batch that says how many it needs gets them in one request, and nothing is fetched that is not needed', async () => {
    const { drive, google } = setup();
    const pool = new DriveIdPool(drive, { blockSize: 100 });
    pool.prefetch('files', 250);
    const taken = await Promise.all(Array.from({ length: 250 }, () => pool.take(1)));
    expect(new Set(taken.flat()).size).toBe(250);
    expect(google.counts.generateIds).toBe(1);
    await pool.take(1);
    expect(google.counts.generateIds).toBe(2);
  });

  it('a create whose answer was lost is settled with files.get on its id, never sent twice', async () => {
    let lose = 1;
    const { drive, google, transport } = setup({ loseAnswer: () => lose-- > 0 });
    const [id] = await drive.generateIds(1);
    const made = await eml(drive, id!);
    expect(made).toMatchObject({ created: false, file: { id } });
    expect(google.files.size).toBe(1);
    expect(google.counts.uploads).toBe(1);
    expect(transport.log.filter((r) => r.method === 'GET' && r.url.includes(`/files/${id}`))).toHaveLength(1);
  });

  it('a retry that meets 409 checks the file is this source’s and counts it as made', async () => {
    const { drive, google } = setup();
    const [id] = await drive.generateIds(1);
    await eml(drive, id!);
    const again = await eml(drive, id!);
    expect(again).toMatchObject({
      created: false,
      file: { id, appProperties: { srcId: '<visit@school.example>' } },
    });
    expect(google.files.size).toBe(1);
  });

  it('an id holding another source’s file is refused with a sentence, and nothing is overwritten', async () => {
    const { drive, google } = setup();
    const [id] = await drive.generateIds(1);
    await eml(drive, id!, '<first@school.example>');
    await expect(eml(drive, id!, '<second@school.example>')).rejects.toThrow(
      /Drive already has a file under the id set aside for <second@school.example>.*Nothing was overwritten/,
    );
    expect(google.files.get(id!)?.appProperties?.srcId).toBe('<first@school.example>');
  });
});

describe('source tags Drive can keep', () => {
  it('a Message-ID too long for an app property is shortened the same way every time, and still recognised', async () => {
    const long = `<${'x'.repeat(150)}.é@outlook.example>`;
    const stored = storedSrcId(`${long}/attachment/2`);
    expect(Buffer.byteLength(`srcId${stored}`)).toBeLessThanOrEqual(124);
    expect(storedSrcId(`${long}/attachment/2`)).toBe(stored);
    expect(storedSrcId(`${long}/attachment/3`)).not.toBe(stored);
    expect(storedSrcId('<short@school.example>')).toBe('<short@school.example>');
    const { drive, google } = setup();
    const [id] = await drive.generateIds(1);
    await eml(drive, id!, long);
    expect(await eml(drive, id!, long)).toMatchObject({ created: false, file: { id } });
    expect(google.files.get(id!)?.appProperties?.srcId).toBe(storedSrcId(long));
  });
});

describe('searches that must be complete', () => {
  it('follow nextPageToken through short pages instead of trusting the first', async () => {
    const { drive, google } = setup({ pageMax: 2 });
    for (let i = 0; i < 5; i++)
      google.files.set(`f${i}`, {
        id: `f${i}`,
        parents: ['step-6'],
        // Google may answer a page with nothing that matches and a nextPageToken.
        appProperties: { src: i === 4 ? 'gmail' : 'docs', srcId: 'wanted' },
      });
    const found = await findBySource(drive, 'step-6', { src: 'gmail', srcId: 'wanted' });
    expect(found?.id).toBe('f4');
    expect(google.counts.lists).toBe(3);
  });
});
