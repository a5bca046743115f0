// Shared pieces of spreadsheets.batchUpdate requests: finding the tab, clipping ranges to the grid, writing rows.
import { badRequest } from './errors';
import { isObject, rejectUnknownKeys } from './route';
import { writeCell } from './sheets-cells';
import {
  MAX_CELLS,
  cellCount,
  sheetById,
  type GridRange,
  type StoredSheet,
  type StoredSpreadsheet,
} from './sheets-model';

export type Payload = Record<string, unknown>;
export type Handler = (doc: StoredSpreadsheet, p: Payload, where: string) => Payload | undefined;
export type Handlers = Record<string, { keys: string[]; apply: Handler }>;

export const sheetOf = (doc: StoredSpreadsheet, sheetId: unknown, where: string): StoredSheet => {
  const sheet = sheetById(doc, typeof sheetId === 'number' ? sheetId : 0);
  if (!sheet) throw badRequest(`Invalid ${where}: No grid with id: ${String(sheetId ?? 0)}`);
  return sheet;
};

/** A GridRange clipped to its sheet's grid, refusing ranges that start outside it. */
export function gridSpan(
  doc: StoredSpreadsheet,
  range: unknown,
  where: string,
): { sheet: StoredSheet; r0: number; r1: number; c0: number; c1: number } {
  if (!isObject(range)) throw badRequest(`Invalid ${where}: range is required.`);
  rejectUnknownKeys(
    range,
    ['sheetId', 'startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex'],
    `${where}.range`,
  );
  const g = range as GridRange;
  const sheet = sheetOf(doc, g.sheetId, where);
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  const r0 = g.startRowIndex ?? 0;
  const c0 = g.startColumnIndex ?? 0;
  const r1 = g.endRowIndex ?? rowCount;
  const c1 = g.endColumnIndex ?? columnCount;
  if (r0 < 0 || c0 < 0 || r1 > rowCount || c1 > columnCount || r1 < r0 || c1 < c0) {
    throw badRequest(
      `Invalid ${where}: Range ([${r0}, ${r1}) x [${c0}, ${c1})) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`,
    );
  }
  return { sheet, r0, r1, c0, c1 };
}

export function dimensionSpan(
  doc: StoredSpreadsheet,
  range: unknown,
  where: string,
): { sheet: StoredSheet; rows: boolean; start: number; end: number } {
  if (!isObject(range)) throw badRequest(`Invalid ${where}: range is required.`);
  rejectUnknownKeys(range, ['sheetId', 'dimension', 'startIndex', 'endIndex'], `${where}.range`);
  const sheet = sheetOf(doc, range.sheetId, where);
  if (range.dimension !== 'ROWS' && range.dimension !== 'COLUMNS')
    throw badRequest(`Invalid ${where}: dimension must be ROWS or COLUMNS.`);
  const rows = range.dimension === 'ROWS';
  const limit = rows ? sheet.properties.gridProperties.rowCount : sheet.properties.gridProperties.columnCount;
  const start = Number(range.startIndex ?? 0);
  const end = Number(range.endIndex ?? limit);
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start))
    throw badRequest(`Invalid ${where}: the dimension range is empty or negative.`);
  return { sheet, rows, start, end };
}

/** `extra` checks cells about to be added, so a huge insert is refused before any work is done on it. */
export function checkCellLimit(doc: StoredSpreadsheet, extra = 0): void {
  if (cellCount(doc) + extra > MAX_CELLS)
    throw badRequest(
      `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
    );
}

export function writeRows(
  sheet: StoredSheet,
  rows: unknown,
  fields: unknown,
  r0: number,
  c0: number,
  where: string,
  limit?: { r1: number; c1: number },
): void {
  if (!Array.isArray(rows)) throw badRequest(`Invalid ${where}: rows must be a list.`);
  if (typeof fields !== 'string' || fields === '')
    throw badRequest(`Invalid ${where}: 'fields' is required.`, 'required');
  rows.forEach((row, i) => {
    if (!isObject(row)) throw badRequest(`Invalid ${where}.rows[${i}]: a row must be an object.`);
    rejectUnknownKeys(row, ['values'], `${where}.rows[${i}]`);
    const values = (row.values ?? []) as unknown[];
    values.forEach((cell, j) => {
      if (limit && (r0 + i >= limit.r1 || c0 + j >= limit.c1)) return;
      if (
        r0 + i >= sheet.properties.gridProperties.rowCount ||
        c0 + j >= sheet.properties.gridProperties.columnCount
      ) {
        throw badRequest(
          `Invalid ${where}: the rows do not fit in the grid (row ${r0 + i + 1}, column ${c0 + j + 1}).`,
        );
      }
      writeCell(sheet, r0 + i, c0 + j, cell, fields, `${where}.rows[${i}].values[${j}]`);
    });
  });
}
