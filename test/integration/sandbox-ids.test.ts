// Pre-generated Drive ids, as a filing queue uses them: ids from generateIds become the files created with them,
// once; any id the service did not hand out is refused, and the handed-out ids survive a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../tools/sandbox/server';
import { sandboxTarget, type SandboxRun } from './scenarios/sandbox-target';
import { clients, expectErrorResponse, expectGoogleError, raw, type Target } from './scenarios/target';

describe('sandbox pre-generated file ids', () => {
  let run: SandboxRun;
  let t: Target;
  beforeAll(async () => {
    run = await sandboxTarget();
    t = run.target;
  });
  afterAll(() => run.end());

  it('hands out as many distinct ids as asked, in Google’s shape, at most 1,000', async () => {
    const res = await t.drive.files.generateIds({ count: 1000, space: 'drive', type: 'files' });
    expect(res.data.kind).toBe('drive#generatedIds');
    expect(res.data.space).toBe('drive');
    expect(new Set(res.data.ids).size).toBe(1000);
    expect((await t.drive.files.generateIds({})).data.ids).toHaveLength(10);
    await expectGoogleError(t.drive.files.generateIds({ count: 1001 }), 400, 'invalid');
    await expectGoogleError(t.drive.files.generateIds({ count: 0 }), 400, 'invalid');
    await expectGoogleError(t.drive.files.generateIds({ space: 'photos' }), 400, 'invalid');
  });

  it('a file created with a generated id has that id, and the same id again is 409', async () => {
    const [id] = (await t.drive.files.generateIds({ count: 1 })).data.ids as string[];
    const made = await t.drive.files.create(
      {
        requestBody: { id, name: 'filed.eml', parents: [t.folderId] },
        media: { mimeType: 'message/rfc822', body: 'Subject: hi\r\n\r\nbody' },
        fields: 'id,name',
      },
      { rootUrl: t.rootUrl },
    );
    expect(made.data.id).toBe(id);
    expect((await t.drive.files.get({ fileId: id as string, fields: 'name' })).data.name).toBe('filed.eml');
    const again = await expectGoogleError(
      t.drive.files.create({ requestBody: { id, name: 'second copy', parents: [t.folderId] } }),
      409,
    );
    expect(again.error.message).toBe('A file already exists with the provided ID.');
    const listed = await t.drive.files.list({ q: `'${t.folderId}' in parents and name = 'second copy'` });
    expect(listed.data.files).toEqual([]);
  });

  it('refuses ids it never generated, the root’s id, "root" and path-like ids with 400', async () => {
    const rootId = (await t.drive.files.get({ fileId: t.folderId, fields: 'parents' })).data
      .parents?.[0] as string;
    expect(rootId).toMatch(/^0A/);
    for (const id of ['1madeUpByTheClientxxxxxxxxxxxxxxx', rootId, 'root', '../../x', '..', 'a/b']) {
      const body = await expectGoogleError(
        t.drive.files.create({ requestBody: { id, name: 'bad id', parents: [t.folderId] } }),
        400,
        'fileIdNotUsable',
      );
      expect(body.error.message).toBe('The provided file ID is not usable.');
    }
    const res = await raw(t, 'POST', 'drive/v3/files', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 42, name: 'numeric id' }),
    });
    await expectErrorResponse(res, 400, 'fileIdNotUsable');
    const listed = await t.drive.files.list({ q: "name = 'bad id' or name = 'numeric id'" });
    expect(listed.data.files).toEqual([]);
  });

  it('a generated id is usable by a resumable upload too, once', async () => {
    const [id] = (await t.drive.files.generateIds({ count: 1 })).data.ids as string[];
    const start = await raw(t, 'POST', 'upload/drive/v3/files?uploadType=resumable', {
      headers: { 'Content-Type': 'application/json', 'X-Upload-Content-Length': '5' },
      body: JSON.stringify({ id, name: 'resumed.txt', parents: [t.folderId] }),
    });
    expect(start.status).toBe(200);
    const put = await raw(t, 'PUT', start.headers.get('location') as string, { body: 'hello' });
    expect(((await put.json()) as { id: string }).id).toBe(id);
    const second = await raw(t, 'POST', 'upload/drive/v3/files?uploadType=resumable', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id, name: 'resumed again.txt' }),
    });
    await expectErrorResponse(second, 409);
  });
});

describe('sandbox generated ids across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-sandbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an id generated before a restart can still be used after it, and still only once', async () => {
    const first = await startSandbox({ dir, port: 0 });
    const before = clients(`${first.url}/`, 'test').drive;
    const ids = (await before.files.generateIds({ count: 3 })).data.ids as string[];
    await before.files.create({ requestBody: { id: ids[0], name: 'before restart' } });
    await first.close();

    const second = await startSandbox({ dir, port: 0 });
    try {
      const after = clients(`${second.url}/`, 'test').drive;
      const made = await after.files.create({ requestBody: { id: ids[1], name: 'after restart' } });
      expect(made.data.id).toBe(ids[1]);
      await expectGoogleError(after.files.create({ requestBody: { id: ids[0], name: 'again' } }), 409);
      await expectGoogleError(
        after.files.create({ requestBody: { id: 'never-generated', name: 'no' } }),
        400,
        'fileIdNotUsable',
      );
    } finally {
      await second.close();
    }
  });
});
