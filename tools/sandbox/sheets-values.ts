// The values API: reading a range as rows or columns, writing RAW or USER_ENTERED input, appending after a table.
import { GoogleError, badRequest } from './errors';
import { bounded, formatRange, type A1Range } from './sheets-a1';
import {
  MAX_CELLS,
  cellCount,
  shiftDimension,
  trimRow,
  type CellValue,
  type StoredSheet,
  type StoredSpreadsheet,
} from './sheets-model';

export type Render = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
export type InputOption = 'RAW' | 'USER_ENTERED';

export const isEmpty = (v: CellValue | undefined): boolean => v === null || v === undefined || v === '';

/** Sheets' "General" number format shows up to ten significant digits. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** Formulas are stored, not evaluated: every render option shows the formula text (a documented sandbox limit). */
export function render(v: CellValue | undefined, option: Render): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.formula;
  if (option !== 'FORMATTED_VALUE') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** Turns one input value into a stored cell; `undefined` means "leave the cell as it is" (a JSON null). */
export function parseInput(value: unknown, option: InputOption): CellValue | undefined {
  if (value === null) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'string')
    throw badRequest(`Invalid values: ${JSON.stringify(value)} is not a string, number or boolean.`);
  if (option === 'RAW') return value;
  if (value.startsWith("'")) return value.slice(1);
  if (value.startsWith('=') && value.length > 1) return { formula: value };
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/.test(value.trim()) && /\d/.test(value)) {
    return Number(value.trim().replace(/,/g, ''));
  }
  return value;
}

export function parseRender(raw: string | null): Render {
  const v = raw ?? 'FORMATTED_VALUE';
  if (v !== 'FORMATTED_VALUE' && v !== 'UNFORMATTED_VALUE' && v !== 'FORMULA')
    throw badRequest(`Invalid value at 'value_render_option' (${v})`, 'invalid');
  return v;
}

export function parseInputOption(raw: unknown): InputOption {
  if (raw === undefined || raw === null || raw === '')
    throw badRequest("'valueInputOption' is required but not specified", 'required');
  if (raw !== 'RAW' && raw !== 'USER_ENTERED')
    throw badRequest(`Invalid value at 'value_input_option' (${String(raw)})`, 'invalid');
  return raw;
}

export function parseMajor(raw: unknown): 'ROWS' | 'COLUMNS' {
  const v = raw ?? 'ROWS';
  if (v !== 'ROWS' && v !== 'COLUMNS' && v !== 'DIMENSION_UNSPECIFIED')
    throw badRequest(`Invalid value at 'major_dimension' (${String(v)})`, 'invalid');
  return v === 'COLUMNS' ? 'COLUMNS' : 'ROWS';
}

/** A ValueRange for a read: trailing empty rows and cells trimmed, as Google does; no `values` when all empty. */
export function readRange(
  range: A1Range,
  major: 'ROWS' | 'COLUMNS',
  option: Render,
): Record<string, unknown> {
  const r = bounded(range);
  const rows: unknown[][] = [];
  for (let row = r.startRow; row < r.endRow; row++) {
    const source = r.sheet.values[row] ?? [];
    rows.push(
      trimRow(source.slice(r.startCol, r.endCol).map((v) => (isEmpty(v) ? null : v))).map((v) =>
        render(v, option),
      ),
    );
  }
  while (rows.length && rows[rows.length - 1]?.length === 0) rows.pop();
  let values: unknown[][] = rows;
  if (major === 'COLUMNS') {
    const width = Math.max(0, ...rows.map((row) => row.length));
    values = Array.from({ length: width }, (_, c) =>
      trimRow(rows.map((row) => (c < row.length ? row[c] : null)).map((v) => (v === '' ? null : v))).map(
        (v) => v ?? '',
      ),
    );
  }
  const out: Record<string, unknown> = {
    range: formatRange(r.sheet.properties.title, r.startRow, r.endRow, r.startCol, r.endCol),
    majorDimension: major,
  };
  if (values.length) out.values = values;
  return out;
}

