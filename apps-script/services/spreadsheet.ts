// The only code that touches SpreadsheetApp: the open spreadsheet as a TrackerWorkbook. The narrow
// *Like interfaces name exactly the Apps Script calls used, so tests can fake them and count the calls.
import { SCHEMA_VERSION_METADATA_KEY, type CellValue } from '../../shared/schema/sheet';
import type { TabChange } from '../../shared/tracker/tracker-changes';
import type { TrackerWorkbook } from '../tracker/set-up-tracker';

export interface RangeLike {
  getValues(): unknown[][];
  setValues(values: CellValue[][]): unknown;
  setFontWeight(fontWeight: 'bold'): unknown;
  setNote(note: string): unknown;
}

export interface SheetLike {
  getName(): string;
  getLastColumn(): number;
  getMaxColumns(): number;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeLike;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
  hideColumns(columnIndex: number): unknown;
  setFrozenRows(rows: number): unknown;
}

export interface DeveloperMetadataLike {
  getValue(): string | null;
  setValue(value: string): unknown;
}

export interface SpreadsheetLike<Visibility> {
  getName(): string;
  getSheets(): SheetLike[];
  getSheetByName(name: string): SheetLike | null;
  getNumSheets(): number;
  insertSheet(sheetName: string, sheetIndex: number): SheetLike;
  createDeveloperMetadataFinder(): { withKey(key: string): { find(): DeveloperMetadataLike[] } };
  addDeveloperMetadata(key: string, value: string, visibility: Visibility): unknown;
}

/**
 * A spreadsheet as a TrackerWorkbook. `documentVisibility` is SpreadsheetApp's DOCUMENT visibility: the
 * version marker must be readable by the browser extension too, which is a different Cloud project.
 */
export function workbookOf<V>(spreadsheet: SpreadsheetLike<V>, documentVisibility: V): TrackerWorkbook {
  const markers = () =>
    spreadsheet.createDeveloperMetadataFinder().withKey(SCHEMA_VERSION_METADATA_KEY).find();
  // What read() found, so writing needs no second lookup (a read after a write forces Apps Script to flush).
  const found = new Map<string, SheetLike>();
  let foundMarkers: DeveloperMetadataLike[] | null = null;
  return {
    name: () => spreadsheet.getName(),
    read() {
      // Every read happens here, before any write: alternating reads and writes is what makes Apps Script slow.
      found.clear();
      const tabs = spreadsheet.getSheets().map((sheet) => {
        found.set(sheet.getName(), sheet);
        const width = sheet.getLastColumn();
        const row = width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []) : [];
        return { name: sheet.getName(), headerRow: row.map(toCell) };
      });
      foundMarkers = markers();
      return { versionMarkers: foundMarkers.map((m) => m.getValue()), tabs };
    },
    readVersionMarkers() {
      foundMarkers = markers();
      return foundMarkers.map((m) => m.getValue());
    },
    applyTabChange(change: TabChange) {
      const sheet = change.create
        ? spreadsheet.insertSheet(change.sheetName, spreadsheet.getNumSheets())
        : (found.get(change.sheetName) ?? spreadsheet.getSheetByName(change.sheetName));
      if (!sheet)
        throw new Error(
          `The “${change.sheetName}” tab disappeared while Rounds was updating it. Nothing else was changed in it; run the set-up again.`,
        );
      const room = sheet.getMaxColumns();
      if (room < change.width) sheet.insertColumnsAfter(room, change.width - room);
      if (change.cells.length)
        sheet.getRange(1, change.startColumn + 1, 1, change.cells.length).setValues([change.cells]);
      if (change.boldFrom !== null && change.width > change.boldFrom)
        sheet.getRange(1, change.boldFrom + 1, 1, change.width - change.boldFrom).setFontWeight('bold');
      for (const column of change.hideColumns) sheet.hideColumns(column + 1);
      if (change.freezeHeader) sheet.setFrozenRows(1);
      if (change.note) sheet.getRange(1, change.note.column + 1, 1, 1).setNote(change.note.text);
    },
    setSchemaVersion(version: number) {
      const [first] = foundMarkers ?? markers();
      if (first) first.setValue(String(version));
      else spreadsheet.addDeveloperMetadata(SCHEMA_VERSION_METADATA_KEY, String(version), documentVisibility);
    },
  };
}

/** The spreadsheet the add-on was opened in, or null when it runs in a Doc. */
export function activeWorkbook(): TrackerWorkbook | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return spreadsheet ? workbookOf(spreadsheet, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT) : null;
}

/** getValues returns Dates for date cells; a header is text, so anything else is read as its text. */
function toCell(value: unknown): CellValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return String(value);
}
