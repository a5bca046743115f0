// Drive search as Google may run it: short pages with a nextPageToken, and new files that show up in queries
// only after a while (files.get finds them at once). A client that reads one page, or searches right after
// creating, sees here what it would see on Google.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as sandboxCommand } from '../../tools/cli/sandbox';
import { capturedIO } from '../tools/captured-io';
import { sandboxTarget, type SandboxRun } from './scenarios/sandbox-target';
import { newFolder, type Target } from './scenarios/target';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function allPages(t: Target, q: string): Promise<{ ids: string[]; pages: number[] }> {
  const ids: string[] = [];
  const pages: number[] = [];
  let pageToken: string | undefined;
  do {
    const res = await t.drive.files.list({ q, pageSize: 100, pageToken, fields: 'nextPageToken,files(id)' });
    pages.push(res.data.files?.length ?? 0);
    ids.push(...(res.data.files ?? []).map((f) => f.id as string));
    pageToken = res.data.nextPageToken ?? undefined;
  } while (pageToken);
  return { ids, pages };
}

describe('short pages (listPageMax)', () => {
  let run: SandboxRun;
  beforeAll(async () => {
    run = await sandboxTarget({ listPageMax: 7 });
  });
  afterAll(() => run.end());

  it('answers at most 7 files a page whatever pageSize asks; following nextPageToken finds each file once', async () => {
    const t = run.target;
    const folder = await newFolder(t, 'Many filings');
    const made: string[] = [];
    for (let i = 0; i < 20; i++)
      made.push(
        (await t.drive.files.create({ requestBody: { name: `f${i}`, parents: [folder] } })).data.id as string,
      );
    const first = await t.drive.files.list({ q: `'${folder}' in parents`, pageSize: 100 });
    expect(first.data.files).toHaveLength(7);
    expect(first.data.nextPageToken).toBeTruthy();
    const { ids, pages } = await allPages(t, `'${folder}' in parents`);
    expect(pages).toEqual([7, 7, 6]);
    expect(ids.sort()).toEqual([...made].sort());
    // A smaller pageSize is still honoured.
    expect((await t.drive.files.list({ q: `'${folder}' in parents`, pageSize: 3 })).data.files).toHaveLength(
      3,
    );
  });
});

describe('search lag (searchLagMs)', () => {
  let run: SandboxRun;
  beforeAll(async () => {
    run = await sandboxTarget({ searchLagMs: 400 });
  });
  afterAll(() => run.end());

  it('a new file is found by id at once but by a query only after the lag', async () => {
    const t = run.target;
    const made = await t.drive.files.create({
      requestBody: { name: 'just filed.eml', parents: [t.folderId], appProperties: { srcId: 'lag-1' } },
    });
    const id = made.data.id as string;
    const q = "appProperties has { key='srcId' and value='lag-1' }";
    expect((await t.drive.files.get({ fileId: id, fields: 'name' })).data.name).toBe('just filed.eml');
    expect((await t.drive.files.list({ q })).data.files).toEqual([]);
    await sleep(450);
    expect((await t.drive.files.list({ q, fields: 'files(id)' })).data.files).toEqual([{ id }]);
  });
});

describe('rounds sandbox search flags', () => {
  it('refuses a page size that is not a whole number from 1 to 1,000, and a negative lag, naming the flag', async () => {
    for (const argv of [
      ['--list-page-max', '0'],
      ['--list-page-max', '2.5'],
      ['--list-page-max', '1001'],
      ['--search-lag-ms', '-1'],
      ['--search-lag-ms'],
      ['--rate-limit', 'drive=0/min'],
    ]) {
      const io = capturedIO();
      expect(await sandboxCommand(argv, io)).toBe(2);
      expect(io.err).toContain(argv[0]);
    }
  });
});
