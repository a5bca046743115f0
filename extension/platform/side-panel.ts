// Rounds' panel beside the page: Chrome's side panel, Firefox's sidebar. The two differ in what can be
// switched per tab and in when they may open; each difference is handled here and nowhere else.
import { browserApi } from './browser';

export const PANEL_PATH = 'sidepanel.html';

/** Off everywhere until a tab shows Gmail or a Doc. Chrome only: Firefox's sidebar is per window. */
export async function disablePanelByDefault(): Promise<void> {
  const api = browserApi();
  if (!api.sidePanel) return;
  await api.sidePanel.setOptions({ enabled: false });
  // The toolbar button opens the panel (Chrome 116+); without this a click on it would do nothing.
  await api.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
}

export async function enablePanel(tabId: number): Promise<void> {
  const api = browserApi();
  // Firefox has no per-tab enabling (sidebarAction.setPanel only swaps the page); the sidebar page itself
  // says when the tab is not Gmail or a Doc.
  if (!api.sidePanel) return;
  await api.sidePanel.setOptions({ tabId, path: PANEL_PATH, enabled: true });
}

export async function disablePanel(tabId: number): Promise<void> {
  const api = browserApi();
  if (!api.sidePanel) return;
  await api.sidePanel.setOptions({ tabId, enabled: false });
}

/**
 * Opens the panel for a tab. Must be called synchronously from the handler of a user gesture (Chrome
 * requires one for sidePanel.open, 116+). Firefox only honours sidebarAction.open() inside its own
 * user-action handlers (MDN "User actions"), and a content script's message is not one, so there the
 * promise rejects and the caller points the user to the toolbar button instead.
 */
export function openPanel(tabId: number): Promise<void> {
  const api = browserApi();
  if (api.sidePanel) return api.sidePanel.open({ tabId });
  if (api.sidebarAction) return api.sidebarAction.open();
  return Promise.reject(new Error('This browser has no side panel or sidebar.'));
}

/**
 * Firefox: the toolbar button toggles the sidebar (a click on it is user input, so this is allowed).
 * Chrome opens the panel from the button itself (openPanelOnActionClick) and never fires onClicked.
 */
export function toggleSidebarFromToolbar(): void {
  const api = browserApi();
  const sidebar = api.sidebarAction;
  if (!sidebar || !api.action?.onClicked) return;
  api.action.onClicked.addListener(() => {
    void sidebar.toggle();
  });
}
