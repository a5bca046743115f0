import { describe, expect, it } from 'vitest';
import { GoogleClient } from '../../../shared/google/client';
import { GoogleApiError, SignInRequiredError } from '../../../shared/google/errors';
import { RequestPacer } from '../../../shared/google/pacer';
import { DEFAULT_RETRY_POLICY, backoffDelay, parseRetryAfter } from '../../../shared/google/retry';
import { NetworkError } from '../../../shared/google/transport';
import { CountingTokens, FakeClock, type Script, ScriptedTransport, googleError, json } from './fakes';

function setup(script: Script, tokens = new CountingTokens()) {
  const transport = new ScriptedTransport(script);
  const clock = new FakeClock();
  const client = new GoogleClient({ transport, tokens, clock, retry: { maxAttempts: 5 } });
  return { transport, clock, client, tokens };
}

const get = { method: 'GET', url: 'https://www.googleapis.com/drive/v3/files/abc' };

describe('retrying Google requests', () => {
  it('waits out a 429 and a 503 and returns the answer that finally comes', async () => {
    const { client, transport, clock } = setup((_, n) =>
      n === 1
        ? googleError(429, 'rateLimitExceeded')
        : n === 2
          ? googleError(503, 'backendError')
          : json(200, { id: 'abc' }),
    );
    expect(await client.json(get)).toEqual({ id: 'abc' });
    expect(transport.log).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
  });

  it("retries Drive's 403 userRateLimitExceeded but not a 403 that means forbidden", async () => {
    const slow = setup((_, n) => (n === 1 ? googleError(403, 'userRateLimitExceeded') : json(200, {})));
    await slow.client.json(get);
    expect(slow.transport.log).toHaveLength(2);

    const forbidden = setup(() => googleError(403, 'insufficientPermissions', 'Insufficient Permission'));
    const error = await forbidden.client.json(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error).toMatchObject({
      status: 403,
      reason: 'insufficientPermissions',
      retryable: false,
      attempts: 1,
    });
    expect(forbidden.transport.log).toHaveLength(1);
  });

  it('does not retry a 404 and says what Google said', async () => {
    const { client, transport } = setup(() => googleError(404, 'notFound', 'File not found: abc.'));
    await expect(client.json(get)).rejects.toMatchObject({
      status: 404,
      reason: 'notFound',
      message: 'File not found: abc.',
    });
    expect(transport.log).toHaveLength(1);
  });

  it('gives up after the bounded number of attempts with a typed, retryable error', async () => {
    const { client, transport } = setup(() => googleError(500, 'backendError', 'Internal error'));
    const error = (await client.json(get).catch((e: unknown) => e)) as GoogleApiError;
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error).toMatchObject({ status: 500, reason: 'backendError', attempts: 5, retryable: true });
    expect(error.message).toContain('after 5 attempts');
    expect(transport.log).toHaveLength(5);
  });

  it('retries dropped connections and timeouts, passing the per-request timeout to the transport', async () => {
    const { client, transport } = setup((_, n) =>
      n === 1
        ? new NetworkError('reset', 'socket hang up')
        : n === 2
          ? new NetworkError('timeout', 'no answer')
          : json(200, {}),
    );
    await client.json({ ...get, timeoutMs: 1234 });
    expect(transport.log.map((r) => r.timeoutMs)).toEqual([1234, 1234, 1234]);
  });

  it('uses truncated exponential backoff with full jitter', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, () => 0.999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(4, policy, () => 0)).toBe(0);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter('Mon, 03 Mar 2025 09:00:30 GMT', Date.UTC(2025, 2, 3, 9, 0, 0))).toBe(30_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();

    const { client, clock } = setup((_, n) =>
      n === 1 ? googleError(429, 'rateLimitExceeded', 'slow down', { 'retry-after': '12' }) : json(200, {}),
    );
    await client.json(get);
    expect(clock.sleeps).toEqual([12_000]);
  });

  it('does not sit out a Retry-After longer than the policy allows', async () => {
    const { client, transport } = setup(() =>
      googleError(429, 'rateLimitExceeded', 'slow down', { 'retry-after': '3600' }),
    );
    await expect(client.json(get)).rejects.toMatchObject({ status: 429, retryable: true, attempts: 1 });
    expect(transport.log).toHaveLength(1);
  });

  it('does not resend a create whose answer was lost, but does resend one that was refused before sending', async () => {
    const lost = setup(() => googleError(500, 'backendError'));
    await expect(
      lost.client.json({ method: 'POST', url: 'https://x/files', body: {}, replayAmbiguous: false }),
    ).rejects.toMatchObject({
      status: 500,
      ambiguous: true,
    });
    expect(lost.transport.log).toHaveLength(1);

    const refused = setup((_, n) =>
      n === 1 ? new NetworkError('refused', 'ECONNREFUSED') : json(200, { id: 'new' }),
    );
    expect(
      await refused.client.json({ method: 'POST', url: 'https://x/files', body: {}, replayAmbiguous: false }),
    ).toEqual({ id: 'new' });
  });

  it('a look-then-create sequence starts over from the look when the create is lost', async () => {
    let created = 0;
    const { client } = setup((req) => {
      if (req.method === 'GET') return json(200, { files: created ? [{ id: 'f1' }] : [] });
      created++;
      return new NetworkError('reset', 'socket hang up'); // applied, answer lost
    });
    const result = await client.sequence(async () => {
      const found = await client.json<{ files: { id: string }[] }>({ method: 'GET', url: 'https://x/list' });
      if (found.files[0]) return found.files[0].id;
      return (
        await client.json<{ id: string }>({
          method: 'POST',
          url: 'https://x/files',
          body: {},
          replayAmbiguous: false,
        })
      ).id;
    });
    expect(result).toBe('f1');
    expect(created).toBe(1);
  });
});

