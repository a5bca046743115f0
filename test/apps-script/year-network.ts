// A set-up network spreadsheet (fake) for the year's commands, with helpers to fill its year tabs and run
// the commands against it the way Apps Script would: the document lock, a fixed day and counted calls.
import { workbookOf } from '../../apps-script/services/spreadsheet';
import { yearSheetsOf } from '../../apps-script/services/year-sheets';
import { setUpTracker } from '../../apps-script/tracker/set-up-tracker';
import type { YearDeps } from '../../apps-script/year/year-deps';
import { documentLockOf } from '../../apps-script/services/lock';
import type { CellValue, TabKey } from '../../shared/schema/sheet';
import { FakeLock } from '../../tools/apps-script-fakes/lock';
import { FakeSpreadsheet } from '../../tools/apps-script-fakes/spreadsheet';
import { fill } from './tracker-network';

export const YEAR_TODAY = '2026-12-04';

export function yearSpreadsheet(tabs: Partial<Record<TabKey, Record<string, CellValue>[]>> = {}) {
  const spreadsheet = new FakeSpreadsheet('Cedar Valley network');
  setUpTracker(workbookOf(spreadsheet, 'DOCUMENT'), { run: (task) => task() });
  for (const [key, records] of Object.entries(tabs)) fill(spreadsheet, key as TabKey, records ?? []);
  spreadsheet.log.clear();
  return spreadsheet;
}

export function yearDeps(spreadsheet: FakeSpreadsheet, today = YEAR_TODAY): YearDeps {
  let id = 0;
  return {
    sheets: yearSheetsOf(spreadsheet, {
      lineChart: 'LINE',
      formatDay: (date) => date.toISOString().slice(0, 10),
    }),
    lock: documentLockOf(new FakeLock(spreadsheet.log)),
    today,
    newId: () => `new-${++id}`,
  };
}

/** Calls per tab (and per kind), for "one read and one write per tab" budgets. */
export function callsPerTab(spreadsheet: FakeSpreadsheet) {
  const per = new Map<string, { reads: number; writes: number }>();
  for (const c of spreadsheet.log.calls) {
    const entry = per.get(c.target) ?? { reads: 0, writes: 0 };
    if (c.method === 'getValues') entry.reads++;
    if (c.kind === 'write') entry.writes++;
    per.set(c.target, entry);
  }
  return per;
}

/** A school's weekly share of students citing evidence: flat for eight weeks, then a shift up. */
export const CITING_EVIDENCE = [28, 30, 27, 29, 31, 28, 30, 29, 38, 40, 41, 39, 42, 44];

export function measureRows(
  measure: string,
  school: string,
  values: readonly CellValue[],
  from = '2026-09-07',
) {
  const start = Date.parse(`${from}T00:00:00Z`);
  return values.map((value, i) => ({
    measure,
    school,
    date: new Date(start + i * 7 * 86400000).toISOString().slice(0, 10),
    value,
  }));
}
