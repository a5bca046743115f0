// The Build / refresh tracker and support commands people run from the menu and the sidebar: they find the
// open spreadsheet, its lock and the day through services/, then run the refresh or the request.
import { activeEditorUi } from '../services/editor';
import { activeDocumentLock } from '../services/lock';
import { activeTrackerSheets } from '../services/tracker-sheets';
import { askForSupport, buildTracker, lookAtSupport, type RefreshResult } from './refresh-tracker';
import { openWorkbook } from './tracker-commands';

function openTrackerSheets() {
  const found = activeTrackerSheets();
  if (!found)
    throw new Error(
      'The network tracker lives in a spreadsheet. Open the network spreadsheet and choose Extensions → Rounds → Build / refresh tracker.',
    );
  return found;
}

export function runBuildTracker(): RefreshResult {
  const found = openTrackerSheets();
  return buildTracker({ workbook: openWorkbook(), lock: activeDocumentLock(), ...found });
}

export function runLookAtSupport() {
  return lookAtSupport(openTrackerSheets());
}

export function runAskForSupport(school: string, note: string): string {
  return askForSupport({ ...openTrackerSheets(), lock: activeDocumentLock() }, school, note);
}

/** Menu: Build / refresh tracker. The alert says what changed and every cell it could not read. */
export function refreshTracker(): void {
  const ui = activeEditorUi();
  let message: string;
  try {
    const result = runBuildTracker();
    message = result.problems.length
      ? `${result.report}\n\nCells to look at:\n${result.problems.join('\n')}`
      : result.report;
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  ui.alert('Build / refresh tracker', message);
}
