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
    return hit < this.rate ? { kind, when } : null;
  }
}

export function faultError(kind: 429 | 500 | 503): GoogleError {
  if (kind === 429) return new GoogleError(429, 'Rate Limit Exceeded', 'rateLimitExceeded');
  if (kind === 503) return new GoogleError(503, 'The service is currently unavailable.', 'backendError');
  return new GoogleError(500, 'Internal error encountered.', 'backendError');
}

export interface RateLimit {
  requests: number;
  perMs: number;
}

/** A sliding window per token (Google counts quota per user); requests it refuses do not use up quota. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();
  constructor(private readonly limit: RateLimit) {}

  check(user: string, now: number): void {
    const window = (this.windows.get(user) ?? []).filter((t) => t > now - this.limit.perMs);
    if (window.length >= this.limit.requests) {
      const oldest = window[0] ?? now;
      const retryAfter = Math.max(1, Math.ceil((oldest + this.limit.perMs - now) / 1000));
      this.windows.set(user, window);
      throw new GoogleError(
        429,
        `Quota exceeded for quota metric 'Requests' and limit 'Requests per minute per user' of service 'sheets.googleapis.com' (${this.limit.requests} per ${this.limit.perMs / 1000} s).`,
        'rateLimitExceeded',
        { headers: { 'Retry-After': String(retryAfter) } },
      );
    }
    window.push(now);
    this.windows.set(user, window);
  }
}

/** Parses `sheets=60/min` (also `/s`, `/h`, or `/<n>ms`) from the command line. */
export function parseRateLimit(text: string): { sheets?: RateLimit } {
  const m = /^sheets=(\d+)\/(min|s|sec|h|\d+ms)$/.exec(text.trim());
  if (!m) throw new Error(`--rate-limit expects sheets=<n>/min (e.g. sheets=60/min), got "${text}"`);
  const unit = m[2] ?? 'min';
  const perMs =
    unit === 'min' ? 60_000 : unit === 'h' ? 3_600_000 : unit.endsWith('ms') ? parseInt(unit, 10) : 1000;
  return { sheets: { requests: Number(m[1]), perMs } };
}
