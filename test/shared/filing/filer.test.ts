import { describe, expect, it } from 'vitest';
import { Filer, type FilingIO } from '../../../shared/filing/filer';
import { NOT_VISIBLE_REASON } from '../../../shared/filing/file-doc';
import type { EmailContent } from '../../../shared/filing/file-email';
import {
  type FilingJob,
  docJob,
  emailJob,
  emailKey,
  messageIdOf,
  parseFilingJob,
} from '../../../shared/filing/filing-job';
import { utf8Encode } from '../../../shared/google/bytes';
import { GoogleClient } from '../../../shared/google/client';
import { Drive } from '../../../shared/google/drive';
import { Sheets } from '../../../shared/google/sheets';
import { TableAppender } from '../../../shared/google/table-rows';
import { ROW_ID_HEADER, tabByKey } from '../../../shared/schema/sheet';
import { CountingTokens, FakeClock, ScriptedTransport, googleError, json } from '../google/fakes';
import { tinyGoogle } from '../google/tiny-google';

const filingsTab = tabByKey('filings');
const header = filingsTab.columns.map((c) => c.header);
const target = { cycleId: 'cycle-2', step: 4 as const, stepFolderId: 'step-4', school: 'Maple Grove' };
const now = '2026-12-03T15:00:00.000Z';

/** One member's view of one network: their own client, the shared fake Google. */
function member(google: ReturnType<typeof tinyGoogle>, me: string, clock = new FakeClock()) {
  const transport = new ScriptedTransport(google.script);
  const client = new GoogleClient({
    transport,
    tokens: new CountingTokens(),
    clock,
    retry: { maxAttempts: 4 },
  });
  const drive = new Drive(client, 'http://127.0.0.1:9');
  const sheets = new Sheets(client, { origin: 'http://127.0.0.1:9' });
  const filer = new Filer({ drive, filings: new TableAppender(sheets, 's1', filingsTab), clock, me });
  return { filer, transport, clock };
}

function mail(n: number, attachments = 0): { job: FilingJob; content: EmailContent } {
  const messageId = `<visit-${n}@school.example>`;
  const raw = utf8Encode(`Message-ID: ${messageId}\r\nSubject: Visit ${n}\r\n\r\nNotes ${n}.\r\n`);
  return {
    job: emailJob(
      {
        messageId,
        subject: `Visit ${n}`,
        from: 'Dana <dana@school.example>',
        gmailMessageId: `18c${n}`,
        gmailThreadId: `18t${n}`,
      },
      target,
      { now, note: n === 1 ? 'for the debrief' : undefined },
    ),
    content: {
      raw,
      attachments: Array.from({ length: attachments }, (_, i) => ({
        filename: `data ${i + 1}.pdf`,
        mimeType: 'application/pdf',
        content: new Uint8Array([37, 80, 68, 70, i]).buffer,
      })),
    },
  };
}

function io(contents: Map<string, EmailContent>, saved: FilingJob[] = []): FilingIO {
  return {
    content: async (job) => contents.get(job.key)!,
    save: (job) => void saved.push(JSON.parse(JSON.stringify(job))),
  };
}

const cell = (row: { cells: unknown[] }, h: string) => row.cells[header.indexOf(h)];

