// A tab of the network spreadsheet as Refresh tracker reads it: rows as records by header text, every
// cell's A1 address for messages, and hand-edits (blank rows, text where a date belongs, missing columns)
// turned into sentences that name the cell — the row is still used for everything else it holds.
import { columnPositions, findTab, normalizeHeader, type CellValue, type TabSpec } from '../schema/sheet';

/** A tab as read: its name in this spreadsheet and every row, the header row first. */
export interface TabSnapshot {
  name: string;
  values: readonly (readonly CellValue[])[];
}

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  cells: readonly CellValue[];
  get(key: string): CellValue | undefined;
}

export interface Table {
  spec: TabSpec;
  /** The tab's name as the network spelled it; null when the spreadsheet has no such tab. */
  sheetName: string | null;
  headerRow: readonly CellValue[];
  positions: Map<string, number>;
  rows: TableRow[];
  /** 1-based sheet rows left blank between rows that hold data. */
  blankRows: number[];
}

/** Column letters for a 0-based column: 0 → A, 26 → AA. */
export function columnLetter(column: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A cell's address as Sheets shows it: Filings!B14, with quotes when the tab name needs them. */
export function cellAddress(sheetName: string, row: number, column: number): string {
  const tab = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${tab}!${columnLetter(column)}${row}`;
}

export function readTable(spec: TabSpec, snapshots: readonly TabSnapshot[]): Table {
  const found = findTab(
    spec,
    snapshots.map((s) => ({ name: s.name, headerRow: s.values[0] ?? [], snapshot: s })),
  );
  if (!found) return { spec, sheetName: null, headerRow: [], positions: new Map(), rows: [], blankRows: [] };
  const values = found.snapshot.values;
  const headerRow = values[0] ?? [];
  const positions = columnPositions(spec, headerRow);
  const rows: TableRow[] = [];
  const blanks: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const cells = values[i] ?? [];
    if (cells.every(isEmpty)) {
      blanks.push(i + 1);
      continue;
    }
    rows.push({
      row: i + 1,
      cells,
      get: (key) => {
        const at = positions.get(key);
        return at === undefined ? undefined : cells[at];
      },
    });
  }
  // Only blank rows with data below them are hand-edits; the empty tail of a sheet is just room.
  const lastData = rows.at(-1)?.row ?? 0;
  return {
    spec,
    sheetName: found.name,
    headerRow,
    positions,
    rows,
    blankRows: blanks.filter((r) => r < lastData),
  };
}

export function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function text(value: CellValue | undefined): string {
  return isEmpty(value) ? '' : String(value).trim();
}

/** Names compare like headers: case, spacing and surrounding blanks do not make two schools. */
export const sameName = (a: CellValue | undefined, b: CellValue | undefined) =>
  normalizeHeader(a) !== '' && normalizeHeader(a) === normalizeHeader(b);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A cell as a calendar day (YYYY-MM-DD), or null when it holds no date. The adapter turns Sheets' date
 * cells into YYYY-MM-DD before they reach here; people also type 11/3/2026, 3 Nov 2026 or an ISO time.
 * Sheets serial numbers (days since 1899-12-30) are read too, since a date formatted as a number stays one.
 */
export function parseDay(value: CellValue | undefined): string | null {
  if (typeof value === 'number' && value > 20000 && value < 80000)
    return fromUtc(Date.UTC(1899, 11, 30) + value * 86400000);
  if (typeof value !== 'string') return null;
  const t = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.exec(t);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return valid(+m[3]!, +m[1]!, +m[2]!);
  m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(t);
  if (m) return valid(+m[3]!, MONTHS.indexOf(m[2]!.toLowerCase()) + 1, +m[1]!);
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (m) return valid(+m[3]!, MONTHS.indexOf(m[1]!.toLowerCase()) + 1, +m[2]!);
  return null;
}

function valid(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCMonth() !== month - 1) return null;
  return fromUtc(time);
}

function fromUtc(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** The Monday that starts the ISO week of a day. */
export function weekOf(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  return fromUtc(time - weekday * 86400000);
}

export const monthOf = (day: string) => day.slice(0, 7);

/** The later of two days, either of which may be missing. */
export function latest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
