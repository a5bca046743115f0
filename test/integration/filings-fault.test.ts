// 500 filings against a sandbox that behaves as badly as Google may: one request in five fails (429 without
// Retry-After, 500, 503, dropped connections, before or after the write), list pages hold 7 files, and a new file
// shows in searches only 2 s later. Every email lands exactly once, a second run changes nothing, a sandbox
// killed with SIGKILL mid-batch loses nothing, and a second member filing the same email is told who filed it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Filer } from '../../shared/filing/filer';
import type { EmailContent } from '../../shared/filing/file-email';
import { type FilingJob, emailJob } from '../../shared/filing/filing-job';
import { utf8Encode } from '../../shared/google/bytes';
import { type Drive, FOLDER_MIME } from '../../shared/google/drive';
import { NOT_TRASHED, allOf, inFolder } from '../../shared/google/drive-query';
import { a1, type Sheets } from '../../shared/google/sheets';
import { TableAppender } from '../../shared/google/table-rows';
import { ROW_ID_HEADER, tabByKey } from '../../shared/schema/sheet';
import { connect, createSpreadsheetWithTabs, type ProductGoogle } from '../../tools/google/connect';
import { nodeClock, staticTokens } from '../../tools/google/node-transport';
import { grantToken } from '../../tools/sandbox/auth';
import { startSandbox, type SandboxOptions, type SandboxStats } from '../../tools/sandbox/server';

const FILINGS = 500;
const SEARCH_LAG_MS = 2000;
const filingsTab = tabByKey('filings');
const root = join(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Google's behaviour at its worst, short of an outage. */
const hostile = { faultRate: 0.2, listPageMax: 7, searchLagMs: SEARCH_LAG_MS, retryAfter: false };
/** Quick retries: the sandbox answers in microseconds, so Google-sized backoff would only slow the test. */
const retry = { baseDelayMs: 20, maxDelayMs: 1000, maxAttempts: 8, timeoutMs: 10_000, quotaWaitMs: 20_000 };

/** An empty step folder and a spreadsheet with the Filings tab, made before the faults start. */
async function prepared(options: Partial<SandboxOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-faults-'));
  dirs.push(dir);
  const calm = await startSandbox({ dir, port: 0, ...options });
  const setup = connect({ origin: calm.url, retry, tokens: staticTokens('token-a') });
  const folderId = (await setup.drive.create({ name: 'Step 6 - School visit', mimeType: FOLDER_MIME })).id!;
  const spreadsheetId = await createSpreadsheetWithTabs(setup.sheets, 'Network', [filingsTab]);
  setup.close();
  await calm.close();
  return { dir, port: calm.port, folderId, spreadsheetId };
}

function emails(folderId: string, from = 0, count = FILINGS) {
  const target = { cycleId: 'cycle-lead-1', step: 6 as const, stepFolderId: folderId, school: 'Maple Grove' };
  const contents = new Map<string, EmailContent>();
  const jobs: FilingJob[] = Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const messageId = `<visit-${i}@school.example>`;
    const raw = utf8Encode(
      `Message-ID: ${messageId}\r\nSubject: Visit notes ${i}\r\n\r\nObservation ${i}.\r\n`,
    );
    const subject = `Visit ${Math.floor(i / 10) + 1}: notes from classroom ${(i % 10) + 1}`;
    const job = emailJob({ messageId, subject, gmailMessageId: `18d${(0x10000 + i).toString(16)}` }, target, {
      now: new Date().toISOString(),
    });
    contents.set(job.key, {
      raw,
      attachments: i % 25 === 0 ? [{ filename: `chart ${i}.png`, content: raw }] : [],
    });
    return job;
  });
  const files = jobs.length + [...contents.values()].reduce((n, c) => n + (c.attachments?.length ?? 0), 0);
  return { jobs, contents, files };
}

function filerFor(google: ProductGoogle, spreadsheetId: string, me = 'dana@school.example'): Filer {
  return new Filer({
    drive: google.drive,
    filings: new TableAppender(google.sheets, spreadsheetId, filingsTab),
    clock: nodeClock,
    me,
    concurrency: 8,
    rows: { lingerMs: 20, minGapMs: 50, maxRows: 250 },
  });
}

async function fileAll(filer: Filer, batch: ReturnType<typeof emails>, midway?: () => Promise<void>) {
  let restarting: Promise<void> | undefined;
  const run = await filer.run(batch.jobs, {
    content: async (job) => batch.contents.get(job.key)!,
    progress: (p) => {
      if (p.finished === Math.floor(p.total / 3) && midway) restarting = midway();
    },
  });
  await restarting;
  lastFiled = Date.now();
  return run;
}

