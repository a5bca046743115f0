// Works through the filing queue: turns each waiting email into a filing job once its original is read,
// hands the jobs to shared/filing's Filer (never twice: reserved Drive ids, the Filings tab's Message-IDs),
// and records every result. Pause and cancel stop it between requests; a sign-in that ended, a closed
// Gmail tab or no connection leaves the work queued with the reason shown, and it resumes by itself (an
// alarm wakes the worker) or when the user acts.
import type { QueueEntry, QueueState } from '../../shared/browser/filing-queue';
import { emailJob, type FilingJob } from '../../shared/filing/filing-job';
import { Filer } from '../../shared/filing/filer';
import { TableAppender } from '../../shared/google/table-rows';
import { filingFolder } from '../../shared/network/folder-layout';
import { tabByKey } from '../../shared/schema/sheet';
import { wakeLater } from '../platform/alarms';
import { browserClock } from '../platform/fetch-transport';
import { workerTokens } from './account';
import { workerGoogle } from './google';
import { refreshTables, storedNetwork } from './network';
import { contentOf, fetchOriginal, OriginalUnavailable } from './originals';
import { changeQueue, loadQueue } from './queue-store';

export const RETRY_ALARM = 'rounds-filing-retry';
/** Whole tries of one item (each already retried request by request) before it is shown as failed. */
const MAX_TRIES = 5;
/** Jobs handed to the filer at once: enough to batch rows, few enough that pause answers quickly. */
const BATCH = 40;

let running: Promise<void> | undefined;
let controller: AbortController | undefined;
let filer: { key: string; filer: Filer } | undefined;

/** Starts working through the queue unless already doing so. */
export function kickQueue(): Promise<void> {
  running ??= drain().finally(() => (running = undefined));
  return running;
}

/** Stops the current run between requests; what is unfinished stays queued. */
export function interruptQueue(): void {
  controller?.abort();
}

const isWaiting = (e: QueueEntry) => e.state === 'waiting' || e.state === 'filing';

async function drain(): Promise<void> {
  for (let round = 0; round < 1000; round++) {
    const queue = await loadQueue();
    if (queue.paused) return;
    const waiting = queue.entries.filter(isWaiting).slice(0, BATCH);
    if (waiting.length === 0) {
      if (queue.blocked) await changeQueue((q) => (q.blocked = undefined));
      return;
    }
    const email = await workerTokens.email();
    if (!email) return block('sign-in');
    const network = await storedNetwork();
    if (!network?.layout) return block('network');
    // A safety net: if the worker is stopped mid-batch, this alarm wakes it to carry on.
    wakeLater(RETRY_ALARM, 60_000);
    const moved = await runBatch(waiting, email, network.spreadsheetId, network.layout);
    if (!moved) return;
  }
}

async function block(why: NonNullable<QueueState['blocked']>): Promise<void> {
  await changeQueue((q) => (q.blocked = why));
}

function filerFor(email: string, spreadsheetId: string): Filer {
  const key = `${email}\n${spreadsheetId}`;
  if (filer?.key === key) return filer.filer;
  const google = workerGoogle();
  filer = {
    key,
    filer: new Filer({
      drive: google.drive,
      filings: new TableAppender(google.sheets, spreadsheetId, tabByKey('filings')),
      clock: browserClock,
      me: email,
    }),
  };
  return filer.filer;
}

/** The job for an email entry, made once its original is read (the Message-ID is its key). */
async function jobFor(
  entry: QueueEntry,
  layout: NonNullable<Awaited<ReturnType<typeof storedNetwork>>>['layout'],
  schoolName: (id: string | undefined) => string | undefined,
): Promise<FilingJob> {
  if (entry.job) return entry.job;
  if (!entry.gmailMessageId) throw new Error('This item names no email.');
  const stepFolderId = filingFolder(layout!, entry.choice);
  if (!stepFolderId)
    throw new Error(
      `Cycle ${entry.choice.cycleId}, step ${entry.choice.step} has no folder yet: set up the folders.`,
    );
  const original = await fetchOriginal(entry.tabId, entry.gmailMessageId);
  if (!original.messageId)
    throw new Error('This email has no Message-ID, so Rounds cannot make sure it is filed only once.');
  return emailJob(
    {
      messageId: original.messageId,
      subject: original.subject || '(no subject)',
      from: original.from || undefined,
      date: original.date || undefined,
      gmailMessageId: entry.gmailMessageId,
    },
    {
      cycleId: entry.choice.cycleId,
      step: entry.choice.step,
      stepFolderId,
      school: schoolName(entry.choice.schoolId),
    },
    { note: entry.choice.note || undefined, now: new Date().toISOString() },
  );
}

