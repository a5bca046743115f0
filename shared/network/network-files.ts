// Connecting Rounds to a network: create a new one (a root folder and the network spreadsheet, set up with
// the tracker plan the add-on applies) or join one a member picked, and bring its tracker up to date. Every
// step can be run again after a lost answer or a closed panel: the files are created under ids generated once
// and kept by the caller, and the tracker is re-read and re-planned before each write.
import type { Network } from '../domain';
import type { Drive, DriveFile } from '../google/drive';
import { FOLDER_MIME } from '../google/drive';
import { GoogleApiError } from '../google/errors';
import type { Sheets } from '../google/sheets';
import { createWithId, ensureBySource, getIfThere, type Ensured, type Source } from '../google/source-files';
import { planMigration } from '../schema/migration';
import { describeChanges, stateAfter } from '../tracker/tracker-changes';
import { trackerStatus, type TrackerStatus } from '../tracker/tracker-status';
import {
  SPREADSHEET_FIELDS,
  blankDefaultTab,
  headerRanges,
  readLayout,
  spreadsheetState,
  trackerRequests,
} from './tracker-requests';

export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
const ROOT_SOURCE: Source = { src: 'rounds', srcId: 'network-root' };
const SPREADSHEET_SOURCE: Source = { src: 'rounds', srcId: 'network-spreadsheet' };

export interface NetworkGoogle {
  drive: Drive;
  sheets: Sheets;
}

/** What "Create a network" needs to be repeatable: the name and two ids reserved once, stored with the job. */
export interface NewNetworkPlan {
  name: string;
  rootFolderId: string;
  spreadsheetId: string;
}

/** Reserves the two ids (one files.generateIds). Store the plan before calling createNetwork. */
export async function planNewNetwork(
  drive: Pick<Drive, 'generateIds'>,
  name: string,
): Promise<NewNetworkPlan> {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new Error('A network needs a name.');
  if (clean.length > 200) throw new Error('A network name is at most 200 characters.');
  const [rootFolderId, spreadsheetId] = await drive.generateIds(2);
  if (!rootFolderId || !spreadsheetId)
    throw new Error('Drive did not hand out the two ids Rounds asked for.');
  return { name: clean, rootFolderId, spreadsheetId };
}

export interface TrackerSetUp {
  /** The sentence the panel shows ("Added tabs: …" or "already up to date"). */
  report: string;
  tracker: TrackerStatus;
  /** Sheets requests made: two reads, and one batchUpdate when anything changed. */
  requests: number;
}

export interface ConnectedNetwork {
  network: Network;
  created: { rootFolder: boolean; spreadsheet: boolean };
  tracker: TrackerSetUp;
}

/**
 * Creates the network's root folder (in My Drive) and its spreadsheet inside it, then sets the tracker up.
 * Run again with the same plan, it finds both and changes nothing.
 */
export async function createNetwork(google: NetworkGoogle, plan: NewNetworkPlan): Promise<ConnectedNetwork> {
  const { drive } = google;
  const root = await createWithId(drive, {
    id: plan.rootFolderId,
    folderId: 'root',
    source: ROOT_SOURCE,
    metadata: { name: plan.name, mimeType: FOLDER_MIME },
    create: (m) => drive.create(m),
    maybeMade: true,
  });
  const rootFolderId = root.file.id ?? plan.rootFolderId;
  const sheet = await createSpreadsheetFile(drive, rootFolderId, plan);
  const spreadsheetId = sheet.file.id ?? plan.spreadsheetId;
  const tracker = await setUpNetworkTracker(google.sheets, spreadsheetId, { madeByRounds: true });
  return {
    network: { id: spreadsheetId, name: plan.name, rootFolderId, spreadsheetId },
    created: { rootFolder: root.created, spreadsheet: sheet.created },
    tracker,
  };
}

/** The spreadsheet as a Drive file, so it gets a parent, tags and a reserved id (Sheets' create offers none). */
async function createSpreadsheetFile(
  drive: Drive,
  rootFolderId: string,
  plan: NewNetworkPlan,
): Promise<Ensured> {
  const metadata: DriveFile = { name: `${plan.name} — Rounds tracker`, mimeType: SPREADSHEET_MIME };
  try {
    return await createWithId(drive, {
      id: plan.spreadsheetId,
      folderId: rootFolderId,
      source: SPREADSHEET_SOURCE,
      metadata,
      create: (m) => drive.create(m),
      maybeMade: true,
    });
  } catch (error) {
    // Should Google refuse a reserved id for a Google Sheets file, the tag in the new root folder (which only
    // Rounds writes to at this point) still keeps a re-run from making a second spreadsheet.
    if (!(error instanceof GoogleApiError) || error.status !== 400 || error.reason !== 'fileIdNotUsable')
      throw error;
    return ensureBySource(drive, rootFolderId, SPREADSHEET_SOURCE, metadata, (m) => drive.create(m));
  }
}

