// Connecting a network against the sandbox with Rounds' own client: create one (a re-run, or a lost answer,
// makes nothing twice), join it as a second member who has to pick the files first, and adopt a messy folder
// tree creating only the missing folders while every existing folder keeps its name and parent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoogleClient } from '../../shared/google/client';
import { Drive, FOLDER_MIME } from '../../shared/google/drive';
import { NOT_TRASHED, allOf, inFolder } from '../../shared/google/drive-query';
import { Sheets, a1 } from '../../shared/google/sheets';
import { type HttpRequest, NetworkError } from '../../shared/google/transport';
import { proposeAdoption } from '../../shared/network/adoption';
import { applyAdoption, listFolderTree, reserveFolderIds } from '../../shared/network/adoption-apply';
import {
  NotVisibleError,
  SPREADSHEET_MIME,
  createNetwork,
  joinNetwork,
  planNewNetwork,
  setUpNetworkTracker,
} from '../../shared/network/network-files';
import { SCHEMA_VERSION_METADATA_KEY, SHEET_SCHEMA_VERSION, TABS, tabByKey } from '../../shared/schema/sheet';
import { connect, createSpreadsheetWithTabs, type ProductGoogle } from '../../tools/google/connect';
import { NodeTransport, nodeClock } from '../../tools/google/node-transport';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';

const DRIVE_FILE = 'https://www.googleapis.com/auth/drive.file';
let dir: string;
let sandbox: Sandbox;
let ild: ProductGoogle;
let member: ProductGoogle;

const as = (token: string) =>
  connect({ origin: sandbox.url, tokens: { getToken: async () => token, refresh: async () => token } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rounds-network-'));
  writeFileSync(
    join(dir, 'tokens.json'),
    JSON.stringify([
      { token: 'ild', scopes: [DRIVE_FILE], user: 'dana.okoro@network.example.org' },
      { token: 'member', scopes: [DRIVE_FILE], user: 'rosa.delgado@network.example.org' },
    ]),
  );
  sandbox = await startSandbox({ dir: join(dir, 'store'), port: 0, tokensFile: join(dir, 'tokens.json') });
  ild = as('ild');
  member = as('member');
});

