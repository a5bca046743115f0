// The Measures tab as series: the dated values of each measure (per school, or network-wide when School is
// blank), in date order, ready for a run chart. A value that is not a number is named and left out; the
// rest of the series is still charted.
import { normalizeHeader } from '../schema/sheet';
import type { TabSnapshot } from '../tracker/table';
import { readYearTable } from './year-table';

export interface MeasurePoint {
  date: string;
  value: number;
  row: number;
}

export interface MeasureSeries {
  measure: string;
  /** Empty for a network-wide measure. */
  school: string;
  /** "Measure — School", or the measure alone: what the chart is titled. */
  title: string;
  /** Which way is better, from the tab's “Better when” (higher / lower); unknown when nobody said. */
  better?: 'up' | 'down';
  points: MeasurePoint[];
}

export function seriesTitle(measure: string, school: string): string {
  return school ? `${measure} — ${school}` : measure;
}

export function readMeasures(snapshots: readonly TabSnapshot[]) {
  const t = readYearTable('measures', snapshots);
  const series = new Map<string, MeasureSeries>();
  for (const row of t.table.rows) {
    const measure = t.text(row, 'measure');
    if (!measure) {
      t.problems.push(`${t.address(row.row, 'measure')}: no measure named; Rounds left this value out.`);
      continue;
    }
    const leftOut = `this point was left out of the “${measure}” run chart.`;
    const value = t.number(row, 'value', leftOut);
    const date = t.day(row, 'date', leftOut);
    if (value === null || date === null) {
      if (value === null && t.text(row, 'value') === '' && t.table.positions.has('value'))
        t.problems.push(`${t.address(row.row, 'value')}: no value; ${leftOut}`);
      if (date === null && t.text(row, 'date') === '' && t.table.positions.has('date'))
        t.problems.push(`${t.address(row.row, 'date')}: no date; ${leftOut}`);
      continue;
    }
    const school = t.text(row, 'school');
    const key = `${normalizeHeader(measure)}\u0000${normalizeHeader(school)}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { measure, school, title: seriesTitle(measure, school), points: [] }));
    s.points.push({ date, value, row: row.row });
    const better = normalizeHeader(t.text(row, 'better'));
    if (!s.better && /^(higher|up|more|increase)/.test(better)) s.better = 'up';
    if (!s.better && /^(lower|down|less|fewer|decrease)/.test(better)) s.better = 'down';
  }
  // Sorted by date; values typed out of order are charted in time order.
  for (const s of series.values()) s.points.sort((a, b) => a.date.localeCompare(b.date) || a.row - b.row);
  return { series: [...series.values()], sheetName: t.table.sheetName, problems: t.problems };
}
