// The network spreadsheet as Collect the visit uses it, through SpreadsheetApp: the few tabs it needs read
// once each (dates as YYYY-MM-DD), then one block written per tab. The *Like interfaces name the calls used.
import { normalizeHeader, type CellValue } from '../../shared/schema/sheet';
import type { BlockWrite } from '../../shared/observation/debrief-sheet';
import type { TabSnapshot } from '../../shared/tracker/table';

export interface VisitSheetLike {
  getName(): string;
  getDataRange(): { getValues(): unknown[][] };
  getRange(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ): { setValues(values: CellValue[][]): unknown };
  getMaxRows(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
}

export function visitSheetsOf(
  spreadsheet: { getSheets(): VisitSheetLike[] },
  formatDay: (date: Date) => string,
) {
  const sheets = new Map<string, VisitSheetLike>();
  return {
    /** The named tabs' cells (matched as headers are: case and spacing aside); other tabs come back empty. */
    read(tabNames: readonly string[]): TabSnapshot[] {
      const wanted = new Set(tabNames.map(normalizeHeader));
      sheets.clear();
      return spreadsheet.getSheets().map((sheet) => {
        const name = sheet.getName();
        sheets.set(name, sheet);
        if (!wanted.has(normalizeHeader(name))) return { name, values: [] };
        const values = sheet.getDataRange().getValues();
        return { name, values: values.map((row) => row.map((v) => toCell(v, formatDay))) };
      });
    },

    /** One block, in one write; rows are added first when the block runs past the sheet's last row. */
    write(block: BlockWrite): void {
      const sheet = sheets.get(block.sheetName);
      if (!sheet)
        throw new Error(
          `The “${block.sheetName}” tab disappeared while Rounds was collecting. Collect the visit again.`,
        );
      if (!block.values.length) return;
      const lastRow = block.row + block.values.length - 1;
      if (block.values.length > 1) {
        const room = sheet.getMaxRows();
        if (lastRow > room) sheet.insertRowsAfter(room, lastRow - room);
      }
      sheet
        .getRange(block.row, block.column, block.values.length, block.values[0]!.length)
        .setValues(block.values);
    },
  };
}

export type VisitSheets = ReturnType<typeof visitSheetsOf>;

function toCell(value: unknown, formatDay: (date: Date) => string): CellValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDay(value);
  return String(value);
}

/** The open spreadsheet, or null in a Doc; `now` as the spreadsheet's time zone reads it. */
export function activeVisitSheets(): { sheets: VisitSheets; now: string; newId: () => string } | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) return null;
  const zone = spreadsheet.getSpreadsheetTimeZone();
  return {
    sheets: visitSheetsOf(spreadsheet, (date) => Utilities.formatDate(date, zone, 'yyyy-MM-dd')),
    now: Utilities.formatDate(new Date(), zone, "yyyy-MM-dd'T'HH:mm"),
    newId: () => Utilities.getUuid(),
  };
}