/** When the last batch ended: a search sees its files only SEARCH_LAG_MS later. */
let lastFiled = 0;

/** Counted through searches, so they wait out the search lag first and follow every short page. */
async function countFiles(drive: Drive, folderId: string) {
  await new Promise((r) => setTimeout(r, Math.max(0, lastFiled + SEARCH_LAG_MS + 100 - Date.now())));
  const files = await drive.listAll(allOf(inFolder(folderId), NOT_TRASHED));
  return { files: files.length, sources: new Set(files.map((f) => f.appProperties?.srcId)).size };
}

async function countRows(sheets: Sheets, spreadsheetId: string) {
  const got = await sheets.batchGet(spreadsheetId, [a1(filingsTab.name)]);
  const [header = [], ...rows] = (got.valueRanges?.[0]?.values ?? []) as string[][];
  const idAt = header.indexOf(ROW_ID_HEADER);
  return { rows: rows.length, ids: new Set(rows.map((r) => r[idAt])).size };
}

const statuses = (jobs: FilingJob[]) =>
  jobs.reduce<Record<string, number>>(
    (n, j) => ((n[j.result?.status ?? 'none'] = (n[j.result?.status ?? 'none'] ?? 0) + 1), n),
    {},
  );

describe('filing 500 emails while Google misbehaves', () => {
  it('ends with exactly one file per part and 500 rows, and a second run changes nothing', async () => {
    const ctx = await prepared();
    const sandbox = await startSandbox({ dir: ctx.dir, port: ctx.port, seed: 20250303, ...hostile });
    const google = connect({ origin: sandbox.url, retry, sheetsLimit: null });
    try {
      const batch = emails(ctx.folderId);
      const first = await fileAll(filerFor(google, ctx.spreadsheetId), batch);
      expect(statuses(first.jobs)).toEqual({ filed: FILINGS });
      expect(sandbox.stats().faults.after).toBeGreaterThan(20);
      expect(sandbox.stats().byStatus['429']).toBeGreaterThan(10);
      expect(await countFiles(google.drive, ctx.folderId)).toEqual({
        files: batch.files,
        sources: batch.files,
      });
      expect(await countRows(google.sheets, ctx.spreadsheetId)).toEqual({ rows: FILINGS, ids: FILINGS });

      // The same emails queued again (new jobs, new ids): the Filings tab says they are filed, nothing is uploaded.
      const uploads = sandbox.stats().byRoute['drive.files.create.upload'];
      const again = await fileAll(filerFor(google, ctx.spreadsheetId), emails(ctx.folderId));
      expect(statuses(again.jobs)).toEqual({ 'already-filed': FILINGS });
      expect(sandbox.stats().byRoute['drive.files.create.upload']).toBe(uploads);
      expect(await countFiles(google.drive, ctx.folderId)).toEqual({
        files: batch.files,
        sources: batch.files,
      });
      expect(await countRows(google.sheets, ctx.spreadsheetId)).toEqual({ rows: FILINGS, ids: FILINGS });
    } finally {
      google.close();
      await sandbox.close();
    }
  });

  it('loses nothing when the sandbox process is killed (SIGKILL) and restarted in the middle of the batch', async () => {
    const ctx = await prepared();
    let child = await sandboxProcess(ctx.dir, ctx.port, 77);
    const google = connect({
      origin: `http://127.0.0.1:${ctx.port}`,
      // Long enough to ride out a restart (a few seconds on a busy 2-core machine).
      retry: { ...retry, maxDelayMs: 2000, maxAttempts: 12 },
      sheetsLimit: null,
    });
    try {
      const batch = emails(ctx.folderId);
      let kills = 0;
      const restart = async () => {
        await stop(child, 'SIGKILL');
        kills++;
        child = await sandboxProcess(ctx.dir, ctx.port, 78);
      };
      const first = await fileAll(filerFor(google, ctx.spreadsheetId), batch, restart);
      expect(kills).toBe(1);
      // The restarted sandbox did real work for the rest of the batch, and failed some of it.
      const after = (await (
        await fetch(`http://127.0.0.1:${ctx.port}/__sandbox/stats`)
      ).json()) as SandboxStats;
      expect(after.byRoute['drive.files.create.upload']).toBeGreaterThan(100);
      expect(after.faults.before + after.faults.after).toBeGreaterThan(20);
      expect(statuses(first.jobs)).toEqual({ filed: FILINGS });
      expect(await countFiles(google.drive, ctx.folderId)).toEqual({
        files: batch.files,
        sources: batch.files,
      });
      expect(await countRows(google.sheets, ctx.spreadsheetId)).toEqual({ rows: FILINGS, ids: FILINGS });

      // The jobs as the extension would have stored them, run again: nothing changes.
      const again = await filerFor(google, ctx.spreadsheetId).run(
        first.jobs.map((j) => ({ ...j, result: undefined })),
        { content: async (job) => batch.contents.get(job.key)! },
      );
      expect(statuses(again.jobs)).toEqual({ 'already-filed': FILINGS });
      expect(await countFiles(google.drive, ctx.folderId)).toEqual({
        files: batch.files,
        sources: batch.files,
      });
      expect(await countRows(google.sheets, ctx.spreadsheetId)).toEqual({ rows: FILINGS, ids: FILINGS });
    } finally {
      google.close();
      await stop(child, 'SIGTERM');
    }
  });
});

