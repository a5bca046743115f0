import { describe, expect, it } from 'vitest';
import { type FilingContext, fileEmail, type EmailToFile } from '../../../shared/filing/file-email';
import { fileDoc } from '../../../shared/filing/file-doc';
import { FilingQueue } from '../../../shared/filing/filing-queue';
import { filingRow } from '../../../shared/filing/filing-row';
import { utf8Encode } from '../../../shared/google/bytes';
import { GoogleClient } from '../../../shared/google/client';
import { Drive } from '../../../shared/google/drive';
import type { TableRow } from '../../../shared/google/table-rows';
import { CountingTokens, FakeClock, ScriptedTransport, tinyDrive } from '../google/fakes';

function setup(options: { loseCreateAnswers?: number } = {}) {
  const fake = tinyDrive(options);
  const transport = new ScriptedTransport(fake.script);
  const clock = new FakeClock();
  const drive = new Drive(
    new GoogleClient({ transport, tokens: new CountingTokens(), clock }),
    'http://127.0.0.1:9',
  );
  const rows: TableRow[] = [];
  const ctx: FilingContext = {
    drive,
    rows: { add: async (row) => void rows.push(row) },
    now: () => new Date(clock.now()).toISOString(),
    filedBy: 'ild@network.example',
  };
  return { fake, transport, clock, drive, rows, ctx };
}

const email: EmailToFile = {
  messageId: '18c2a0f1b',
  subject: 'Re: visit / schedule',
  from: 'Principal <p@school.example>',
  raw: utf8Encode('Subject: Re: visit / schedule\r\n\r\nSee you Tuesday.\r\n'),
  attachments: [
    { name: 'agenda.pdf', mimeType: 'application/pdf', content: Uint8Array.from([37, 80, 68, 70]) },
  ],
  cycleId: 'cycle-1',
  step: 6,
  stepFolderId: 'step-6',
};

describe('filing an email', () => {
  it('puts the .eml and its attachment in the step folder, tagged with the message id, and writes one row', async () => {
    const { fake, rows, ctx } = setup();
    const filing = await fileEmail(ctx, email);
    expect(fake.files.map((f) => [f.name, f.appProperties])).toEqual([
      ['Re: visit schedule.eml', { src: 'gmail', srcId: '18c2a0f1b' }],
      ['agenda.pdf', { src: 'gmail', srcId: '18c2a0f1b/attachment/1' }],
    ]);
    expect(rows).toEqual([filingRow(filing)]);
    expect(rows[0]).toMatchObject({
      id: 'email:18c2a0f1b:cycle-1:6',
      record: {
        kind: 'email',
        step: 6,
        title: 'Re: visit / schedule',
        driveFileId: 'file-1',
        filedBy: 'ild@network.example',
      },
    });
  });

  it('filing it again (or after a lost answer) makes no second copy and keeps the same row id', async () => {
    const { fake, rows, ctx } = setup({ loseCreateAnswers: 1 });
    const first = await fileEmail(ctx, email);
    const second = await fileEmail(ctx, email);
    expect(fake.files).toHaveLength(2);
    expect(second.driveFileId).toBe(first.driveFileId);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(['email:18c2a0f1b:cycle-1:6']));
  });

  it('refuses an email without a message id with a sentence, before touching Drive', async () => {
    const { transport, ctx } = setup();
    await expect(fileEmail(ctx, { ...email, messageId: '' })).rejects.toThrow(
      'This cannot be filed: sourceId: an id cannot be empty',
    );
    expect(transport.log).toHaveLength(0);
  });
});

describe('filing a Doc', () => {
  it('adds a shortcut in the step folder and a doc row', async () => {
    const { fake, rows, ctx } = setup();
    await fileDoc(ctx, {
      docId: 'doc-42',
      title: 'Problem of practice',
      cycleId: 'cycle-1',
      step: 1,
      stepFolderId: 'step-1',
    });
    expect(fake.files[0]).toMatchObject({
      shortcutDetails: { targetId: 'doc-42' },
      appProperties: { src: 'docs', srcId: 'doc-42' },
    });
    expect(rows[0]).toMatchObject({
      id: 'doc:doc-42:cycle-1:1',
      record: { kind: 'doc', sourceId: 'doc-42' },
    });
  });
});

describe('the filing queue', () => {
  it('two clicks on the same email while it is being filed share one filing', async () => {
    const { fake, drive, clock } = setup();
    const appended: string[][] = [];
    const queue = new FilingQueue({
      drive,
      clock,
      filings: {
        append: async (rows) => (
          appended.push(rows.map((r) => r.id)),
          { appended: rows.map((r) => r.id), alreadyThere: [] }
        ),
      },
    });
    const [a, b] = await Promise.all([queue.fileEmail(email), queue.fileEmail(email)]);
    expect(a).toBe(b);
    expect(fake.files).toHaveLength(2);
    expect(appended).toEqual([['email:18c2a0f1b:cycle-1:6']]);
  });
});
