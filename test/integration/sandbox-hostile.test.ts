// Thousands of generated hostile requests (junk ids, broken encodings, random JSON, odd headers) against a sandbox
// holding real files: each must be answered promptly and none with a 5xx — a client's mistake is always a 4xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../tools/sandbox/faults';
import { sandboxTarget, type SandboxRun } from './scenarios/sandbox-target';
import { raw, type Target } from './scenarios/target';

const REQUESTS = 1200;
const PROMPT_MS = 5_000;

describe('hostile requests', () => {
  let run: SandboxRun;
  let t: Target;
  const real: Record<string, string> = {};
  beforeAll(async () => {
    run = await sandboxTarget();
    t = run.target;
    real.folder = t.folderId;
    real.file = (
      await t.drive.files.create(
        {
          requestBody: { name: 'a.txt', parents: [t.folderId] },
          media: { mimeType: 'text/plain', body: 'a' },
        },
        { rootUrl: t.rootUrl },
      )
    ).data.id as string;
    real.sheet = (await t.sheets.spreadsheets.create({ requestBody: {} })).data.spreadsheetId as string;
    real.generated = ((await t.drive.files.generateIds({ count: 1 })).data.ids as string[])[0] as string;
  });
  afterAll(() => run.end());

  it(`answers ${REQUESTS} generated hostile requests promptly, none with a 5xx`, async () => {
    const random = seededRandom(20261204);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const junk = (): string =>
      pick([
        '',
        '%',
        '%E0%A4%A',
        '%zz',
        '..',
        '../../x',
        'root',
        'x'.repeat(3000),
        '\u00e9\u{1F600}',
        "' or '1'='1",
        '{}',
        '-1',
        '1e309',
        'NaN',
        'null',
        String(Math.floor(random() * 1e12)),
      ]);
    const id = (): string => (random() < 0.5 ? pick(Object.values(real)) : junk());
    const value = (depth = 0): unknown => {
      const r = random();
      if (depth > 3 || r < 0.3) return pick([null, true, -1, 1e308, 0.5, 'x', '', junk(), real.file]);
      if (r < 0.6) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 4) }, () => [pick(KEYS), value(depth + 1)]),
      );
    };
    const paths = [
      () => 'drive/v3/files',
      () => `drive/v3/files/${id()}`,
      () => 'drive/v3/files/generateIds',
      () => 'upload/drive/v3/files',
      () => `upload/drive/v3/files/${id()}`,
      () => 'v4/spreadsheets',
      () => `v4/spreadsheets/${id()}`,
      () => `v4/spreadsheets/${id()}:batchUpdate`,
      () => `v4/spreadsheets/${id()}/values/${pick(['Sheet1!A1', 'A1:B2', junk(), 'Sheet1!A1%'])}`,
      () => `v4/spreadsheets/${id()}/values/${pick(['Sheet1!A1', junk()])}:append`,
      () => `v4/spreadsheets/${id()}/values:batchGet`,
      () => `v4/spreadsheets/${id()}/values:batchUpdate`,
      () => `v4/spreadsheets/${id()}/developerMetadata:search`,
      () => `v4/spreadsheets/${id()}/developerMetadata/${junk()}`,
      () => pick(['__sandbox/pick', '__sandbox/expire', '__sandbox/tokens', '__sandbox/nothing']),
      () => pick(['o/oauth2/v2/auth', 'token', 'oauth2/v3/userinfo', '__sandbox/oauth/expire']),
    ];
    const failures: string[] = [];
    const statuses = new Set<number>();
    const attempt = async (
      method: string,
      path: string,
      headers: Record<string, string> = {},
      body?: string | Buffer,
      token: string | null = 'test',
    ): Promise<void> => {
      const label = `${method} ${path.slice(0, 200)}`;
      try {
        const res = await Promise.race([
          raw(t, method, path, { headers, body, token }),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), PROMPT_MS)),
        ]);
        await res.arrayBuffer();
        statuses.add(res.status);
        if (res.status >= 500) failures.push(`${res.status} ${label}`);
      } catch (err) {
        failures.push(`${(err as Error).message} ${label}`);
      }
    };
    // First a sweep: every deeply nested value on every recursively parsed parameter of a route that parses it.
    for (const path of ['drive/v3/files', `drive/v3/files/${real.file}`, `v4/spreadsheets/${real.sheet}`])
      for (const name of ['q', 'fields'])
        for (const value of DEEP) await attempt('GET', `${path}?${new URLSearchParams({ [name]: value })}`);
    // Then random requests.
    for (let i = 0; i < REQUESTS; i++) {
      const method = pick(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);
      const params = new URLSearchParams();
      for (let n = Math.floor(random() * 4); n > 0; n--)
        params.append(pick(PARAMS), pick([junk(), JSON.stringify(value())]));
      if (random() < 0.2) params.append(pick(['q', 'fields']), pick(DEEP));
      const path = `${pick(paths)()}${params.size ? `?${params}` : ''}`;
      const headers: Record<string, string> = {};
      if (random() < 0.6) headers['Content-Type'] = pick(CONTENT_TYPES);
      if (random() < 0.2)
        headers['X-Upload-Content-Length'] = pick(['5', '-1', 'abc', '99999999999999999999']);
      if (random() < 0.2)
        headers['Content-Range'] = pick(['bytes 0-4/5', 'bytes */*', 'bytes 9-0/5', 'junk']);
      const body =
        method === 'GET' || method === 'DELETE'
          ? undefined
          : pick([
              () => JSON.stringify(value()),
              () => '{"a":',
              () => junk(),
              () => Buffer.from([0, 255, 10]),
            ])();
      if (body !== undefined && headers['Content-Type'] === undefined)
        headers['Content-Type'] = 'application/json';
      await attempt(method, path, headers, body, random() < 0.05 ? null : 'test');
    }
    expect(failures).toEqual([]);
    // The generator reaches the handlers, not only the front door: successes and many kinds of refusal.
    for (const status of [200, 400, 401, 404]) expect(statuses).toContain(status);
    // …and the sandbox still works normally afterwards.
    const made = await t.drive.files.create(
      { requestBody: { name: 'after.txt' }, media: { mimeType: 'text/plain', body: 'still here' } },
      { rootUrl: t.rootUrl },
    );
    const back = await t.drive.files.get(
      { fileId: made.data.id as string, alt: 'media' },
      { responseType: 'text' },
    );
    expect(back.data).toBe('still here');
  });
});

