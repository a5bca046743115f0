// The network tracker's set-up and upgrade as Sheets REST data: the spreadsheet's state read from one
// spreadsheets.get and one values.batchGet, and the shared plan (shared/tracker, the same one the Apps Script
// add-on applies) turned into the requests of ONE batchUpdate, which Google applies atomically.
import { SCHEMA_VERSION_METADATA_KEY, TABS, normalizeHeader, type CellValue } from '../schema/sheet';
import { type MigrationStep, type SpreadsheetState } from '../schema/migration';
import type { BatchGetResponse, SheetsRequest, Spreadsheet } from '../google/sheets';
import { a1 } from '../google/sheets';
import { parseSchemaVersion, tabChanges } from '../tracker/tracker-changes';

/** What spreadsheets.get is asked for: every tab's id, title and size, and the spreadsheet's own metadata. */
export const SPREADSHEET_FIELDS =
  'properties.title,sheets.properties(sheetId,title,index,gridProperties(rowCount,columnCount)),developerMetadata(metadataId,metadataKey,metadataValue)';

export interface SheetTab {
  sheetId: number;
  title: string;
  columnCount: number;
}

/** The spreadsheet as Rounds needs it to plan: its name, tabs, version markers. */
export interface SpreadsheetLayout {
  title: string;
  tabs: SheetTab[];
  versionMarkers: { metadataId?: number; value: string | null }[];
}

export function readLayout(got: Spreadsheet): SpreadsheetLayout {
  const tabs = (got.sheets ?? []).flatMap((s) => {
    const p = s.properties;
    if (p?.sheetId === undefined || p.sheetId === null || !p.title) return [];
    return [{ sheetId: p.sheetId, title: p.title, columnCount: p.gridProperties?.columnCount ?? 26 }];
  });
  const versionMarkers = (got.developerMetadata ?? [])
    .filter((m) => m.metadataKey === SCHEMA_VERSION_METADATA_KEY)
    .map((m) => ({ metadataId: m.metadataId ?? undefined, value: m.metadataValue ?? null }));
  return { title: got.properties?.title ?? '', tabs, versionMarkers };
}

/**
 * The ranges one batchGet reads: the header row of each of Rounds' tabs (the network's other tabs are theirs),
 * and, for a spreadsheet whose only tab is not Rounds', the top of that tab, to tell Google's blank "Sheet1".
 */
export function headerRanges(layout: SpreadsheetLayout): string[] {
  return readTabs(layout).map((r) => a1(r.tab.title, r.rows));
}

function readTabs(layout: SpreadsheetLayout): { tab: SheetTab; rows: string }[] {
  const names = new Set(TABS.map((t) => normalizeHeader(t.name)));
  const ours = layout.tabs.filter((t) => names.has(normalizeHeader(t.title)));
  if (ours.length === 0 && layout.tabs.length === 1) return [{ tab: layout.tabs[0]!, rows: '1:50' }];
  return ours.map((tab) => ({ tab, rows: '1:1' }));
}

/** The planner's input; a damaged version marker is refused here with a sentence, before anything is written. */
export function spreadsheetState(layout: SpreadsheetLayout, headers: BatchGetResponse): SpreadsheetState {
  const rows = headers.valueRanges ?? [];
  const read = readTabs(layout);
  const tabs = layout.tabs.map((t) => {
    const at = read.findIndex((r) => r.tab === t);
    const headerRow = (at >= 0 ? (rows[at]?.values?.[0] ?? []) : []) as CellValue[];
    return { name: t.title, headerRow };
  });
  return { version: parseSchemaVersion(layout.versionMarkers.map((m) => m.value)), tabs };
}

/**
 * The lone tab of a spreadsheet Rounds has not set up, when nothing is written in its first 50 rows: the
 * "Sheet1" Google makes with every new spreadsheet. Callers only drop it from a spreadsheet Rounds created.
 */
export function blankDefaultTab(layout: SpreadsheetLayout, headers: BatchGetResponse): number | undefined {
  const read = readTabs(layout);
  if (layout.versionMarkers.length || read.length !== 1 || read[0]!.rows === '1:1') return undefined;
  const values = headers.valueRanges?.[0]?.values ?? [];
  const blank = values.every((row) =>
    row.every((c) => c === null || c === undefined || String(c).trim() === ''),
  );
  return blank ? read[0]!.tab.sheetId : undefined;
}