/** Files one batch; false when nothing more can move now (blocked, paused, or waiting for a retry). */
async function runBatch(
  waiting: QueueEntry[],
  email: string,
  spreadsheetId: string,
  layout: NonNullable<Awaited<ReturnType<typeof storedNetwork>>>['layout'],
): Promise<boolean> {
  controller = new AbortController();
  const signal = controller.signal;
  const tables = await refreshTables().catch(() => undefined);
  const schoolName = (id: string | undefined) =>
    id ? (tables?.schools.find((s) => s.id === id)?.name ?? id) : undefined;

  // Emails become jobs first (their originals are read now, from the Gmail tab).
  const jobs: { entry: QueueEntry; job: FilingJob }[] = [];
  let gmailTabGone = false;
  for (const entry of waiting) {
    if (signal.aborted) break;
    try {
      const job = await jobFor(entry, layout, schoolName);
      let cancelled = false;
      await changeQueue((q) => {
        const stored = q.entries.find((e) => e.id === entry.id);
        if (stored && isWaiting(stored)) Object.assign(stored, { job, state: 'filing', problem: undefined });
        else cancelled = true;
      });
      // Cancelled while its original was being read: it never starts.
      if (!cancelled) jobs.push({ entry, job });
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      const retry = error instanceof OriginalUnavailable && error.gmailTab;
      gmailTabGone ||= retry;
      await settle(entry.id, retry ? 'waiting' : 'failed', problem);
    }
  }
  if (jobs.length === 0) {
    if (gmailTabGone) await block('gmail-tab');
    return false;
  }

  await changeQueue((q) => (q.blocked = undefined));
  // Retries are counted across the whole queue's life, so the panel can say "Google was busy 4 times".
  const before = workerGoogle().retried();
  const base = (await loadQueue()).retries;
  const noteRetries = () => changeQueue((q) => (q.retries = base + workerGoogle().retried() - before));
  const run = await filerFor(email, spreadsheetId).run(
    jobs.map((j) => j.job),
    {
      content: async (job) => {
        const entry = jobs.find((j) => j.job.key === job.key)?.entry;
        if (!entry?.gmailMessageId) throw new Error('This item names no email.');
        return contentOf(await fetchOriginal(entry.tabId, entry.gmailMessageId));
      },
      save: (job) =>
        changeQueue((q) => {
          const stored = q.entries.find((e) => e.job?.key === job.key);
          if (stored) stored.job = job;
        }).then(() => undefined),
      progress: () => void noteRetries(),
      signal,
    },
  );
  let again = false;
  await noteRetries();
  await changeQueue((q) => {
    for (const job of run.jobs) {
      const result = job.result;
      // Cancel marks everything unfinished at once, but what was already in flight may have landed: the
      // list then says filed, because it is (never "cancelled" for an email that is in Drive with its row).
      const landed = result !== undefined && result.status !== 'failed';
      const stored = q.entries.find(
        (e) => e.job?.key === job.key && (isWaiting(e) || (landed && e.state === 'cancelled')),
      );
      if (!stored) continue;
      stored.job = job;
      if (!result) stored.state = 'waiting';
      else if (result.status !== 'failed') {
        stored.state = 'done';
        stored.problem = undefined;
      } else if (result.retryable && !result.signInRequired && stored.tries + 1 < MAX_TRIES) {
        stored.tries++;
        stored.state = 'waiting';
        stored.problem = result.message;
        // Keep the job but clear its failure, so the next run tries it from where it stopped.
        stored.job = { ...job, result: undefined };
        again = true;
      } else if (result.signInRequired) {
        stored.state = 'waiting';
        stored.job = { ...job, result: undefined };
      } else {
        stored.state = 'failed';
        stored.problem = result.message;
      }
    }
    if (run.stopped?.reason === 'sign-in-required') q.blocked = 'sign-in';
  });
  if (run.stopped) return false;
  if (again) {
    // Google busy or offline: let the worker rest and come back, rather than spinning.
    wakeLater(RETRY_ALARM, 30_000);
    await block('offline');
    return false;
  }
  return true;
}

async function settle(id: string, state: QueueEntry['state'], problem?: string): Promise<void> {
  await changeQueue((q) => {
    const stored = q.entries.find((e) => e.id === id);
    if (!stored) return;
    stored.state = state;
    stored.problem = problem;
    if (state === 'waiting') stored.tries++;
  });
}