describe('filing an email', () => {
  it('puts the .eml and each attachment in the step folder under ids set aside in advance, and writes one row', async () => {
    const google = tinyGoogle(header);
    const { filer } = member(google, 'dana@school.example');
    const { job, content } = mail(1, 2);
    const run = await filer.run([job], io(new Map([[job.key, content]])));
    const result = run.jobs[0]!.result!;
    expect(result.status).toBe('filed');
    expect([...google.files.values()].map((f) => [f.name, f.parents, f.appProperties?.srcId])).toEqual([
      ['Visit 1.eml', ['step-4'], '<visit-1@school.example>'],
      ['data 1.pdf', ['step-4'], '<visit-1@school.example>/attachment/1'],
      ['data 2.pdf', ['step-4'], '<visit-1@school.example>/attachment/2'],
    ]);
    expect(Object.keys(run.jobs[0]!.driveIds)).toEqual(['eml', 'attachment:1', 'attachment:2']);
    expect([...google.files.keys()]).toEqual(Object.values(run.jobs[0]!.driveIds));
    const [row] = google.rows();
    expect(google.rows()).toHaveLength(1);
    expect(cell(row!, ROW_ID_HEADER)).toBe('email:visit-1@school.example');
    expect(cell(row!, 'Message-ID')).toBe('<visit-1@school.example>');
    expect(cell(row!, 'School')).toBe('Maple Grove');
    expect(cell(row!, 'Filed by')).toBe('dana@school.example');
    expect(cell(row!, 'Gmail thread ID')).toBe('18t1');
    expect(cell(row!, 'Note')).toBe('for the debrief');
    expect(String(cell(row!, 'Links')).split('\n')).toHaveLength(3);
  });

  it('a job stored as JSON and resumed after the worker stopped keeps its ids and makes no second copy', async () => {
    // The first worker's upload went through, its answer was lost, and the worker was stopped.
    let uploads = 0;
    const google = tinyGoogle(header, {
      loseAnswer: (req) => req.url.includes('/upload/') && ++uploads === 1,
    });
    const { job, content } = mail(7);
    const saved: FilingJob[] = [];
    const first = member(google, 'dana@school.example');
    const stopped = { aborted: false };
    await first.filer.run([job], {
      ...io(new Map([[job.key, content]]), saved),
      save: (j) => {
        saved.push(JSON.parse(JSON.stringify(j)));
        if (Object.keys(j.driveIds).length > 0 && !j.result) stopped.aborted = true;
      },
      signal: stopped,
    });
    const stored = parseFilingJob(JSON.parse(JSON.stringify(saved.find((j) => j.driveIds.eml)!)));
    // A new worker picks the stored job up: the same id, found with files.get, nothing uploaded twice.
    const second = member(google, 'dana@school.example');
    const run = await second.filer.run([{ ...stored, result: undefined }], io(new Map([[job.key, content]])));
    expect(run.jobs[0]!.driveIds.eml).toBe(stored.driveIds.eml);
    expect(run.jobs[0]!.result?.status).toMatch(/^(filed|already-filed)$/);
    expect([...google.files.keys()]).toEqual([stored.driveIds.eml]);
    expect(google.counts.uploads).toBe(1);
    expect(google.rows()).toHaveLength(1);
  });

  it('filing the same emails again changes nothing and uploads nothing', async () => {
    const google = tinyGoogle(header);
    const { filer } = member(google, 'dana@school.example');
    const batch = [1, 2, 3].map((n) => mail(n, 1));
    const contents = new Map(batch.map((m) => [m.job.key, m.content]));
    await filer.run(
      batch.map((m) => m.job),
      io(contents),
    );
    const uploads = google.counts.uploads;
    const again = await member(google, 'dana@school.example').filer.run(
      batch.map((m) => m.job),
      io(contents),
    );
    expect(again.jobs.map((j) => j.result?.status)).toEqual([
      'already-filed',
      'already-filed',
      'already-filed',
    ]);
    expect(again.jobs[0]!.result).toMatchObject({ byYou: true, step: 4, school: 'Maple Grove' });
    expect(google.counts.uploads).toBe(uploads);
    expect(google.files.size).toBe(6);
    expect(google.rows()).toHaveLength(3);
  });

  it('a second member filing the same email is told who filed it and when, and nothing is uploaded', async () => {
    const google = tinyGoogle(header);
    const { job, content } = mail(5, 1);
    const dana = member(google, 'dana@school.example');
    await dana.filer.run([job], io(new Map([[job.key, content]])));
    // Lee received the same email: another Gmail id, the same Message-ID.
    const lees = emailJob(
      { messageId: '<visit-5@school.example>', subject: 'Visit 5', gmailMessageId: 'ffff01' },
      target,
      { now },
    );
    const lee = member(google, 'lee@school.example');
    const run = await lee.filer.run([lees], io(new Map([[lees.key, content]])));
    expect(run.jobs[0]!.result).toMatchObject({
      status: 'already-filed',
      filedBy: 'dana@school.example',
      byYou: false,
      filedAt: '2025-03-03T09:00:00.000Z',
      cycleId: 'cycle-2',
      step: 4,
    });
    expect(lee.transport.log.some((r) => r.url.includes('/upload/'))).toBe(false);
    expect(google.files.size).toBe(2);
    expect(google.rows()).toHaveLength(1);
  });

  it('two members filing the same email at the same moment: one row, and the later copy goes to the trash', async () => {
    const google = tinyGoogle(header);
    const { job, content } = mail(11);
    const dana = member(google, 'dana@school.example');
    const lee = member(google, 'lee@school.example');
    // Lee looks at the Filings tab before Dana's row is there, then uploads while Dana's filing completes.
    let danaFiled: Promise<unknown> | undefined;
    const leeIo = io(new Map([[job.key, content]]));
    // Lee's copy of the same email has its own Gmail id; the Message-ID is what ties the two together.
    const leeWhat = job.what.kind === 'email' ? { ...job.what, gmailMessageId: 'ffff02' } : job.what;
    const leeRun = lee.filer.run([{ ...job, what: leeWhat }], {
      ...leeIo,
      content: async (j) => {
        danaFiled ??= dana.filer.run([job], io(new Map([[job.key, content]])));
        await danaFiled;
        return leeIo.content(j);
      },
    });
    const run = await leeRun;
    expect(run.jobs[0]!.result).toMatchObject({ status: 'already-filed', filedBy: 'dana@school.example' });
    expect(google.rows()).toHaveLength(1);
    const live = [...google.files.values()].filter((f) => !f.trashed);
    expect(live).toHaveLength(1);
    expect(google.files.get(run.jobs[0]!.driveIds.eml!)?.trashed).toBe(true);
  });

  it('recognises a row written by an older Rounds or by hand from its Message-ID column', async () => {
    const google = tinyGoogle(header);
    const row = header.map(() => '' as string | number);
    const put = (h: string, v: string | number) => (row[header.indexOf(h)] = v);
    put(ROW_ID_HEADER, 'email:18c9:cycle-1:6');
    put('Kind', 'email');
    put('Message-ID', '<visit-9@school.example>');
    put('Filed by', 'ild@network.example');
    put('Filed at', '2026-11-30T10:00:00.000Z');
    put('Step', 6);
    google.grid.push(row);
    const { filer } = member(google, 'dana@school.example');
    const { job, content } = mail(9);
    const run = await filer.run([job], io(new Map([[job.key, content]])));
    expect(run.jobs[0]!.result).toMatchObject({
      status: 'already-filed',
      filedBy: 'ild@network.example',
      filedAt: '2026-11-30T10:00:00.000Z',
      step: 6,
    });
    expect(google.files.size).toBe(0);
  });

  it('refuses content that is a different email than the one queued, filing nothing', async () => {
    const google = tinyGoogle(header);
    const { filer } = member(google, 'dana@school.example');
    const { job } = mail(1);
    const wrong = mail(2).content;
    const run = await filer.run([job], io(new Map([[job.key, wrong]])));
    expect(run.jobs[0]!.result).toMatchObject({ status: 'failed', retryable: false });
    expect((run.jobs[0]!.result as { message: string }).message).toContain('is a different email');
    expect(google.files.size).toBe(0);
    expect(google.rows()).toHaveLength(0);
  });
});