export interface RequestOptions {
  /** A lone, empty tab of a spreadsheet Rounds itself just made ("Sheet1"): removed once the tabs are added. */
  dropBlankTab?: number;
}

/** Every change of the plan as one batchUpdate's requests; an up-to-date sheet yields none. */
export function trackerRequests(
  layout: SpreadsheetLayout,
  state: SpreadsheetState,
  steps: readonly MigrationStep[],
  options: RequestOptions = {},
): SheetsRequest[] {
  const requests: SheetsRequest[] = [];
  const taken = new Set(layout.tabs.map((t) => t.sheetId));
  let nextIndex = layout.tabs.length;
  for (const change of tabChanges(state, steps)) {
    let sheetId: number;
    if (change.create) {
      // New tabs get ids chosen here, so the same batchUpdate can write their headers.
      sheetId = freeSheetId(taken);
      requests.push({
        addSheet: {
          properties: {
            sheetId,
            title: change.sheetName,
            index: nextIndex++,
            gridProperties: {
              rowCount: 1000,
              columnCount: Math.max(26, change.width),
              frozenRowCount: change.freezeHeader ? 1 : 0,
            },
          },
        },
      });
    } else {
      const tab = layout.tabs.find((t) => normalizeHeader(t.title) === normalizeHeader(change.sheetName));
      if (!tab)
        throw new Error(`The “${change.sheetName}” tab disappeared while Rounds was reading it; try again.`);
      sheetId = tab.sheetId;
      if (tab.columnCount < change.width)
        requests.push({
          appendDimension: { sheetId, dimension: 'COLUMNS', length: change.width - tab.columnCount },
        });
    }
    if (change.cells.length)
      requests.push({
        updateCells: {
          start: { sheetId, rowIndex: 0, columnIndex: change.startColumn },
          rows: [
            { values: change.cells.map((c) => ({ userEnteredValue: { stringValue: String(c ?? '') } })) },
          ],
          fields: 'userEnteredValue',
        },
      });
    if (change.boldFrom !== null && change.width > change.boldFrom)
      requests.push({
        repeatCell: {
          range: {
            sheetId,
            startRowIndex: 0,
            endRowIndex: 1,
            startColumnIndex: change.boldFrom,
            endColumnIndex: change.width,
          },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: 'userEnteredFormat.textFormat.bold',
        },
      });
    for (const column of change.hideColumns)
      requests.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
          properties: { hiddenByUser: true },
          fields: 'hiddenByUser',
        },
      });
    if (change.note)
      requests.push({
        updateCells: {
          start: { sheetId, rowIndex: 0, columnIndex: change.note.column },
          rows: [{ values: [{ note: change.note.text }] }],
          fields: 'note',
        },
      });
  }
  const setVersion = steps.find((s) => s.type === 'setVersion');
  if (setVersion) requests.push(versionRequest(layout, setVersion.version));
  if (options.dropBlankTab !== undefined && requests.some((r) => r.addSheet))
    requests.push({ deleteSheet: { sheetId: options.dropBlankTab } });
  return requests;
}

/**
 * The version marker, as the add-on writes it: developer metadata on the spreadsheet, DOCUMENT visibility so
 * the add-on and the extension (two Cloud projects) both read it.
 */
function versionRequest(layout: SpreadsheetLayout, version: number): SheetsRequest {
  const marker = layout.versionMarkers.find((m) => m.metadataId !== undefined);
  if (marker)
    return {
      updateDeveloperMetadata: {
        dataFilters: [{ developerMetadataLookup: { metadataId: marker.metadataId } }],
        developerMetadata: { metadataValue: String(version) },
        fields: 'metadataValue',
      },
    };
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: SCHEMA_VERSION_METADATA_KEY,
        metadataValue: String(version),
        location: { spreadsheet: true },
        visibility: 'DOCUMENT',
      },
    },
  };
}

function freeSheetId(taken: Set<number>): number {
  // Small, readable ids in a range Google's own (random, large) ids practically never use.
  let id = 1001;
  while (taken.has(id)) id++;
  taken.add(id);
  return id;
}
