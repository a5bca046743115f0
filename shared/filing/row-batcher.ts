// Gathers Filings rows from many filings and writes them in as few Sheets requests as possible: one
// idempotent append (one batchGet + one batchUpdate) per flush, flushes spaced so that a burst of filings
// stays well under Google's 60 Sheets requests per minute per user.

import type { Clock } from '../google/transport';
import type { AppendResult, TableRow } from '../google/table-rows';

export interface RowAppender {
  append(rows: readonly TableRow[]): Promise<AppendResult>;
}

export interface RowBatcherOptions {
  /** Wait this long after the first row so its neighbours join the same flush. */
  lingerMs?: number;
  /** At least this long between the starts of two flushes (2 requests each: 2.5 s keeps a burst under 48/min). */
  minGapMs?: number;
  /** Rows per flush at most (each row is one appendCells row and one createDeveloperMetadata). */
  maxRows?: number;
}

/** What became of a row: written now, or found already in the tab (an earlier run, or another member). */
export type RowOutcome = 'appended' | 'already-there';

interface Waiting {
  row: TableRow;
  resolve: (outcome: RowOutcome) => void;
  reject: (error: unknown) => void;
}

export class RowBatcher {
  private readonly pending: Waiting[] = [];
  private running?: Promise<void>;
  private lastFlushAt = -Infinity;
  private hurried = false;
  private wake?: () => void;
  private readonly lingerMs: number;
  private readonly minGapMs: number;
  private readonly maxRows: number;
  /** Flushes made so far (each is one batchGet and at most one batchUpdate). */
  flushes = 0;

  constructor(
    private readonly appender: RowAppender,
    private readonly clock: Clock,
    options: RowBatcherOptions = {},
  ) {
    this.lingerMs = options.lingerMs ?? 200;
    this.minGapMs = options.minGapMs ?? 2500;
    this.maxRows = options.maxRows ?? 200;
  }

  /** Resolves once the row is in the sheet (or already was); rejects if its flush gave up. */
  add(row: TableRow): Promise<RowOutcome> {
    const done = new Promise<RowOutcome>((resolve, reject) => this.pending.push({ row, resolve, reject }));
    this.start();
    return done;
  }

  /**
   * Nothing more is coming for now (the last filing of a burst is in): flush without waiting out the gap.
   * The Sheets pacer still keeps the pace under the quota.
   */
  hurry(): void {
    this.hurried = true;
    this.wake?.();
  }

  /** Waits until every row added so far has been flushed. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private start(): void {
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
      // A row added while the last flush was settling starts the next round.
      if (this.pending.length > 0) this.start();
    });
  }

  private async drain(): Promise<void> {
    await this.clock.sleep(this.lingerMs);
    while (this.pending.length > 0) {
      const wait = this.lastFlushAt + this.minGapMs - this.clock.now();
      if (wait > 0 && !this.hurried) {
        await Promise.race([this.clock.sleep(wait), new Promise<void>((resolve) => (this.wake = resolve))]);
      }
      this.hurried = false;
      const batch = this.pending.splice(0, this.maxRows);
      this.lastFlushAt = this.clock.now();
      this.flushes++;
      try {
        const result = await this.appender.append(batch.map((w) => w.row));
        const appended = new Set(result.appended);
        for (const w of batch) w.resolve(appended.has(w.row.id) ? 'appended' : 'already-there');
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
  }
}
