// `npm run bench`: files 200 emails against the local sandbox at 100 ms latency with Google's per-user Sheets
// limit (60 requests/min) switched on, once one filing at a time and once with the client's bounded
// concurrency, and prints requests per filing, 429s received, wall times and the speed-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { utf8Encode } from '../../shared/google/bytes';
import { FOLDER_MIME } from '../../shared/google/drive';
import { NOT_TRASHED, allOf, inFolder } from '../../shared/google/drive-query';
import { a1 } from '../../shared/google/sheets';
import { TableAppender } from '../../shared/google/table-rows';
import type { EmailToFile } from '../../shared/filing/file-email';
import { FilingQueue } from '../../shared/filing/filing-queue';
import { tabByKey } from '../../shared/schema/sheet';
import { connect, createSpreadsheetWithTabs } from '../google/connect';
import { nodeClock } from '../google/node-transport';
import { startSandbox } from '../sandbox/server';

const FILINGS = Number(process.env.BENCH_FILINGS ?? 200);
const LATENCY_MS = 100;
const SHEETS_LIMIT = { requests: 60, perMs: 60_000 };
const CONCURRENCY = 8;
const filingsTab = tabByKey('filings');

interface Run {
  label: string;
  wallMs: number;
  requests: number;
  sheetsRequests: number;
  tooMany: number;
  flushes: number;
  files: number;
  rows: number;
}

async function run(label: string, concurrency: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-bench-'));
  try {
    // Set-up (a step folder, the network spreadsheet) happens before the measured sandbox starts.
    const calm = await startSandbox({ dir, port: 0 });
    const setup = connect({ origin: calm.url });
    const folderId = (await setup.drive.create({ name: 'Step 6 - School visit', mimeType: FOLDER_MIME })).id!;
    const spreadsheetId = await createSpreadsheetWithTabs(setup.sheets, 'Network', [filingsTab]);
    setup.close();
    await calm.close();

    const sandbox = await startSandbox({
      dir,
      port: calm.port,
      latencyMs: LATENCY_MS,
      rateLimits: { sheets: SHEETS_LIMIT },
    });
    const google = connect({ origin: sandbox.url });
    try {
      const queue = new FilingQueue({
        drive: google.drive,
        filings: new TableAppender(google.sheets, spreadsheetId, filingsTab),
        clock: nodeClock,
        concurrency,
      });
      const started = performance.now();
      await Promise.all(emails(folderId).map((email) => queue.fileEmail(email)));
      const wallMs = performance.now() - started;
      const stats = sandbox.stats();
      const sheetsRequests = Object.entries(stats.byRoute)
        .filter(([route]) => route.startsWith('sheets.'))
        .reduce((sum, [, n]) => sum + n, 0);
      // Checked after the counts are taken, so the check's own requests are not billed to the filings.
      const files = (await google.drive.listAll(allOf(inFolder(folderId), NOT_TRASHED), 'id')).length;
      const values =
        (await google.sheets.batchGet(spreadsheetId, [a1(filingsTab.name, 'A:A')])).valueRanges?.[0]
          ?.values ?? [];
      return {
        label,
        wallMs,
        requests: stats.total,
        sheetsRequests,
        tooMany: stats.byStatus['429'] ?? 0,
        flushes: queue.flushes,
        files,
        rows: values.length - 1,
      };
    } finally {
      google.close();
      await sandbox.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function emails(folderId: string): EmailToFile[] {
  return Array.from({ length: FILINGS }, (_, i) => ({
    messageId: `18e${(0x10000 + i).toString(16)}`,
    subject: `Walkthrough notes ${i + 1}`,
    from: 'Principal <principal@school.example>',
    raw: utf8Encode(
      `From: principal@school.example\r\nSubject: Walkthrough notes ${i + 1}\r\n\r\nNotes.\r\n`,
    ),
    cycleId: 'cycle-bench',
    step: 6,
    stepFolderId: folderId,
  }));
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const pad = (text: string | number, width: number) => String(text).padStart(width);

out(`Filing ${FILINGS} emails (no attachments) into the sandbox at ${LATENCY_MS} ms latency,`);
out(
  `Sheets limited to ${SHEETS_LIMIT.requests} requests/min/user as Google does; both runs batch the Filings rows.\n`,
);
const sequential = await run('sequential (1 in flight)', 1);
const concurrent = await run(`bounded (${CONCURRENCY} in flight)`, CONCURRENCY);

out(
  `${'run'.padEnd(28)}${pad('wall', 9)}${pad('requests', 10)}${pad('per filing', 12)}${pad('Sheets', 8)}${pad('flushes', 9)}${pad('429s', 6)}${pad('files', 7)}${pad('rows', 6)}`,
);
for (const r of [sequential, concurrent]) {
  out(
    `${r.label.padEnd(28)}${pad(`${(r.wallMs / 1000).toFixed(1)} s`, 9)}${pad(r.requests, 10)}${pad((r.requests / FILINGS).toFixed(2), 12)}` +
      `${pad(r.sheetsRequests, 8)}${pad(r.flushes, 9)}${pad(r.tooMany, 6)}${pad(r.files, 7)}${pad(r.rows, 6)}`,
  );
}
const ratio = sequential.wallMs / concurrent.wallMs;
const perFiling = concurrent.requests / FILINGS;
const tooMany = sequential.tooMany + concurrent.tooMany;
out('');
out(`speed-up: ${ratio.toFixed(1)}x (target >= 5x)`);
out(`requests per filing: ${perFiling.toFixed(2)} (target <= 3)`);
out(`429s received: ${tooMany} (target 0)`);
out(
  `(writing each row on its own would cost 2 Sheets requests per filing: ${2 * FILINGS} requests, at least ${((2 * FILINGS) / SHEETS_LIMIT.requests).toFixed(1)} min at ${SHEETS_LIMIT.requests}/min.)`,
);
const complete = [sequential, concurrent].every((r) => r.files === FILINGS && r.rows === FILINGS);
if (!complete) out('NOT ALL FILINGS LANDED: see the files and rows columns.');
process.exitCode = ratio >= 5 && perFiling <= 3 && tooMany === 0 && complete ? 0 : 1;
