// The product's own Google client (shared/google over node:http) against the local sandbox, one scenario per
// endpoint the product uses: Drive queries, creates, shortcuts, uploads (multipart and resumable, resumed after
// an interruption), Sheets reads and writes, idempotent rows, rate limits as each API sends them, and the
// 401 -> refresh -> "sign in again" path; then the shared client scenarios (scenarios/client.ts) with two users.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode } from '../../shared/google/bytes';
import { GoogleClient } from '../../shared/google/client';
import { Drive, FOLDER_MIME } from '../../shared/google/drive';
import { NOT_TRASHED, allOf, inFolder, nameIs } from '../../shared/google/drive-query';
import { GoogleApiError, SignInRequiredError } from '../../shared/google/errors';
import { a1 } from '../../shared/google/sheets';
import { ensureFolder, ensureShortcut, ensureUpload } from '../../shared/google/source-files';
import { TableAppender } from '../../shared/google/table-rows';
import { type HttpRequest, NetworkError } from '../../shared/google/transport';
import { ROW_ID_HEADER, ROW_ID_METADATA_KEY, tabByKey } from '../../shared/schema/sheet';
import { connect, createSpreadsheetWithTabs, type ProductGoogle } from '../../tools/google/connect';
import { NodeTransport, nodeClock, staticTokens } from '../../tools/google/node-transport';
import { grantToken } from '../../tools/sandbox/auth';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';
import { clientScenarios, type ClientTarget } from './scenarios/client';

let dir: string;
let sandbox: Sandbox;
let google: ProductGoogle;
let root: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rounds-client-'));
  writeFileSync(
    join(dir, 'tokens.json'),
    JSON.stringify([
      {
        token: 'fresh',
        scopes: [
          'https://www.googleapis.com/auth/drive.file',
          'https://www.googleapis.com/auth/spreadsheets',
        ],
      },
      {
        token: 'expired',
        scopes: ['https://www.googleapis.com/auth/drive.file'],
        expiresAt: '2020-01-01T00:00:00Z',
      },
      { token: 'sheets-only', scopes: ['https://www.googleapis.com/auth/spreadsheets'] },
    ]),
  );
  sandbox = await startSandbox({ dir: join(dir, 'store'), port: 0, tokensFile: join(dir, 'tokens.json') });
  google = connect({
    origin: sandbox.url,
    tokens: { getToken: async () => 'fresh', refresh: async () => 'fresh' },
  });
  root = (await google.drive.create({ name: 'Network', mimeType: FOLDER_MIME })).id!;
});

