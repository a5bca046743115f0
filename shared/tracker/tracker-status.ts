// The network tracker's state in a principal's words: which version, which tabs are there or missing, and what
// the one button will do. Pure, computed from the same plan the set-up runs, so the two never disagree.
import { findTab, SHEET_SCHEMA_VERSION, TABS, tabByKey } from '../schema/sheet';
import { NewerSchemaError, planMigration, type SpreadsheetState } from '../schema/migration';

/** The network tracker in the open spreadsheet, as the add-on sidebar (and later the extension) shows it. */
export interface TrackerStatus {
  spreadsheetName: string;
  /** The schema version recorded in the spreadsheet; null if Rounds never set it up. */
  foundVersion: number | null;
  currentVersion: number;
  tabsPresent: string[];
  tabsMissing: string[];
  /** Rounds columns an existing tab lacks, by tab name. */
  columnsMissing: { tab: string; headers: string[] }[];
  /** set-up: nothing there yet · upgrade: something to add · up-to-date · newer: made by a newer Rounds. */
  action: 'set-up' | 'upgrade' | 'up-to-date' | 'newer';
  message: string;
}

export function trackerStatus(spreadsheetName: string, state: SpreadsheetState): TrackerStatus {
  const tabsPresent = TABS.filter((t) => findTab(t, state.tabs)).map((t) => t.name);
  const tabsMissing = TABS.filter((t) => !findTab(t, state.tabs)).map((t) => t.name);
  const base = {
    spreadsheetName,
    foundVersion: state.version,
    currentVersion: SHEET_SCHEMA_VERSION,
    tabsPresent,
    tabsMissing,
  };
  let steps;
  try {
    steps = planMigration(state);
  } catch (error) {
    if (!(error instanceof NewerSchemaError)) throw error;
    return { ...base, columnsMissing: [], action: 'newer', message: error.message };
  }
  const columnsMissing = steps.flatMap((s) =>
    s.type === 'addColumns' ? [{ tab: tabByKey(s.tab).name, headers: s.headers }] : [],
  );
  if (!steps.length)
    return {
      ...base,
      columnsMissing,
      action: 'up-to-date',
      message: `This spreadsheet is the network tracker, up to date at schema version ${SHEET_SCHEMA_VERSION}.`,
    };
  if (state.version === null && !tabsPresent.length)
    return {
      ...base,
      columnsMissing,
      action: 'set-up',
      message: `Set up adds the ${TABS.length} tracker tabs to this spreadsheet. Tabs already here are kept as they are.`,
    };
  return {
    ...base,
    columnsMissing,
    action: 'upgrade',
    message:
      'Upgrade adds the missing tabs and columns. Nothing is removed or moved: columns you added stay where they are.',
  };
}