describe('filing a Doc', () => {
  it('adds a shortcut in the step folder when Rounds can see the Doc', async () => {
    const google = tinyGoogle(header);
    google.files.set('doc-9', {
      id: 'doc-9',
      name: 'Data analysis',
      mimeType: 'application/vnd.google-apps.document',
    });
    const { filer } = member(google, 'dana@school.example');
    const job = docJob({ docId: 'doc-9', title: 'Data analysis' }, target, { now });
    const run = await filer.run([job], io(new Map()));
    expect(run.jobs[0]!.result).toMatchObject({ status: 'filed', files: [{ slot: 'shortcut' }] });
    const shortcut = google.files.get(run.jobs[0]!.driveIds.shortcut!);
    expect(shortcut).toMatchObject({ shortcutDetails: { targetId: 'doc-9' }, parents: ['step-4'] });
    expect(google.files.get('doc-9')?.parents).toBeUndefined();
  });

  it('links the Doc from the Filings row and says why when Rounds cannot see it — not a failure', async () => {
    const google = tinyGoogle(header, { visible: new Set() });
    google.files.set('doc-x', { id: 'doc-x', name: 'Their Doc' });
    const { filer } = member(google, 'dana@school.example');
    const job = docJob({ docId: 'doc-x', title: 'Their Doc' }, target, { now });
    const run = await filer.run([job], io(new Map()));
    expect(run.jobs[0]!.result).toEqual({
      status: 'linked',
      filedAt: '2025-03-03T09:00:00.000Z',
      filedBy: 'dana@school.example',
      link: 'https://docs.google.com/document/d/doc-x/edit',
      reason: NOT_VISIBLE_REASON,
    });
    expect(google.files.size).toBe(1);
    expect(run.jobs[0]!.driveIds).toEqual({});
    expect(google.counts.generateIds).toBe(0);
    expect(cell(google.rows()[0]!, 'Links')).toBe('https://docs.google.com/document/d/doc-x/edit');
  });
});