afterAll(async () => {
  google?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Drive through the product client', () => {
  it('creates a folder once, finds it by its source, and lists it by name', async () => {
    const first = await ensureFolder(google.drive, {
      parentId: root,
      source: { src: 'rounds', srcId: "cycle:it's-1" },
      name: 'Cycle 1',
    });
    const again = await ensureFolder(google.drive, {
      parentId: root,
      source: { src: 'rounds', srcId: "cycle:it's-1" },
      name: 'Cycle 1',
    });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, file: { id: first.file.id } });
    const byName = await google.drive.list({ q: allOf(inFolder(root), nameIs('Cycle 1'), NOT_TRASHED) });
    expect(byName.files?.map((f) => f.id)).toEqual([first.file.id]);
    expect(await google.drive.get(first.file.id!)).toMatchObject({
      name: 'Cycle 1',
      mimeType: FOLDER_MIME,
      parents: [root],
    });
  });

  it('uploads an email as multipart and reads the same bytes back', async () => {
    const raw = utf8Encode('Subject: Réunion du réseau\r\n\r\nÀ bientôt ✓\r\n');
    const { file } = await ensureUpload(google.drive, {
      folderId: root,
      source: { src: 'gmail', srcId: 'abc123' },
      name: 'Réunion.eml',
      mimeType: 'message/rfc822',
      content: raw,
    });
    expect(file.appProperties).toMatchObject({ src: 'gmail', srcId: 'abc123' });
    expect(utf8Decode(await google.drive.download(file.id!))).toBe(utf8Decode(raw));
  });

  it('pages through a folder with more files than one page holds', async () => {
    const folder = (await google.drive.create({ name: 'Many', mimeType: FOLDER_MIME, parents: [root] })).id!;
    for (let i = 0; i < 7; i++)
      await google.drive.create({ name: `note ${i}`, mimeType: 'text/plain', parents: [folder] });
    const page = await google.drive.list({ q: inFolder(folder), pageSize: 3 });
    expect(page.files).toHaveLength(3);
    expect(page.nextPageToken).toBeTruthy();
    const all = await google.drive.listAll(inFolder(folder));
    expect(new Set(all.map((f) => f.name)).size).toBe(7);
  });

  it('files a Doc as a shortcut and renames/re-parents only when asked', async () => {
    const doc = await google.drive.create({
      name: 'Research notes',
      mimeType: 'application/vnd.google-apps.document',
      parents: [root],
    });
    const step = (await google.drive.create({ name: 'Step 2', mimeType: FOLDER_MIME, parents: [root] })).id!;
    const { file } = await ensureShortcut(google.drive, {
      folderId: step,
      source: { src: 'docs', srcId: doc.id! },
      name: 'Research notes',
      targetId: doc.id!,
    });
    expect(await google.drive.get(file.id!, 'id,mimeType,shortcutDetails')).toMatchObject({
      shortcutDetails: { targetId: doc.id },
    });
    expect((await google.drive.get(doc.id!)).parents).toEqual([root]);
    const moved = await google.drive.update(
      doc.id!,
      { name: 'Research notes (final)' },
      { addParents: [step], removeParents: [root] },
    );
    expect(moved).toMatchObject({ name: 'Research notes (final)', parents: [step] });
  });

  it('uploads a 6 MB file resumably and resumes after the connection drops mid-upload', async () => {
    const content = new Uint8Array(6 * 1024 * 1024 + 123).map((_, i) => (i * 7) % 256);
    const real = new NodeTransport();
    let puts = 0;
    const flaky = {
      async request(req: HttpRequest) {
        const isChunk = req.method === 'PUT' && !req.headers['content-range']?.startsWith('bytes */');
        if (isChunk && ++puts === 2) {
          await real.request(req); // the chunk arrives, the answer is lost
          throw new NetworkError('reset', 'socket hang up');
        }
        if (isChunk && puts === 4) throw new NetworkError('reset', 'socket hang up'); // lost before arriving
        return real.request(req);
      },
    };
    const client = new GoogleClient({
      transport: flaky,
      tokens: { getToken: async () => 'fresh', refresh: async () => 'fresh' },
      clock: nodeClock,
      retry: { baseDelayMs: 10 },
    });
    const drive = new Drive(client, sandbox.url);
    try {
      const { file } = await ensureUpload(drive, {
        folderId: root,
        source: { src: 'gmail', srcId: 'big/attachment/1' },
        name: 'lesson.mp4',
        mimeType: 'video/mp4',
        content,
        chunkSize: 1024 * 1024,
      });
      const back = await drive.download(file.id!);
      expect(back.length).toBe(content.length);
      expect(Buffer.compare(back, content)).toBe(0);
      expect(puts).toBeGreaterThan(6);
    } finally {
      real.close();
    }
  });
});

