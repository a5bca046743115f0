// Two members of a network under drive.file, as Google treats them: each sees only the files they made with the
// app or picked for it; a broader scope sees everything; tokens can be minted, expired and revoked mid-run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireToken, grantToken } from '../../tools/sandbox/auth';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';
import { expectSheetsFailure } from './sandbox-expect';
import { FOLDER, clients, expectGoogleError, raw, type Target } from './scenarios/target';

const scope = (s: string): string => `https://www.googleapis.com/auth/${s}`;
const ALICE = 'alice@network.example';
const BOB = 'bob@network.example';
const json = { 'Content-Type': 'application/json' };

interface Run {
  sandbox: Sandbox;
  dir: string;
  as: (token: string) => ReturnType<typeof clients> & { rootUrl: string };
  pick: (user: string, fileId: string) => Promise<Response>;
}

async function start(opts: {
  tokens?: object[];
  pickFolderGrantsChildren?: boolean;
  dir?: string;
}): Promise<Run> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'rounds-sandbox-'));
  let tokensFile: string | undefined;
  if (opts.tokens) {
    tokensFile = join(dir, 'tokens.json');
    writeFileSync(tokensFile, JSON.stringify(opts.tokens));
  }
  const sandbox = await startSandbox({
    dir: join(dir, 'store'),
    port: 0,
    tokensFile,
    pickFolderGrantsChildren: opts.pickFolderGrantsChildren,
  });
  const rootUrl = `${sandbox.url}/`;
  return {
    sandbox,
    dir,
    as: (token) => ({ ...clients(rootUrl, token), rootUrl }),
    pick: (user, fileId) =>
      fetch(`${sandbox.url}/__sandbox/pick`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ user, fileId }),
      }),
  };
}

const TOKENS = [
  { token: 'alice', scopes: [scope('drive.file')], user: ALICE },
  { token: 'bob', scopes: [scope('drive.file')], user: BOB },
  { token: 'bob-sheets', scopes: [scope('drive.file'), scope('spreadsheets')], user: BOB },
  { token: 'ild', scopes: [scope('drive')], user: 'ild@network.example' },
];

