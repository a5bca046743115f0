import { describe, expect, it } from 'vitest';
import { concatBytes, utf8Encode } from '../../../shared/google/bytes';
import { GoogleClient } from '../../../shared/google/client';
import { Drive } from '../../../shared/google/drive';
import { hasAppProperty, quote } from '../../../shared/google/drive-query';
import { ensureShortcut, ensureUpload, sourceQuery } from '../../../shared/google/source-files';
import { CHUNK_UNIT } from '../../../shared/google/upload';
import { NetworkError } from '../../../shared/google/transport';
import { CountingTokens, FakeClock, type Script, ScriptedTransport, json, tinyDrive } from './fakes';

function drive(script: Script) {
  const transport = new ScriptedTransport(script);
  const client = new GoogleClient({
    transport,
    tokens: new CountingTokens(),
    clock: new FakeClock(),
    retry: { maxAttempts: 5 },
  });
  return { transport, drive: new Drive(client, 'http://127.0.0.1:9/') };
}

const eml = {
  folderId: 'step-6',
  source: { src: 'gmail', srcId: '18c2a0f1' },
  name: 'Visit plan.eml',
  mimeType: 'message/rfc822',
  content: utf8Encode('Subject: hi\r\n\r\nbody'),
};

describe('Drive queries', () => {
  it('quotes values so an id with a quote or backslash cannot break out of the query', () => {
    expect(quote("O'Brien\\x")).toBe("'O\\'Brien\\\\x'");
    expect(hasAppProperty('srcId', "a'b")).toBe("appProperties has { key='srcId' and value='a\\'b' }");
    expect(sourceQuery('folder-1', { src: 'gmail', srcId: 'm1' })).toBe(
      "'folder-1' in parents and appProperties has { key='srcId' and value='m1' } and trashed = false",
    );
  });
});

describe('creating files idempotently', () => {
  it('filing the same email twice keeps one copy', async () => {
    const fake = tinyDrive();
    const { drive: d } = drive(fake.script);
    const first = await ensureUpload(d, eml);
    const second = await ensureUpload(d, eml);
    expect(first.created).toBe(true);
    expect(second).toEqual({ file: first.file, created: false });
    expect(fake.files).toHaveLength(1);
    expect(fake.files[0]).toMatchObject({
      parents: ['step-6'],
      appProperties: { src: 'gmail', srcId: '18c2a0f1' },
    });
  });

  it('a create whose answer was lost twice still leaves exactly one file', async () => {
    const fake = tinyDrive({ loseCreateAnswers: 2 });
    const { drive: d, transport } = drive(fake.script);
    const result = await ensureUpload(d, eml);
    expect(fake.files).toHaveLength(1);
    expect(result).toMatchObject({ file: { id: 'file-1' }, created: false });
    expect(transport.log.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('filing a Doc makes a shortcut to it, and the Doc itself is not touched', async () => {
    const fake = tinyDrive();
    const { drive: d, transport } = drive(fake.script);
    await ensureShortcut(d, {
      folderId: 'step-2',
      source: { src: 'docs', srcId: 'doc-9' },
      name: 'Research notes',
      targetId: 'doc-9',
    });
    expect(fake.files[0]).toMatchObject({
      mimeType: 'application/vnd.google-apps.shortcut',
      shortcutDetails: { targetId: 'doc-9' },
      parents: ['step-2'],
    });
    expect(transport.log.some((r) => r.url.includes('doc-9') && r.method !== 'GET')).toBe(false);
  });
});

describe('uploads', () => {
  it('sends small files as one multipart/related request with the metadata and the bytes', async () => {
    const { drive: d, transport } = drive(() => json(200, { id: 'f' }));
    const content = Uint8Array.from([0, 255, 13, 10, 45, 45]);
    await d.upload({ name: 'a.bin', parents: ['p'] }, content, 'application/octet-stream');
    const req = transport.log[0]!;
    expect(req.url).toBe(
      'http://127.0.0.1:9/upload/drive/v3/files?uploadType=multipart&fields=id%2Cname%2CmimeType%2Cparents%2CappProperties',
    );
    const boundary = /boundary=(.+)$/.exec(req.headers['content-type']!)![1]!;
    const expected = concatBytes([
      utf8Encode(
        `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{"name":"a.bin","parents":["p"]}\r\n--${boundary}\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      utf8Encode(`\r\n--${boundary}--\r\n`),
    ]);
    expect(req.body).toEqual(expected);
  });

  it('sends large files in resumable chunks and, after an interruption, resumes from what Drive says it has', async () => {
    const total = 3 * CHUNK_UNIT + 100;
    const content = new Uint8Array(total).map((_, i) => i % 251);
    let stored: Uint8Array = new Uint8Array(0);
    let interrupted = false;
    const { drive: d, transport } = drive((req) => {
      if (req.method === 'POST')
        return json(
          200,
          {},
          { location: 'http://127.0.0.1:9/upload/drive/v3/files?uploadType=resumable&upload_id=s1' },
        );
      const range = req.headers['content-range']!;
      if (range.startsWith('bytes */'))
        return { status: 308, headers: { range: `bytes=0-${stored.length - 1}` }, body: '' };
      const [, start] = /bytes (\d+)-(\d+)\/(\d+)/.exec(range)!.map(Number);
      const chunk = req.body as Uint8Array;
      if (start === CHUNK_UNIT * 2 && !interrupted) {
        interrupted = true;
        stored = concatBytes([stored, chunk.subarray(0, 1000)]); // half a chunk arrived, then the line dropped
        return new NetworkError('reset', 'socket hang up');
      }
      stored = concatBytes([stored.subarray(0, start!), chunk]);
      if (stored.length === total) return json(200, { id: 'big', name: 'video.mp4' });
      return { status: 308, headers: { range: `bytes=0-${stored.length - 1}` }, body: '' };
    });
    const file = await d.upload({ name: 'video.mp4' }, content, 'video/mp4', {
      multipartLimit: CHUNK_UNIT,
      chunkSize: CHUNK_UNIT,
    });
    expect(file.id).toBe('big');
    expect(Buffer.compare(stored, content)).toBe(0);
    const ranges = transport.log.filter((r) => r.method === 'PUT').map((r) => r.headers['content-range']);
    expect(ranges).toEqual([
      `bytes 0-${CHUNK_UNIT - 1}/${total}`,
      `bytes ${CHUNK_UNIT}-${2 * CHUNK_UNIT - 1}/${total}`,
      `bytes ${2 * CHUNK_UNIT}-${3 * CHUNK_UNIT - 1}/${total}`,
      `bytes */${total}`,
      `bytes ${2 * CHUNK_UNIT + 1000}-${total - 1}/${total}`,
    ]);
  });
});
