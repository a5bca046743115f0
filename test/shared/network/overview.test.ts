// The panel's Network view, from the spreadsheet's Schools, Cycles and Filings tabs as Sheets returns them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STEP_LABELS } from '../../../shared/domain';
import { readNetworkTables } from '../../../shared/network/network-tables';
import { networkOverview } from '../../../shared/network/overview';
import { ROW_ID_HEADER, tabByKey } from '../../../shared/schema/sheet';

const headers = (key: 'schools' | 'cycles' | 'filings') => tabByKey(key).columns.map((c) => c.header);

/** A tab as values.batchGet returns it: header row, then rows laid out under those headers. */
function tab(
  key: 'schools' | 'cycles' | 'filings',
  rows: Record<string, string | number>[],
  extra: string[] = [],
) {
  const header = [...headers(key), ...extra];
  return { values: [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))] };
}

const sheet = {
  valueRanges: [
    tab('schools', [
      { [ROW_ID_HEADER]: 'mge', School: 'Maple Grove Elementary', Principal: 'Dana' },
      { [ROW_ID_HEADER]: 'rhm', School: 'Riverside Heights Middle School' },
      { [ROW_ID_HEADER]: 'oak', School: 'Oakwood K-8' },
    ]),
    tab('cycles', [
      {
        [ROW_ID_HEADER]: 'c1',
        Cycle: '2025-26 Cycle 1',
        Phase: 'lead',
        Problem: 'common',
        Step: 8,
        Started: '2025-09-01',
      },
      {
        [ROW_ID_HEADER]: 'c2',
        Cycle: '2025-26 Cycle 2',
        Phase: 'lead',
        Problem: 'common',
        Step: '4',
        Started: '2025-11-03',
      },
      {
        [ROW_ID_HEADER]: 'c3',
        Cycle: 'Dana · own IPOP',
        Phase: 'succeed',
        Problem: 'individual',
        School: 'Maple Grove Elementary',
        Step: 'four',
      },
    ]),
    tab(
      'filings',
      [
        {
          [ROW_ID_HEADER]: 'f1',
          'Filed at': '2025-11-10T09:00:00Z',
          Kind: 'email',
          Cycle: 'c2',
          Step: 3,
          Title: 'MGE data',
          School: 'Maple Grove Elementary',
          'Filed by': 'dana@maplegrove.org',
        },
        {
          [ROW_ID_HEADER]: 'f2',
          'Filed at': '2025-12-03T15:00:00Z',
          Kind: 'doc',
          Cycle: 'c2',
          Step: 4,
          Title: 'Walkthrough notes',
          School: 'maple grove elementary',
          'Filed by': 'ild@net.org',
        },
        {
          [ROW_ID_HEADER]: 'f3',
          'Filed at': '2025-12-01T08:00:00Z',
          Kind: 'doc',
          Cycle: 'c2',
          Step: 2,
          Title: 'Reading: student discourse',
        },
        {
          [ROW_ID_HEADER]: 'f4',
          'Filed at': '2025-12-02T08:00:00Z',
          Kind: 'email',
          Cycle: 'gone',
          Step: 2,
          Title: 'Old',
        },
        {
          [ROW_ID_HEADER]: 'f5',
          'Filed at': '2025-12-02T08:00:00Z',
          Kind: 'email',
          Cycle: 'c3',
          Step: 5,
          Title: 'My challenge',
        },
      ],
      ['School'].filter((h) => !headers('filings').includes(h)),
    ),
  ],
};

describe('the Network view', () => {
  const tables = readNetworkTables(sheet);
  const overview = networkOverview(tables, DEFAULT_STEP_LABELS);

  it('lists each cycle, newest first, with its step in words', () => {
    expect(overview.cycles.map((c) => [c.name, c.step])).toEqual([
      ['2025-26 Cycle 2', 4],
      ['2025-26 Cycle 1', 8],
      ['Dana · own IPOP', null],
    ]);
    expect(overview.cycles[0]!.stepLabel).toBe('Examine practice at the school level');
  });

  it("shows each school's step, last filing and who filed it", () => {
    const c2 = overview.cycles[0]!;
    const mge = c2.schools.find((s) => s.schoolId === 'mge')!;
    expect(mge).toMatchObject({ step: 4, furthestFiled: 4, filings: 2 });
    expect(mge.lastFiling).toEqual({
      title: 'Walkthrough notes',
      step: 4,
      filedAt: '2025-12-03T15:00:00Z',
      filedBy: 'ild@net.org',
      kind: 'doc',
    });
    expect(c2.schools.find((s) => s.schoolId === 'rhm')).toMatchObject({ filings: 0, lastFiling: undefined });
    expect(c2).toMatchObject({ filings: 3, networkFilings: 1 });
  });

  it("an individual cycle shows only its leader's school", () => {
    const own = overview.cycles.find((c) => c.cycleId === 'c3')!;
    expect(own.problem).toBe('individual');
    expect(own.schools.map((s) => [s.schoolId, s.filings])).toEqual([['mge', 1]]);
  });

  it('counts filings it cannot place and names unreadable cells instead of failing', () => {
    expect(overview.filingsWithoutCycle).toBe(1);
    expect(overview.problems).toEqual(['Cycles row 4: the step “four” is not a step from 1 to 8.']);
  });

  it("reads the tabs by header, whatever order the network's columns are in", () => {
    const reordered = sheet.valueRanges.map((range, i) =>
      i !== 0 ? range : { values: range.values.map((row) => [...row].reverse()) },
    );
    expect(readNetworkTables({ valueRanges: reordered }).schools.map((s) => s.name)).toEqual(
      tables.schools.map((s) => s.name),
    );
  });
});