function grow(doc: StoredSpreadsheet, sheet: StoredSheet, rows: number, cols: number): void {
  const grid = sheet.properties.gridProperties;
  const before = grid.rowCount * grid.columnCount;
  const after = Math.max(grid.rowCount, rows) * Math.max(grid.columnCount, cols);
  if (cellCount(doc) - before + after > MAX_CELLS) {
    throw badRequest(
      `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
    );
  }
  grid.rowCount = Math.max(grid.rowCount, rows);
  grid.columnCount = Math.max(grid.columnCount, cols);
}

export function setCell(sheet: StoredSheet, row: number, col: number, value: CellValue): void {
  const line = (sheet.values[row] ??= []);
  while (line.length < col) line.push(null);
  line[col] = value === '' ? null : value;
  sheet.values[row] = trimRow(line);
  for (let i = 0; i < sheet.values.length; i++) sheet.values[i] ??= [];
}

/** Writes a block at the range's top-left corner; the block may not spill out of a bounded range. */
export function writeRange(
  doc: StoredSpreadsheet,
  range: A1Range,
  input: unknown,
  major: 'ROWS' | 'COLUMNS',
  option: InputOption,
  requested: string,
): Record<string, unknown> {
  if (input !== undefined && !Array.isArray(input))
    throw badRequest("Invalid value at 'data.values': expected a list of lists.", 'invalid');
  let block = ((input as unknown[] | undefined) ?? []).map((row, i) => {
    if (!Array.isArray(row))
      throw badRequest(`Invalid value at 'data.values[${i}]': expected a list.`, 'invalid');
    return row as unknown[];
  });
  if (major === 'COLUMNS') {
    const height = Math.max(0, ...block.map((c) => c.length));
    block = Array.from({ length: height }, (_, r) => block.map((c) => (r < c.length ? c[r] : null)));
  }
  const height = block.length;
  const width = Math.max(0, ...block.map((row) => row.length));
  const { sheet, startRow, startCol } = range;
  // A single cell is only where the block starts (Google's convention); a larger range must hold the whole block.
  const anchorOnly = range.endRow === startRow + 1 && range.endCol === startCol + 1;
  if (
    !anchorOnly &&
    ((range.endRow !== undefined && startRow + height > range.endRow) ||
      (range.endCol !== undefined && startCol + width > range.endCol))
  ) {
    const overRow = range.endRow !== undefined && startRow + height > range.endRow;
    throw new GoogleError(
      400,
      `Requested writing within range [${requested}], but tried writing to ${overRow ? `row [${startRow + height}]` : `column [${startCol + width}]`}`,
      'badRequest',
    );
  }
  const parsed = block.map((row) => row.map((v) => parseInput(v, option)));
  grow(doc, sheet, startRow + height, startCol + width);
  parsed.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== undefined) setCell(sheet, startRow + r, startCol + c, value);
    }),
  );
  const title = sheet.properties.title;
  const cells = parsed.reduce((n, row) => n + row.length, 0);
  return {
    spreadsheetId: doc.spreadsheetId,
    updatedRange:
      height && width
        ? formatRange(title, startRow, startRow + height, startCol, startCol + width)
        : formatRange(title, startRow, startRow + 1, startCol, startCol + 1),
    updatedRows: height,
    updatedColumns: width,
    updatedCells: cells,
  };
}

/** Google's append finds the table the range points into and writes right after its last row. */
export function appendRange(
  doc: StoredSpreadsheet,
  range: A1Range,
  input: unknown,
  major: 'ROWS' | 'COLUMNS',
  option: InputOption,
  insertRows: boolean,
): Record<string, unknown> {
  const { sheet } = range;
  const width = Math.max(
    1,
    ...((Array.isArray(input) ? input : []) as unknown[][]).map((r) => (Array.isArray(r) ? r.length : 0)),
  );
  // A single-cell range names where the table starts, not its width.
  const anchorOnly = range.endRow === range.startRow + 1 && range.endCol === range.startCol + 1;
  const endCol =
    (anchorOnly ? undefined : range.endCol) ??
    Math.max(range.startCol + width, sheet.properties.gridProperties.columnCount);
  let last = -1;
  for (let row = range.startRow; row < sheet.values.length; row++) {
    const line = sheet.values[row] ?? [];
    if (line.slice(range.startCol, endCol).some((v) => !isEmpty(v))) last = row;
  }
  const at = last === -1 ? range.startRow : last + 1;
  const rowsNeeded = Array.isArray(input) ? input.length : 0;
  if (insertRows && at < sheet.properties.gridProperties.rowCount) {
    // INSERT_ROWS pushes whatever sits below the table down instead of overwriting it.
    shiftDimension(doc, sheet, true, at, rowsNeeded);
  }
  const title = sheet.properties.title;
  const updates = writeRange(
    doc,
    { sheet, startRow: at, startCol: range.startCol },
    input,
    major,
    option,
    title,
  );
  const out: Record<string, unknown> = { spreadsheetId: doc.spreadsheetId, updates };
  if (last !== -1) {
    let tableEnd = range.startCol + 1;
    for (let row = range.startRow; row <= last; row++)
      tableEnd = Math.max(tableEnd, Math.min(endCol, (sheet.values[row] ?? []).length));
    out.tableRange = formatRange(title, range.startRow, last + 1, range.startCol, tableEnd);
  }
  return out;
}

export function clearRange(range: A1Range): string {
  const r = bounded(range);
  for (let row = r.startRow; row < Math.min(r.endRow, r.sheet.values.length); row++) {
    const line = r.sheet.values[row];
    if (!line) continue;
    for (let col = r.startCol; col < Math.min(r.endCol, line.length); col++) line[col] = null;
    r.sheet.values[row] = trimRow(line);
  }
  return formatRange(r.sheet.properties.title, r.startRow, r.endRow, r.startCol, r.endCol);
}