/**
 * Brings the network spreadsheet up to the current schema with the add-on's plan: two reads, then one atomic
 * batchUpdate. When its answer is lost the sheet is read and planned again, so nothing is added twice. A
 * spreadsheet set up by a newer Rounds, or with a damaged version marker, is refused before any write.
 */
export function setUpNetworkTracker(
  sheets: Sheets,
  spreadsheetId: string,
  options: { madeByRounds?: boolean } = {},
): Promise<TrackerSetUp> {
  return sheets.client.sequence(async () => {
    const { layout, headers, state } = await readTracker(sheets, spreadsheetId);
    const steps = planMigration(state);
    const dropBlankTab = options.madeByRounds ? blankDefaultTab(layout, headers) : undefined;
    const requests = trackerRequests(layout, state, steps, { dropBlankTab });
    if (requests.length) await sheets.batchUpdate(spreadsheetId, requests);
    const after = stateAfter(state, steps);
    if (dropBlankTab !== undefined) after.tabs = after.tabs.filter((t) => t.name !== layout.tabs[0]?.title);
    return {
      report: describeChanges(state.version, steps),
      tracker: trackerStatus(layout.title, after),
      requests: (headerRanges(layout).length ? 2 : 1) + (requests.length ? 1 : 0),
    };
  });
}

async function readTracker(sheets: Sheets, spreadsheetId: string) {
  const layout = readLayout(await sheets.get(spreadsheetId, { fields: SPREADSHEET_FIELDS }));
  const ranges = headerRanges(layout);
  const headers = ranges.length ? await sheets.batchGet(spreadsheetId, ranges) : {};
  return { layout, headers, state: spreadsheetState(layout, headers) };
}

/** A file the member has not granted Rounds yet (drive.file sees only files Rounds made or was given). */
export class NotVisibleError extends Error {
  constructor(
    readonly what: 'folder' | 'spreadsheet',
    readonly fileId: string,
  ) {
    super(
      `Rounds can't see this ${what === 'folder' ? "network's folder" : 'network spreadsheet'} yet — pick it, so Google lets Rounds open it.`,
    );
    this.name = 'NotVisibleError';
  }
}

export interface JoinedNetwork {
  network: Network;
  /** What is in the spreadsheet and what an upgrade would add (the same status the add-on's sidebar shows). */
  tracker: TrackerStatus;
  /** Notes for the member: the spreadsheet lives outside the folder, say. Nothing is moved to fix them. */
  notes: string[];
}

/**
 * Joins the network whose root folder and spreadsheet the member picked: checks both are visible and what
 * they are, and reads the tracker's status. Changes nothing; setUpNetworkTracker upgrades when asked.
 */
export async function joinNetwork(
  google: NetworkGoogle,
  picked: { rootFolderId: string; spreadsheetId: string },
): Promise<JoinedNetwork> {
  const folder = await visible(google.drive, picked.rootFolderId, 'folder');
  if (folder.mimeType !== FOLDER_MIME)
    throw new Error(`“${folder.name ?? picked.rootFolderId}” is not a folder: pick the network's folder.`);
  const file = await visible(google.drive, picked.spreadsheetId, 'spreadsheet');
  if (file.mimeType !== SPREADSHEET_MIME)
    throw new Error(
      `“${file.name ?? picked.spreadsheetId}” is not a Google Sheets file: pick the network spreadsheet.`,
    );
  let read;
  try {
    read = await readTracker(google.sheets, picked.spreadsheetId);
  } catch (error) {
    if (error instanceof GoogleApiError && (error.status === 404 || error.status === 403))
      throw new NotVisibleError('spreadsheet', picked.spreadsheetId);
    throw error;
  }
  const notes: string[] = [];
  if (!(file.parents ?? []).includes(picked.rootFolderId))
    notes.push(
      `The spreadsheet is not inside “${folder.name}”. That is fine: Rounds uses both where they are.`,
    );
  return {
    network: {
      id: picked.spreadsheetId,
      name: folder.name || read.layout.title || 'Network',
      rootFolderId: picked.rootFolderId,
      spreadsheetId: picked.spreadsheetId,
    },
    tracker: trackerStatus(read.layout.title, read.state),
    notes,
  };
}

async function visible(drive: Drive, fileId: string, what: 'folder' | 'spreadsheet'): Promise<DriveFile> {
  const found = await getIfThere(drive, fileId);
  if (!found) throw new NotVisibleError(what, fileId);
  return found;
}