describe('Sheets through the product client', () => {
  const filings = tabByKey('filings');

  it('creates a spreadsheet, reads it with one batchGet and writes rows idempotently with row metadata', async () => {
    const id = await createSpreadsheetWithTabs(google.sheets, 'Network', [filings, tabByKey('schools')]);
    const sheet = await google.sheets.get(id, { fields: 'sheets.properties(sheetId,title)' });
    expect(sheet.sheets?.map((s) => s.properties?.title)).toEqual(['Filings', 'Schools']);

    const table = new TableAppender(google.sheets, id, filings);
    const rows = ['r1', 'r2', 'r3'].map((rid, i) => ({
      id: rid,
      record: { kind: 'email', title: `=Visit ${i}`, step: 6 },
    }));
    expect((await table.append(rows)).appended).toEqual(['r1', 'r2', 'r3']);
    expect(
      await table.append([...rows, { id: 'r4', record: { kind: 'doc', title: 'Plan', step: 7 } }]),
    ).toEqual({ appended: ['r4'], alreadyThere: ['r1', 'r2', 'r3'] });

    const got = await google.sheets.batchGet(id, [a1('Filings'), a1('Schools', '1:1')]);
    const [header, ...values] = got.valueRanges![0]!.values!;
    expect(values.map((r) => r[header!.indexOf(ROW_ID_HEADER)])).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(values[0]![header!.indexOf('Title')]).toBe('=Visit 0');
    expect(got.valueRanges![1]!.values![0]).toEqual(tabByKey('schools').columns.map((c) => c.header));

    const found = await google.sheets.searchDeveloperMetadata(id, [
      { developerMetadataLookup: { metadataKey: ROW_ID_METADATA_KEY } },
    ]);
    const tags = (found.matchedDeveloperMetadata ?? []).map((m) => m.developerMetadata);
    expect(tags.map((m) => [m?.metadataValue, m?.location?.dimensionRange?.startIndex])).toEqual([
      ['r1', 1],
      ['r2', 2],
      ['r3', 3],
      ['r4', 4],
    ]);
  });

  it('applies one batchUpdate atomically: a bad request in it changes nothing', async () => {
    const id = await createSpreadsheetWithTabs(google.sheets, 'Atomic', [filings]);
    const error = await google.sheets
      .batchUpdate(id, [
        { addSheet: { properties: { title: 'Extra' } } },
        { appendCells: { sheetId: 999_999, rows: [], fields: '*' } },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleApiError);
    expect(error).toMatchObject({ status: 400, retryable: false });
    const after = await google.sheets.get(id, { fields: 'sheets.properties.title' });
    expect(after.sheets?.map((s) => s.properties?.title)).toEqual(['Filings']);
  });
});

describe('rate limits as each API sends them, without Retry-After', () => {
  it("waits out Drive's 403 userRateLimitExceeded and 429 and Sheets' 429 RESOURCE_EXHAUSTED until everything is answered", async () => {
    const store = mkdtempSync(join(tmpdir(), 'rounds-limits-'));
    const limited = await startSandbox({
      dir: store,
      port: 0,
      retryAfter: false,
      rateLimits: { drive: { requests: 4, perMs: 500 }, sheets: { requests: 2, perMs: 500 } },
    });
    const g = connect({
      origin: limited.url,
      sheetsLimit: null,
      retry: { baseDelayMs: 100, maxDelayMs: 800, maxAttempts: 3, quotaWaitMs: 20_000 },
    });
    try {
      const sheet = await createSpreadsheetWithTabs(g.sheets, 'Limits', [tabByKey('filings')]);
      const folder = (await g.drive.create({ name: 'Limits', mimeType: FOLDER_MIME })).id!;
      const got = await Promise.all([
        ...Array.from({ length: 16 }, () => g.drive.get(folder)),
        ...Array.from({ length: 6 }, () => g.sheets.batchGet(sheet, [a1('Filings', '1:1')])),
      ]);
      expect(got).toHaveLength(22);
      const stats = limited.stats();
      expect(stats.byStatus['403']).toBeGreaterThan(0);
      expect(stats.byStatus['429']).toBeGreaterThan(0);
    } finally {
      g.close();
      await limited.close();
      rmSync(store, { recursive: true, force: true });
    }
  });
});

describe('signing in', () => {
  const probe = (g: ProductGoogle) => g.drive.list({ q: inFolder(root) });

  it('refreshes an expired token once and carries on', async () => {
    let refreshes = 0;
    let token = 'expired';
    const g = connect({
      origin: sandbox.url,
      tokens: { getToken: async () => token, refresh: async () => (refreshes++, (token = 'fresh')) },
    });
    try {
      await probe(g);
      expect(refreshes).toBe(1);
    } finally {
      g.close();
    }
  });

  it('asks to sign in again when even the refreshed token is refused', async () => {
    let refreshes = 0;
    const g = connect({
      origin: sandbox.url,
      tokens: { getToken: async () => 'expired', refresh: async () => (refreshes++, 'revoked') },
    });
    try {
      await expect(probe(g)).rejects.toBeInstanceOf(SignInRequiredError);
      expect(refreshes).toBe(1);
    } finally {
      g.close();
    }
  });

  it('reports a missing scope as a 403 that retrying will not fix', async () => {
    const g = connect({
      origin: sandbox.url,
      tokens: { getToken: async () => 'sheets-only', refresh: async () => 'sheets-only' },
    });
    try {
      await expect(probe(g)).rejects.toMatchObject({
        status: 403,
        reason: 'insufficientPermissions',
        retryable: false,
        attempts: 1,
      });
    } finally {
      g.close();
    }
  });
});

describe('the shared client scenarios, on a sandbox that pages short and searches late, with two users', () => {
  const scopes = ['drive.file', 'spreadsheets'].map((s) => `https://www.googleapis.com/auth/${s}`);
  let run: { sandbox: Sandbox; target: ClientTarget; close(): void } | undefined;

  beforeAll(async () => {
    const store = mkdtempSync(join(tmpdir(), 'rounds-client-scenarios-'));
    const sb = await startSandbox({ dir: store, port: 0, listPageMax: 3, searchLagMs: 300 });
    grantToken(sb.tokens, { token: 'dana', scopes, user: 'dana@school.example' });
    grantToken(sb.tokens, { token: 'lee', scopes, user: 'lee@school.example' });
    const dana = connect({ origin: sb.url, tokens: staticTokens('dana') });
    const lee = connect({ origin: sb.url, tokens: staticTokens('lee') });
    const folderId = (await dana.drive.create({ name: 'Rounds test run', mimeType: FOLDER_MIME })).id!;
    const pick = async (fileId: string) => {
      const res = await fetch(`${sb.url}/__sandbox/pick`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'lee@school.example', fileId }),
      });
      expect(res.status).toBe(200);
    };
    run = {
      sandbox: sb,
      target: {
        kind: 'sandbox',
        ...dana,
        email: 'dana@school.example',
        folderId,
        second: { ...lee, email: 'lee@school.example', grant: pick, picks: true },
      },
      close: () => {
        dana.close();
        lee.close();
        rmSync(store, { recursive: true, force: true });
      },
    };
  });

  afterAll(async () => {
    await run?.sandbox.close();
    run?.close();
  });

  for (const [name, scenario] of Object.entries(clientScenarios)) it(name, () => scenario(run!.target));
});
