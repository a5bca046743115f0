// Inputs that used to wedge or crash the sandbox, one test each: every one is now a 4xx in Google's shape (or, for
// a damaged store, a start-up report), and the sandbox keeps answering straight after.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';
import { expectSheetsError } from './sandbox-expect';
import { sandboxTarget, type SandboxRun } from './scenarios/sandbox-target';
import {
  FOLDER,
  clients,
  expectErrorResponse,
  expectGoogleError,
  newFolder,
  raw,
  type Target,
} from './scenarios/target';

const json = { 'Content-Type': 'application/json' };
/** Every request here must answer within this long: a wedged sandbox fails the test instead of hanging it. */
const PROMPT = 5_000;
const prompt = (t: Target, method: string, path: string, init: Parameters<typeof raw>[3] = {}) =>
  Promise.race([
    raw(t, method, path, init),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${method} ${path} did not answer within ${PROMPT} ms`)), PROMPT),
    ),
  ]);

describe('requests that used to wedge the sandbox', () => {
  let run: SandboxRun;
  let t: Target;
  let rootId: string;
  beforeAll(async () => {
    run = await sandboxTarget();
    t = run.target;
    rootId = (await t.drive.files.get({ fileId: 'root', fields: 'id' })).data.id as string;
  });
  afterAll(() => run.end());

  it('refuses a file claiming the root folder’s id, and folder moves keep answering', async () => {
    const res = await prompt(t, 'POST', 'drive/v3/files', {
      headers: json,
      body: JSON.stringify({ id: rootId, name: 'imposter', mimeType: FOLDER }),
    });
    await expectErrorResponse(res, 400, 'fileIdNotUsable');
    const a = await newFolder(t, 'A');
    const b = await newFolder(t, 'B');
    const moved = await prompt(
      t,
      'PATCH',
      `drive/v3/files/${a}?addParents=${b}&removeParents=${t.folderId}`,
      {
        headers: json,
        body: '{}',
      },
    );
    expect(moved.status).toBe(200);
    // Moving a folder into its own subfolder is refused, not looped on.
    const back = await prompt(t, 'PATCH', `drive/v3/files/${b}?addParents=${a}&removeParents=${t.folderId}`, {
      headers: json,
      body: '{}',
    });
    await expectErrorResponse(back, 400, 'invalidParent');
  });

  it('answers a malformed percent-encoded id with a 4xx in each API’s shape', async () => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const res = await prompt(
        t,
        method,
        'drive/v3/files/%E0%A4%A',
        method === 'PATCH' ? { headers: json, body: '{}' } : {},
      );
      await expectErrorResponse(res, 400, 'invalid');
    }
    await expectErrorResponse(
      await prompt(t, 'PATCH', 'upload/drive/v3/files/%zz?uploadType=media', { body: 'x' }),
      400,
    );
    await expectSheetsError(await prompt(t, 'GET', 'v4/spreadsheets/%E0%A4%A'), 404, 'NOT_FOUND');
    const sheet = (await t.sheets.spreadsheets.create({ requestBody: {} })).data.spreadsheetId as string;
    await expectSheetsError(
      await prompt(t, 'GET', `v4/spreadsheets/${sheet}/values/Sheet1!A1%E0%A4%A`),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('refuses a 5,000-deep or over-long query with 400, and still answers a reasonable one', async () => {
    // Parentheses left unencoded, as a client may send them: 10 KB of nesting in the URL.
    const q = (text: string): string => encodeURIComponent(text).replace(/%28/g, '(').replace(/%29/g, ')');
    const deep = `${'('.repeat(5000)}name = 'x'${')'.repeat(5000)}`;
    const a = await expectErrorResponse(
      await prompt(t, 'GET', `drive/v3/files?q=${q(deep)}`),
      400,
      'invalid',
    );
    expect(a.error.message).toMatch(/nests deeper than/);
    const nots = `${'not '.repeat(5000)}trashed = true`;
    await expectErrorResponse(await prompt(t, 'GET', `drive/v3/files?q=${q(nots)}`), 400, 'invalid');
    const wide = Array.from({ length: 1001 }, () => 'trashed=true').join(' or ');
    const w = await expectErrorResponse(
      await prompt(t, 'GET', `drive/v3/files?q=${q(wide)}`),
      400,
      'invalid',
    );
    expect(w.error.message).toMatch(/more than 1000 terms/);
    const fine = `${'('.repeat(30)}name = 'x' or trashed = false${')'.repeat(30)}`;
    expect((await prompt(t, 'GET', `drive/v3/files?q=${q(fine)}`)).status).toBe(200);
    const many = Array.from({ length: 1000 }, () => 'trashed=true').join(' or ');
    expect((await prompt(t, 'GET', `drive/v3/files?q=${q(many)}`)).status).toBe(200);
  });

  it('refuses a field mask nested thousands deep with 400', async () => {
    const fields = `files(${'a('.repeat(5000)}b${')'.repeat(5000)})`;
    await expectErrorResponse(
      await prompt(t, 'GET', `drive/v3/files?fields=${fields}`),
      400,
      'invalidParameter',
    );
    const sheet = (await t.sheets.spreadsheets.create({ requestBody: {} })).data.spreadsheetId as string;
    await expectSheetsError(
      await prompt(t, 'GET', `v4/spreadsheets/${sheet}?fields=${'sheets('.repeat(5000)}x${')'.repeat(5000)}`),
      400,
      'INVALID_ARGUMENT',
    );
  });

  it('a resumable upload refuses bytes past its declared size, keeps none of them, and can still finish right', async () => {
    const start = await prompt(t, 'POST', 'upload/drive/v3/files?uploadType=resumable', {
      headers: { ...json, 'X-Upload-Content-Length': '5' },
      body: JSON.stringify({ name: 'five.txt', parents: [t.folderId] }),
    });
    const session = start.headers.get('location') as string;
    const over = await prompt(t, 'PUT', session, {
      headers: { 'Content-Range': 'bytes 0-9/*' },
      body: 'ten bytes!',
    });
    await expectErrorResponse(over, 400, 'badContent');
    const status = await prompt(t, 'PUT', session, { headers: { 'Content-Range': 'bytes */5' } });
    expect(status.status).toBe(308);
    expect(status.headers.get('range')).toBeNull();
    const done = await prompt(t, 'PUT', session, {
      headers: { 'Content-Range': 'bytes 0-4/5' },
      body: 'hello',
    });
    expect(done.status).toBe(200);
    const id = ((await done.json()) as { id: string }).id;
    expect((await t.drive.files.get({ fileId: id, fields: 'size' })).data.size).toBe('5');
  });

  it('refuses an unparseable X-Upload-Content-Length before any session or file exists', async () => {
    for (const length of ['abc', '-1', '1e3', '']) {
      const res = await prompt(t, 'POST', 'upload/drive/v3/files?uploadType=resumable', {
        headers: { ...json, 'X-Upload-Content-Length': length },
        body: JSON.stringify({ name: 'never.txt', parents: [t.folderId] }),
      });
      const body = await expectErrorResponse(res, 400, 'badContent');
      expect(body.error.message).toMatch(/X-Upload-Content-Length/);
      expect(res.headers.get('location')).toBeNull();
    }
    expect((await t.drive.files.list({ q: "name = 'never.txt'" })).data.files).toEqual([]);
  });

  it('inserting millions of rows is refused at the cell limit, and a large legal insert still works', async () => {
    const id = (await t.sheets.spreadsheets.create({ requestBody: {} })).data.spreadsheetId as string;
    const insert = (endIndex: number) =>
      prompt(t, 'POST', `v4/spreadsheets/${id}:batchUpdate`, {
        headers: json,
        body: JSON.stringify({
          requests: [
            { insertDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex } } },
          ],
        }),
      });
    const refused = await expectSheetsError(await insert(5_000_000), 400, 'INVALID_ARGUMENT');
    expect(refused.error.message).toMatch(/limit of 10000000 cells/);
    expect((await insert(200_000)).status).toBe(200);
    const got = await t.sheets.spreadsheets.get({
      spreadsheetId: id,
      fields: 'sheets.properties.gridProperties',
    });
    expect(got.data.sheets?.[0]?.properties?.gridProperties?.rowCount).toBe(201_000);
  });

  it('developer metadata must sit on a single row or column', async () => {
    const id = (await t.sheets.spreadsheets.create({ requestBody: {} })).data.spreadsheetId as string;
    const tag = (dimensionRange: object) =>
      t.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            {
              createDeveloperMetadata: {
                developerMetadata: {
                  metadataKey: 'rowId',
                  metadataValue: 'r1',
                  visibility: 'DOCUMENT',
                  location: { dimensionRange },
                },
              },
            },
          ],
        },
      });
    for (const range of [
      { sheetId: 0, dimension: 'ROWS', startIndex: 2, endIndex: 5 },
      { sheetId: 0, dimension: 'ROWS' },
      { sheetId: 0, dimension: 'COLUMNS', startIndex: 0 },
    ]) {
      await expectGoogleError(tag(range), 400);
    }
    const ok = await tag({ sheetId: 0, dimension: 'ROWS', startIndex: 2, endIndex: 3 });
    expect(
      ok.data.replies?.[0]?.createDeveloperMetadata?.developerMetadata?.location?.dimensionRange,
    ).toMatchObject({
      startIndex: 2,
      endIndex: 3,
    });
  });
});

describe('a damaged store on start', () => {
  const dirs: string[] = [];
  const open: Sandbox[] = [];
  afterAll(async () => {
    for (const s of open) await s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const begin = async (dir = mkdtempSync(join(tmpdir(), 'rounds-sandbox-'))) => {
    dirs.push(dir);
    const sandbox = await startSandbox({ dir, port: 0 });
    open.push(sandbox);
    return {
      sandbox,
      dir,
      t: { rootUrl: `${sandbox.url}/`, token: 'test', ...clients(`${sandbox.url}/`, 'test') } as Target,
    };
  };
  const restart = async (sandbox: Sandbox, dir: string) => {
    await sandbox.close();
    return begin(dir);
  };

  it('a stored item holding the root’s id (a parent loop) is reported and left out; moves keep answering', async () => {
    const { sandbox, dir, t } = await begin();
    const rootId = (await t.drive.files.get({ fileId: 'root', fields: 'id' })).data.id as string;
    const a = (await t.drive.files.create({ requestBody: { name: 'A', mimeType: FOLDER } })).data
      .id as string;
    const b = (await t.drive.files.create({ requestBody: { name: 'B', mimeType: FOLDER } })).data
      .id as string;
    // What the old sandbox persisted for POST files {"id": <root id>}: a folder record carrying the root's id.
    const sidecar = JSON.parse(readFileSync(join(dir, 'My Drive', '.A.meta.json'), 'utf8'));
    writeFileSync(
      join(dir, 'My Drive', '.imposter.meta.json'),
      JSON.stringify({ ...sidecar, id: rootId, name: 'imposter' }),
    );
    const again = await restart(sandbox, dir);
    expect(again.sandbox.problems.join('\n')).toMatch(/claims the root folder's id/);
    const moved = await prompt(again.t, 'PATCH', `drive/v3/files/${a}?addParents=${b}&removeParents=root`, {
      headers: json,
      body: '{}',
    });
    expect(moved.status).toBe(200);
  });

  it('two records of one id (a move cut short) keep the one whose bytes exist, and download the real bytes', async () => {
    const { sandbox, dir, t } = await begin();
    const folder = (await t.drive.files.create({ requestBody: { name: 'Step', mimeType: FOLDER } })).data
      .id as string;
    const made = await t.drive.files.create(
      { requestBody: { name: 'plan.txt' }, media: { mimeType: 'text/plain', body: 'the plan' } },
      { rootUrl: t.rootUrl },
    );
    const id = made.data.id as string;
    // The crash: the new record is written in Step, the bytes not yet moved there.
    copyFileSync(
      join(dir, 'My Drive', '.plan.txt.meta.json'),
      join(dir, 'My Drive', 'Step', '.plan.txt.meta.json'),
    );
    let again = await restart(sandbox, dir);
    expect(again.sandbox.problems.join('\n')).toMatch(new RegExp(`Two records of ${id}`));
    expect((await again.t.drive.files.get({ fileId: id, alt: 'media' }, { responseType: 'text' })).data).toBe(
      'the plan',
    );
    // The other crash: bytes moved, old record not yet removed.
    copyFileSync(
      join(dir, 'My Drive', '.plan.txt.meta.json'),
      join(dir, 'My Drive', 'Step', '.plan.txt.meta.json'),
    );
    renameSync(join(dir, 'My Drive', 'plan.txt'), join(dir, 'My Drive', 'Step', 'plan.txt'));
    again = await restart(again.sandbox, dir);
    const got = await again.t.drive.files.get({ fileId: id, fields: 'parents' });
    expect(got.data.parents).toEqual([folder]);
    expect((await again.t.drive.files.get({ fileId: id, alt: 'media' }, { responseType: 'text' })).data).toBe(
      'the plan',
    );
  });

  it('a record whose bytes are gone is reported, and downloading it says so instead of 200 with 0 bytes', async () => {
    const { sandbox, dir, t } = await begin();
    const id = (
      await t.drive.files.create(
        { requestBody: { name: 'lost.txt' }, media: { mimeType: 'text/plain', body: 'gone' } },
        { rootUrl: t.rootUrl },
      )
    ).data.id as string;
    rmSync(join(dir, 'My Drive', 'lost.txt'));
    const again = await restart(sandbox, dir);
    expect(again.sandbox.problems.join('\n')).toMatch(/bytes are missing/);
    const res = await prompt(again.t, 'GET', `drive/v3/files/${id}?alt=media`);
    expect(res.status).not.toBe(200);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /damaged.*bytes are missing/,
    );
  });

  it('a record that disagrees with its bytes (a crash between bytes and record) is brought in line with the bytes', async () => {
    const { sandbox, dir, t } = await begin();
    const id = (
      await t.drive.files.create(
        { requestBody: { name: 'notes.txt' }, media: { mimeType: 'text/plain', body: 'old' } },
        { rootUrl: t.rootUrl },
      )
    ).data.id as string;
    writeFileSync(join(dir, 'My Drive', 'notes.txt'), 'newer notes');
    const again = await restart(sandbox, dir);
    expect(again.sandbox.problems.join('\n')).toMatch(/disagreed with its bytes/);
    const got = await again.t.drive.files.get({ fileId: id, fields: 'size,md5Checksum' });
    expect(got.data.size).toBe(String('newer notes'.length));
    expect(got.data.md5Checksum).toBe(createHash('md5').update('newer notes').digest('hex'));
    expect((await again.t.drive.files.get({ fileId: id, alt: 'media' }, { responseType: 'text' })).data).toBe(
      'newer notes',
    );
  });
});
