// CellData on the wire (userEnteredValue, dataValidation, note, format) to and from the stored cells, with
// Google's field masks, and the grid data `spreadsheets.get` returns with includeGridData.
import { badRequest } from './errors';
import {
  trimRow,
  type CellDetail,
  type CellValue,
  type DeveloperMetadata,
  type StoredSheet,
} from './sheets-model';
import { formatNumber, isEmpty, setCell } from './sheets-values';
import { isObject } from './route';
import { metadataOut } from './sheets-metadata';

export function toExtendedValue(v: CellValue): Record<string, unknown> | undefined {
  if (v === null) return undefined;
  if (typeof v === 'object') return { formulaValue: v.formula };
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  return { stringValue: v };
}

export function fromExtendedValue(value: unknown, where: string): CellValue {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw badRequest(`Invalid ${where}: userEnteredValue must be an object.`);
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.numberValue === 'number') return value.numberValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  if (typeof value.formulaValue === 'string') return { formula: value.formulaValue };
  if (Object.keys(value).length === 0) return null;
  throw badRequest(`Invalid ${where}: unsupported userEnteredValue ${JSON.stringify(value)}.`);
}

/** The CellData for one stored cell, or null when it has nothing at all. */
export function cellData(sheet: StoredSheet, row: number, col: number): Record<string, unknown> | null {
  const v = sheet.values[row]?.[col] ?? null;
  const detail = sheet.details[row]?.[col] ?? null;
  if (isEmpty(v) && !detail) return null;
  const out: Record<string, unknown> = {};
  const entered = isEmpty(v) ? undefined : toExtendedValue(v);
  if (entered) {
    out.userEnteredValue = entered;
    if (!entered.formulaValue) {
      out.effectiveValue = entered;
      out.formattedValue =
        typeof v === 'number' ? formatNumber(v) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
    }
  }
  if (detail?.userEnteredFormat) out.userEnteredFormat = detail.userEnteredFormat;
  if (detail?.note) out.note = detail.note;
  if (detail?.dataValidation) out.dataValidation = detail.dataValidation;
  return out;
}

const CELL_KEYS = [
  'userEnteredValue',
  'userEnteredFormat',
  'note',
  'dataValidation',
  'effectiveValue',
  'formattedValue',
  'effectiveFormat',
  'hyperlink',
  'textFormatRuns',
  'pivotTable',
  'dataSourceTable',
  'dataSourceFormula',
  'chipRuns',
];
const WRITABLE = ['userEnteredValue', 'userEnteredFormat', 'note', 'dataValidation'];

/** Applies a CellData under a field mask ("*" or "userEnteredValue,note,userEnteredFormat.textFormat.bold"). */
export function writeCell(
  sheet: StoredSheet,
  row: number,
  col: number,
  data: unknown,
  fields: string,
  where: string,
): void {
  if (data !== null && data !== undefined && !isObject(data))
    throw badRequest(`Invalid ${where}: a cell must be an object.`);
  const cell = (data ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(cell)) {
    if (!CELL_KEYS.includes(key))
      throw badRequest(
        `Invalid JSON payload received. Unknown name "${key}" at '${where}': Cannot find field.`,
        'invalid',
      );
  }
  const paths = fields
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const top = new Set(paths.includes('*') ? WRITABLE : paths.map((p) => p.split('.')[0] as string));
  for (const key of top) {
    if (!WRITABLE.includes(key)) throw badRequest(`Invalid ${where}: field "${key}" cannot be written.`);
  }
  if (top.has('userEnteredValue')) setCell(sheet, row, col, fromExtendedValue(cell.userEnteredValue, where));
  const line = (sheet.details[row] ??= []) as (CellDetail | null)[];
  for (let i = 0; i < sheet.details.length; i++) sheet.details[i] ??= null;
  const detail: CellDetail = { ...(line[col] ?? {}) };
  if (top.has('note')) {
    if (typeof cell.note === 'string' && cell.note !== '') detail.note = cell.note;
    else delete detail.note;
  }
  if (top.has('dataValidation')) {
    if (cell.dataValidation) detail.dataValidation = cell.dataValidation;
    else delete detail.dataValidation;
  }
  if (top.has('userEnteredFormat')) {
    const nested = paths.filter((p) => p.startsWith('userEnteredFormat.'));
    if (nested.length && !paths.includes('userEnteredFormat')) {
      const format = structuredClone((detail.userEnteredFormat ?? {}) as Record<string, unknown>);
      for (const path of nested)
        copyPath(format, (cell.userEnteredFormat ?? {}) as Record<string, unknown>, path.split('.').slice(1));
      detail.userEnteredFormat = format;
    } else if (cell.userEnteredFormat) detail.userEnteredFormat = cell.userEnteredFormat;
    else delete detail.userEnteredFormat;
  }
  while (line.length <= col) line.push(null);
  line[col] = Object.keys(detail).length ? detail : null;
  sheet.details[row] = line.some((d) => d) ? trimRow(line) : null;
}

