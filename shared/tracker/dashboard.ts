// The Dashboard tab's tables and the native charts drawn over them: schools per step, filings per week, and
// support month by month — principals supported against those not, and each principal's contacts per month,
// because support that fades after the first semester is the failure the research warns about.
import type { CellValue } from '../schema/sheet';
import { schoolKey, stepOf, STEP_CHOICES, type NetworkActivity } from './activity';
import { monthOf, text, weekOf, type Table } from './table';

export interface ChartSpec {
  /** Also how Refresh recognises its own chart among charts someone added. */
  title: string;
  type: 'column' | 'line';
  stacked: boolean;
  /** The data range, header row included. */
  a1: string;
  /** Where the chart's top-left corner sits (1-based row and column). */
  anchorRow: number;
  anchorColumn: number;
}

export interface DashboardPlan {
  /** The block Rounds owns, from A1: DASHBOARD_WIDTH columns. Columns to its right are the network's. */
  values: CellValue[][];
  charts: ChartSpec[];
}

export const WEEKS_SHOWN = 26;
export const MONTHS_SHOWN = 12;
/** Columns A–W: steps (A–B), weeks (D–E), months (G–I), principals by month (K–W). */
export const DASHBOARD_WIDTH = 11 + MONTHS_SHOWN;
const TOP = 3;

export function planDashboard(schools: Table, activity: NetworkActivity, today: string): DashboardPlan {
  const rows: CellValue[][] = [];
  const put = (row: number, column: number, value: CellValue) => {
    while (rows.length < row) rows.push(Array.from({ length: DASHBOARD_WIDTH }, () => ''));
    rows[row - 1]![column] = value;
  };
  put(1, 0, 'The network at a glance');
  put(
    1,
    3,
    `Refreshed ${today} by Rounds. Columns A–W are redrawn on every refresh; add your own to the right.`,
  );

  // Schools per step.
  const perStep = new Map<number | null, number>();
  let counted = 0;
  for (const row of schools.rows) {
    if (!text(row.get('name'))) continue;
    counted++;
    const step = stepOf(row.get('step'));
    perStep.set(step, (perStep.get(step) ?? 0) + 1);
  }
  put(TOP, 0, 'Step');
  put(TOP, 1, 'Schools');
  STEP_CHOICES.forEach((label, i) => {
    put(TOP + 1 + i, 0, label);
    put(TOP + 1 + i, 1, perStep.get(i + 1) ?? 0);
  });
  put(TOP + 9, 0, 'Step not set');
  put(TOP + 9, 1, perStep.get(null) ?? 0);

  // Filings per week, the last WEEKS_SHOWN weeks up to this one.
  const weeks = lastWeeks(today);
  const perWeek = new Map<string, number>();
  for (const day of activity.filingDays) perWeek.set(weekOf(day), (perWeek.get(weekOf(day)) ?? 0) + 1);
  put(TOP, 3, 'Week of');
  put(TOP, 4, 'Filings');
  weeks.forEach((w, i) => {
    put(TOP + 1 + i, 3, w);
    put(TOP + 1 + i, 4, perWeek.get(w) ?? 0);
  });

  // Support month by month: how many principals had a contact or visit, how many had none.
  const months = lastMonths(today);
  const schoolCount = [...activity.bySchool.values()].length;
  put(TOP, 6, 'Month');
  put(TOP, 7, 'Principals supported');
  put(TOP, 8, 'Not supported');
  months.forEach((m, i) => {
    const supported = [...activity.bySchool.values()].filter(
      (a) => (a.supportByMonth.get(m) ?? 0) > 0,
    ).length;
    put(TOP + 1 + i, 6, m);
    put(TOP + 1 + i, 7, supported);
    put(TOP + 1 + i, 8, schoolCount - supported);
  });

  // Each principal's support per month: a row that thins out to the right is support fading.
  put(TOP, 10, 'Principal (school)');
  months.forEach((m, i) => put(TOP, 11 + i, m));
  let r = TOP + 1;
  for (const row of schools.rows) {
    const name = text(row.get('name'));
    if (!name) continue;
    const a = activity.bySchool.get(schoolKey(name));
    put(r, 10, `${text(row.get('principal')) || '(no principal)'} (${name})`);
    months.forEach((m, i) => put(r, 11 + i, a?.supportByMonth.get(m) ?? 0));
    r++;
  }
  if (!counted) put(TOP + 1, 10, 'No schools on the Schools tab yet.');

  const chartTop = TOP + WEEKS_SHOWN + 3;
  return {
    values: rows,
    charts: [
      {
        title: 'Schools per step',
        type: 'column',
        stacked: false,
        a1: `A${TOP}:B${TOP + 9}`,
        anchorRow: chartTop,
        anchorColumn: 1,
      },
      {
        title: 'Filings per week',
        type: 'line',
        stacked: false,
        a1: `D${TOP}:E${TOP + WEEKS_SHOWN}`,
        anchorRow: chartTop + 20,
        anchorColumn: 1,
      },
      {
        title: 'Principals supported per month',
        type: 'column',
        stacked: true,
        a1: `G${TOP}:I${TOP + MONTHS_SHOWN}`,
        anchorRow: chartTop + 40,
        anchorColumn: 1,
      },
    ],
  };
}

function lastWeeks(today: string): string[] {
  const start = Date.parse(`${weekOf(today)}T00:00:00Z`);
  return Array.from({ length: WEEKS_SHOWN }, (_, i) =>
    new Date(start - (WEEKS_SHOWN - 1 - i) * 7 * 86400000).toISOString().slice(0, 10),
  );
}

function lastMonths(today: string): string[] {
  const [y, m] = monthOf(today).split('-').map(Number) as [number, number];
  return Array.from({ length: MONTHS_SHOWN }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (MONTHS_SHOWN - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}
