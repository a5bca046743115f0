// Keeps this client under a per-user request quota (Sheets: 60 requests per minute per user) by waiting
// before a request would exceed it, so the product never provokes a 429 on its own.

import type { Clock } from './transport';

export interface PacerLimit {
  requests: number;
  perMs: number;
}

/** Google's documented Sheets limit is 60/min/user; 50 leaves room for the user's other tabs and Apps Script. */
export const SHEETS_PER_USER_LIMIT: PacerLimit = { requests: 50, perMs: 60_000 };

export class RequestPacer {
  private readonly sent: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly clock: Clock,
    private readonly limit: PacerLimit,
  ) {
    if (limit.requests < 1 || limit.perMs <= 0)
      throw new Error('A pacer needs at least one request per window.');
  }

  /** Resolves when one more request fits in the sliding window; callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.sent.length > 0 && this.sent[0]! <= now - this.limit.perMs) this.sent.shift();
      if (this.sent.length < this.limit.requests) {
        this.sent.push(now);
        return;
      }
      // A few ms of slack so the oldest request has really left the server's window too.
      await this.clock.sleep(this.sent[0]! + this.limit.perMs - now + 5);
    }
  }
}