describe('drive.file: each user reaches only what they made or picked', () => {
  let run: Run;
  let folder: string;
  let filing: string;
  let sheet: string;
  beforeAll(async () => {
    run = await start({ tokens: TOKENS });
    const alice = run.as('alice');
    folder = (await alice.drive.files.create({ requestBody: { name: 'Cycle 1', mimeType: FOLDER } })).data
      .id as string;
    filing = (
      await alice.drive.files.create(
        {
          requestBody: { name: 'memo.eml', parents: [folder], appProperties: { srcId: 'm-1' } },
          media: { mimeType: 'message/rfc822', body: 'Subject: memo\r\n\r\nread me' },
        },
        { rootUrl: alice.rootUrl },
      )
    ).data.id as string;
    sheet = (await alice.sheets.spreadsheets.create({ requestBody: { properties: { title: 'Tracker' } } }))
      .data.spreadsheetId as string;
  });
  afterAll(async () => {
    await run.sandbox.close();
    rmSync(run.dir, { recursive: true, force: true });
  });

  it('the user who filed an email reads it back; a second member gets Google’s 404 for it everywhere', async () => {
    const alice = run.as('alice');
    expect((await alice.drive.files.get({ fileId: filing, fields: 'name' })).data.name).toBe('memo.eml');
    const bob = run.as('bob');
    const notFound = await expectGoogleError(bob.drive.files.get({ fileId: filing }), 404, 'notFound');
    expect(notFound.error.message).toBe(`File not found: ${filing}.`);
    await expectGoogleError(bob.drive.files.get({ fileId: filing, alt: 'media' }), 404, 'notFound');
    await expectGoogleError(
      bob.drive.files.update({ fileId: filing, requestBody: { name: 'renamed by bob' } }),
      404,
      'notFound',
    );
    await expectGoogleError(bob.drive.files.delete({ fileId: filing }), 404, 'notFound');
    const searched = await bob.drive.files.list({ q: "appProperties has { key='srcId' and value='m-1' }" });
    expect(searched.data.files).toEqual([]);
    expect((await bob.drive.files.list({ q: `'${folder}' in parents` })).data.files).toEqual([]);
  });

  it('a second member cannot put a file in, or a shortcut to, what they were never given', async () => {
    const bob = run.as('bob');
    const inFolder = await expectGoogleError(
      bob.drive.files.create({ requestBody: { name: 'mine.txt', parents: [folder] } }),
      404,
    );
    expect(inFolder.error.message).toBe(`File not found: ${folder}.`);
    // A resumable upload is refused when it starts, before any bytes are sent.
    const resumable = await fetch(`${run.sandbox.url}/upload/drive/v3/files?uploadType=resumable`, {
      method: 'POST',
      headers: { ...json, Authorization: 'Bearer bob', 'X-Upload-Content-Length': '3' },
      body: JSON.stringify({ name: 'big.eml', parents: [folder] }),
    });
    expect(resumable.status).toBe(404);
    expect(resumable.headers.get('location')).toBeNull();
    await expectGoogleError(
      bob.drive.files.create({
        requestBody: {
          name: 'link',
          mimeType: 'application/vnd.google-apps.shortcut',
          shortcutDetails: { targetId: filing },
        },
      }),
      404,
    );
  });

  it('a spreadsheet follows the same rule in Sheets, with Sheets’ own 404; the spreadsheets scope reaches it', async () => {
    const bob = run.as('bob');
    const body = await expectSheetsFailure(
      bob.sheets.spreadsheets.get({ spreadsheetId: sheet }),
      404,
      'NOT_FOUND',
    );
    expect(body.error.message).toBe('Requested entity was not found.');
    await expectSheetsFailure(
      bob.sheets.spreadsheets.values.append({
        spreadsheetId: sheet,
        range: 'Sheet1!A1',
        valueInputOption: 'RAW',
        requestBody: { values: [['bob was here']] },
      }),
      404,
      'NOT_FOUND',
    );
    const wider = run.as('bob-sheets');
    expect((await wider.sheets.spreadsheets.get({ spreadsheetId: sheet })).data.properties?.title).toBe(
      'Tracker',
    );
    // …but the spreadsheets scope does not open Drive: the same token still cannot see Alice's Drive files.
    await expectGoogleError(wider.drive.files.get({ fileId: sheet }), 404);
  });

  it('the drive scope sees every member’s files', async () => {
    const ild = run.as('ild');
    expect((await ild.drive.files.get({ fileId: filing, fields: 'name' })).data.name).toBe('memo.eml');
    const listed = await ild.drive.files.list({ q: `'${folder}' in parents`, fields: 'files(id)' });
    expect(listed.data.files?.map((f) => f.id)).toEqual([filing]);
  });

  it('once a file is picked for a user, that user reaches it through Drive and Sheets', async () => {
    const bob = run.as('bob');
    expect((await run.pick(BOB, filing)).status).toBe(200);
    expect((await run.pick(BOB, sheet)).status).toBe(200);
    expect((await bob.drive.files.get({ fileId: filing, fields: 'name' })).data.name).toBe('memo.eml');
    expect((await bob.drive.files.get({ fileId: filing, alt: 'media' }, { responseType: 'text' })).data).toBe(
      'Subject: memo\r\n\r\nread me',
    );
    expect((await bob.sheets.spreadsheets.get({ spreadsheetId: sheet })).data.properties?.title).toBe(
      'Tracker',
    );
    // Picking the file does not pick its folder (nor the other way round, unless the switch is on).
    await expectGoogleError(bob.drive.files.get({ fileId: folder }), 404);
  });

  it('refuses a pick without a user, of a file that does not exist, or that is not JSON', async () => {
    expect((await run.pick('not an email', filing)).status).toBe(400);
    const missing = await run.pick(BOB, 'no-such-file');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe(
      'File not found: no-such-file.',
    );
    const garbled = await fetch(`${run.sandbox.url}/__sandbox/pick`, { method: 'POST', body: '{oops' });
    expect(garbled.status).toBe(400);
  });
});

describe('picking a folder', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  for (const grants of [false, true]) {
    it(`${grants ? 'grants' : 'does not grant'} the files inside it with pickFolderGrantsChildren ${grants ? 'on' : 'off (the default)'}`, async () => {
      const run = await start({ tokens: TOKENS, pickFolderGrantsChildren: grants });
      dirs.push(run.dir);
      try {
        const alice = run.as('alice');
        const folder = (await alice.drive.files.create({ requestBody: { name: 'Step', mimeType: FOLDER } }))
          .data.id as string;
        const inner = (
          await alice.drive.files.create({ requestBody: { name: 'inner.txt', parents: [folder] } })
        ).data.id as string;
        expect((await run.pick(BOB, folder)).status).toBe(200);
        const bob = run.as('bob');
        expect((await bob.drive.files.get({ fileId: folder, fields: 'id' })).data.id).toBe(folder);
        const listed = await bob.drive.files.list({ q: `'${folder}' in parents`, fields: 'files(id)' });
        if (grants) {
          expect((await bob.drive.files.get({ fileId: inner, fields: 'id' })).data.id).toBe(inner);
          expect(listed.data.files?.map((f) => f.id)).toEqual([inner]);
        } else {
          await expectGoogleError(bob.drive.files.get({ fileId: inner }), 404);
          expect(listed.data.files).toEqual([]);
        }
      } finally {
        await run.sandbox.close();
      }
    });
  }
});

