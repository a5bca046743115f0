// Setting up or upgrading the network tracker in a spreadsheet: under the document lock, read every tab's
// header row in one pass, plan with the shared schema, then make one header write per tab and record the
// schema version. The spreadsheet and the lock come in through the two small interfaces below.
import { type CellValue } from '../../shared/schema/sheet';
import { planMigration, type MigrationStep, type SpreadsheetState } from '../../shared/schema/migration';
import type { TrackerSetUpResult } from '../sidebar-contract';
import {
  describeChanges,
  parseSchemaVersion,
  stateAfter,
  tabChanges,
  type TabChange,
} from '../../shared/tracker/tracker-changes';
import { trackerStatus } from '../../shared/tracker/tracker-status';

/** The open spreadsheet, as the tracker set-up needs it (services/spreadsheet.ts adapts SpreadsheetApp). */
export interface TrackerWorkbook {
  name(): string;
  /** The schema-version markers and every tab's header row, all read before anything is written. */
  read(): { versionMarkers: (string | null)[]; tabs: { name: string; headerRow: CellValue[] }[] };
  /** Only the schema-version markers, for callers that have read the header rows themselves. */
  readVersionMarkers(): (string | null)[];
  /** One tab's change: create it if asked, make room, one header write, then its formatting. */
  applyTabChange(change: TabChange): void;
  setSchemaVersion(version: number): void;
}

/** Runs a task while holding the document's lock, so two people clicking at once cannot both write. */
export interface DocumentLock {
  run<T>(task: () => T): T;
}

export function readTrackerState(workbook: TrackerWorkbook): SpreadsheetState {
  const { versionMarkers, tabs } = workbook.read();
  return { version: parseSchemaVersion(versionMarkers), tabs };
}

/**
 * Brings the spreadsheet up to the current schema and says what changed. A spreadsheet made by a newer
 * Rounds, or with a damaged version marker, is refused before anything is written.
 */
export function setUpTracker(workbook: TrackerWorkbook, lock: DocumentLock): TrackerSetUpResult {
  return lock.run(() => applySetUp(workbook, readTrackerState(workbook)).result);
}

/** The set-up for a state already read (Build / refresh reads every tab once and passes the headers here). */
export function applySetUp(
  workbook: TrackerWorkbook,
  state: SpreadsheetState,
): { result: TrackerSetUpResult; steps: MigrationStep[] } {
  const steps = planMigration(state);
  for (const change of tabChanges(state, steps)) workbook.applyTabChange(change);
  const setVersion = steps.find((s) => s.type === 'setVersion');
  if (setVersion) workbook.setSchemaVersion(setVersion.version);
  return {
    result: {
      report: describeChanges(state.version, steps),
      tracker: trackerStatus(workbook.name(), stateAfter(state, steps)),
    },
    steps,
  };
}
