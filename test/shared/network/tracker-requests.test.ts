// Setting the network tracker up over the Sheets REST API: what Rounds reads and the one batchUpdate it sends.
import { describe, expect, it } from 'vitest';
import type { SheetsRequest } from '../../../shared/google/sheets';
import {
  blankDefaultTab,
  headerRanges,
  readLayout,
  spreadsheetState,
  trackerRequests,
} from '../../../shared/network/tracker-requests';
import {
  SCHEMA_VERSION_METADATA_KEY,
  SHEET_SCHEMA_VERSION,
  TABS,
  tabByKey,
} from '../../../shared/schema/sheet';
import { planMigration } from '../../../shared/schema/migration';

const fresh = readLayout({
  properties: { title: 'Northside — Rounds tracker' },
  sheets: [
    { properties: { sheetId: 0, title: 'Sheet1', gridProperties: { rowCount: 1000, columnCount: 26 } } },
  ],
});

const kinds = (requests: SheetsRequest[]) => requests.map((r) => Object.keys(r)[0]);

describe('setting up a new network spreadsheet', () => {
  it('adds every tab with its header, hidden id column, note and frozen row, the version, and drops the blank Sheet1', () => {
    const headers = { valueRanges: [{ values: [] }] };
    expect(headerRanges(fresh)).toEqual(["'Sheet1'!1:50"]);
    const state = spreadsheetState(fresh, headers);
    const dropBlankTab = blankDefaultTab(fresh, headers);
    expect(dropBlankTab).toBe(0);
    const requests = trackerRequests(fresh, state, planMigration(state), { dropBlankTab });

    const added = requests.flatMap((r) => (r.addSheet ? [r.addSheet.properties!] : []));
    expect(added.map((p) => p.title)).toEqual(TABS.map((t) => t.name));
    const drawn = new Set(TABS.filter((t) => t.kind === 'dashboard').map((t) => t.name));
    expect(added.every((p) => p.gridProperties?.frozenRowCount === (drawn.has(p.title!) ? 0 : 1))).toBe(true);
    expect(new Set(added.map((p) => p.sheetId)).size).toBe(TABS.length);

    const filingsId = added.find((p) => p.title === 'Filings')!.sheetId;
    const headerWrite = requests.find(
      (r) => r.updateCells?.start?.sheetId === filingsId && r.updateCells?.fields === 'userEnteredValue',
    )!;
    expect(headerWrite.updateCells!.rows![0]!.values!.map((v) => v.userEnteredValue?.stringValue)).toEqual(
      tabByKey('filings').columns.map((c) => c.header),
    );
    const hidden = requests.filter((r) => r.updateDimensionProperties?.range?.sheetId === filingsId);
    expect(hidden.map((r) => r.updateDimensionProperties!.range!.startIndex)).toEqual([0]);
    const note = requests.find(
      (r) => r.updateCells?.start?.sheetId === filingsId && r.updateCells?.fields === 'note',
    );
    expect(note?.updateCells?.start?.columnIndex).toBe(1);

    expect(
      requests.find((r) => r.createDeveloperMetadata)?.createDeveloperMetadata?.developerMetadata,
    ).toEqual({
      metadataKey: SCHEMA_VERSION_METADATA_KEY,
      metadataValue: String(SHEET_SCHEMA_VERSION),
      location: { spreadsheet: true },
      visibility: 'DOCUMENT',
    });
    expect(kinds(requests).at(-1)).toBe('deleteSheet');
  });

  it('keeps a lone first tab that has anything written in it', () => {
    const headers = { valueRanges: [{ values: [[], ['', 'budget notes']] }] };
    expect(blankDefaultTab(fresh, headers)).toBeUndefined();
  });
});

describe('upgrading a tracker the network has been using', () => {
  const full = TABS.map((t, i) => ({
    properties: {
      sheetId: 10 + i,
      title: t.name,
      gridProperties: { rowCount: 1000, columnCount: t.columns.length },
    },
  }));
  const marker = { metadataId: 77, metadataKey: SCHEMA_VERSION_METADATA_KEY, metadataValue: '1' };
  const headersOf = (edit: (name: string, row: string[]) => string[]) => ({
    valueRanges: TABS.map((t) => ({
      values: [
        edit(
          t.name,
          t.columns.map((c) => c.header),
        ),
      ],
    })),
  });

  it('sends nothing when it is up to date', () => {
    const layout = readLayout({ properties: { title: 'N' }, sheets: full, developerMetadata: [marker] });
    const state = spreadsheetState(
      layout,
      headersOf((_, row) => row),
    );
    expect(trackerRequests(layout, state, planMigration(state))).toEqual([]);
  });

  it("adds a missing column after the network's own, making room for it, and never drops a tab", () => {
    const layout = readLayout({ properties: { title: 'N' }, sheets: full, developerMetadata: [marker] });
    const headers = headersOf((name, row) => (name === 'Schools' ? [...row.slice(0, -1), 'Our notes'] : row));
    const state = spreadsheetState(layout, headers);
    expect(blankDefaultTab(layout, headers)).toBeUndefined();
    const requests = trackerRequests(layout, state, planMigration(state));
    const schools = 10;
    const width = tabByKey('schools').columns.length;
    expect(requests).toContainEqual({
      appendDimension: { sheetId: schools, dimension: 'COLUMNS', length: 1 },
    });
    const write = requests.find((r) => r.updateCells?.fields === 'userEnteredValue')!.updateCells!;
    expect(write.start).toEqual({ sheetId: schools, rowIndex: 0, columnIndex: width });
    expect(write.rows![0]!.values!.map((v) => v.userEnteredValue?.stringValue)).toEqual([
      tabByKey('schools').columns.at(-1)!.header,
    ]);
    expect(kinds(requests)).not.toContain('deleteSheet');
    expect(kinds(requests)).not.toContain('addSheet');
  });

  it('refuses a damaged version marker before anything is written', () => {
    const layout = readLayout({
      properties: { title: 'N' },
      sheets: full,
      developerMetadata: [{ ...marker, metadataValue: 'two' }],
    });
    expect(() =>
      spreadsheetState(
        layout,
        headersOf((_, row) => row),
      ),
    ).toThrow(/not a version number/);
  });
});