describe('rate limits without Retry-After', () => {
  const sheetsTooMany = () =>
    json(429, {
      error: {
        code: 429,
        message: "Quota exceeded for quota metric 'Write requests' of service 'sheets.googleapis.com'.",
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED' }],
      },
    });

  it('are waited out through a whole minute of 429s with Google’s default policy', async () => {
    const clock = new FakeClock(0, 0);
    const transport = new ScriptedTransport(() =>
      clock.now() < 60_000 ? sheetsTooMany() : json(200, { ok: 1 }),
    );
    const client = new GoogleClient({ transport, tokens: new CountingTokens(), clock });
    expect(await client.json(get)).toEqual({ ok: 1 });
    expect(clock.now()).toBeGreaterThanOrEqual(60_000);
    // More tries than maxAttempts, but not a storm: exponential waits.
    expect(transport.log.length).toBeGreaterThan(DEFAULT_RETRY_POLICY.maxAttempts);
    expect(transport.log.length).toBeLessThan(15);
  });

  it('give up, still retryable, when waiting the quota budget out did not help', async () => {
    const clock = new FakeClock(0, 0.5);
    const transport = new ScriptedTransport(() => sheetsTooMany());
    const client = new GoogleClient({ transport, tokens: new CountingTokens(), clock });
    const error = await client.json(get).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, reason: 'RATE_LIMIT_EXCEEDED', retryable: true });
    expect(clock.now()).toBeGreaterThan(DEFAULT_RETRY_POLICY.quotaWaitMs - DEFAULT_RETRY_POLICY.maxDelayMs);
    expect(clock.now()).toBeLessThanOrEqual(DEFAULT_RETRY_POLICY.quotaWaitMs);
  });

  it('other failures still stop at maxAttempts', async () => {
    const { client, transport } = setup(() => googleError(503, 'backendError'));
    await expect(client.json(get)).rejects.toMatchObject({ status: 503, attempts: 5 });
    expect(transport.log).toHaveLength(5);
  });
});

describe('signing in', () => {
  it('sends the bearer token, refreshes it exactly once on 401 and carries on', async () => {
    const { client, transport, tokens } = setup((req) =>
      req.headers.authorization === 'Bearer token-2'
        ? json(200, { ok: true })
        : googleError(401, 'authError', 'Invalid Credentials'),
    );
    expect(await client.json(get)).toEqual({ ok: true });
    expect(tokens.refreshes).toBe(1);
    expect(transport.log.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('asks the user to sign in again when the refreshed token is refused too', async () => {
    const { client, transport, tokens } = setup(() => googleError(401, 'authError', 'Invalid Credentials'));
    await expect(client.json(get)).rejects.toBeInstanceOf(SignInRequiredError);
    expect(tokens.refreshes).toBe(1);
    expect(transport.log).toHaveLength(2);
  });

  it('asks the user to sign in again when the refresh itself fails', async () => {
    const tokens = new CountingTokens('old', () => new Error('user revoked access'));
    const { client } = setup(() => googleError(401, 'authError'), tokens);
    const error = await client.json(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect((error as Error).message).toContain('user revoked access');
  });

  it('ten requests meeting the same expired token share one refresh', async () => {
    const { client, tokens } = setup((req) =>
      req.headers.authorization === 'Bearer token-2' ? json(200, {}) : googleError(401, 'authError'),
    );
    await Promise.all(Array.from({ length: 10 }, () => client.json(get)));
    expect(tokens.refreshes).toBe(1);
  });
});

describe('pacing under a per-user quota', () => {
  it('never lets more than the limit through in any window', async () => {
    const clock = new FakeClock(0);
    const pacer = new RequestPacer(clock, { requests: 3, perMs: 1000 });
    const at: number[] = [];
    for (let i = 0; i < 7; i++) {
      await pacer.acquire();
      at.push(clock.now());
    }
    expect(at.slice(0, 3)).toEqual([0, 0, 0]);
    for (let i = 3; i < at.length; i++) expect(at[i]! - at[i - 3]!).toBeGreaterThanOrEqual(1000);
  });
});
