// The server half of the sidebar: opening it, and the two functions its google.script.run calls reach.
import { activeDocumentName, activeEditorUi } from './services/editor';
import type { SidebarState, TrackerSetUpResult } from './sidebar-contract';
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