describe('two members of the network under drive.file', () => {
  it('the second member filing the same email makes no second copy and is told who filed it and when', async () => {
    const scopes = [
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/spreadsheets',
    ];
    const dir = mkdtempSync(join(tmpdir(), 'rounds-members-'));
    dirs.push(dir);
    const sandbox = await startSandbox({ dir, port: 0, listPageMax: 7, searchLagMs: SEARCH_LAG_MS });
    grantToken(sandbox.tokens, { token: 'token-a', scopes, user: 'dana@school.example' });
    grantToken(sandbox.tokens, { token: 'token-b', scopes, user: 'lee@school.example' });
    const dana = connect({ origin: sandbox.url, retry, tokens: staticTokens('token-a') });
    const lee = connect({ origin: sandbox.url, retry, tokens: staticTokens('token-b') });
    // Dana created the network: its step folder and spreadsheet are hers.
    const folderId = (await dana.drive.create({ name: 'Step 6 - School visit', mimeType: FOLDER_MIME })).id!;
    const ctx = {
      folderId,
      spreadsheetId: await createSpreadsheetWithTabs(dana.sheets, 'Network', [filingsTab]),
    };
    const pick = (fileId: string) =>
      fetch(`${sandbox.url}/__sandbox/pick`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'lee@school.example', fileId }),
      }).then((r) => expect(r.status).toBe(200));
    try {
      // Lee joined the network: the spreadsheet and the step folder were picked for Rounds.
      await pick(ctx.spreadsheetId);
      await pick(ctx.folderId);
      const email = emails(ctx.folderId, 0, 1);
      const danas = await fileAll(filerFor(dana, ctx.spreadsheetId, 'dana@school.example'), email);
      const filed = danas.jobs[0]!.result!;
      expect(filed).toMatchObject({ status: 'filed' });
      const emlId = danas.jobs[0]!.driveIds.eml!;

      await expect(lee.drive.get(emlId)).rejects.toMatchObject({ status: 404 });
      const uploads = sandbox.stats().byRoute['drive.files.create.upload'];
      const lees = await fileAll(
        filerFor(lee, ctx.spreadsheetId, 'lee@school.example'),
        emails(ctx.folderId, 0, 1),
      );
      expect(lees.jobs[0]!.result).toMatchObject({
        status: 'already-filed',
        filedBy: 'dana@school.example',
        filedAt: (filed as { filedAt: string }).filedAt,
        byYou: false,
        step: 6,
        school: 'Maple Grove',
      });
      expect(sandbox.stats().byRoute['drive.files.create.upload']).toBe(uploads);
      expect(await countRows(lee.sheets, ctx.spreadsheetId)).toEqual({ rows: 1, ids: 1 });
      expect(await countFiles(dana.drive, ctx.folderId)).toEqual({
        files: email.files,
        sources: email.files,
      });

      // Once Dana's file is picked for Lee, Lee can open it.
      await pick(emlId);
      expect(await lee.drive.get(emlId)).toMatchObject({ id: emlId, appProperties: { src: 'gmail' } });
    } finally {
      dana.close();
      lee.close();
      await sandbox.close();
    }
  });
});

/** `rounds sandbox` as its own process, so it can be killed the hard way; resolves once it listens. */
async function sandboxProcess(dir: string, port: number, seed: number): Promise<ChildProcess> {
  const args = [
    join(root, 'tools/bin/rounds.mjs'),
    'sandbox',
    ...['--dir', dir, '--port', String(port), '--seed', String(seed), '--fault-rate', '0.2'],
    ...['--list-page-max', '7', '--search-lag-ms', String(SEARCH_LAG_MS), '--no-retry-after'],
  ];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`the sandbox did not start: ${said}`)), 30_000);
    const listen = (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the sandbox exited (${code}): ${said}`)));
  });
  return child;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
