// The visit planner from the sidebar over the typed fakes: a year of hosts and buddy groups from the Schools
// tab, shown with its coverage, written to Meetings and Pairs in one append each — never over the network's.
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../shared/schema/sheet';
import { coverageInSheet } from '../../apps-script/year/coverage';
import { planVisitsInSheet } from '../../apps-script/year/visit-planner';
import { callsPerTab, yearDeps, yearSpreadsheet } from './year-network';

const SCHOOLS: Record<string, CellValue>[] = [
  { name: 'Maple Grove K-8', strengths: 'student discourse', needs: 'math tasks' },
  { name: 'Harborview K-8', strengths: 'math tasks', needs: 'student discourse', unavailable: '2026-09-15' },
  { name: 'Linden Park K-8', needs: 'student discourse, feedback' },
  { name: 'Sycamore Ridge K-8', strengths: 'feedback' },
  { name: 'North Bend K-8', unavailable: 'the week of the 12th' },
  { name: 'Eastfield K-8' },
];
const OPTIONS = { start: '2026-09-15', meetings: 6, cadenceDays: 14, rounds: 3 };

describe('Plan the year’s visits', () => {
  it('writes a host for each meeting and the buddy groups of each round, every one with its reason', () => {
    const spreadsheet = yearSpreadsheet({ schools: SCHOOLS });
    const result = planVisitsInSheet(yearDeps(spreadsheet), OPTIONS, true);

    expect(result.written).toBe(true);
    const meetings = spreadsheet.tab('Meetings').rows.slice(1);
    expect(meetings).toHaveLength(6);
    const header = spreadsheet.tab('Meetings').rows[0]!;
    const hosts = meetings.map((r) => r[header.indexOf('Host school')]);
    expect(new Set(hosts).size).toBe(6);
    expect(meetings[0]![header.indexOf('Host school')]).not.toBe('Harborview K-8');
    expect(meetings.every((r) => String(r[header.indexOf('Why this host')]).length > 0)).toBe(true);

    const pairs = spreadsheet.tab('Pairs').rows.slice(1);
    expect(pairs).toHaveLength(9);
    expect(result.plan!.coverage.every((c) => c.leftOut.length === 0)).toBe(true);
    expect(result.problems).toEqual([
      'Schools!X6: “the week of the 12th” is not a date; North Bend K-8 may be asked to host that day.',
    ]);

    const per = callsPerTab(spreadsheet);
    expect(per.get('Meetings')).toEqual({ reads: 1, writes: 1 });
    expect(per.get('Pairs')).toEqual({ reads: 1, writes: 1 });
    expect(per.get('Schools')).toEqual({ reads: 1, writes: 0 });
  });

  it('shows the plan without writing when asked only to preview', () => {
    const spreadsheet = yearSpreadsheet({ schools: SCHOOLS });
    const result = planVisitsInSheet(yearDeps(spreadsheet), OPTIONS, false);
    expect(result.plan!.rounds).toHaveLength(3);
    expect(spreadsheet.log.writes()).toEqual([]);
  });

  it('never writes over meetings the network already has', () => {
    const spreadsheet = yearSpreadsheet({
      schools: SCHOOLS,
      meetings: [{ date: '2026-10-13', host: 'Eastfield K-8' }],
    });
    const result = planVisitsInSheet(yearDeps(spreadsheet), OPTIONS, true);
    expect(result.written).toBe(false);
    expect(result.report).toMatch(/^Nothing was written: Meetings already has 1 meeting from 2026-09-15 on/);
    expect(spreadsheet.log.writes()).toEqual([]);
  });

  it('shows the year so far from the sheet: who hosted, visited, was visited, and who is left out', () => {
    const spreadsheet = yearSpreadsheet({
      schools: SCHOOLS.slice(0, 4),
      meetings: [
        { date: '2026-09-15', host: 'Maple Grove K-8' },
        { date: '2026-09-29', host: 'harborview k-8' },
        { date: '2027-03-02', host: 'Linden Park K-8' },
      ],
      pairs: [
        { round: 1, schools: 'Maple Grove K-8, Linden Park K-8', host: 'Linden Park K-8' },
        { round: 1, schools: 'Harborview K-8, Sycamore Ridge K-8' },
      ],
    });
    const look = coverageInSheet(yearDeps(spreadsheet));
    expect(look.coverage).toEqual([
      {
        school: 'Maple Grove K-8',
        hosted: ['2026-09-15'],
        visited: ['Linden Park K-8'],
        visitedBy: [],
        leftOut: ['is not visited'],
      },
      {
        school: 'Harborview K-8',
        hosted: ['2026-09-29'],
        visited: [],
        visitedBy: [],
        leftOut: ['visits no school', 'is not visited'],
      },
      {
        school: 'Linden Park K-8',
        hosted: [],
        visited: [],
        visitedBy: ['Maple Grove K-8'],
        leftOut: ['hosts no meeting', 'visits no school'],
      },
      {
        school: 'Sycamore Ridge K-8',
        hosted: [],
        visited: [],
        visitedBy: [],
        leftOut: ['hosts no meeting', 'visits no school', 'is not visited'],
      },
    ]);
    expect(look.problems).toEqual([
      'Pairs!E3: no visit host, so this group counts as paired but not as a visit.',
    ]);
    expect(spreadsheet.log.writes()).toEqual([]);
  });
});
