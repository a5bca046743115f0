// An invented network in a fake spreadsheet for the tracker tests and bench: N schools with principals and
// IPOPs of mixed quality, filings, visits, support contacts that thin out for some principals, and actions.
import { workbookOf } from '../../apps-script/services/spreadsheet';
import { trackerSheetsOf } from '../../apps-script/services/tracker-sheets';
import { buildTracker, type RefreshResult } from '../../apps-script/tracker/refresh-tracker';
import { setUpTracker } from '../../apps-script/tracker/set-up-tracker';
import { tabByKey, type CellValue, type TabKey } from '../../shared/schema/sheet';
import { FakeLock } from '../../tools/apps-script-fakes/lock';
import { FakeSpreadsheet, type FakeSheet } from '../../tools/apps-script-fakes/spreadsheet';
import { fakeBuilders } from '../../tools/apps-script-fakes/tracker-objects';

export const TODAY = '2026-12-04';

const QUESTIONS = [
  'Student talk',
  'How do students use evidence from the text when they explain their thinking in discussions? In our walkthroughs few students cited the text.',
  'Why do 40% of our fourth graders miss multi-step word problems on the unit assessment?',
  'Teachers need a new phonics program.',
  '',
];

/** A set-up tracker whose tabs hold `schools` schools and their activity. */
export function networkSpreadsheet(schools: number): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet('Cedar Ridge network');
  setUpTracker(workbookOf(spreadsheet, 'DOCUMENT'), { run: (task) => task() });
  const rows = (key: TabKey, records: Record<string, CellValue>[]) => fill(spreadsheet, key, records);
  rows(
    'schools',
    Array.from({ length: schools }, (_, i) => ({
      id: `school-${i + 1}`,
      name: `School ${i + 1}`,
      level: ['Elementary', 'Middle', 'K-8'][i % 3]!,
      principal: `Principal ${i + 1}`,
      principalEmail: `p${i + 1}@district.example`,
      ipopQuestion: QUESTIONS[i % QUESTIONS.length]!,
      step: `${(i % 8) + 1}`,
      phase: 'Lead',
    })),
  );
  rows(
    'filings',
    Array.from({ length: schools * 2 }, (_, i) => ({
      id: `filing-${i + 1}`,
      filedAt: `2026-${i % 2 ? '11' : '10'}-${String((i % 27) + 1).padStart(2, '0')}T15:00:00Z`,
      kind: 'email',
      school: `School ${(i % schools) + 1}`,
      title: `Filing ${i + 1}`,
    })),
  );
  rows(
    'visits',
    Array.from({ length: Math.ceil(schools / 3) }, (_, i) => ({
      id: `visit-${i + 1}`,
      number: i + 1,
      hostSchool: `School ${i * 3 + 1}`,
      date: `2026-09-${String((i % 28) + 1).padStart(2, '0')}`,
    })),
  );
  // Every other principal was supported last week; the rest only in September (support that faded).
  rows(
    'contacts',
    Array.from({ length: schools }, (_, i) => ({
      id: `contact-${i + 1}`,
      principal: `Principal ${i + 1}`,
      school: `School ${i + 1}`,
      date: i % 2 ? '2026-11-30' : '2026-09-15',
      supportKind: ['visit', '1:1', 'call', 'modeling', 'brokering'][i % 5]!,
      by: 'ILD',
    })),
  );
  rows(
    'actionPlans',
    Array.from({ length: schools }, (_, i) => ({
      id: `action-${i + 1}`,
      school: `School ${i + 1}`,
      action: `Model a text-evidence discussion (${i + 1})`,
      owner: `Principal ${i + 1}`,
      due: `2026-12-${String((i % 20) + 10).padStart(2, '0')}`,
      status: i % 4 === 0 ? 'Done' : 'Open',
    })),
  );
  spreadsheet.log.clear();
  return spreadsheet;
}

/** Writes records under a tab's header row, after the rows already there. */
export function fill(
  spreadsheet: FakeSpreadsheet,
  key: TabKey,
  records: Record<string, CellValue>[],
): FakeSheet {
  const sheet = spreadsheet.tab(tabByKey(key).name);
  const header = sheet.rows[0] ?? [];
  const spec = tabByKey(key);
  for (const record of records)
    sheet.rows.push(
      header.map((h) => {
        const column = spec.columns.find((c) => c.header === h);
        return column ? (record[column.key] ?? '') : '';
      }),
    );
  return sheet;
}

/** Build / refresh against the fake, as the menu runs it. */
export function refresh(spreadsheet: FakeSpreadsheet, today = TODAY): RefreshResult {
  let id = 0;
  return buildTracker({
    workbook: workbookOf(spreadsheet, 'DOCUMENT'),
    sheets: trackerSheetsOf(spreadsheet, fakeBuilders()),
    lock: { run: (task) => new FakeLockRunner(spreadsheet).run(task) },
    today,
    newId: () => `new-${++id}`,
  });
}

class FakeLockRunner {
  constructor(private readonly spreadsheet: FakeSpreadsheet) {}
  run<T>(task: () => T): T {
    const lock = new FakeLock(this.spreadsheet.log);
    if (!lock.tryLock(1000)) throw new Error('lock held');
    try {
      return task();
    } finally {
      lock.releaseLock();
    }
  }
}

/** A Schools cell by header text, for assertions. */
export function cell(sheet: FakeSheet, row: number, header: string): CellValue | undefined {
  const at = (sheet.rows[0] ?? []).indexOf(header);
  return at < 0 ? undefined : sheet.rows[row - 1]?.[at];
}
