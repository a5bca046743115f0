// 500 filings against a sandbox that fails one request in five (429, 500, 503, dropped connections, before or
// after the write): every filing lands exactly once, a second run changes nothing, and a sandbox restart in the
// middle of the batch loses nothing either.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Filing } from '../../shared/domain';
import { utf8Encode } from '../../shared/google/bytes';
import type { Drive } from '../../shared/google/drive';
import { NOT_TRASHED, allOf, inFolder } from '../../shared/google/drive-query';
import { a1 } from '../../shared/google/sheets';
import type { Sheets } from '../../shared/google/sheets';
import { TableAppender } from '../../shared/google/table-rows';
import type { EmailToFile } from '../../shared/filing/file-email';
import { FilingQueue } from '../../shared/filing/filing-queue';
import { ROW_ID_HEADER, tabByKey } from '../../shared/schema/sheet';
import { connect, createSpreadsheetWithTabs, type ProductGoogle } from '../../tools/google/connect';
import { nodeClock } from '../../tools/google/node-transport';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';

const FILINGS = 500;
const filingsTab = tabByKey('filings');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Quick retries: the sandbox answers in microseconds, so Google-sized backoff would only slow the test. */
const retry = { baseDelayMs: 20, maxDelayMs: 1000, maxAttempts: 8, timeoutMs: 10_000 };

/** A sandbox with an empty step folder and a spreadsheet holding the Filings tab, made before faults start. */
async function prepared(seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-faults-'));
  dirs.push(dir);
  const calm = await startSandbox({ dir, port: 0 });
  const setup = connect({ origin: calm.url, retry });
  const folder = await setup.drive.create({
    name: 'Step 6 - School visit',
    mimeType: 'application/vnd.google-apps.folder',
  });
  const spreadsheetId = await createSpreadsheetWithTabs(setup.sheets, 'Network', [filingsTab]);
  setup.close();
  const port = calm.port;
  await calm.close();
  const sandbox = await startSandbox({ dir, port, faultRate: 0.2, seed });
  return { dir, port, sandbox, folderId: folder.id!, spreadsheetId };
}

function emails(folderId: string): EmailToFile[] {
  return Array.from({ length: FILINGS }, (_, i) => ({
    messageId: `18d${(0x10000 + i).toString(16)}`,
    subject: `Visit ${Math.floor(i / 10) + 1}: notes from classroom ${(i % 10) + 1}`,
    from: 'Principal <principal@school.example>',
    raw: utf8Encode(
      `From: principal@school.example\r\nSubject: Visit notes ${i}\r\n\r\nObservation ${i}.\r\n`,
    ),
    cycleId: 'cycle-lead-1',
    step: 6,
    stepFolderId: folderId,
  }));
}

function queueFor(google: ProductGoogle, spreadsheetId: string): FilingQueue {
  return new FilingQueue({
    drive: google.drive,
    filings: new TableAppender(google.sheets, spreadsheetId, filingsTab),
    clock: nodeClock,
    concurrency: 8,
    rows: { lingerMs: 20, minGapMs: 50, maxRows: 250 },
  });
}

async function fileAll(
  queue: FilingQueue,
  batch: EmailToFile[],
  midway?: () => Promise<void>,
): Promise<Filing[]> {
  let done = 0;
  let restarting: Promise<void> | undefined;
  const all = batch.map((email) =>
    queue.fileEmail(email).then((filing) => {
      if (++done === Math.floor(batch.length / 3) && midway) restarting = midway();
      return filing;
    }),
  );
  const filed = await Promise.all(all);
  await restarting;
  return filed;
}

async function countFiles(drive: Drive, folderId: string) {
  const files = await drive.listAll(allOf(inFolder(folderId), NOT_TRASHED));
  return { files: files.length, sources: new Set(files.map((f) => f.appProperties?.srcId)).size };
}

async function countRows(sheets: Sheets, spreadsheetId: string) {
  const got = await sheets.batchGet(spreadsheetId, [a1(filingsTab.name)]);
  const [header = [], ...rows] = (got.valueRanges?.[0]?.values ?? []) as string[][];
  const idAt = header.indexOf(ROW_ID_HEADER);
  return { rows: rows.length, ids: new Set(rows.map((r) => r[idAt])).size };
}

describe('filing 500 emails while Google misbehaves', () => {
  it('ends with exactly 500 files and 500 rows, and a second run changes nothing', async () => {
    const { sandbox, folderId, spreadsheetId } = await prepared(20250303);
    const google = connect({ origin: sandbox.url, retry, sheetsLimit: null });
    try {
      const batch = emails(folderId);
      const first = await fileAll(queueFor(google, spreadsheetId), batch);
      expect(new Set(first.map((f) => f.driveFileId)).size).toBe(FILINGS);
      expect(sandbox.stats().faults.after).toBeGreaterThan(20);
      expect(await countFiles(google.drive, folderId)).toEqual({ files: FILINGS, sources: FILINGS });
      expect(await countRows(google.sheets, spreadsheetId)).toEqual({ rows: FILINGS, ids: FILINGS });

      const again = await fileAll(queueFor(google, spreadsheetId), batch);
      expect(again.map((f) => f.driveFileId)).toEqual(first.map((f) => f.driveFileId));
      expect(await countFiles(google.drive, folderId)).toEqual({ files: FILINGS, sources: FILINGS });
      expect(await countRows(google.sheets, spreadsheetId)).toEqual({ rows: FILINGS, ids: FILINGS });
    } finally {
      google.close();
      await sandbox.close();
    }
  });

  it('survives the sandbox restarting in the middle of the batch', async () => {
    const ctx = await prepared(77);
    let sandbox: Sandbox = ctx.sandbox;
    const google = connect({ origin: sandbox.url, retry, sheetsLimit: null });
    try {
      const batch = emails(ctx.folderId);
      let restarts = 0;
      const restart = async () => {
        await sandbox.close();
        sandbox = await startSandbox({ dir: ctx.dir, port: ctx.port, faultRate: 0.2, seed: 78 });
        restarts++;
      };
      await fileAll(queueFor(google, ctx.spreadsheetId), batch, restart);
      expect(restarts).toBe(1);
      // The restarted sandbox did real work (and failed some of it) for the rest of the batch.
      expect(sandbox.stats().byRoute['drive.files.create.upload']).toBeGreaterThan(100);
      expect(sandbox.stats().faults.before + sandbox.stats().faults.after).toBeGreaterThan(20);
      expect(await countFiles(google.drive, ctx.folderId)).toEqual({ files: FILINGS, sources: FILINGS });
      expect(await countRows(google.sheets, ctx.spreadsheetId)).toEqual({ rows: FILINGS, ids: FILINGS });

      await fileAll(queueFor(google, ctx.spreadsheetId), batch);
      expect(await countFiles(google.drive, ctx.folderId)).toEqual({ files: FILINGS, sources: FILINGS });
      expect(await countRows(google.sheets, ctx.spreadsheetId)).toEqual({ rows: FILINGS, ids: FILINGS });
    } finally {
      google.close();
      await sandbox.close();
    }
  });
});