afterAll(async () => {
  ild?.close();
  member?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything Drive holds for this user, by id: name, parents, type. */
async function driveSnapshot(drive: Drive) {
  const files = await drive.listAll(NOT_TRASHED);
  return new Map(files.map((f) => [f.id!, { name: f.name, parents: f.parents, mimeType: f.mimeType }]));
}

async function spreadsheetSnapshot(sheets: Sheets, id: string) {
  const got = await sheets.get(id, {
    fields: 'sheets.properties(sheetId,title,gridProperties),developerMetadata(metadataKey,metadataValue)',
  });
  const headers = await sheets.batchGet(
    id,
    TABS.map((t) => a1(t.name, '1:1')),
  );
  return { got, headers };
}

describe('creating a network', () => {
  it('makes the root folder and the spreadsheet with every tab, and a re-run changes nothing', async () => {
    const plan = await planNewNetwork(ild.drive, '  Cedar Valley   K-8 Network ');
    expect(plan.name).toBe('Cedar Valley K-8 Network');
    const first = await createNetwork(ild, plan);
    expect(first.created).toEqual({ rootFolder: true, spreadsheet: true });
    expect(first.tracker.report).toContain('Added tabs: Schools, Cycles, Filings');
    expect(first.tracker.tracker.action).toBe('up-to-date');

    const root = await ild.drive.get(first.network.rootFolderId);
    expect(root).toMatchObject({ name: 'Cedar Valley K-8 Network', mimeType: FOLDER_MIME });
    const file = await ild.drive.get(first.network.spreadsheetId!);
    expect(file).toMatchObject({ mimeType: SPREADSHEET_MIME, parents: [first.network.rootFolderId] });
    const sheet = await spreadsheetSnapshot(ild.sheets, first.network.spreadsheetId!);
    // Google's blank "Sheet1" of a new spreadsheet is gone; the tabs are the tracker's, in order.
    expect(sheet.got.sheets?.map((s) => s.properties?.title)).toEqual(TABS.map((t) => t.name));
    expect(sheet.headers.valueRanges?.[2]?.values?.[0]).toEqual(TABS[2]!.columns.map((c) => c.header));
    expect(sheet.got.developerMetadata).toEqual([
      { metadataKey: SCHEMA_VERSION_METADATA_KEY, metadataValue: String(SHEET_SCHEMA_VERSION) },
    ]);

    const drive = await driveSnapshot(ild.drive);
    const again = await createNetwork(ild, plan);
    expect(again.created).toEqual({ rootFolder: false, spreadsheet: false });
    expect(again.network).toEqual(first.network);
    expect(again.tracker.report).toBe('The tracker is already up to date. Nothing changed.');
    expect(await driveSnapshot(ild.drive)).toEqual(drive);
    expect(await spreadsheetSnapshot(ild.sheets, first.network.spreadsheetId!)).toEqual(sheet);
  });

  it('makes one folder and one spreadsheet even when every first answer is lost', async () => {
    const real = new NodeTransport();
    const lost = new Set<string>();
    // Each write arrives and is applied, but the first answer of each kind never comes back.
    const lossy = {
      async request(req: HttpRequest) {
        const res = await real.request(req);
        const body = typeof req.body === 'string' ? req.body : '';
        const kind = `${req.method} ${req.url.replace(/\?.*$/, '')} ${body.slice(0, 120)}`;
        if (req.method !== 'GET' && !lost.has(kind)) {
          lost.add(kind);
          throw new NetworkError('reset', 'socket hang up');
        }
        return res;
      },
    };
    const client = new GoogleClient({
      transport: lossy,
      tokens: { getToken: async () => 'ild', refresh: async () => 'ild' },
      clock: nodeClock,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
    });
    const google = {
      drive: new Drive(client, sandbox.url),
      sheets: new Sheets(client, { origin: sandbox.url }),
    };
    try {
      const plan = await planNewNetwork(ild.drive, 'Lossy Network');
      const made = await createNetwork(google, plan);
      const lostKinds = [...lost].map((k) => k.split(' ').slice(0, 2).join(' '));
      // The root folder's create, the spreadsheet's create and the tracker's batchUpdate each lost an answer.
      expect(lostKinds.filter((k) => k.endsWith('/drive/v3/files'))).toHaveLength(2);
      expect(lostKinds.filter((k) => k.endsWith(':batchUpdate'))).toHaveLength(1);
      const named = (await ild.drive.listAll(NOT_TRASHED)).filter((f) => f.name?.startsWith('Lossy Network'));
      expect(named.map((f) => f.mimeType).sort()).toEqual([FOLDER_MIME, SPREADSHEET_MIME]);
      const tabs = await ild.sheets.get(made.network.spreadsheetId!, { fields: 'sheets.properties.title' });
      expect(tabs.sheets?.map((s) => s.properties?.title)).toEqual(TABS.map((t) => t.name));
    } finally {
      real.close();
    }
  });
});

describe('joining a network as another member', () => {
  it("says Rounds can't see the files until the member picks them, then reads the tracker's status", async () => {
    const plan = await planNewNetwork(ild.drive, 'Shared Network');
    const { network } = await createNetwork(ild, plan);
    const picked = { rootFolderId: network.rootFolderId, spreadsheetId: network.spreadsheetId! };

    const refused = await joinNetwork(member, picked).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotVisibleError);
    expect((refused as Error).message).toMatch(/^Rounds can't see this network's folder yet — pick it/);

    for (const fileId of [picked.rootFolderId, picked.spreadsheetId]) {
      const res = await fetch(`${sandbox.url}/__sandbox/pick`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'rosa.delgado@network.example.org', fileId }),
      });
      expect(res.ok).toBe(true);
    }
    const swapped = { rootFolderId: picked.spreadsheetId, spreadsheetId: picked.rootFolderId };
    await expect(joinNetwork(member, swapped)).rejects.toThrow(/is not a folder: pick the network's folder/);
    const joined = await joinNetwork(member, picked);
    expect(joined.network).toMatchObject({ name: 'Shared Network', ...picked });
    expect(joined.tracker).toMatchObject({ action: 'up-to-date', tabsMissing: [] });
    expect(joined.notes).toEqual([]);
    expect((await setUpNetworkTracker(member.sheets, picked.spreadsheetId)).requests).toBe(2);

    // The ILD's folders inside the root are not the member's to see (picking a folder grants only the folder
    // here): setting up folders is refused rather than making a second set beside them.
    const cycle = (
      await ild.drive.create({
        name: '2025-26 Cycle 1',
        mimeType: FOLDER_MIME,
        parents: [picked.rootFolderId],
      })
    ).id!;
    const seen = await listFolderTree(member.drive, picked.rootFolderId);
    expect(seen.folders).toEqual([]);
    const shape = {
      rootFolderId: picked.rootFolderId,
      cycles: [{ id: 'c1', name: '2025-26 Cycle 1' }],
      schools: [],
      filedBefore: true,
    };
    await expect(applyAdoption(member.drive, proposeAdoption(shape, seen.folders))).rejects.toThrow(
      /^Nothing was created: Rounds can't see any folder/,
    );
    expect((await listFolderTree(ild.drive, picked.rootFolderId)).folders.map((f) => f.id)).toEqual([cycle]);
  });
});

