// Files a batch of email and Doc jobs (filing-job.ts) into the network's Drive and Filings tab, never twice:
//
//   const filer = new Filer({ drive, filings: new TableAppender(sheets, spreadsheetId, tabByKey('filings')),
//                             clock, me: 'dana@school.example' });
//   const run = await filer.run(jobs, {
//     content: (job) => fetchAndParse(job),   // the raw message + postal-mime attachments, emails only
//     save: (job) => storage.set(job),         // called before any file is made under the job's ids
//     progress: (p) => panel.show(p),          // after every job: finished / filed / alreadyFiled / failed
//     signal,                                  // abort = pause or cancel; unfinished jobs come back unchanged
//   });
//   run.jobs[i].result → filed | linked | already-filed (who, when, where) | failed (retryable?)
//   run.stopped → 'sign-in-required' (Google wants the user to sign in again; the rest stay queued) | 'aborted'
//
// Per email: one look at the Filings tab (shared by the batch) → content → Drive ids from a shared block →
// one upload per file under its id → one row, batched with the others. A lost answer is settled with
// files.get on the id; nothing depends on Drive's search being complete or up to date.

import { GoogleApiError, SignInRequiredError } from '../google/errors';
import type { Drive } from '../google/drive';
import { DriveIdPool, type IdKind } from '../google/id-pool';
import { backoffDelay } from '../google/retry';
import type { AppendResult, TableContents, TableRow } from '../google/table-rows';
import type { Clock } from '../google/transport';
import { type StoredDoc, storeDoc } from './file-doc';
import { type EmailContent, checkContent, emailSlots, storeEmail } from './file-email';
import type { FiledFile, FilingJob, FilingResult } from './filing-job';
import { filingRow } from './filing-row';
import { FilingsIndex, type PriorFiling } from './filings-index';
import { RowBatcher, type RowBatcherOptions } from './row-batcher';
import { Slots } from './slots';

/** What an AbortSignal offers that the filer needs (shared/ has no DOM types; a real AbortSignal fits). */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

export interface FilerOptions {
  drive: Drive;
  /** The Filings tab: a TableAppender (reads the tab to find earlier filings, appends rows idempotently). */
  filings: { append(rows: readonly TableRow[]): Promise<AppendResult>; read(): Promise<TableContents> };
  clock: Clock;
  /** The signed-in member (their email address): written to "Filed by", and how "by you" is told apart. */
  me: string;
  /**
   * Jobs whose Drive work runs at once, about one request each in flight. 24 hides a 100 ms round trip well;
   * at Google's usual 300 ms or more per upload it stays under 5,000 requests a minute, within Drive's 12,000
   * per user (and a 403/429 from Drive's own limits is waited out).
   */
  concurrency?: number;
  /** Times a whole job is tried again after its requests gave up on something retryable. */
  filingAttempts?: number;
  /** Drive ids fetched per generateIds request. */
  idBlockSize?: number;
  rows?: RowBatcherOptions;
  /** How old a read of the Filings tab may be before it is read again. */
  filingsMaxAgeMs?: number;
}

export interface FilingIO {
  /** The raw message and its attachments (emails only); throw to fail this job with your message. */
  content(job: FilingJob): Promise<EmailContent>;
  /** Persist the job: called when Drive ids are set aside for it (before they are used) and with its result. */
  save?(job: FilingJob): void | Promise<void>;
  progress?(progress: FilingProgress): void;
  signal?: AbortSignalLike;
}

export interface FilingProgress {
  total: number;
  finished: number;
  filed: number;
  alreadyFiled: number;
  linked: number;
  failed: number;
}

export interface FilingRun {
  /** Copies of the jobs given, in order; finished ones carry `result`, unfinished ones can be run again. */
  jobs: FilingJob[];
  progress: FilingProgress;
  /** Why the run ended before every job was finished. */
  stopped?: { reason: 'aborted' | 'sign-in-required'; message: string };
}

