// What the sidebar and the server side say to each other through google.script.run: plain JSON-safe data,
// shared by both halves so a renamed field breaks the type check instead of the sidebar.
import type { TrackerStatus } from '../shared/tracker/tracker-status';

export type { TrackerStatus };

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
