// What the sidebar and the server side say to each other through google.script.run: plain JSON-safe data,
// shared by both halves so a renamed field breaks the type check instead of the sidebar.

/** The network tracker in the open spreadsheet, as the sidebar shows it. */
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

export type SidebarState =
  { kind: 'spreadsheet'; tracker: TrackerStatus } | { kind: 'document'; documentName: string };

/** The answer to the sidebar's "Set up"/"Upgrade" button: what changed, and the tracker afterwards. */
export interface TrackerSetUpResult {
  report: string;
  tracker: TrackerStatus;
}

/** The server functions the sidebar calls; their names are top-level functions in Code.js. */
export interface SidebarServer {
  getSidebarState(): SidebarState;
  setUpTrackerFromSidebar(): TrackerSetUpResult;
}