describe('tokens minted, expired and revoked while the sandbox runs', () => {
  let run: Run;
  let t: Target;
  beforeAll(async () => {
    run = await start({});
    const rootUrl = `${run.sandbox.url}/`;
    t = { kind: 'sandbox', rootUrl, token: 'anyone', ...clients(rootUrl, 'anyone'), folderId: '', made: [] };
  });
  afterAll(async () => {
    await run.sandbox.close();
    rmSync(run.dir, { recursive: true, force: true });
  });

  it('without a tokens file any token is the one default user who sees everything, and minted tokens carry their user', async () => {
    const shared = (await t.drive.files.create({ requestBody: { name: 'open mode file' } })).data
      .id as string;
    grantToken(run.sandbox.tokens, { token: 'minted-alice', scopes: [scope('drive.file')], user: ALICE });
    const minted = await fetch(`${run.sandbox.url}/__sandbox/tokens`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token: 'minted-bob', scopes: [scope('drive.file')], user: BOB }),
    });
    expect(minted.status).toBe(200);
    const alice = run.as('minted-alice');
    await expectGoogleError(alice.drive.files.get({ fileId: shared }), 404);
    const own = (await alice.drive.files.create({ requestBody: { name: 'alice’s' } })).data.id as string;
    expect((await alice.drive.files.get({ fileId: own, fields: 'name' })).data.name).toBe('alice’s');
    await expectGoogleError(run.as('minted-bob').drive.files.get({ fileId: own }), 404);
    expect((await run.as('some-other-token').drive.files.get({ fileId: own, fields: 'id' })).data.id).toBe(
      own,
    );
    const bad = await fetch(`${run.sandbox.url}/__sandbox/tokens`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token: 'x', scopes: 'drive', user: BOB }),
    });
    expect(bad.status).toBe(400);
  });

  it('a token expired mid-batch is refused with 401 from the next request on, minted or not', async () => {
    grantToken(run.sandbox.tokens, { token: 'short-lived', scopes: [scope('drive.file')], user: ALICE });
    const alice = run.as('short-lived');
    await alice.drive.files.list({});
    expireToken(run.sandbox.tokens, 'short-lived');
    await expectGoogleError(alice.drive.files.list({}), 401, 'authError');
    // An open-mode token that was never minted can be expired over HTTP too.
    await raw(t, 'GET', 'drive/v3/files', { token: 'casual' });
    const expired = await fetch(`${run.sandbox.url}/__sandbox/expire`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token: 'casual' }),
    });
    expect(expired.status).toBe(200);
    expect((await raw(t, 'GET', 'drive/v3/files', { token: 'casual' })).status).toBe(401);
    // Minting again (what a silent re-sign-in does) brings the user back.
    grantToken(run.sandbox.tokens, { token: 'short-lived-2', scopes: [scope('drive.file')], user: ALICE });
    expect((await run.as('short-lived-2').drive.files.list({})).status).toBe(200);
  });

  it('a revoked token is refused with 401', async () => {
    grantToken(run.sandbox.tokens, { token: 'to-revoke', scopes: [scope('drive.file')], user: BOB });
    expect((await raw(t, 'GET', 'drive/v3/files', { token: 'to-revoke' })).status).toBe(200);
    const revoked = await fetch(`${run.sandbox.url}/__sandbox/revoke`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token: 'to-revoke' }),
    });
    expect(((await revoked.json()) as { wasKnown: boolean }).wasKnown).toBe(true);
    expect((await raw(t, 'GET', 'drive/v3/files', { token: 'to-revoke' })).status).toBe(401);
  });
});

describe('picks across a restart', () => {
  it('a file picked before a restart is still reachable after it', async () => {
    const first = await start({ tokens: TOKENS });
    try {
      const id = (await first.as('alice').drive.files.create({ requestBody: { name: 'kept' } })).data
        .id as string;
      await first.pick(BOB, id);
      await first.sandbox.close();
      const second = await start({ tokens: TOKENS, dir: first.dir });
      try {
        expect((await second.as('bob').drive.files.get({ fileId: id, fields: 'name' })).data.name).toBe(
          'kept',
        );
        expect((await second.as('alice').drive.files.get({ fileId: id, fields: 'name' })).data.name).toBe(
          'kept',
        );
      } finally {
        await second.sandbox.close();
      }
    } finally {
      rmSync(first.dir, { recursive: true, force: true });
    }
  });
});
