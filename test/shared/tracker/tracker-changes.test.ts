// The pure half of the set-up: per-tab writes from a migration plan, the report, the version marker.
import { describe, expect, it } from 'vitest';
import { ROW_ID_HEADER } from '../../../shared/schema/sheet';
import { type MigrationStep } from '../../../shared/schema/migration';
import {
  describeChanges,
  parseSchemaVersion,
  stateAfter,
  tabChanges,
} from '../../../shared/tracker/tracker-changes';

describe('the writes for each tab', () => {
  it('a renamed header and new columns in one tab become one write that carries the cells between unchanged', () => {
    const state = {
      version: 1,
      tabs: [{ name: 'Rules', headerRow: [ROW_ID_HEADER, 'Sender', 'Dept', 'Our notes', 'Phrase'] }],
    };
    const steps: MigrationStep[] = [
      { type: 'renameHeader', tab: 'rules', column: 2, from: 'Dept', to: 'Department' },
      { type: 'addColumns', tab: 'rules', startColumn: 5, headers: ['Tier', 'Note'], hiddenColumns: [] },
    ];

    const [change, ...others] = tabChanges(state, steps);

    expect(others).toEqual([]);
    expect(change).toMatchObject({
      sheetName: 'Rules',
      create: false,
      width: 7,
      startColumn: 2,
      cells: ['Department', 'Our notes', 'Phrase', 'Tier', 'Note'],
      boldFrom: 5,
      note: null,
      freezeHeader: false,
    });
  });

  it('a tab the plan does not touch gets no write at all', () => {
    const state = { version: null, tabs: [{ name: 'Schools', headerRow: [ROW_ID_HEADER, 'School'] }] };
    expect(tabChanges(state, [{ type: 'setVersion', version: 1 }])).toEqual([]);
  });

  it('new headers go after trailing blank header cells are dropped, not after the blanks', () => {
    const state = { version: 1, tabs: [{ name: 'Protocols', headerRow: [ROW_ID_HEADER, 'Cycle', '', ''] }] };
    const steps: MigrationStep[] = [
      {
        type: 'addColumns',
        tab: 'protocols',
        startColumn: 2,
        headers: ['Visit', 'Look-for'],
        hiddenColumns: [],
      },
    ];
    expect(tabChanges(state, steps)[0]).toMatchObject({
      startColumn: 2,
      cells: ['Visit', 'Look-for'],
      width: 4,
    });
  });
});

describe('the report', () => {
  it('names renamed columns with their old and new headers', () => {
    const report = describeChanges(1, [
      { type: 'renameHeader', tab: 'rules', column: 2, from: 'Dept', to: 'Department' },
    ]);
    expect(report).toBe(
      'Renamed columns — Rules: “Dept” → “Department”. Columns you added yourself were left where they were.',
    );
  });

  it('says which version an upgrade went from and to', () => {
    expect(describeChanges(1, [{ type: 'setVersion', version: 2 }])).toBe(
      'Tracker upgraded from schema version 1 to 2.',
    );
  });
});

describe('the schema version marker', () => {
  it('no marker means never set up', () => {
    expect(parseSchemaVersion([])).toBeNull();
  });

  it('reads a whole number, and the highest if the marker was written twice', () => {
    expect(parseSchemaVersion([' 1 ', '3'])).toBe(3);
  });

  it('refuses anything else with the value in the message', () => {
    expect(() => parseSchemaVersion(['1.5'])).toThrow('reads “1.5”, which is not a version number');
    expect(() => parseSchemaVersion([null])).toThrow('not a version number');
  });
});

describe('the tracker after the plan', () => {
  it('has the new tabs, the new headers and the new version', () => {
    const after = stateAfter({ version: null, tabs: [{ name: 'Schools', headerRow: ['School'] }] }, [
      { type: 'addColumns', tab: 'schools', startColumn: 1, headers: [ROW_ID_HEADER], hiddenColumns: [1] },
      { type: 'addTab', tab: 'dashboard', name: 'Dashboard', headers: [], hiddenColumns: [] },
      { type: 'setVersion', version: 1 },
    ]);
    expect(after).toEqual({
      version: 1,
      tabs: [
        { name: 'Schools', headerRow: ['School', ROW_ID_HEADER] },
        { name: 'Dashboard', headerRow: [] },
      ],
    });
  });
});
