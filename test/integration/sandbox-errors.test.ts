// What goes wrong against Google goes wrong the same way against the sandbox: auth (401/403), 404, per-user rate
// limits (429 + Retry-After), bad input (400, 413) that never corrupts the store, and seeded chaos for fault tests.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';
import { errorInfoReason, expectSheetsError, expectSheetsFailure } from './sandbox-expect';
import { sandboxTarget, type SandboxRun } from './scenarios/sandbox-target';
import {
  FOLDER,
  clients,
  expectErrorResponse,
  expectGoogleError,
  raw,
  type Target,
} from './scenarios/target';

const scope = (s: string): string => `https://www.googleapis.com/auth/${s}`;

/** Every path and its bytes under a folder: what "the store did not change" means. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string): void => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[full.slice(dir.length)] = readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return out;
}

describe('sandbox auth with a tokens file', () => {
  let run: SandboxRun;
  let t: Target;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rounds-sandbox-'));
    const tokensFile = join(dir, 'tokens.json');
    writeFileSync(
      tokensFile,
      JSON.stringify([
        { token: 'full', scopes: [scope('drive.file'), scope('spreadsheets')] },
        { token: 'sheets-only', scopes: ['spreadsheets'] },
        { token: 'drive-file', scopes: [scope('drive.file')] },
        { token: 'read-sheets', scopes: [scope('spreadsheets.readonly')] },
        { token: 'stale', scopes: [scope('drive.file')], expiresAt: '2020-01-01T00:00:00Z' },
      ]),
    );
    run = await sandboxTarget({ dir: join(dir, 'store'), tokensFile }, 'full');
    t = run.target;
  });
  afterAll(async () => {
    await run.end();
    rmSync(join(run.dir, '..'), { recursive: true, force: true });
  });

  it('refuses a request without a bearer token with 401 UNAUTHENTICATED', async () => {
    const res = await raw(t, 'GET', 'drive/v3/files', { token: null });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = await expectErrorResponse(res, 401, 'authError');
    expect(body.error.status).toBe('UNAUTHENTICATED');
  });

  it('refuses unknown and expired tokens with 401', async () => {
    await expectErrorResponse(await raw(t, 'GET', 'drive/v3/files', { token: 'made-up' }), 401);
    await expectGoogleError(
      clients(t.rootUrl, 'stale').drive.files.list({}, { retry: false }),
      401,
      'authError',
    );
  });

  it('refuses a token without the scope with 403 insufficientPermissions, as Google allows drive.file for Sheets', async () => {
    const sheetsOnly = clients(t.rootUrl, 'sheets-only');
    const body = await expectGoogleError(sheetsOnly.drive.files.list({}), 403, 'insufficientPermissions');
    expect(body.error.status).toBe('PERMISSION_DENIED');
    const made = await clients(t.rootUrl, 'drive-file').sheets.spreadsheets.create({
      requestBody: { properties: { title: 'By drive.file' } },
    });
    const id = made.data.spreadsheetId as string;
    const reader = clients(t.rootUrl, 'read-sheets').sheets;
    expect((await reader.spreadsheets.get({ spreadsheetId: id })).data.properties?.title).toBe(
      'By drive.file',
    );
    const refused = await expectSheetsFailure(
      reader.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Sheet1!A1',
        valueInputOption: 'RAW',
        requestBody: { values: [['x']] },
      }),
      403,
      'PERMISSION_DENIED',
    );
    expect(errorInfoReason(refused)).toBe('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
  });
});

describe('sandbox bad input', () => {
  let run: SandboxRun;
  let t: Target;
  beforeAll(async () => {
    run = await sandboxTarget({ maxBodyBytes: 4096 });
    t = run.target;
  });
  afterAll(() => run.end());

  it('answers malformed JSON, unknown fields, huge bodies and unknown paths in Google’s shape and keeps the store intact', async () => {
    const sheet = await t.sheets.spreadsheets.create({ requestBody: { properties: { title: 'Kept' } } });
    const id = sheet.data.spreadsheetId as string;
    const before = snapshot(run.dir);
    const json = { 'Content-Type': 'application/json' };
    const parse = await expectErrorResponse(
      await raw(t, 'POST', 'drive/v3/files', { headers: json, body: '{"name": "x",' }),
      400,
      'parseError',
    );
    expect(parse.error.status).toBe('INVALID_ARGUMENT');
    await expectSheetsError(
      await raw(t, 'POST', `v4/spreadsheets/${id}:batchUpdate`, { headers: json, body: '[1,2]' }),
      400,
      'INVALID_ARGUMENT',
    );
    const unknown = await expectErrorResponse(
      await raw(t, 'POST', 'drive/v3/files', {
        headers: json,
        body: JSON.stringify({ name: 'x', colour: 'red' }),
      }),
      400,
    );
    expect(unknown.error.message).toMatch(/Unknown name "colour"/);
    await expectErrorResponse(
      await raw(t, 'POST', 'v4/spreadsheets', {
        headers: json,
        body: JSON.stringify({ properties: { title: 'y' }, extra: 1 }),
      }),
      400,
    );
    await expectErrorResponse(
      await raw(t, 'PUT', `v4/spreadsheets/${id}/values/Sheet1!A1?valueInputOption=RAW`, {
        headers: json,
        body: JSON.stringify({ values: 'not rows' }),
      }),
      400,
    );
    await expectErrorResponse(await raw(t, 'GET', `v4/spreadsheets/${id}/values/Sheet1!A1001`), 400);
    const huge = await raw(t, 'POST', 'upload/drive/v3/files?uploadType=media', {
      headers: { 'Content-Type': 'text/plain' },
      body: Buffer.alloc(100_000, 1),
    });
    await expectErrorResponse(huge, 413, 'requestTooLarge');
    await expectErrorResponse(await raw(t, 'GET', 'drive/v3/nothing-here'), 404);
    await expectErrorResponse(await raw(t, 'GET', 'drive/v3/files?pageToken=bogus'), 400, 'invalid');
    await expectErrorResponse(
      await raw(t, 'GET', 'drive/v3/files?fields=files(id,colour)'),
      400,
      'invalidParameter',
    );
    expect(snapshot(run.dir)).toEqual(before);
  });

  it('counts requests by method, status and route, and resets the counts', async () => {
    await raw(t, 'POST', '__sandbox/reset');
    await t.drive.files.list({ q: `'${t.folderId}' in parents` });
    await raw(t, 'GET', 'drive/v3/files/missing-id');
    const stats = (await (await raw(t, 'GET', '__sandbox/stats')).json()) as Record<
      string,
      Record<string, number>
    >;
    expect(stats.total).toBe(2);
    expect(stats.byMethod).toEqual({ GET: 2 });
    expect(stats.byStatus).toEqual({ '200': 1, '404': 1 });
    expect(stats.byRoute).toEqual({ 'drive.files.list': 1, 'drive.files.get': 1 });
    await raw(t, 'POST', '__sandbox/reset');
    expect(run.sandbox.stats().total).toBe(0);
  });
});

describe('sandbox rate limit', () => {
  it('answers Sheets’ 429 RESOURCE_EXHAUSTED with Retry-After once a user passes the Sheets limit, per user, leaving Drive alone', async () => {
    const run = await sandboxTarget({ rateLimits: { sheets: { requests: 3, perMs: 60_000 } } });
    try {
      const t = run.target;
      const id = (await t.sheets.spreadsheets.create({ requestBody: { properties: { title: 'Limited' } } }))
        .data.spreadsheetId as string;
      await t.sheets.spreadsheets.get({ spreadsheetId: id });
      await t.sheets.spreadsheets.get({ spreadsheetId: id });
      const res = await raw(t, 'GET', `v4/spreadsheets/${id}`);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const body = await expectSheetsError(res, 429, 'RESOURCE_EXHAUSTED');
      expect(body.error.message).toMatch(/^Quota exceeded for quota metric 'Read requests'/);
      expect(errorInfoReason(body)).toBe('RATE_LIMIT_EXCEEDED');
      expect((await raw(t, 'GET', `v4/spreadsheets/${id}`, { token: 'another-user' })).status).toBe(200);
      expect((await raw(t, 'GET', 'drive/v3/files')).status).toBe(200);
      expect(run.sandbox.stats().rateLimited).toBe(1);
    } finally {
      await run.end();
    }
  });
});

describe('sandbox faults', () => {
  const dirs: string[] = [];
  const sandboxes: Sandbox[] = [];
  const start = async (
    faultRate: number,
    seed: number,
    dir = mkdtempSync(join(tmpdir(), 'rounds-sandbox-')),
  ) => {
    dirs.push(dir);
    const sandbox = await startSandbox({ dir, faultRate, seed });
    sandboxes.push(sandbox);
    return { sandbox, dir };
  };
  afterAll(async () => {
    for (const s of sandboxes) await s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** Status of each call, or "dropped" when the connection was destroyed. */
  const outcome = async (url: string, init: RequestInit = {}): Promise<string> => {
    try {
      const res = await fetch(url, { ...init, headers: { Authorization: 'Bearer test', ...init.headers } });
      await res.arrayBuffer();
      return String(res.status);
    } catch {
      return 'dropped';
    }
  };

  it('the same seed fails the same requests the same way', async () => {
    const a = await start(0.5, 1234);
    const b = await start(0.5, 1234);
    const c = await start(0.5, 999);
    const run = async (url: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 30; i++) seen.push(await outcome(`${url}/drive/v3/files`));
      return seen;
    };
    const first = await run(a.sandbox.url);
    expect(await run(b.sandbox.url)).toEqual(first);
    expect(await run(c.sandbox.url)).not.toEqual(first);
    expect(new Set(first)).toEqual(new Set(['200', '429', '500', '503', 'dropped']));
  });

  it('a fault after the write loses only the response: exactly those creates exist afterwards', async () => {
    const { sandbox, dir } = await start(1, 42);
    for (let i = 0; i < 40; i++) {
      await outcome(`${sandbox.url}/drive/v3/files`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `folder ${i}`, mimeType: FOLDER }),
      });
    }
    const { faults, byStatus } = sandbox.stats();
    expect(faults.before + faults.after).toBe(40);
    expect(faults.before).toBeGreaterThan(0);
    expect(faults.after).toBeGreaterThan(0);
    expect(byStatus.dropped).toBeGreaterThan(0);
    expect(byStatus['200']).toBeUndefined();
    await sandbox.close();
    const calm = await startSandbox({ dir });
    sandboxes.push(calm);
    const { drive } = clients(`${calm.url}/`, 'test');
    const listed = await drive.files.list({ q: "'root' in parents", pageSize: 100, fields: 'files(name)' });
    expect(listed.data.files).toHaveLength(faults.after);
  });
});