export class Filer {
  readonly ids: DriveIdPool;
  readonly index: FilingsIndex;
  private readonly batcher: RowBatcher;
  private readonly slots: Slots;
  private readonly filingAttempts: number;
  /** One filing per key at a time, even across runs (a single filing clicked during a bulk one). */
  private readonly inFlight = new Map<string, Promise<FilingResult | undefined>>();
  private storing = 0;

  constructor(private readonly options: FilerOptions) {
    this.ids = new DriveIdPool(options.drive, { blockSize: options.idBlockSize ?? 100 });
    this.index = new FilingsIndex(options.filings, options.clock, options.filingsMaxAgeMs);
    this.batcher = new RowBatcher(options.filings, options.clock, options.rows);
    this.slots = new Slots(options.concurrency ?? 24);
    this.filingAttempts = options.filingAttempts ?? 4;
  }

  /** Sheets flushes made so far (each one read of the tab and one batchUpdate). */
  get flushes(): number {
    return this.batcher.flushes;
  }

  async run(given: readonly FilingJob[], io: FilingIO): Promise<FilingRun> {
    const jobs = given.map((j) => JSON.parse(JSON.stringify(j)) as FilingJob);
    const progress: FilingProgress = {
      total: jobs.length,
      finished: 0,
      filed: 0,
      alreadyFiled: 0,
      linked: 0,
      failed: 0,
    };
    const stop: { reason?: FilingRun['stopped'] } = {};
    // The first look at the Filings tab and the first block of ids go out together.
    const emails = jobs.filter((j) => !j.result && j.what.kind === 'email' && !j.driveIds.eml).length;
    if (emails > 0) this.ids.prefetch('files', emails);
    const halted = () => stop.reason !== undefined || io.signal?.aborted === true;
    const count = (result: FilingResult) => {
      progress.finished++;
      if (result.status === 'filed') progress.filed++;
      else if (result.status === 'already-filed') progress.alreadyFiled++;
      else if (result.status === 'linked') progress.linked++;
      else progress.failed++;
      io.progress?.({ ...progress });
    };
    await Promise.all(
      jobs.map(async (job) => {
        if (job.result && job.result.status !== 'failed') return count(job.result);
        const result = await this.once(job, io, halted).catch((error: unknown) => {
          if (!(error instanceof SignInRequiredError)) throw error;
          stop.reason ??= { reason: 'sign-in-required', message: error.message };
          return undefined;
        });
        if (result === undefined) return;
        job.result = result;
        await io.save?.(job);
        count(result);
      }),
    );
    if (!stop.reason && progress.finished < jobs.length && io.signal?.aborted)
      stop.reason = {
        reason: 'aborted',
        message: 'Filing was paused or cancelled; what is left is still queued.',
      };
    return { jobs, progress, stopped: stop.reason };
  }

  /** The same key filed twice at once (two clicks, or a job queued twice) shares one filing. */
  private once(job: FilingJob, io: FilingIO, halted: () => boolean): Promise<FilingResult | undefined> {
    const running = this.inFlight.get(job.key);
    if (running) return running;
    const filing = this.withAttempts(job, io, halted).finally(() => this.inFlight.delete(job.key));
    this.inFlight.set(job.key, filing);
    return filing;
  }

