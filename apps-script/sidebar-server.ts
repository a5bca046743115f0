// The server half of the sidebar: opening it, and the two functions its google.script.run calls reach.
import { activeDocumentName, activeEditorUi } from './services/editor';
import type { SidebarState, SupportLook, TrackerRefreshResult, TrackerSetUpResult } from './sidebar-contract';
import { runAskForSupport, runBuildTracker, runLookAtSupport } from './tracker/refresh-commands';
import { readTrackerState } from './tracker/set-up-tracker';
import { openWorkbook, runTrackerSetUp } from './tracker/tracker-commands';
import { trackerStatus } from '../shared/tracker/tracker-status';

/** Menu: Open Rounds sidebar. */
export function showSidebar(): void {
  activeEditorUi().showSidebar();
}

/** google.script.run: what the sidebar shows for the open file. */
export function getSidebarState(): SidebarState {
  if (activeEditorUi().kind === 'document') {
    const documentName = activeDocumentName();
    if (documentName === null)
      throw new Error('Rounds could not find the open document. Reload it and try again.');
    return { kind: 'document', documentName };
  }
  const workbook = openWorkbook();
  return { kind: 'spreadsheet', tracker: trackerStatus(workbook.name(), readTrackerState(workbook)) };
}

/** google.script.run: the sidebar's Set up / Upgrade button. */
export function setUpTrackerFromSidebar(): TrackerSetUpResult {
  return runTrackerSetUp();
}

/** google.script.run: the sidebar's Build / refresh tracker button. */
export function refreshTrackerFromSidebar(): TrackerRefreshResult {
  return runBuildTracker();
}

/** google.script.run: who has not been supported lately, read without changing anything. */
export function getSupportLook(): SupportLook {
  return runLookAtSupport();
}

/** google.script.run: a principal's "Ask my ILD for support" button; the note is theirs, kept short. */
export function askForSupportFromSidebar(school: string, note: string): string {
  return runAskForSupport(String(school ?? ''), typeof note === 'string' ? note.slice(0, 1000) : '');
}
