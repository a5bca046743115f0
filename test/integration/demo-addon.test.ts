// The demo's add-on harness (tools/demo/addon.ts): the built Code.js runs against the demo network's
// spreadsheet in the sandbox, and what it changes lands in the sandbox as Google would hold it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAddon, openAddon, type Addon } from '../../tools/demo/addon';
import { changesSince, loadSpreadsheet, writeChanges } from '../../tools/demo/addon-sheets';
import { readDashboard, renderDashboardPage } from '../../tools/demo/dashboard-page';
import { DRIVE_USERS, startDemo, type DemoStore } from '../../tools/demo/seed';
import { DEMO_TODAY, filingRows } from '../../tools/demo/tracker-term';
import { connect } from '../../tools/google/connect';
import { staticTokens } from '../../tools/google/node-transport';

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
    today: DEMO_TODAY,
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

  it('the demo’s Dashboard page draws what the sandbox spreadsheet holds: three charts, support by month, the amber rows', async () => {
    const google = connect({
      origin: demo.sandbox.url,
      tokens: staticTokens(DRIVE_USERS.ild.token),
      sheetsLimit: null,
    });
    try {
      const view = await readDashboard(google.sheets, demo.drive.spreadsheetId, DEMO_TODAY);
      expect(view.refreshed).toBe(DEMO_TODAY);
      expect(view.charts.map((c) => [c.title, c.type, c.categories.length])).toEqual([
        ['Schools per step', 'COLUMN', 9],
        ['Filings per week', 'LINE', 26],
        ['Principals supported per month', 'COLUMN', 12],
      ]);
      // The term's 53 filings all fall in the 26 weeks shown.
      expect(view.charts[1]!.series[0]!.values.reduce((a, b) => a + b, 0)).toBe(filingRows().length);
      expect(view.charts[2]!.stacked).toBe(true);
      const eastfield = view.support.rows.find((r) => r.label === 'Tom Okafor (Eastfield K-8)');
      expect(eastfield?.counts).toEqual([2, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
      expect(view.staleDays).toBe(21);
      expect(view.schools.filter((s) => s.stale).map((s) => s.school)).toEqual(['Eastfield K-8']);
      const html = renderDashboardPage(view);
      expect(html.match(/<svg /g)).toHaveLength(3);
      expect(html).toContain('<tr class="stale"><td>Eastfield K-8');
    } finally {
      google.close();
    }
  });

  it('the IPOP check’s advice lands as a note on the sandbox’s Schools cell', async () => {
    const google = connect({
      origin: demo.sandbox.url,
      tokens: staticTokens(DRIVE_USERS.ild.token),
      sheetsLimit: null,
    });
    try {
      const doc = await google.sheets.get(demo.drive.spreadsheetId, {
        ranges: ["'Schools'!A1:U3"],
        includeGridData: true,
      });
      const rows = doc.sheets?.[0]?.data?.[0]?.rowData ?? [];
      const at = (rows[0]?.values ?? []).findIndex((c) => c.userEnteredValue?.stringValue === 'IPOP check');
      // Row 3 is Harborview's "Student discourse".
      expect(rows[2]?.values?.[at]?.userEnteredValue?.stringValue).toBe('0/7 — a topic, not yet a question');
      expect(rows[2]?.values?.[at]?.note).toMatch(/This names a topic/);
    } finally {
      google.close();
    }
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

  // Last: it changes the Dashboard's charts the tests above read.
  it('a chart the run removes and draws again is deleted and added in the sandbox, never doubled', async () => {
    const google = connect({
      origin: demo.sandbox.url,
      tokens: staticTokens(DRIVE_USERS.ild.token),
      sheetsLimit: null,
    });
    try {
      const loaded = await loadSpreadsheet(google.sheets, demo.drive.spreadsheetId);
      expect(loaded.spreadsheet.getId()).toBe(demo.drive.spreadsheetId);
      const dashboard = loaded.spreadsheet.tab('Dashboard');
      dashboard.removeChart(dashboard.charts[0]);
      dashboard.insertChart(
        dashboard
          .newChart()
          .setChartType('LINE')
          .addRange(dashboard.getRange('A3:B12'))
          .setPosition(32, 1)
          .setOption('title', 'Schools per step, redrawn')
          .build(),
      );
      const changes = changesSince(loaded);
      expect(changes.values).toEqual([]);
      expect(changes.details.map((d) => Object.keys(d)[0])).toEqual(['deleteEmbeddedObject', 'addChart']);
      await writeChanges(google.sheets, demo.drive.spreadsheetId, changes);
      const sheet = await sandboxSheet('sheets(properties.title,charts.spec.title)');
      expect(
        sheet.sheets.find((s) => s.properties.title === 'Dashboard')?.charts?.map((c) => c.spec.title),
      ).toEqual(['Filings per week', 'Principals supported per month', 'Schools per step, redrawn']);
    } finally {
      google.close();
    }
  });
});