  private async withAttempts(job: FilingJob, io: FilingIO, halted: () => boolean) {
    const { clock, drive } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.fileOne(job, io, halted);
      } catch (error) {
        if (error instanceof SignInRequiredError) throw error;
        const retryable = error instanceof GoogleApiError && error.retryable;
        if (!retryable || attempt >= this.filingAttempts || halted()) return failed(error);
        // Everything made so far is found again by its id, and the row by its key: starting over is safe.
        const policy = drive.client.policy;
        await clock.sleep(policy.maxDelayMs / 2 + backoffDelay(attempt, policy, () => clock.random()));
      }
    }
  }

  /** One job from the top; undefined when the run was halted before it finished. */
  private async fileOne(
    job: FilingJob,
    io: FilingIO,
    halted: () => boolean,
  ): Promise<FilingResult | undefined> {
    if (halted()) return undefined;
    const what = job.what;
    const messageId = what.kind === 'email' ? what.messageId : undefined;
    const prior = await this.index.find(job.key, messageId);
    if (prior) return this.alreadyFiled(prior);
    if (halted()) return undefined;

    this.storing++;
    let stored: StoredDoc | undefined;
    try {
      stored = await this.slots.run(async () => {
        if (halted()) return undefined;
        if (what.kind === 'email') {
          const content = await io.content(job);
          checkContent(job, content);
          await this.reserve(job, emailSlots(content), 'files', io);
          return { files: await storeEmail(this.options.drive, job, content) };
        }
        return storeDoc(this.options.drive, job, async () => {
          await this.reserve(job, ['shortcut'], 'shortcuts', io);
          return job.driveIds.shortcut!;
        });
      });
    } finally {
      this.storing--;
    }
    if (!stored) return undefined;

    const filedAt = new Date(this.options.clock.now()).toISOString();
    const filedBy = this.options.me;
    const files = 'files' in stored ? stored.files : [];
    const links = 'files' in stored ? stored.files.map((f) => f.link) : [stored.link];
    const written = this.batcher.add(filingRow(job, { filedAt, filedBy, files, links }));
    // The last filing of a burst need not wait for the next flush slot.
    if (this.storing === 0) this.batcher.hurry();
    if ((await written) === 'already-there') {
      // The row was there when ours went out: another member filed it meanwhile, or an earlier run of this
      // job wrote it and stopped before saving its result.
      await this.index.refresh();
      const found = await this.index.find(job.key, messageId);
      if (found && !sameMember(found.filedBy, filedBy)) {
        await this.withdraw(files);
        return this.alreadyFiled(found);
      }
    }
    if ('reason' in stored)
      return { status: 'linked', filedAt, filedBy, link: stored.link, reason: stored.reason };
    return { status: 'filed', filedAt, filedBy, files };
  }

  /** Sets aside Drive ids for the slots that have none yet, and has the job saved before any is used. */
  private async reserve(job: FilingJob, slots: string[], kind: IdKind, io: FilingIO): Promise<void> {
    job.runs++;
    const missing = slots.filter((s) => !job.driveIds[s]);
    if (missing.length === 0) return;
    const ids = await this.ids.take(missing.length, kind);
    missing.forEach((slot, i) => (job.driveIds[slot] = ids[i]!));
    // Stored before any file is made under them: a job resumed from storage names the same files. (A resumed
    // job whose `runs` was not stored still cannot copy twice: its create meets 409 and checks the file.)
    await io.save?.(job);
  }

  /**
   * Another member's filing of the same email landed while ours was uploading: the copies this job just made
   * go to the trash (recoverable, and only this job's own files), so the step folder keeps one copy.
   */
  private async withdraw(files: readonly FiledFile[]): Promise<void> {
    for (const file of files) {
      try {
        await this.options.drive.update(file.driveId, { trashed: true }, { fields: 'id' });
      } catch (error) {
        // Best effort: the filing is still recorded once; a leftover copy is the user's to tidy.
        if (error instanceof SignInRequiredError) throw error;
      }
    }
  }

  private alreadyFiled(prior: PriorFiling): FilingResult {
    return {
      status: 'already-filed',
      filedAt: prior.filedAt,
      filedBy: prior.filedBy,
      byYou: sameMember(prior.filedBy, this.options.me),
      cycleId: prior.cycleId,
      step: prior.step,
      school: prior.school,
      links: prior.links,
    };
  }
}

function sameMember(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function failed(error: unknown): FilingResult {
  const message = error instanceof Error ? error.message : String(error);
  const retryable =
    (error instanceof GoogleApiError && error.retryable) ||
    (typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === true);
  return { status: 'failed', message, retryable };
}