describe('a bulk filing', () => {
  it('shares id blocks and row writes: one upload per email and no searches', async () => {
    const google = tinyGoogle(header);
    const { filer } = member(google, 'dana@school.example');
    const batch = Array.from({ length: 120 }, (_, i) => mail(i + 100));
    const run = await filer.run(
      batch.map((m) => m.job),
      io(new Map(batch.map((m) => [m.job.key, m.content]))),
    );
    expect(run.progress).toMatchObject({ total: 120, finished: 120, filed: 120, failed: 0 });
    expect(google.rows()).toHaveLength(120);
    expect(google.counts).toMatchObject({ generateIds: 1, uploads: 120, lists: 0, gets: 0 });
    expect(filer.flushes).toBeLessThan(20);
  });

  it('reports progress after every email, and a pause leaves the rest queued with nothing half-filed', async () => {
    const google = tinyGoogle(header);
    const { filer } = member(google, 'dana@school.example');
    const batch = Array.from({ length: 20 }, (_, i) => mail(i + 300));
    const signal = { aborted: false };
    const seen: number[] = [];
    const contents = new Map(batch.map((m) => [m.job.key, m.content]));
    let fetched = 0;
    const run = await filer.run(
      batch.map((m) => m.job),
      {
        ...io(contents),
        // The user presses pause while the sixth email is being fetched.
        content: async (job) => {
          if (++fetched === 6) signal.aborted = true;
          return contents.get(job.key)!;
        },
        signal,
        progress: (p) => void seen.push(p.finished),
      },
    );
    expect(run.stopped?.reason).toBe('aborted');
    const finished = run.jobs.filter((j) => j.result);
    expect(finished.length).toBeGreaterThanOrEqual(5);
    expect(finished.length).toBeLessThan(20);
    expect(seen).toEqual(finished.map((_, i) => i + 1));
    expect(google.rows()).toHaveLength(finished.length);
    // Resuming files the rest, each exactly once.
    signal.aborted = false;
    const rest = await filer.run(run.jobs, io(new Map(batch.map((m) => [m.job.key, m.content]))));
    expect(rest.progress.finished).toBe(20);
    expect(google.rows()).toHaveLength(20);
    expect(google.files.size).toBe(20);
  });

  it('every row lands, once, through a whole minute of Sheets 429s without Retry-After', async () => {
    const clock = new FakeClock(0, 0);
    const tooMany = json(429, {
      error: { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED', details: [] },
    });
    const google = tinyGoogle(header, {
      before: (req) => (req.url.includes('/v4/') && clock.now() < 60_000 ? tooMany : undefined),
    });
    const transport = new ScriptedTransport(google.script);
    // Google's default retry policy: only the clock is fake.
    const client = new GoogleClient({ transport, tokens: new CountingTokens(), clock });
    const filer = new Filer({
      drive: new Drive(client, 'http://127.0.0.1:9'),
      filings: new TableAppender(new Sheets(client, { origin: 'http://127.0.0.1:9' }), 's1', filingsTab),
      clock,
      me: 'dana@school.example',
    });
    const batch = Array.from({ length: 30 }, (_, i) => mail(i + 500));
    const run = await filer.run(
      batch.map((m) => m.job),
      io(new Map(batch.map((m) => [m.job.key, m.content]))),
    );
    expect(run.progress).toMatchObject({ filed: 30, failed: 0 });
    expect(clock.now()).toBeGreaterThanOrEqual(60_000);
    const ids = google.rows().map((r) => cell(r, ROW_ID_HEADER));
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(google.files.size).toBe(30);
  });

  it('stops and keeps everything queued when Google wants the user to sign in again', async () => {
    const google = tinyGoogle(header, { before: () => googleError(401, 'authError') });
    const { filer } = member(google, 'dana@school.example');
    const batch = [1, 2].map((n) => mail(n));
    const run = await filer.run(
      batch.map((m) => m.job),
      io(new Map(batch.map((m) => [m.job.key, m.content]))),
    );
    expect(run.stopped?.reason).toBe('sign-in-required');
    expect(run.jobs.every((j) => j.result === undefined)).toBe(true);
  });
});

describe('filing jobs as stored data', () => {
  it('round-trip through JSON and are checked when read back, with a sentence for what is wrong', () => {
    const { job } = mail(1);
    expect(parseFilingJob(JSON.parse(JSON.stringify(job)))).toEqual(JSON.parse(JSON.stringify(job)));
    expect(() => parseFilingJob({ ...job, target: { ...job.target, step: 9 } })).toThrow(
      'This filing job cannot be used: target.step: the step is a number from 1 to 8',
    );
    expect(() => emailJob({ messageId: '  ', subject: 'x' }, target, { now })).toThrow('has no Message-ID');
  });

  it('key an email by its Message-ID however it is written, read from a folded header if need be', () => {
    const raw = utf8Encode(
      'Subject: Data\r\nMessage-ID:\r\n <CAB+x=1@mail.gmail.com>\r\nFrom: a@b\r\n\r\nMessage-ID: <not-this@x>\r\n',
    );
    expect(messageIdOf(raw)).toBe('<CAB+x=1@mail.gmail.com>');
    expect(emailKey(messageIdOf(raw)!)).toBe(emailKey(' CAB+x=1@mail.gmail.com '));
    expect(messageIdOf(utf8Encode('Subject: none\r\n\r\nMessage-ID: <body@x>'))).toBeUndefined();
  });
});
