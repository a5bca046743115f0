// The sandbox's Drive v3 driven by the official googleapis client: the shared scenarios, plus what only the sandbox
// has (a store a person can browse on disk, restarts, fixture pages).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../tools/sandbox/server';
import { driveScenarios } from './scenarios/drive';
import { sandboxTarget, type SandboxRun } from './scenarios/sandbox-target';
import { FOLDER, clients, newFolder, raw } from './scenarios/target';

describe('sandbox Drive v3, through googleapis', () => {
  let run: SandboxRun;
  beforeAll(async () => {
    run = await sandboxTarget();
  });
  afterAll(() => run.end());

  for (const [name, scenario] of Object.entries(driveScenarios)) it(name, () => scenario(run.target));

  it('keeps every folder as a real directory with each file’s bytes and metadata beside it', async () => {
    const t = run.target;
    const cycle = await newFolder(t, 'Cycle: 3/4');
    await t.drive.files.create(
      {
        requestBody: { name: 'plan.txt', parents: [cycle], appProperties: { src: 'gmail' } },
        media: { mimeType: 'text/plain', body: 'the plan' },
      },
      { rootUrl: t.rootUrl },
    );
    await t.drive.files.create(
      {
        requestBody: { name: 'plan.txt', parents: [cycle] },
        media: { mimeType: 'text/plain', body: 'another plan' },
      },
      { rootUrl: t.rootUrl },
    );
    const folderPath = join(run.dir, 'My Drive', 'Rounds test run', 'Cycle_ 3_4');
    expect(readFileSync(join(folderPath, 'plan.txt'), 'utf8')).toBe('the plan');
    expect(readFileSync(join(folderPath, 'plan (2).txt'), 'utf8')).toBe('another plan');
    const meta = JSON.parse(readFileSync(join(folderPath, '.plan.txt.meta.json'), 'utf8'));
    expect(meta).toMatchObject({ name: 'plan.txt', mimeType: 'text/plain', appProperties: { src: 'gmail' } });
    expect(readdirSync(folderPath).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it('a renamed folder renames its directory and keeps its files', async () => {
    const t = run.target;
    const folder = await newFolder(t, 'Old name');
    await t.drive.files.create(
      {
        requestBody: { name: 'inside.txt', parents: [folder] },
        media: { mimeType: 'text/plain', body: 'in' },
      },
      { rootUrl: t.rootUrl },
    );
    await t.drive.files.update({ fileId: folder, requestBody: { name: 'New name' } });
    const base = join(run.dir, 'My Drive', 'Rounds test run');
    expect(existsSync(join(base, 'Old name'))).toBe(false);
    expect(readFileSync(join(base, 'New name', 'inside.txt'), 'utf8')).toBe('in');
  });

  it('serves fixture pages with their content types and nothing outside the fixtures folder', async () => {
    const fixtures = mkdtempSync(join(tmpdir(), 'rounds-fixtures-'));
    mkdirSync(join(fixtures, 'mail', 'inbox'), { recursive: true });
    writeFileSync(join(fixtures, 'mail', 'inbox', 'index.html'), '<h2 class="hP">A thread</h2>');
    writeFileSync(join(fixtures, 'mail', 'app.js'), 'export {}');
    writeFileSync(join(fixtures, 'secret.txt'), 'not served');
    const sandbox = await startSandbox({ dir: join(fixtures, 'store'), fixturesDir: fixtures });
    try {
      const page = await fetch(`${sandbox.url}/__fixtures/mail/inbox/`);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('A thread');
      expect((await fetch(`${sandbox.url}/__fixtures/mail/app.js`)).headers.get('content-type')).toMatch(
        /^text\/javascript/,
      );
      expect((await fetch(`${sandbox.url}/__fixtures/mail/..%2Fsecret.txt`)).status).toBe(404);
      expect((await fetch(`${sandbox.url}/__fixtures/docs/missing.html`)).status).toBe(404);
    } finally {
      await sandbox.close();
      rmSync(fixtures, { recursive: true, force: true });
    }
  });
});

describe('sandbox restarts', () => {
  it('a restarted sandbox on the same folder has every folder, file, property and spreadsheet', async () => {
    const first = await sandboxTarget();
    const t = first.target;
    const folder = await newFolder(t, 'Cycle 1');
    const file = await t.drive.files.create(
      {
        requestBody: { name: 'a.eml', parents: [folder], appProperties: { srcId: 'm1' } },
        media: { mimeType: 'message/rfc822', body: 'Subject: hi' },
        fields: 'id',
      },
      { rootUrl: t.rootUrl },
    );
    const sheet = await t.sheets.spreadsheets.create({ requestBody: { properties: { title: 'Tracker' } } });
    await t.sheets.spreadsheets.values.update({
      spreadsheetId: sheet.data.spreadsheetId as string,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['row one']] },
    });
    await first.sandbox.close();

    const again = await startSandbox({ dir: first.dir, port: 0 });
    try {
      const { drive, sheets } = clients(`${again.url}/`, 'test');
      const found = await drive.files.list({
        q: `'${folder}' in parents and appProperties has { key='srcId' and value='m1' }`,
        fields: 'files(id,name)',
      });
      expect(found.data.files).toEqual([{ id: file.data.id, name: 'a.eml' }]);
      const media = await drive.files.get(
        { fileId: file.data.id as string, alt: 'media' },
        { responseType: 'text' },
      );
      expect(media.data).toBe('Subject: hi');
      expect((await drive.files.get({ fileId: folder, fields: 'mimeType' })).data.mimeType).toBe(FOLDER);
      const read = await sheets.spreadsheets.values.get({
        spreadsheetId: sheet.data.spreadsheetId as string,
        range: 'Sheet1!A1',
      });
      expect(read.data.values).toEqual([['row one']]);
      const root = await drive.files.list({ q: "'root' in parents", fields: 'files(name)' });
      expect(root.data.files?.map((f) => f.name).sort()).toEqual(['Rounds test run', 'Tracker']);
    } finally {
      await again.close();
      rmSync(first.dir, { recursive: true, force: true });
    }
  });

  it('an upload interrupted by a restart resumes where Drive says it stopped', async () => {
    const first = await sandboxTarget();
    const chunk = 256 * 1024;
    const bytes = Buffer.alloc(chunk * 2 + 10, 7);
    const start = await raw(first.target, 'POST', 'upload/drive/v3/files?uploadType=resumable', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'big.bin', parents: [first.target.folderId] }),
    });
    const session = new URL(start.headers.get('location') as string);
    // A chunk that is not a multiple of 256 KiB: Drive keeps only the whole multiples, and says so in Range.
    const put = await raw(first.target, 'PUT', session.href, {
      headers: { 'Content-Range': `bytes 0-${chunk + 99}/${bytes.length}` },
      body: bytes.subarray(0, chunk + 100),
    });
    expect(put.status).toBe(308);
    expect(put.headers.get('range')).toBe(`bytes=0-${chunk - 1}`);
    await first.sandbox.close();

    const again = await startSandbox({ dir: first.dir, port: 0 });
    try {
      const target = { ...first.target, rootUrl: `${again.url}/` };
      const url = `${again.url}${session.pathname}${session.search}`;
      const status = await raw(target, 'PUT', url, {
        headers: { 'Content-Range': `bytes */${bytes.length}` },
      });
      expect(status.headers.get('range')).toBe(`bytes=0-${chunk - 1}`);
      const done = await raw(target, 'PUT', url, {
        headers: { 'Content-Range': `bytes ${chunk}-${bytes.length - 1}/${bytes.length}` },
        body: bytes.subarray(chunk),
      });
      expect(done.status).toBe(200);
      const { id } = (await done.json()) as { id: string };
      // Asking again after completion (a lost response) returns the same file rather than an error or a copy.
      const repeat = await raw(target, 'PUT', url, {
        headers: { 'Content-Range': `bytes */${bytes.length}` },
      });
      expect(((await repeat.json()) as { id: string }).id).toBe(id);
      const { drive } = clients(target.rootUrl, 'test');
      const media = await drive.files.get({ fileId: id, alt: 'media' }, { responseType: 'arraybuffer' });
      expect(Buffer.from(media.data as ArrayBuffer).equals(bytes)).toBe(true);
    } finally {
      await again.close();
      rmSync(first.dir, { recursive: true, force: true });
    }
  });
});