describe('upgrading a tracker the network set up by hand', () => {
  it("adds the missing tabs and columns after the network's own, in one batchUpdate, and keeps its rows", async () => {
    const spec = tabByKey('filings');
    const filings = spec.columns.map((c) => c.header);
    // Four of Rounds' columns and one of the network's own, typed by hand.
    const old = { ...spec, columns: [...spec.columns.slice(0, 4), { key: 'mine', header: 'Our notes' }] };
    const id = await createSpreadsheetWithTabs(ild.sheets, 'Old tracker', [tabByKey('schools'), old]);
    const mine = [...filings.slice(0, 4), 'Our notes'];
    await ild.sheets.batchUpdateValues(id, [
      { range: a1('Filings', 'A2:E2'), values: [['r1', '2025-10-01', 'email', 'c1', 'ask Dana']] },
    ]);
    const setUp = await setUpNetworkTracker(ild.sheets, id);
    expect(setUp.requests).toBe(3);
    expect(setUp.report).toContain('Columns you added yourself were left where they were.');
    const after = await ild.sheets.batchGet(id, [a1('Filings', '1:2')]);
    expect(after.valueRanges?.[0]?.values).toEqual([
      [...mine, ...filings.slice(4)],
      ['r1', '2025-10-01', 'email', 'c1', 'ask Dana'],
    ]);
    const tabs = await ild.sheets.get(id, { fields: 'sheets.properties.title' });
    expect(tabs.sheets?.map((s) => s.properties?.title)).toEqual([
      'Schools',
      'Filings',
      ...TABS.map((t) => t.name).filter((n) => n !== 'Schools' && n !== 'Filings'),
    ]);
    expect((await setUpNetworkTracker(ild.sheets, id)).requests).toBe(2);
  });
});

