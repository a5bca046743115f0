import { describe, expect, it } from 'vitest';
import {
  ROW_ID_HEADER,
  SHEET_SCHEMA_VERSION,
  TABS,
  recordToRow,
  rowToRecord,
  tabByKey,
} from '../../shared/schema/sheet';
import {
  NewerSchemaError,
  applyToHeaderRow,
  planMigration,
  type SpreadsheetState,
} from '../../shared/schema/migration';

const headersOf = (key: Parameters<typeof tabByKey>[0]) => tabByKey(key).columns.map((c) => c.header);
const upToDate = (): SpreadsheetState => ({
  version: SHEET_SCHEMA_VERSION,
  tabs: TABS.map((t) => ({ name: t.name, headerRow: t.columns.map((c) => c.header) })),
});

describe('the network spreadsheet schema', () => {
  it('has the twenty-three tabs the network keeps, each table starting with the hidden id column', () => {
    expect(TABS.map((t) => t.name)).toEqual([
      'Schools',
      'Cycles',
      'Filings',
      'Mandates',
      'Translations',
      'Rules',
      'Protocols',
      'Visits',
      'Debrief',
      'Contacts',
      'Dashboard',
      'Action plans',
      'Settings',
      'Meetings',
      'Pairs',
      'Topics',
      'Drivers',
      'Changes',
      'Measures',
      'Run charts',
      'Spotlight',
      'Resources',
      'Members',
    ]);
    for (const tab of TABS.filter((t) => t.kind === 'table')) {
      expect(tab.columns[0]).toMatchObject({ key: 'id', header: ROW_ID_HEADER, hidden: true });
      const headers = tab.columns.map((c) => c.header.toLowerCase());
      expect(new Set(headers).size, `${tab.name} has a repeated header`).toBe(headers.length);
    }
  });

  it('sets up an empty spreadsheet with every tab and the version', () => {
    const steps = planMigration({ version: null, tabs: [] });
    expect(steps.filter((s) => s.type === 'addTab')).toHaveLength(TABS.length);
    expect(steps.at(-1)).toEqual({ type: 'setVersion', version: SHEET_SCHEMA_VERSION });
    const filings = steps.find((s) => s.type === 'addTab' && s.tab === 'filings');
    expect(filings).toMatchObject({ headers: headersOf('filings'), hiddenColumns: [0] });
  });

  it('changes nothing on a spreadsheet that is already up to date', () => {
    expect(planMigration(upToDate())).toEqual([]);
  });

  it("keeps a principal's own columns where they are and adds missing ones after them", () => {
    const state = upToDate();
    const mine = ['Rounds ID', 'Filed at', 'My notes', 'Kind', 'Cycle', 'Step', 'Title', 'Follow up?'];
    const tabs = state.tabs.map((t) => (t.name === 'Filings' ? { name: 'Filings', headerRow: mine } : t));
    const steps = planMigration({ ...state, tabs });
    expect(steps).toEqual([
      {
        type: 'addColumns',
        tab: 'filings',
        startColumn: 8,
        headers: [
          'From',
          'Source ID',
          'Drive file ID',
          'Filed by',
          'School',
          'Message-ID',
          'Gmail thread ID',
          'Links',
          'Note',
        ],
        hiddenColumns: [],
      },
    ]);
    const after = applyToHeaderRow('filings', mine, steps);
    expect(after.slice(0, 8)).toEqual(mine);
    expect(
      planMigration({
        ...state,
        tabs: tabs.map((t) => (t.name === 'Filings' ? { name: 'Filings', headerRow: after } : t)),
      }),
    ).toEqual([]);
  });

  it('recognises hand-typed headers regardless of case and spacing', () => {
    const state = upToDate();
    const tabs = state.tabs.map((t) =>
      t.name === 'Rules'
        ? { name: ' rules ', headerRow: t.headerRow.map((h) => ` ${String(h).toUpperCase()} `) }
        : t,
    );
    expect(planMigration({ ...state, tabs })).toEqual([]);
  });

  it('refuses to touch a spreadsheet set up by a newer Rounds', () => {
    expect(() => planMigration({ ...upToDate(), version: SHEET_SCHEMA_VERSION + 1 })).toThrow(
      NewerSchemaError,
    );
    expect(() => planMigration({ ...upToDate(), version: SHEET_SCHEMA_VERSION + 1 })).toThrow(
      /newer version of Rounds/,
    );
  });

  it('writes a record under the sheet’s own header order and keeps the cells of columns it does not know', () => {
    const tab = tabByKey('filings');
    const headerRow = ['Title', 'My notes', 'Rounds ID', 'Step'];
    const row = recordToRow(tab, headerRow, { id: 'f1', title: 'Data request', step: 3, kind: 'email' }, [
      'old',
      'call back Tuesday',
      'f1',
      2,
    ]);
    expect(row).toEqual(['Data request', 'call back Tuesday', 'f1', 3]);
    expect(rowToRecord(tab, headerRow, row)).toEqual({ title: 'Data request', id: 'f1', step: 3 });
  });
});