/** Nesting far past any real request, for the parameters that are parsed recursively. */
const DEEP = [
  `${'('.repeat(6000)}name = 'x'${')'.repeat(6000)}`,
  `files(${'a('.repeat(6000)}b${')'.repeat(6001)}`,
  `${'not '.repeat(6000)}trashed = true`,
];
const KEYS = [
  'id',
  'name',
  'mimeType',
  'parents',
  'appProperties',
  'properties',
  'shortcutDetails',
  'targetId',
  'trashed',
  'requests',
  'addSheet',
  'properties',
  'title',
  'sheetId',
  'updateCells',
  'rows',
  'values',
  'fields',
  'range',
  'majorDimension',
  'data',
  'valueInputOption',
  'createDeveloperMetadata',
  'developerMetadata',
  'location',
  'dimensionRange',
  'startIndex',
  'endIndex',
  'dimension',
  'metadataKey',
  'visibility',
  'dataFilters',
  'deleteDimension',
  'insertDimension',
  'appendCells',
  'user',
  'fileId',
  'token',
  'scopes',
  'sheets',
];
const PARAMS = [
  'q',
  'pageSize',
  'fields',
  'pageToken',
  'orderBy',
  'uploadType',
  'upload_id',
  'addParents',
  'removeParents',
  'alt',
  'count',
  'space',
  'type',
  'valueInputOption',
  'ranges',
  'majorDimension',
  'includeGridData',
  'insertDataOption',
  'valueRenderOption',
  'includeValuesInResponse',
];
const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'multipart/related; boundary=xyz',
  'multipart/related',
  'application/octet-stream',
  'application/vnd.google-apps.folder',
];
