// Each API's own error shape, and rate limits the way each API sends them: Drive's 403 userRateLimitExceeded or
// 429 with errors[], Sheets' 429 RESOURCE_EXHAUSTED with details — with or without Retry-After.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../tools/sandbox/server';
import { errorInfoReason, expectSheetsError, type SheetsErrorBody } from './sandbox-expect';
import { sandboxTarget, type SandboxRun } from './scenarios/sandbox-target';
import { expectErrorResponse, raw, type Target } from './scenarios/target';

const runs: SandboxRun[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const r of runs) await r.end();
  for (const c of cleanups) await c();
});
const start = async (opts: Parameters<typeof sandboxTarget>[0]): Promise<SandboxRun> => {
  const run = await sandboxTarget(opts);
  runs.push(run);
  return run;
};

describe('error shapes per API', () => {
  it('Drive errors keep errors[]; Sheets errors carry status and no errors[]', async () => {
    const { target: t } = await start({});
    const drive = await expectErrorResponse(await raw(t, 'GET', 'drive/v3/files/nope'), 404, 'notFound');
    expect(drive.error.status).toBe('NOT_FOUND');
    const sheets = await expectSheetsError(await raw(t, 'GET', 'v4/spreadsheets/nope'), 404, 'NOT_FOUND');
    expect(sheets.error.message).toBe('Requested entity was not found.');
    await expectSheetsError(
      await raw(t, 'POST', 'v4/spreadsheets', { headers: { 'Content-Type': 'application/json' }, body: '{' }),
      400,
      'INVALID_ARGUMENT',
    );
    const unauthenticated = await expectSheetsError(
      await raw(t, 'GET', 'v4/spreadsheets/nope', { token: null }),
      401,
      'UNAUTHENTICATED',
    );
    expect(errorInfoReason(unauthenticated)).toBe('CREDENTIALS_MISSING');
  });
});

describe('Drive rate limit', () => {
  it('answers 403 userRateLimitExceeded and 429 rateLimitExceeded in turn, both with errors[] and Retry-After', async () => {
    const { target: t, sandbox } = await start({ rateLimits: { drive: { requests: 2, perMs: 60_000 } } });
    await raw(t, 'GET', 'drive/v3/files'); // sandboxTarget already made one request: this is the second
    const first = await raw(t, 'GET', 'drive/v3/files');
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const a = await expectErrorResponse(first, 403, 'userRateLimitExceeded');
    expect(a.error.errors?.[0]?.domain).toBe('usageLimits');
    const second = await raw(t, 'GET', 'drive/v3/files');
    expect(second.headers.get('retry-after')).not.toBeNull();
    await expectErrorResponse(second, 429, 'rateLimitExceeded');
    // Another user has their own quota; Sheets is not limited by the Drive limit.
    expect((await raw(t, 'GET', 'drive/v3/files', { token: 'someone-else' })).status).toBe(200);
    expect(sandbox.stats().rateLimited).toBe(2);
  });
});

describe('without Retry-After (retryAfter: false, --no-retry-after)', () => {
  it('rate-limit answers of both APIs leave the header out', async () => {
    const { target: t } = await start({
      retryAfter: false,
      rateLimits: { sheets: { requests: 1, perMs: 60_000 }, drive: { requests: 1, perMs: 60_000 } },
    });
    const drive = await raw(t, 'GET', 'drive/v3/files');
    expect(drive.status).toBe(403);
    expect(drive.headers.get('retry-after')).toBeNull();
    await raw(t, 'GET', 'v4/spreadsheets/any');
    const sheets = await raw(t, 'GET', 'v4/spreadsheets/any');
    expect(sheets.headers.get('retry-after')).toBeNull();
    const body = await expectSheetsError(sheets, 429, 'RESOURCE_EXHAUSTED');
    expect(errorInfoReason(body)).toBe('RATE_LIMIT_EXCEEDED');
  });

  for (const retryAfter of [true, false]) {
    it(`injected rate-limit faults come in each API's shape, ${retryAfter ? 'with' : 'without'} Retry-After`, async () => {
      // Started directly: sandboxTarget's set-up request would itself meet a fault at this rate.
      const dir = mkdtempSync(join(tmpdir(), 'rounds-sandbox-'));
      const sandbox = await startSandbox({ dir, port: 0, faultRate: 1, seed: 7, retryAfter });
      cleanups.push(async () => {
        await sandbox.close();
        rmSync(dir, { recursive: true, force: true });
      });
      const t = { rootUrl: `${sandbox.url}/`, token: 'test' } as Target;
      const seen = new Set<string>();
      for (let i = 0; i < 80; i++) {
        const api = i % 2 === 0 ? 'drive' : 'sheets';
        let res: Response;
        try {
          res = await raw(t, 'GET', api === 'drive' ? 'drive/v3/files' : 'v4/spreadsheets/any');
        } catch {
          continue; // a dropped connection
        }
        if (res.status !== 429 && res.status !== 403) {
          await res.arrayBuffer();
          continue;
        }
        expect(res.headers.get('retry-after')).toBe(retryAfter ? '1' : null);
        const body = (await res.json()) as SheetsErrorBody & { error: { errors?: { reason: string }[] } };
        if (api === 'sheets') {
          expect(res.status).toBe(429);
          expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
          expect(body.error.errors).toBeUndefined();
        } else {
          expect(body.error.errors?.[0]?.reason).toBe(
            res.status === 403 ? 'userRateLimitExceeded' : 'rateLimitExceeded',
          );
        }
        seen.add(`${api} ${res.status}`);
      }
      expect(seen).toEqual(new Set(['drive 403', 'drive 429', 'sheets 429']));
    });
  }
});
