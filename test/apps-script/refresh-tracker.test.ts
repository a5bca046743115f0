// Build / refresh tracker against the counting fakes: what the ILD sees filled in, what is kept, the call
// budget per tab at 30 and 1,800 schools, and rows arriving from the extension while it runs.
import { describe, expect, it } from 'vitest';
import { tabByKey } from '../../shared/schema/sheet';
import { FakeSpreadsheet } from '../../tools/apps-script-fakes/spreadsheet';
import { handMadeRule } from '../../tools/apps-script-fakes/tracker-objects';
import { cell, fill, networkSpreadsheet, refresh } from './tracker-network';

const schoolsTab = tabByKey('schools').name;

describe('Build / refresh tracker', () => {
  it('fills each school’s row from Filings, Visits, Contacts and Action plans, and flags faded support', () => {
    const spreadsheet = networkSpreadsheet(30);
    const result = refresh(spreadsheet);
    const schools = spreadsheet.tab(schoolsTab);
    // School 1 hosted visit 1 on 2026-09-01, was last supported in September: flagged.
    expect(cell(schools, 2, 'Last visit')).toBe('2026-09-01');
    expect(cell(schools, 2, 'Last ILD contact')).toBe('2026-09-15');
    expect(cell(schools, 2, 'Support flag')).toBe('Not supported for 11 weeks');
    // School 2 had a 1:1 on 2026-11-30: not flagged.
    expect(cell(schools, 3, 'Last ILD contact')).toBe('2026-11-30');
    expect(cell(schools, 3, 'Support flag')).toBe('');
    expect(cell(schools, 2, 'Last filing')).toMatch(/^2026-1[01]-\d\d$/);
    // School 1's only action is done; School 2's is open and due.
    expect(cell(schools, 2, 'Open actions')).toBe('');
    expect(cell(schools, 3, 'Open actions')).toBe('1 open: Model a text-evidence discussion (2)');
    expect(cell(schools, 3, 'Next action due')).toBe('2026-12-11');
    expect(result.flagged).toHaveLength(15);
    expect(result.flagged[0]).toMatchObject({ school: 'School 1', principal: 'Principal 1' });
    expect(result.report).toMatch(/Schools: worked out .* for 30 schools/);
    expect(result.problems).toEqual([]);
  });

  it('checks each IPOP in a cell with the advice in its note; a bare topic does not pass', () => {
    const spreadsheet = networkSpreadsheet(5);
    refresh(spreadsheet);
    const schools = spreadsheet.tab(schoolsTab);
    expect(cell(schools, 2, 'IPOP check')).toBe('0/7 — a topic, not yet a question');
    const checkColumn = (schools.rows[0] ?? []).indexOf('IPOP check');
    expect(schools.cellNotes.get(`1,${checkColumn}`)).toMatch(/This names a topic/);
    expect(cell(schools, 6, 'IPOP check')).toBe('No IPOP yet');
  });

  it('adds dropdowns, the stale-row rule from Settings, header protection (warning only) and three charts', () => {
    const spreadsheet = networkSpreadsheet(30);
    refresh(spreadsheet);
    const schools = spreadsheet.tab(schoolsTab);
    const lists = [...schools.validations.values()].flatMap((rules) =>
      rules[0]!.map((r) => (r as { list: string[] }).list),
    );
    expect(lists).toContainEqual(['Connect', 'Lead', 'Succeed']);
    expect(lists.some((l) => l[3] === '4 — Examine practice at the school level')).toBe(true);
    expect(schools.conditionalRules).toHaveLength(1);
    expect(schools.conditionalRules[0]!.formula).toMatch(/<TODAY\(\)-21,/);
    expect(schools.protections).toEqual([expect.objectContaining({ a1: '1:1', warningOnly: true })]);
    const kinds = [...spreadsheet.tab('Contacts').validations.values()].map(
      (rules) => (rules[0]![0] as { list: string[] }).list,
    );
    expect(kinds).toEqual([['visit', '1:1', 'call', 'modeling', 'brokering', 'asked']]);
    expect(spreadsheet.tab('Action plans').validations.size).toBe(1);
    const filings = spreadsheet.tab('Filings');
    expect(filings.protections.map((p) => p.warningOnly)).toEqual([true]);
    const dashboard = spreadsheet.tab('Dashboard');
    expect(dashboard.charts.map((c) => c.options.get('title'))).toEqual([
      'Schools per step',
      'Filings per week',
      'Principals supported per month',
    ]);
    expect(dashboard.rows[3]?.slice(0, 2)).toEqual(['1 — Identify the problem of practice', 4]);
    // Settings got its defaults; changing one changes the rule on the next refresh.
    const settings = spreadsheet.tab('Settings');
    expect(settings.rows.map((r) => r[2])).toEqual(['Value', 21, 3, '', '', '']);
    // The central-office rows the extension reads start empty, each saying what it is for.
    expect(settings.rows.slice(3).map((r) => r[1])).toEqual([
      'District domains',
      'Central offices',
      'Central-office senders',
    ]);
    settings.rows[1]![2] = 30;
    refresh(spreadsheet);
    expect(schools.conditionalRules.map((r) => r.formula)).toEqual([expect.stringMatching(/<TODAY\(\)-30,/)]);
  });

  it('refreshing again keeps what the network added: its column, notes, formatting and rules, and nothing doubles', () => {
    const spreadsheet = networkSpreadsheet(12);
    refresh(spreadsheet);
    const schools = spreadsheet.tab(schoolsTab);
    const width = schools.rows[0]!.length;
    schools.rows[0]![width] = 'Coach';
    schools.rows[2]![width] = 'Ms. Ortiz';
    schools.notes.set(width, 'Who coaches this school');
    schools.bold.add(width);
    schools.conditionalRules.push(handMadeRule('=$C2="K-8"', 'C2:C'));
    const before = JSON.stringify(schools.rows);
    const again = refresh(spreadsheet);
    expect(JSON.stringify(schools.rows)).toBe(before);
    expect(cell(schools, 3, 'Coach')).toBe('Ms. Ortiz');
    expect(schools.notes.get(width)).toBe('Who coaches this school');
    expect(schools.bold.has(width)).toBe(true);
    expect(schools.conditionalRules.map((r) => r.formula)).toEqual([
      expect.stringContaining('rounds:stale'),
      '=$C2="K-8"',
    ]);
    expect(schools.protections).toHaveLength(1);
    expect(spreadsheet.tab('Dashboard').charts).toHaveLength(3);
    expect(again.report).toMatch(/\(0 cells changed\)/);
  });

  it('builds a blank spreadsheet into the tracker in one go', () => {
    const spreadsheet = new FakeSpreadsheet();
    const result = refresh(spreadsheet);
    expect(result.report).toMatch(
      /^Added tabs: Schools, .*Action plans, Settings, Meetings, .*Spotlight, Resources, Members\./,
    );
    expect(result.report).toMatch(/Settings: added Stale after \(days\)/);
    expect(spreadsheet.tab('Settings').rows).toHaveLength(6);
    expect(spreadsheet.tab('Dashboard').charts.map((c) => c.options.get('numHeaders'))).toEqual([1, 1, 1]);
    expect(spreadsheet.tab('Dashboard').rows[3]?.[10]).toBe('No schools on the Schools tab yet.');
    expect(result.problems).toEqual([]);
  });

  it.each([30, 1800])('uses at most 10 Spreadsheet calls per tab for %i schools typed by hand', (count) => {
    const spreadsheet = networkSpreadsheet(count);
    // Typed by hand: no Rounds IDs yet, so the first build also writes the id column.
    for (const row of spreadsheet.tab(schoolsTab).rows.slice(1)) row[0] = '';
    refresh(spreadsheet);
    const perTab = new Map<string, number>();
    for (const call of spreadsheet.log.calls)
      if (call.kind !== 'lock') perTab.set(call.target, (perTab.get(call.target) ?? 0) + 1);
    for (const [tab, calls] of perTab) expect(calls, `${tab}: ${calls} calls`).toBeLessThanOrEqual(10);
    expect(perTab.get(schoolsTab)).toBe(10);
    expect(
      spreadsheet
        .tab(schoolsTab)
        .rows.slice(1)
        .every((r) => String(r[0]).startsWith('new-')),
    ).toBe(true);
  });

  it('costs the same calls at 30 and 1,800 schools (bar one to lengthen the Dashboard), and fewer once built', () => {
    const counts = [30, 1800].map((n) => {
      const spreadsheet = networkSpreadsheet(n);
      refresh(spreadsheet);
      const first = spreadsheet.log.calls.filter((c) => c.method !== 'insertRowsAfter').length;
      const lengthened = spreadsheet.log.count('insertRowsAfter', 'Dashboard');
      spreadsheet.log.clear();
      refresh(spreadsheet);
      return [first, spreadsheet.log.calls.length, lengthened];
    });
    expect(counts[0]).toEqual([counts[1]![0], counts[1]![1], 0]);
    expect(counts[1]![2]).toBe(1);
    expect(counts[0]![1]).toBeLessThan(counts[0]![0]!);
  });

  it('rows appended by the extension while it refreshes all end up present once', () => {
    const spreadsheet = networkSpreadsheet(30);
    const filings = spreadsheet.tab('Filings');
    const schools = spreadsheet.tab(schoolsTab);
    let appended = 0;
    for (const sheet of spreadsheet.sheets)
      sheet.beforeCall = () => {
        // Another member's filing lands between any two of Rounds' calls, as the extension's appends can.
        appended++;
        fill(spreadsheet, 'filings', [
          {
            id: `late-${appended}`,
            filedAt: '2026-12-03T10:00:00Z',
            school: 'School 2',
            title: `Late ${appended}`,
          },
        ]);
        if (appended % 10 === 0)
          fill(spreadsheet, 'schools', [{ id: `new-school-${appended}`, name: `New ${appended}` }]);
      };
    refresh(spreadsheet);
    for (const sheet of spreadsheet.sheets) sheet.beforeCall = null;
    const ids = filings.rows.slice(1).map((r) => r[0]);
    expect(ids).toHaveLength(60 + appended);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i <= appended; i++) expect(ids).toContain(`late-${i}`);
    const schoolIds = schools.rows.slice(1).map((r) => r[0]);
    expect(new Set(schoolIds).size).toBe(schoolIds.length);
    expect(schoolIds.filter((id) => String(id).startsWith('new-school-'))).toHaveLength(
      Math.floor(appended / 10),
    );
    // The schools read before the appends got their cells; the next refresh picks up the rest.
    refresh(spreadsheet);
    expect(cell(schools, 3, 'Last filing')).toBe('2026-12-03');
  });
});
