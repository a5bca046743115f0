// The add-on menu (Extensions → Rounds) for Sheets and Docs. It reads nothing, so it can be built in every
// authorization mode, including AuthMode.NONE before the user has authorized the add-on in this file.
import { activeEditorUi, type EditorKind, type EditorUi } from './services/editor';

/** A menu entry and the top-level Code.js function it runs; null is a separator. */
export type MenuEntry = { caption: string; functionName: string } | null;

export const MENUS: Readonly<Record<EditorKind, readonly MenuEntry[]>> = {
  spreadsheet: [
    { caption: 'Set up network tracker', functionName: 'setUpTracker' },
    { caption: 'Upgrade tracker', functionName: 'upgradeTracker' },
    { caption: 'Build / refresh tracker', functionName: 'refreshTracker' },
    { caption: 'Collect the latest visit', functionName: 'collectLatestVisit' },
    { caption: 'Draw run charts', functionName: 'drawRunChartsFromMenu' },
    { caption: 'Harvest the spotlight', functionName: 'harvestSpotlightFromMenu' },
    null,
    { caption: 'Connect the Rounds browser extension…', functionName: 'showConnectExtension' },
    { caption: 'Open Rounds sidebar', functionName: 'showSidebar' },
  ],
  document: [
    { caption: 'Insert observation form…', functionName: 'insertObservationFormFromMenu' },
    { caption: 'List untagged lines', functionName: 'listUntaggedLines' },
    null,
    { caption: 'Open Rounds sidebar', functionName: 'showSidebar' },
  ],
};

export function buildMenu(ui: EditorUi): void {
  const menu = ui.createAddonMenu();
  for (const entry of MENUS[ui.kind]) {
    if (entry) menu.addItem(entry.caption, entry.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function onOpen(_e?: GoogleAppsScript.Events.AppsScriptEvent): void {
  buildMenu(activeEditorUi());
}

/** Installing from the Marketplace runs onInstall, not onOpen, in the open file: build the menu there too. */
export function onInstall(e?: GoogleAppsScript.Events.AppsScriptEvent): void {
  onOpen(e);
}
