// When and how long to wait before trying Google again: truncated exponential backoff with full jitter,
// Retry-After honoured, a bounded number of attempts, and which failures are worth another try at all.

import { GoogleApiError } from './errors';
import type { Clock } from './transport';

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** Backoff before attempt n+1 is uniform in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Per-request timeout handed to the transport. */
  timeoutMs: number;
  /** A Retry-After longer than this is not waited out: the error goes back to the caller, still retryable. */
  maxRetryAfterMs: number;
  /**
   * Rate limits (429, Drive's 403 rate-limit reasons) are waited out past `maxAttempts` for this long in total:
   * Sheets counts requests per minute, and a 429 without Retry-After says nothing about when the window ends,
   * so the waiting must outlast a whole window rather than a number of tries.
   */
  quotaWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 7,
  baseDelayMs: 500,
  maxDelayMs: 32_000,
  timeoutMs: 60_000,
  maxRetryAfterMs: 120_000,
  quotaWaitMs: 150_000,
};

/** Drive's 403 reasons that mean "slow down", not "forbidden" (Drive docs, "Resolve errors"). */
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);

/** Statuses where the same request may succeed later. 401 is handled apart (token refresh). */
export function isRetryableStatus(status: number, reason: string): boolean {
  if (status === 429 || status === 408 || status >= 500) return true;
  return status === 403 && RATE_LIMIT_REASONS.has(reason);
}

/** "Slow down" rather than "failed": Drive's 429 and 403 rate-limit reasons, Sheets' 429 RESOURCE_EXHAUSTED. */
export function isRateLimited(status: number, reason: string): boolean {
  return (
    status === 429 || reason === 'RESOURCE_EXHAUSTED' || (status === 403 && RATE_LIMIT_REASONS.has(reason))
  );
}

export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * The wait after the n-th rate-limited failure without Retry-After: exponential with "equal jitter" (half fixed,
 * half random) so the waits add up to a known minimum (about 64 s after nine with Google's 500 ms / 32 s
 * policy) and a burst of clients still spreads out.
 */
export function quotaDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3); returns milliseconds to wait. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** A retryable failure carrying the server's requested wait, if any. */
export class RetryableFailure extends GoogleApiError {
  readonly retryAfterMs?: number;
  constructor(init: ConstructorParameters<typeof GoogleApiError>[0] & { retryAfterMs?: number }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

export interface RetryOptions {
  /**
   * Whether an ambiguous failure (maybe applied) may be replayed. False for creates and appends, which
   * must look before they write again; true for reads, idempotent writes and look-then-write sequences.
   */
  replayAmbiguous: boolean;
}

/**
 * Runs `attempt` until it succeeds, throws something that is not worth retrying, or the attempts run out
 * (rate limits: until `quotaWaitMs` of waiting has not helped either). The last error is re-thrown with the
 * number of attempts made.
 */
export async function withRetries<T>(
  clock: Clock,
  policy: RetryPolicy,
  options: RetryOptions,
  attempt: (n: number) => Promise<T>,
): Promise<T> {
  let quotaWaited = 0;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof GoogleApiError) || !error.retryable) throw error;
      const retryAfterMs = error instanceof RetryableFailure ? error.retryAfterMs : undefined;
      const tooLong = retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs;
      const mayReplay = options.replayAmbiguous || !error.ambiguous;
      const random = () => clock.random();
      if (tooLong || !mayReplay) throw giveUp(error, n);
      if (isRateLimited(error.status, error.reason)) {
        const wait = retryAfterMs ?? quotaDelay(n, policy, random);
        if (n >= policy.maxAttempts && quotaWaited + wait > policy.quotaWaitMs) throw giveUp(error, n);
        quotaWaited += wait;
        await clock.sleep(wait);
        continue;
      }
      if (n >= policy.maxAttempts) throw giveUp(error, n);
      await clock.sleep(retryAfterMs ?? backoffDelay(n, policy, random));
    }
  }
}

function giveUp(error: GoogleApiError, attempts: number): GoogleApiError {
  const tries = attempts === 1 ? '' : ` (after ${attempts} attempts)`;
  // A sequence of retried requests gives up once: say so once, not once per layer.
  const said = error.message.replace(/ \(after \d+ attempts\)$/, '');
  return new GoogleApiError({
    status: error.status,
    reason: error.reason,
    message: `${said}${tries}`,
    attempts,
    retryable: true,
    ambiguous: error.ambiguous,
    method: error.method,
    url: error.url,
  });
}