describe('adopting existing folders', () => {
  it('creates only the missing folders and leaves every existing folder as it was', async () => {
    const make = async (name: string, parent: string) =>
      (await ild.drive.create({ name, mimeType: FOLDER_MIME, parents: [parent] })).id!;
    const root = await make('Cedar Valley Network', 'root');
    await make('2025-26 Cycle 2/1 - IPOP drafts', root);
    await make('cycle 2 - step 2 research', root);
    const data = await make('2025-26 Cycle 2/3 - School data', root);
    await make('raw exports', data);
    await make('Cycle 2 Step 4 - Observations', root);
    const schools = await make('Schools', root);
    await make('Maple Grove', schools);
    await make('HARBORVIEW K-8', schools);
    await make('Sycamore Rdg', schools);
    await make('2024-25 Cycle 3 - Celebration', root);
    await make('Old stuff', root);

    const before = await listFolderTree(ild.drive, root);
    const shape = {
      rootFolderId: root,
      cycles: [{ id: 'cycle-2', name: '2025-26 Cycle 2' }],
      schools: [
        { id: 'mg', name: 'Maple Grove K-8' },
        { id: 'hv', name: 'Harborview K-8' },
        { id: 'sr', name: 'Sycamore Ridge K-8' },
        { id: 'nb', name: 'North Bend K-8' },
      ],
    };
    const proposal = proposeAdoption(shape, before.folders);
    const result = await applyAdoption(ild.drive, proposal);
    expect(result.created.sort()).toEqual(
      [
        'cycle:cycle-2',
        'cycle:cycle-2/step:5',
        'cycle:cycle-2/step:6',
        'cycle:cycle-2/step:7',
        'cycle:cycle-2/step:8',
        'school:nb',
      ].sort(),
    );

    const after = await listFolderTree(ild.drive, root);
    for (const folder of before.folders)
      expect(after.folders.find((f) => f.id === folder.id)).toEqual(folder);
    expect(after.folders).toHaveLength(before.folders.length + result.created.length);
    const cycleFolder = result.layout.folders['cycle:cycle-2']!.folderId;
    const inCycle = await ild.drive.listAll(allOf(inFolder(cycleFolder), NOT_TRASHED));
    expect(inCycle.map((f) => f.name).sort()).toEqual([
      "5 - Overview of one leader's challenge",
      '6 - School visit',
      '7 - Collaborative action planning and execution',
      '8 - Celebration and feedback',
    ]);
    expect(result.layout.folders['cycle:cycle-2/step:3']).toEqual({
      folderId: data,
      name: '2025-26 Cycle 2/3 - School data',
      adopted: true,
    });

    // Proposed again from a fresh listing, the folders Rounds made are recognised: nothing more is created.
    const again = proposeAdoption(shape, (await listFolderTree(ild.drive, root)).folders);
    expect(again.proposals.filter((p) => p.action === 'create')).toEqual([]);
    expect((await applyAdoption(ild.drive, again)).created).toEqual([]);
    expect((await listFolderTree(ild.drive, root)).folders).toHaveLength(after.folders.length);
  });
});

describe('setting up folders again after an interruption', () => {
  it('names the same folders with the ids set aside, even while Drive search does not show them yet', async () => {
    const lagging = await startSandbox({ dir: join(dir, 'lagging'), port: 0, searchLagMs: 60_000 });
    const google = connect({ origin: lagging.url });
    try {
      const root = (await google.drive.create({ name: 'New network', mimeType: FOLDER_MIME })).id!;
      const shape = {
        rootFolderId: root,
        cycles: [{ id: 'c1', name: 'Cycle 1' }],
        schools: [{ id: 'a', name: 'Alder K-8' }],
      };
      // The worker stores the proposal with its reserved ids before creating anything.
      const stored = await reserveFolderIds(google.drive, proposeAdoption(shape, []));
      const first = await applyAdoption(google.drive, stored);
      expect(first.created).toHaveLength(11);
      // Run again (the worker was stopped before it saved the result): the ids settle it, nothing is made twice.
      const again = await applyAdoption(google.drive, stored);
      expect(again.created).toEqual([]);
      expect(again.layout).toEqual(first.layout);
      const ids = Object.values(first.layout.folders).map((f) => f.folderId);
      expect(ids.sort()).toEqual(stored.proposals.map((p) => p.reservedId).sort());
      // Search has not caught up: a fresh listing would not show them, which is why the ids are kept.
      expect((await listFolderTree(google.drive, root)).folders).toEqual([]);
    } finally {
      google.close();
      await lagging.close();
    }
  });
});
