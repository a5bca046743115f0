// How the sandbox keeps a spreadsheet: readable values per tab plus the Google objects (metadata, rules, charts)
// stored as Google sends them, and the helpers that keep row/column positions right when dimensions move.
import { randomInt } from 'node:crypto';

/** A cell as a person reading the JSON would want it: plain values, formulas marked as such, null for empty. */
export type CellValue = string | number | boolean | null | { formula: string };

/** Per-cell parts other than the value, kept only where set. */
export interface CellDetail {
  dataValidation?: unknown;
  userEnteredFormat?: unknown;
  note?: string;
}

export interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
  [key: string]: unknown;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: string;
  gridProperties: GridProperties;
  [key: string]: unknown;
}

export interface DimensionProps {
  hiddenByUser?: boolean;
  pixelSize?: number;
  [key: string]: unknown;
}

export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface DimensionRange {
  sheetId: number;
  dimension: 'ROWS' | 'COLUMNS';
  startIndex?: number;
  endIndex?: number;
}

export interface DeveloperMetadata {
  metadataId: number;
  metadataKey: string;
  metadataValue?: string;
  visibility: string;
  location: { spreadsheet?: boolean; sheetId?: number; dimensionRange?: DimensionRange };
}

export interface StoredSheet {
  properties: SheetProperties;
  values: CellValue[][];
  details: (Array<CellDetail | null> | null)[];
  rowProps: (DimensionProps | null)[];
  colProps: (DimensionProps | null)[];
  conditionalFormats: Array<{ ranges: GridRange[]; [key: string]: unknown }>;
  protectedRanges: Array<{ protectedRangeId: number; range?: GridRange; [key: string]: unknown }>;
  charts: Array<{ chartId: number; [key: string]: unknown }>;
}

export interface StoredSpreadsheet {
  spreadsheetId: string;
  properties: { title: string; [key: string]: unknown };
  sheets: StoredSheet[];
  developerMetadata: DeveloperMetadata[];
}

/** Google's own limit; the sandbox enforces it so a runaway writer fails here as it would there. */
export const MAX_CELLS = 10_000_000;

export const newNumericId = (taken: Set<number>): number => {
  for (;;) {
    const id = randomInt(1, 2_000_000_000);
    if (!taken.has(id)) return id;
  }
};

export function newSheet(
  properties: Partial<SheetProperties> & { sheetId: number; title: string; index: number },
): StoredSheet {
  const grid = (properties.gridProperties ?? {}) as Partial<GridProperties>;
  return {
    properties: {
      ...properties,
      sheetType: properties.sheetType ?? 'GRID',
      gridProperties: { ...grid, rowCount: grid.rowCount ?? 1000, columnCount: grid.columnCount ?? 26 },
    },
    values: [],
    details: [],
    rowProps: [],
    colProps: [],
    conditionalFormats: [],
    protectedRanges: [],
    charts: [],
  };
}

export function emptySpreadsheet(spreadsheetId: string, title: string): StoredSpreadsheet {
  return {
    spreadsheetId,
    properties: { title, locale: 'en_US', autoRecalc: 'ON_CHANGE', timeZone: 'Etc/GMT' },
    sheets: [newSheet({ sheetId: 0, title: 'Sheet1', index: 0 })],
    developerMetadata: [],
  };
}

export const sheetById = (doc: StoredSpreadsheet, sheetId: number | undefined): StoredSheet | undefined =>
  doc.sheets.find((s) => s.properties.sheetId === (sheetId ?? 0));

export function cellCount(doc: StoredSpreadsheet): number {
  return doc.sheets.reduce(
    (n, s) => n + s.properties.gridProperties.rowCount * s.properties.gridProperties.columnCount,
    0,
  );
}

/** Inserts (count > 0) or deletes (count < 0) positions in a sparse array. */
function spliceSparse<T>(list: T[], at: number, count: number, fill: () => T): void {
  if (at > list.length) return;
  if (count <= 0) {
    list.splice(at, -count);
    return;
  }
  // A loop rather than splice(at, 0, ...items): spreading hundreds of thousands of items overflows the stack.
  const tail = list.splice(at);
  for (let i = 0; i < count; i++) list.push(fill());
  for (const item of tail) list.push(item);
}

/** Moves a [start, end) span when `count` positions are inserted at `at` (count < 0: deleted). Null = span gone. */
export function shiftSpan(start: number, end: number, at: number, count: number): [number, number] | null {
  if (count > 0) {
    return [start >= at ? start + count : start, end > at ? end + count : end];
  }
  const delEnd = at - count;
  const cut = (i: number): number => (i <= at ? i : i >= delEnd ? i + count : at);
  const s = cut(start);
  const e = cut(end);
  return e > s ? [s, e] : null;
}

function shiftGridRange(range: GridRange, rows: boolean, at: number, count: number): GridRange | null {
  const [sKey, eKey] = rows
    ? (['startRowIndex', 'endRowIndex'] as const)
    : (['startColumnIndex', 'endColumnIndex'] as const);
  const span = shiftSpan(range[sKey] ?? 0, range[eKey] ?? Number.MAX_SAFE_INTEGER, at, count);
  if (!span) return null;
  const out = { ...range };
  if (range[sKey] !== undefined) out[sKey] = span[0];
  if (range[eKey] !== undefined) out[eKey] = span[1];
  return out;
}

/** Inserts or deletes rows/columns and moves everything anchored to them, as Sheets does. */
export function shiftDimension(
  doc: StoredSpreadsheet,
  sheet: StoredSheet,
  rows: boolean,
  at: number,
  count: number,
): void {
  const sheetId = sheet.properties.sheetId;
  if (rows) {
    spliceSparse(sheet.values, at, count, () => []);
    spliceSparse(sheet.details, at, count, () => null);
    spliceSparse(sheet.rowProps, at, count, () => null);
  } else {
    for (const row of sheet.values) spliceSparse(row, at, count, () => null);
    for (const row of sheet.details) if (row) spliceSparse(row, at, count, () => null);
    spliceSparse(sheet.colProps, at, count, () => null);
  }
  const grid = sheet.properties.gridProperties;
  if (rows) grid.rowCount += count;
  else grid.columnCount += count;

  doc.developerMetadata = doc.developerMetadata.filter((m) => {
    const d = m.location.dimensionRange;
    if (!d || d.sheetId !== sheetId || (d.dimension === 'ROWS') !== rows) return true;
    const span = shiftSpan(d.startIndex ?? 0, d.endIndex ?? Number.MAX_SAFE_INTEGER, at, count);
    if (!span) return false;
    if (d.startIndex !== undefined) d.startIndex = span[0];
    if (d.endIndex !== undefined) d.endIndex = span[1];
    return true;
  });
  for (const rule of sheet.conditionalFormats) {
    rule.ranges = rule.ranges
      .map((r) => shiftGridRange(r, rows, at, count))
      .filter((r): r is GridRange => r !== null);
  }
  sheet.conditionalFormats = sheet.conditionalFormats.filter((r) => r.ranges.length > 0);
  sheet.protectedRanges = sheet.protectedRanges.filter((p) => {
    if (!p.range) return true;
    const moved = shiftGridRange(p.range, rows, at, count);
    if (moved) p.range = moved;
    return moved !== null;
  });
}

export const trimRow = <T>(row: (T | null)[]): (T | null)[] => {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === undefined)) end--;
  return row.slice(0, end);
};
