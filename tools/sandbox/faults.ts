// Seeded chaos: which requests fail, how (429/500/503/dropped connection) and whether before or after the write,
// plus the per-user rate limit that reproduces Google's 60 Sheets requests per minute.
import { GoogleError } from './errors';

/** mulberry32: tiny, fast and good enough to make a fault run reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type FaultKind = 429 | 500 | 503 | 'drop';

/** `after` means the mutation is applied and only the response is lost: the case an idempotent client must survive. */
export interface Fault {
  kind: FaultKind;
  when: 'before' | 'after';
  /** 0..1, drawn with the fault: picks between equivalent answers (Drive's 403 or 429) without another draw. */
  variant: number;
}

const KINDS: FaultKind[] = [429, 500, 503, 'drop'];

export class FaultPlan {
  private readonly random: () => number;
  constructor(
    private readonly rate: number,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  /** Draws the same number of random values per request whatever the outcome, so runs replay exactly. */
  next(): Fault | null {
    const hit = this.random();
    const kind = KINDS[Math.floor(this.random() * KINDS.length)] ?? 500;
    const when = this.random() < 0.5 ? 'before' : 'after';
    return hit < this.rate ? { kind, when, variant: hit / this.rate } : null;
  }
}

/** How rate-limit answers are sent: Google usually includes Retry-After, but not always (--no-retry-after). */
export interface LimitStyle {
  retryAfter: boolean;
}

/** Sheets' own 429: RESOURCE_EXHAUSTED with the quota named in the message and an ErrorInfo in details. */
export function sheetsQuotaError(
  write: boolean,
  perMinute: number,
  retryAfterS: number,
  style: LimitStyle,
): GoogleError {
  const metric = write ? 'Write requests' : 'Read requests';
  const limit = write ? 'WriteRequestsPerMinutePerUser' : 'ReadRequestsPerMinutePerUser';
  return new GoogleError(
    429,
    `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`,
    'rateLimitExceeded',
    {
      headers: style.retryAfter ? { 'Retry-After': String(retryAfterS) } : {},
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'RATE_LIMIT_EXCEEDED',
          domain: 'googleapis.com',
          metadata: {
            service: 'sheets.googleapis.com',
            quota_metric: `sheets.googleapis.com/${write ? 'write' : 'read'}_requests`,
            quota_limit: limit,
            quota_limit_value: String(perMinute),
            quota_location: 'global',
            consumer: 'projects/000000000000',
          },
        },
      ],
    },
  );
}

/** Drive says "slow down" two ways, and a client must take both: 403 userRateLimitExceeded and 429 rateLimitExceeded. */
export function driveRateError(as403: boolean, retryAfterS: number, style: LimitStyle): GoogleError {
  const headers: Record<string, string> = style.retryAfter ? { 'Retry-After': String(retryAfterS) } : {};
  return as403
    ? new GoogleError(403, 'User Rate Limit Exceeded', 'userRateLimitExceeded', {
        domain: 'usageLimits',
        headers,
      })
    : new GoogleError(429, 'Rate Limit Exceeded', 'rateLimitExceeded', { domain: 'usageLimits', headers });
}

/** An injected fault's answer, in the shape of the API it hits; `variant` (0..1) picks Drive's 403 or 429. */
export function faultError(
  kind: 429 | 500 | 503,
  api: 'drive' | 'sheets',
  write: boolean,
  variant: number,
  style: LimitStyle,
): GoogleError {
  if (kind === 429)
    return api === 'sheets' ? sheetsQuotaError(write, 60, 1, style) : driveRateError(variant < 0.5, 1, style);
  if (kind === 503) return new GoogleError(503, 'The service is currently unavailable.', 'backendError');
  return new GoogleError(500, 'Internal error encountered.', 'backendError');
}

export interface RateLimit {
  requests: number;
  perMs: number;
}

/** A sliding window per user (Google counts quota per user); requests it refuses do not use up quota. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  private refusals = 0;
  constructor(
    private readonly limit: RateLimit,
    private readonly api: 'drive' | 'sheets',
    private readonly style: LimitStyle,
  ) {}

  check(user: string, now: number, write: boolean): void {
    const window = (this.windows.get(user) ?? []).filter((t) => t > now - this.limit.perMs);
    if (window.length >= this.limit.requests) {
      const oldest = window[0] ?? now;
      const retryAfter = Math.max(1, Math.ceil((oldest + this.limit.perMs - now) / 1000));
      this.windows.set(user, window);
      const perMinute = Math.round((this.limit.requests * 60_000) / this.limit.perMs);
      // Drive alternates its two answers so a client meets both in any run that hits the limit twice.
      throw this.api === 'sheets'
        ? sheetsQuotaError(write, perMinute, retryAfter, this.style)
        : driveRateError(this.refusals++ % 2 === 0, retryAfter, this.style);
    }
    window.push(now);
    this.windows.set(user, window);
  }
}

export type RateLimits = { sheets?: RateLimit; drive?: RateLimit };

/** Parses `sheets=60/min` or `drive=1000/100s` (units /s, /min, /h, /<n>ms, /<n>s); several joined with commas. */
export function parseRateLimit(text: string, into: RateLimits = {}): RateLimits {
  for (const part of text.split(',')) {
    const m = /^(sheets|drive)=(\d+)\/(min|s|sec|h|\d+ms|\d+s)$/.exec(part.trim());
    if (!m)
      throw new Error(
        `--rate-limit expects sheets=<n>/min or drive=<n>/min (e.g. sheets=60/min), got "${text}"`,
      );
    const unit = m[3] ?? 'min';
    const perMs =
      unit === 'min'
        ? 60_000
        : unit === 'h'
          ? 3_600_000
          : unit.endsWith('ms')
            ? parseInt(unit, 10)
            : /^\d+s$/.test(unit)
              ? parseInt(unit, 10) * 1000
              : 1000;
    if (Number(m[2]) < 1 || perMs < 1)
      throw new Error(`--rate-limit needs a positive limit and period, got "${part}"`);
    into[m[1] as 'sheets' | 'drive'] = { requests: Number(m[2]), perMs };
  }
  return into;
}
