// Setting up and upgrading the network tracker against a fake spreadsheet that counts every Apps Script call.
import { describe, expect, it } from 'vitest';
import {
  ROW_ID_HEADER,
  SCHEMA_VERSION_METADATA_KEY,
  SHEET_SCHEMA_VERSION,
  TABS,
  tabByKey,
} from '../../shared/schema/sheet';
import { documentLockOf } from '../../apps-script/services/lock';
import { workbookOf } from '../../apps-script/services/spreadsheet';
import { setUpTracker } from '../../apps-script/tracker/set-up-tracker';
import { FakeLock } from '../../tools/apps-script-fakes/lock';
import { FakeSpreadsheet } from '../../tools/apps-script-fakes/spreadsheet';

function setUp(spreadsheet: FakeSpreadsheet, lock = new FakeLock(spreadsheet.log)) {
  return setUpTracker(workbookOf(spreadsheet, 'DOCUMENT'), documentLockOf(lock));
}

const headers = (key: Parameters<typeof tabByKey>[0]) => tabByKey(key).columns.map((c) => c.header);
const tableTabs = TABS.filter((t) => t.kind === 'table');

describe('setting up the network tracker', () => {
  it('creates the twenty-three tabs after the tabs already there, with one header write per table tab', () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.withTab('Sheet1');

    const result = setUp(spreadsheet);

    expect(spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1', ...TABS.map((t) => t.name)]);
    expect(TABS).toHaveLength(23);
    for (const tab of tableTabs) {
      expect(spreadsheet.log.count('setValues', tab.name), tab.name).toBe(1);
      expect(spreadsheet.tab(tab.name).header()).toEqual(headers(tab.key));
    }
    expect(spreadsheet.log.count('setValues', 'Dashboard')).toBe(0);
    expect(spreadsheet.log.count('setValues')).toBe(tableTabs.length);
    expect(spreadsheet.tab('Sheet1').rows).toEqual([]);
    expect(result.report).toMatch(
      /^Added tabs: Schools, Cycles, Filings, .*Dashboard, Action plans, Settings, Meetings, .*Run charts, Spotlight, Resources, Members\./,
    );
    expect(result.report).toContain(`set up at schema version ${SHEET_SCHEMA_VERSION}`);
  });

  it('hides the Rounds ID column, freezes and bolds the header row, and notes what each tab is for', () => {
    const spreadsheet = new FakeSpreadsheet();
    setUp(spreadsheet);

    const schools = spreadsheet.tab('Schools');
    expect(schools.header()[0]).toBe(ROW_ID_HEADER);
    expect([...schools.hidden]).toEqual([0]);
    expect(schools.frozenRows).toBe(1);
    expect([...schools.bold].sort((a, b) => a - b)).toEqual(headers('schools').map((_, i) => i));
    // The note sits on the first visible header cell: a note on the hidden id column would never be seen.
    expect(schools.notes.get(1)).toBe(tabByKey('schools').purpose);
    expect(spreadsheet.tab('Dashboard').notes.get(0)).toBe(tabByKey('dashboard').purpose);
  });

  it('records the schema version as document-visible developer metadata', () => {
    const spreadsheet = new FakeSpreadsheet();
    setUp(spreadsheet);

    expect(spreadsheet.metadata.map((m) => [m.key, m.value, m.visibility])).toEqual([
      [SCHEMA_VERSION_METADATA_KEY, String(SHEET_SCHEMA_VERSION), 'DOCUMENT'],
    ]);
  });

  it('reads everything before writing anything, inside the document lock', () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.withTab('Schools', [[ROW_ID_HEADER, 'School', 'Notes']]);
    setUp(spreadsheet);

    const calls = spreadsheet.log.calls;
    expect(spreadsheet.log.readsBeforeWrites()).toBe(true);
    expect(calls[0]?.method).toBe('tryLock');
    expect(calls.at(-1)?.method).toBe('releaseLock');
  });

  it('running set-up twice changes nothing the second time', () => {
    const spreadsheet = new FakeSpreadsheet();
    setUp(spreadsheet);
    spreadsheet.log.clear();

    const second = setUp(spreadsheet);

    expect(spreadsheet.log.writes()).toEqual([]);
    expect(second.report).toBe('The tracker is already up to date. Nothing changed.');
    expect(second.tracker.action).toBe('up-to-date');
  });
});

