// A tracker people have edited by hand: blank rows, text where a date belongs, a column moved or deleted, a
// tab renamed. Refresh names each cell it could not use and loses nothing else.
import { describe, expect, it } from 'vitest';
import { cell, networkSpreadsheet, refresh } from './tracker-network';

describe('refreshing a hand-edited tracker', () => {
  it('skips a blank row in the middle and says which row, reading the rows below it', () => {
    const spreadsheet = networkSpreadsheet(6);
    const schools = spreadsheet.tab('Schools');
    schools.rows.splice(
      3,
      0,
      schools.rows[0]!.map(() => ''),
    );
    const result = refresh(spreadsheet);
    expect(result.problems).toContain(
      'Schools!A4: row 4 of Schools is blank; Rounds skipped it and read the rows below.',
    );
    expect(schools.rows[3]!.every((c) => c === '')).toBe(true);
    expect(cell(schools, 5, 'School')).toBe('School 3');
    expect(cell(schools, 5, 'Last ILD contact')).toBe('2026-09-15');
  });

  it('names a date cell holding text, and still counts the rest of that row and the others', () => {
    const spreadsheet = networkSpreadsheet(6);
    const visits = spreadsheet.tab('Visits');
    const dateAt = visits.rows[0]!.indexOf('Date');
    visits.rows[1]![dateAt] = 'last Tuesday';
    const contacts = spreadsheet.tab('Contacts');
    contacts.rows[2]![contacts.rows[0]!.indexOf('Date')] = 'soon';
    const result = refresh(spreadsheet);
    expect(result.problems).toContain(
      'Visits!E2: “last Tuesday” is not a date; this visit was left out of “Last visit”.',
    );
    expect(result.problems).toContain(
      'Contacts!H3: “soon” is not a date; this contact was left out of the support counts.',
    );
    expect(visits.rows[1]![dateAt]).toBe('last Tuesday');
    const schools = spreadsheet.tab('Schools');
    expect(cell(schools, 2, 'Last visit')).toBe('');
    expect(cell(schools, 5, 'Last visit')).toBe('2026-09-02');
  });

  it('reads columns by their header wherever someone moved them', () => {
    const spreadsheet = networkSpreadsheet(6);
    const filings = spreadsheet.tab('Filings');
    const from = filings.rows[0]!.indexOf('School');
    for (const row of filings.rows) row.unshift(...row.splice(from, 1));
    refresh(spreadsheet);
    expect(filings.rows[0]![0]).toBe('School');
    expect(cell(spreadsheet.tab('Schools'), 2, 'Last filing')).toMatch(/^2026-1[01]-\d\d$/);
  });

  it('puts back a Rounds column someone deleted, says so, and keeps the columns they added', () => {
    const spreadsheet = networkSpreadsheet(6);
    const schools = spreadsheet.tab('Schools');
    const at = schools.rows[0]!.indexOf('Last visit');
    for (const row of schools.rows) row.splice(at, 1);
    schools.rows[0]!.push('Coach');
    schools.rows[1]!.push('Ms. Ortiz');
    const result = refresh(spreadsheet);
    expect(result.report).toMatch(/Added columns — Schools: Last visit/);
    expect(cell(schools, 2, 'Coach')).toBe('Ms. Ortiz');
    expect(cell(schools, 2, 'Last visit')).toBe('2026-09-01');
  });

  it('finds a renamed tab by its columns, reads it, and asks for the name back instead of making a twin', () => {
    const spreadsheet = networkSpreadsheet(6);
    spreadsheet.tab('Filings').name = 'Filed 2026';
    const result = refresh(spreadsheet);
    expect(result.problems[0]).toBe(
      "The Filings tab is named “Filed 2026” here ('Filed 2026'!A1); Rounds found it by its columns and read it. Rename it back to “Filings” so the browser extension finds it too.",
    );
    expect(spreadsheet.sheets.filter((s) => /fil/i.test(s.name)).map((s) => s.name)).toEqual(['Filed 2026']);
    expect(cell(spreadsheet.tab('Schools'), 2, 'Last filing')).toMatch(/^2026-1[01]-\d\d$/);
  });

  it('a setting that is not a number keeps its default and names the cell', () => {
    const spreadsheet = networkSpreadsheet(3);
    refresh(spreadsheet);
    spreadsheet.tab('Settings').rows[1]![2] = 'three weeks';
    const result = refresh(spreadsheet);
    expect(result.problems).toContain(
      'Settings!C2: “three weeks” is not a whole number of days from 1 to 365; using 21.',
    );
  });
});
