// Files many emails and Docs at once without drowning Google: Drive work runs a few at a time, Filings rows
// go out in batches, a filing already under way is not started twice, and a filing whose requests gave up
// (Google down, the connection lost for a while) is tried again from the top rather than dropped.

import type { Filing } from '../domain';
import type { Drive } from '../google/drive';
import { GoogleApiError } from '../google/errors';
import { backoffDelay } from '../google/retry';
import type { TableAppender } from '../google/table-rows';
import type { Clock } from '../google/transport';
import type { DocToFile } from './file-doc';
import { storeDoc } from './file-doc';
import type { EmailToFile } from './file-email';
import { storeEmail } from './file-email';
import { filingId, filingRow } from './filing-row';
import { RowBatcher, type RowBatcherOptions } from './row-batcher';
import { Slots } from './slots';

export interface FilingQueueOptions {
  drive: Drive;
  /** The Filings tab's appender (see TableAppender). */
  filings: Pick<TableAppender, 'append'>;
  clock: Clock;
  filedBy?: string;
  /** Filings whose Drive work runs at once; each has about two requests in flight at a time. */
  concurrency?: number;
  /** Times a whole filing is tried again after its requests gave up on a retryable error. */
  filingAttempts?: number;
  rows?: RowBatcherOptions;
}

export class FilingQueue {
  private readonly slots: Slots;
  private readonly batcher: RowBatcher;
  private readonly inFlight = new Map<string, Promise<Filing>>();
  private readonly filingAttempts: number;
  /** Filings whose Drive work is queued or running. */
  private storing = 0;

  constructor(private readonly options: FilingQueueOptions) {
    this.slots = new Slots(options.concurrency ?? 8);
    this.batcher = new RowBatcher(options.filings, options.clock, options.rows);
    this.filingAttempts = options.filingAttempts ?? 4;
  }

  fileEmail(email: EmailToFile): Promise<Filing> {
    const id = filingId('email', email.messageId, email.cycleId, email.step);
    return this.once(id, () => storeEmail(this.context(), email));
  }

  fileDoc(doc: DocToFile): Promise<Filing> {
    const id = filingId('doc', doc.docId, doc.cycleId, doc.step);
    return this.once(id, () => storeDoc(this.context(), doc));
  }

  /** Resolves when every row handed to the batcher so far is written. */
  idle(): Promise<void> {
    return this.batcher.idle();
  }

  /** Sheets flushes made so far: each is one batchGet plus one batchUpdate. */
  get flushes(): number {
    return this.batcher.flushes;
  }

  private context() {
    const clock = this.options.clock;
    return {
      drive: this.options.drive,
      filedBy: this.options.filedBy,
      now: () => new Date(clock.now()).toISOString(),
    };
  }

  /** Two clicks on the same email share one filing. */
  private once(id: string, store: () => Promise<Filing>): Promise<Filing> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const filing = this.withAttempts(async () => {
      this.storing++;
      let stored: Filing;
      try {
        stored = await this.slots.run(store);
      } finally {
        this.storing--;
      }
      const written = this.batcher.add(filingRow(stored));
      // The last filing of a burst need not wait for the next flush slot.
      if (this.storing === 0) this.batcher.hurry();
      await written;
      return stored;
    }).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, filing);
    return filing;
  }

  private async withAttempts(file: () => Promise<Filing>): Promise<Filing> {
    const clock = this.options.clock;
    const policy = this.options.drive.client.policy;
    for (let attempt = 1; ; attempt++) {
      try {
        return await file();
      } catch (error) {
        const retryable = error instanceof GoogleApiError && error.retryable;
        if (!retryable || attempt >= this.filingAttempts) throw error;
        // Everything made so far is found again by its {src, srcId} or row id: starting over is safe.
        await clock.sleep(policy.maxDelayMs / 2 + backoffDelay(attempt, policy, () => clock.random()));
      }
    }
  }
}
