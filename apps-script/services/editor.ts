// The only code that touches the editors' UI and HtmlService: which editor the add-on runs in (Sheets or
// Docs), its add-on menu, alerts, the sidebar, and the open Doc's name.

export type EditorKind = 'spreadsheet' | 'document';

export interface MenuLike {
  addItem(caption: string, functionName: string): MenuLike;
  addSeparator(): MenuLike;
  addToUi(): void;
}

/** The editor's UI as the add-on uses it; alert always has one OK button. */
export interface EditorUi {
  kind: EditorKind;
  createAddonMenu(): MenuLike;
  alert(title: string, message: string): void;
  showSidebar(): void;
}

/** The sidebar file in dist/apps-script (Sidebar.html), served as it is: its JS and CSS are inlined. */
const SIDEBAR_FILE = 'Sidebar';
const SIDEBAR_TITLE = 'Rounds';

/**
 * The UI of the editor this run belongs to. One script serves Docs and Sheets, and getUi() is allowed even
 * before authorization (AuthMode.NONE), while SpreadsheetApp.getUi() throws outside Sheets: so try Sheets
 * first, then Docs.
 */
export function activeEditorUi(): EditorUi {
  let kind: EditorKind = 'spreadsheet';
  let ui: GoogleAppsScript.Base.Ui;
  try {
    ui = SpreadsheetApp.getUi();
  } catch {
    kind = 'document';
    ui = DocumentApp.getUi();
  }
  return {
    kind,
    createAddonMenu: () => ui.createAddonMenu(),
    alert: (title, message) => void ui.alert(title, message, ui.ButtonSet.OK),
    showSidebar: () =>
      ui.showSidebar(HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE)),
  };
}

/** The open Doc's name, or null when the add-on runs in a spreadsheet. */
export function activeDocumentName(): string | null {
  const document = DocumentApp.getActiveDocument();
  return document ? document.getName() : null;
}
