// The demo's add-on harness (tools/demo/addon.ts): the built Code.js runs against the demo network's
// spreadsheet in the sandbox, and what it changes lands in the sandbox as Google would hold it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddon, openAddon, type Addon } from '../../tools/demo/addon';
import { DRIVE_USERS, startDemo, type DemoStore } from '../../tools/demo/seed';

let dir = '';
let demo: DemoStore;
let addon: Addon;

async function sandboxSheet(fields: string) {
  const res = await fetch(
    `${demo.sandbox.url}/v4/spreadsheets/${demo.drive.spreadsheetId}?fields=${encodeURIComponent(fields)}`,
    { headers: { Authorization: `Bearer ${DRIVE_USERS.ild.token}` } },
  );
  expect(res.status).toBe(200);
  return (await res.json()) as {
    sheets: { properties: { title: string }; charts?: { spec: { title: string } }[] }[];
  };
}

async function values(range: string): Promise<string[][]> {
  const res = await fetch(
    `${demo.sandbox.url}/v4/spreadsheets/${demo.drive.spreadsheetId}/values/${encodeURIComponent(range)}`,
    { headers: { Authorization: `Bearer ${DRIVE_USERS.ild.token}` } },
  );
  return ((await res.json()) as { values?: string[][] }).values ?? [];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rounds-demo-addon-'));
  demo = await startDemo({ dir: join(dir, 'store'), port: 0 });
  addon = await openAddon({
    sandboxUrl: demo.sandbox.url,
    token: DRIVE_USERS.ild.token,
    spreadsheetId: demo.drive.spreadsheetId,
    codeDir: await buildAddon(join(dir, 'apps-script')),
    today: '2025-12-02',
  });
}, 60_000);

afterAll(async () => {
  addon?.close();
  await demo?.sandbox.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the add-on in the demo', () => {
  it('offers the top-level functions of the built Code.js', () => {
    expect(addon.functions).toEqual(
      expect.arrayContaining(['onOpen', 'refreshTracker', 'refreshTrackerFromSidebar', 'getSupportLook']),
    );
  });

  it('Build / refresh tracker from the menu writes the dashboard and its three charts into the sandbox spreadsheet', async () => {
    const run = await addon.run('refreshTracker');
    expect(run.alerts).toHaveLength(1);
    expect(run.alerts[0]!.title).toBe('Build / refresh tracker');
    expect(run.alerts[0]!.message).toMatch(/Dashboard: redrew/);
    expect(run.writes).toBeGreaterThan(0);

    const dashboard = await values("'Dashboard'!A1:E4");
    expect(dashboard[0]?.[0]).toBe('The network at a glance');
    // The add-on's clock reads the demo's day.
    expect(dashboard[0]?.[3]).toMatch(/^Refreshed 2025-12-02 by Rounds/);
    const sheet = await sandboxSheet('sheets(properties.title,charts.spec.title)');
    const charts = sheet.sheets.find((s) => s.properties.title === 'Dashboard')?.charts ?? [];
    expect(charts.map((c) => c.spec.title)).toHaveLength(3);
    expect(charts[0]?.spec.title).toBe('Schools per step');
  });

  it('a second refresh finds the charts already there and rewrites no value', async () => {
    const run = await addon.run<{ report: string }>('refreshTrackerFromSidebar');
    expect(run.result.report).toMatch(/\(0 cells changed\)/);
    expect(run.changed.valueRanges).toBe(0);
    const sheet = await sandboxSheet('sheets(properties.title,charts.spec.title)');
    expect(sheet.sheets.find((s) => s.properties.title === 'Dashboard')?.charts).toHaveLength(3);
  });

  it('a function that throws rejects with its message, and Apps Script’s missing-function error is kept', async () => {
    await expect(addon.run('askForSupportFromSidebar', 'Nowhere High', '')).rejects.toThrow(
      /not on the Schools tab/,
    );
    await expect(addon.run('noSuchFunction')).rejects.toThrow('Script function not found: noSuchFunction');
  });

  it('a principal’s request for support lands in the sandbox’s Contacts tab as “asked”', async () => {
    const before = await values("'Contacts'");
    const run = await addon.run<string>(
      'askForSupportFromSidebar',
      'Maple Grove K-8',
      'Planning the next visit',
    );
    expect(run.result).toMatch(/Contacts tab/);
    const after = await values("'Contacts'");
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual(
      expect.arrayContaining(['Maple Grove K-8', 'asked', 'Planning the next visit']),
    );
  });
});
