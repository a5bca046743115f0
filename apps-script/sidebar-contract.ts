// What the sidebar and the server side say to each other through google.script.run: plain JSON-safe data,
// shared by both halves so a renamed field breaks the type check instead of the sidebar.
import type { FlaggedPrincipal } from '../shared/tracker/refresh';
import type { TrackerStatus } from '../shared/tracker/tracker-status';
import type { ObservationServer } from './observation/contract';
import type { YearServer } from './year/year-contract';

export type { FlaggedPrincipal, TrackerStatus };

export type SidebarState =
  { kind: 'spreadsheet'; tracker: TrackerStatus } | { kind: 'document'; documentName: string };

/** The answer to the sidebar's "Set up"/"Upgrade" button: what changed, and the tracker afterwards. */
export interface TrackerSetUpResult {
  report: string;
  tracker: TrackerStatus;
}

/** The answer to Build / refresh: what changed, the cells it could not read, who needs support. */
export interface TrackerRefreshResult {
  report: string;
  problems: string[];
  flagged: FlaggedPrincipal[];
  tracker: TrackerStatus;
}

/** Principals the ILD has not supported lately, each with the kind of support that fits them. */
export interface SupportLook {
  flagged: FlaggedPrincipal[];
  problems: string[];
  supportWeeks: number;
  /** The schools on the Schools tab, for the principal to pick theirs when asking for support. */
  schools: string[];
}

/** What the Picker page needs to open Google's Picker for this user, in this spreadsheet. */
export interface PickerConfig {
  token: string;
  apiKey: string;
  /** The Cloud project number: setAppId, which drive.file grants require. */
  appId: string;
  spreadsheetId: string;
}

/** The server functions the sidebar calls; their names are top-level functions in Code.js. */
export interface SidebarServer extends ObservationServer, YearServer {
  getSidebarState(): SidebarState;
  setUpTrackerFromSidebar(): TrackerSetUpResult;
  refreshTrackerFromSidebar(): TrackerRefreshResult;
  getSupportLook(): SupportLook;
  askForSupportFromSidebar(school: string, note: string): string;
  getPickerConfig(): PickerConfig;
}