describe('upgrading a tracker people have worked in', () => {
  it("keeps a principal's added Notes column where it was, with its notes, and adds the missing columns after it", () => {
    const spreadsheet = new FakeSpreadsheet();
    const filings = spreadsheet.withTab('Filings', [
      [ROW_ID_HEADER, 'Filed at', 'Kind', 'Notes', 'Cycle'],
      ['r1', '2025-01-10', 'email', 'ask Dana about this', 'Cycle A'],
    ]);

    const result = setUp(spreadsheet);

    const expected = [
      ROW_ID_HEADER,
      'Filed at',
      'Kind',
      'Notes',
      'Cycle',
      'Step',
      'Title',
      'From',
      'Source ID',
    ];
    expect(filings.header().slice(0, expected.length)).toEqual(expected);
    expect(filings.header()).toHaveLength(headers('filings').length + 1);
    expect(filings.rows[1]).toEqual(['r1', '2025-01-10', 'email', 'ask Dana about this', 'Cycle A']);
    expect(spreadsheet.log.count('setValues', 'Filings')).toBe(1);
    // Only the new header cells are bold; the principal's own header keeps its formatting.
    const added = headers('filings').filter((h) => !['Rounds ID', 'Filed at', 'Kind', 'Cycle'].includes(h));
    expect([...filings.bold].sort((a, b) => a - b)).toEqual(added.map((_, i) => 5 + i));
    expect(result.report).toContain(`Added columns — Filings: ${added.join(', ')}.`);
    expect(result.report).toContain('Columns you added yourself were left where they were.');
  });

  it('recognises a tab whose name was typed in another case instead of adding a second one', () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.withTab('schools ', [[ROW_ID_HEADER, 'School']]);

    setUp(spreadsheet);

    expect(spreadsheet.sheets.filter((s) => s.name.trim().toLowerCase() === 'schools')).toHaveLength(1);
    expect(spreadsheet.tab('schools ').header()).toEqual(headers('schools'));
  });

  it('makes room when the network has already used every column of a tab', () => {
    const spreadsheet = new FakeSpreadsheet();
    const own = Array.from({ length: 24 }, (_, i) => `Own ${i + 1}`);
    const contacts = spreadsheet.withTab('Contacts', [[ROW_ID_HEADER, 'Office', ...own]]);

    setUp(spreadsheet);

    expect(spreadsheet.log.count('insertColumnsAfter', 'Contacts')).toBe(1);
    expect(contacts.header()).toEqual([
      ROW_ID_HEADER,
      'Office',
      ...own,
      ...headers('contacts').filter((h) => h !== ROW_ID_HEADER && h !== 'Office'),
    ]);
  });

  it('adds the Rounds ID column to a hand-made tab and hides it', () => {
    const spreadsheet = new FakeSpreadsheet();
    const visits = spreadsheet.withTab('Visits', [['Visit', 'Host school', 'Cycle', 'Date', 'Protocol']]);

    setUp(spreadsheet);

    expect(visits.header()).toEqual([
      'Visit',
      'Host school',
      'Cycle',
      'Date',
      'Protocol',
      ROW_ID_HEADER,
      'Observation folder',
    ]);
    expect([...visits.hidden]).toEqual([5]);
  });
});

describe('refusing to change what it does not understand', () => {
  it('a newer schema version is refused with a clear message and nothing is written', () => {
    const spreadsheet = new FakeSpreadsheet().withMetadata(
      SCHEMA_VERSION_METADATA_KEY,
      String(SHEET_SCHEMA_VERSION + 1),
    );
    spreadsheet.withTab('Schools', [[ROW_ID_HEADER, 'School']]);
    const lock = new FakeLock(spreadsheet.log);

    expect(() => setUp(spreadsheet, lock)).toThrow(/set up by a newer version of Rounds.*Update Rounds/);
    expect(spreadsheet.log.writes()).toEqual([]);
    expect(lock.held).toBe(false);
  });

  it('a damaged version marker is refused rather than guessed at', () => {
    const spreadsheet = new FakeSpreadsheet().withMetadata(SCHEMA_VERSION_METADATA_KEY, 'one');

    expect(() => setUp(spreadsheet)).toThrow('schema marker reads “one”, which is not a version number');
    expect(spreadsheet.log.writes()).toEqual([]);
  });

  it('while someone else holds the lock, it says so and touches nothing', () => {
    const spreadsheet = new FakeSpreadsheet();
    const busy = new FakeLock(spreadsheet.log, true);

    expect(() => setUp(spreadsheet, busy)).toThrow('Someone else is changing this tracker right now');
    expect(spreadsheet.log.calls.map((c) => c.method)).toEqual(['tryLock']);
  });
});
