// The tracker commands people run (menu items, and the sidebar button through sidebar-server.ts): they find
// the open spreadsheet and its lock through services/ and run the set-up; menu commands answer in an alert.
import { activeEditorUi } from '../services/editor';
import { activeDocumentLock } from '../services/lock';
import { activeWorkbook } from '../services/spreadsheet';
import type { TrackerSetUpResult } from '../sidebar-contract';
import { setUpTracker as setUpTrackerIn, type TrackerWorkbook } from './set-up-tracker';

const NOT_A_SPREADSHEET =
  'The network tracker lives in a spreadsheet. Open the network spreadsheet and choose Extensions → Rounds → Set up network tracker.';

export function openWorkbook(): TrackerWorkbook {
  const workbook = activeWorkbook();
  if (!workbook) throw new Error(NOT_A_SPREADSHEET);
  return workbook;
}

export function runTrackerSetUp(): TrackerSetUpResult {
  return setUpTrackerIn(openWorkbook(), activeDocumentLock());
}

/** Menu: Set up network tracker. */
export function setUpTracker(): void {
  reportInAlert('Set up network tracker');
}

/** Menu: Upgrade tracker. The same forward-only migration; the title says what the person asked for. */
export function upgradeTracker(): void {
  reportInAlert('Upgrade tracker');
}

function reportInAlert(title: string): void {
  const ui = activeEditorUi();
  let message: string;
  try {
    message = runTrackerSetUp().report;
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  ui.alert(title, message);
}