/** Copies one dotted field path from `source` into `target` (or removes it there when absent in source). */
export function copyPath(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  path: string[],
): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (rest.length === 0) {
    if (source[head] === undefined) delete target[head];
    else target[head] = structuredClone(source[head]);
    return;
  }
  const next = isObject(target[head]) ? (target[head] as Record<string, unknown>) : {};
  target[head] = next;
  copyPath(next, isObject(source[head]) ? (source[head] as Record<string, unknown>) : {}, rest);
}

/** Applies a whole field mask ("*" or "a,b.c") of `source` onto `target`. */
export function applyMask(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  fields: unknown,
  where: string,
): void {
  if (typeof fields !== 'string' || fields.trim() === '')
    throw badRequest(`Invalid ${where}: 'fields' is required.`, 'required');
  const paths = fields
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (paths.includes('*')) {
    for (const key of Object.keys(source)) target[key] = structuredClone(source[key]);
    return;
  }
  for (const path of paths) copyPath(target, source, path.split('.'));
}

/** One GridData block covering [startRow,endRow) × [startCol,endCol), as spreadsheets.get returns it. */
export function gridData(
  sheet: StoredSheet,
  metadata: DeveloperMetadata[],
  startRow: number,
  endRow: number,
  startCol: number,
  endCol: number,
): Record<string, unknown> {
  const rowData: unknown[] = [];
  for (let row = startRow; row < endRow; row++) {
    const values: unknown[] = [];
    for (let col = startCol; col < endCol; col++) values.push(cellData(sheet, row, col) ?? {});
    while (values.length && Object.keys(values[values.length - 1] as object).length === 0) values.pop();
    rowData.push(values.length ? { values } : {});
  }
  while (rowData.length && Object.keys(rowData[rowData.length - 1] as object).length === 0) rowData.pop();
  const dimension = (rows: boolean, index: number): Record<string, unknown> => {
    const props = (rows ? sheet.rowProps : sheet.colProps)[index] ?? {};
    const out: Record<string, unknown> = { pixelSize: rows ? 21 : 100, ...props };
    const attached = metadata.filter((m) => {
      const d = m.location.dimensionRange;
      return (
        d &&
        d.sheetId === sheet.properties.sheetId &&
        (d.dimension === 'ROWS') === rows &&
        (d.startIndex ?? 0) <= index &&
        index < (d.endIndex ?? Infinity)
      );
    });
    if (attached.length) out.developerMetadata = attached.map(metadataOut);
    return out;
  };
  const out: Record<string, unknown> = {
    rowData,
    rowMetadata: Array.from({ length: endRow - startRow }, (_, i) => dimension(true, startRow + i)),
    columnMetadata: Array.from({ length: endCol - startCol }, (_, i) => dimension(false, startCol + i)),
  };
  if (startRow) out.startRow = startRow;
  if (startCol) out.startColumn = startCol;
  return out;
}
