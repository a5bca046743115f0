// Build / refresh tracker: under the document lock, bring the tabs up to the schema (set-up), then read
// every tab the tracker draws on once, work out the plan in the shared core and write it in batches.
// Also the read-only look the sidebar takes at who needs support, and a principal's request for support.
import { findTab, normalizeHeader, TABS, tabByKey, type TabKey } from '../../shared/schema/sheet';
import { type MigrationStep, type SpreadsheetState } from '../../shared/schema/migration';
import { parseSchemaVersion, stateAfter } from '../../shared/tracker/tracker-changes';
import { planRefresh, type FlaggedPrincipal, type RefreshPlan } from '../../shared/tracker/refresh';
import { supportRequestRow } from '../../shared/tracker/support';
import { readTable, text, type TabSnapshot } from '../../shared/tracker/table';
import type { TrackerStatus } from '../../shared/tracker/tracker-status';
import { applySetUp, type DocumentLock, type TrackerWorkbook } from './set-up-tracker';

/** The tabs Refresh reads; the others (mandates, translations…) are left unread and untouched. */
const READ: readonly TabKey[] = [
  'schools',
  'cycles',
  'filings',
  'visits',
  'contacts',
  'actionPlans',
  'settings',
];

export interface TrackerSheets {
  /** Every tab's name, and the cells of each tab `skip` does not name (skipped tabs come back empty). */
  read(skip: (name: string) => boolean): TabSnapshot[];
  apply(plan: RefreshPlan, protect: readonly string[], dashboardName: string | null): void;
  append?(sheetName: string, row: unknown[]): void;
}

export interface RefreshResult {
  report: string;
  problems: string[];
  flagged: FlaggedPrincipal[];
  tracker: TrackerStatus;
}

export interface RefreshDeps {
  workbook: TrackerWorkbook;
  sheets: TrackerSheets;
  lock: DocumentLock;
  today: string;
  newId(): string;
}

/**
 * Set up what is missing, then refresh; says what changed and what could not be read. Every tab is read
 * once (its whole data range), and set-up plans from those header rows, so no header is read twice.
 */
export function buildTracker(deps: RefreshDeps): RefreshResult {
  return deps.lock.run(() => {
    const dashboard = normalizeHeader(tabByKey('dashboard').name);
    const read = deps.sheets.read((name) => normalizeHeader(name) === dashboard);
    const state: SpreadsheetState = {
      version: parseSchemaVersion(deps.workbook.readVersionMarkers()),
      tabs: read.map((s) => ({ name: s.name, headerRow: s.values[0] ?? [] })),
    };
    const { result: setUp, steps } = applySetUp(deps.workbook, state);
    const snapshots = afterSetUp(read, state, steps);
    const plan = planRefresh(snapshots, deps.today, deps.newId);
    deps.sheets.apply(plan, protectedTabs(snapshots), tabByKey('dashboard').name);
    const setUpLine = setUp.report.startsWith('The tracker is already up to date') ? [] : [setUp.report];
    return {
      report: [...setUpLine, ...plan.changes].join('\n'),
      problems: plan.problems,
      flagged: plan.flagged,
      tracker: setUp.tracker,
    };
  });
}

/** The tabs as they are once set-up has run: new header cells in place, new tabs holding only their headers. */
function afterSetUp(
  read: readonly TabSnapshot[],
  state: SpreadsheetState,
  steps: readonly MigrationStep[],
): TabSnapshot[] {
  const after = stateAfter(state, steps);
  return after.tabs.map((tab) => {
    const before = read.find((r) => r.name === tab.name);
    const rows = before ? before.values.slice(1) : [];
    return { name: tab.name, values: [tab.headerRow, ...rows] };
  });
}

/** What the sidebar shows without changing anything: flags, problems, the schools to ask for. */
export function lookAtSupport(deps: Pick<RefreshDeps, 'sheets' | 'today' | 'newId'>): {
  flagged: FlaggedPrincipal[];
  problems: string[];
  supportWeeks: number;
  schools: string[];
} {
  const skip = new Set(TABS.filter((t) => !READ.includes(t.key)).map((t) => normalizeHeader(t.name)));
  const snapshots = deps.sheets.read((name) => skip.has(normalizeHeader(name)));
  const plan = planRefresh(snapshots, deps.today, deps.newId);
  const schools = readTable(tabByKey('schools'), snapshots)
    .rows.map((r) => text(r.get('name')))
    .filter(Boolean);
  return {
    flagged: plan.flagged,
    problems: plan.problems,
    supportWeeks: plan.settings.supportWeeks,
    schools,
  };
}

function protectedTabs(snapshots: readonly TabSnapshot[]): string[] {
  const withHeaders = snapshots.map((s) => ({ name: s.name, headerRow: s.values[0] ?? [] }));
  return READ.flatMap((key) => {
    const found = findTab(tabByKey(key), withHeaders);
    return found && found.headerRow.length ? [found.name] : [];
  });
}

/**
 * A principal's own request for support, appended to Contacts as "asked" under the lock. The principal picks
 * their school in the sidebar (Rounds asks for no email scope); a school not on the Schools tab is refused
 * with a message and nothing is written.
 */
export function askForSupport(
  deps: Pick<RefreshDeps, 'sheets' | 'lock' | 'today' | 'newId'>,
  school: string,
  note: string,
): string {
  return deps.lock.run(() => {
    const snapshots = deps.sheets.read((name) => !['schools', 'contacts'].includes(normalizeHeader(name)));
    const schools = readTable(tabByKey('schools'), snapshots);
    const contacts = readTable(tabByKey('contacts'), snapshots);
    if (!contacts.sheetName)
      throw new Error(
        'This spreadsheet has no Contacts tab yet. Ask your ILD to run Build / refresh tracker.',
      );
    const mine = schools.rows.find((r) => normalizeHeader(r.get('name')) === normalizeHeader(school));
    if (!school.trim() || !mine)
      throw new Error(
        `“${school}” is not on the Schools tab, so Rounds does not know whose request this is. Nothing was written; choose your school from the list.`,
      );
    const row = supportRequestRow(contacts.headerRow, {
      id: deps.newId(),
      principal: text(mine.get('principal')) || text(mine.get('name')),
      school: text(mine.get('name')),
      on: deps.today,
      by: text(mine.get('principalEmail')) || 'Rounds sidebar',
      note,
    });
    if (!deps.sheets.append) throw new Error('This tracker cannot take new rows.');
    deps.sheets.append(contacts.sheetName, row);
    return `Your request for support is in the Contacts tab (${deps.today}); your ILD sees it there and on the next refresh.`;
  });
}
