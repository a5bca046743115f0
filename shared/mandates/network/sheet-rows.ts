// A tab of the network spreadsheet as a list of rows, read by header text (so the network's own columns and
// column order do not matter), each row with its sheet row number. Problems name where they are the way a
// person finds them: `Rules, row 7, column "Tier": …`. Input is the tab's values as Sheets returns them
// (values.batchGet, or a CSV export parsed into rows): the header row first.
import { rowToRecord, tabByKey, type CellValue, type TabKey, type TabSpec } from '../../schema/sheet';

export type SheetValues = readonly (readonly CellValue[])[];

export interface SheetRow {
  /** 1-based row number as Sheets shows it (the header is row 1). */
  row: number;
  record: Record<string, CellValue>;
}

/** The rows of a tab that hold anything Rounds knows; blank rows are left out. */
export function readRows(key: TabKey, values: SheetValues | undefined): { tab: TabSpec; rows: SheetRow[] } {
  const tab = tabByKey(key);
  const [header = [], ...rows] = values ?? [];
  const out: SheetRow[] = [];
  rows.forEach((cells, i) => {
    const record = rowToRecord(tab, header, cells ?? []);
    if (Object.keys(record).some((k) => k !== 'id')) out.push({ row: i + 2, record });
  });
  return { tab, rows: out };
}

/** A cell as trimmed text; empty for an empty cell. */
export function cellText(value: CellValue | undefined): string {
  return value === undefined || value === null ? '' : String(value).trim();
}

/** The header of a column of a tab, as the schema names it. */
export function headerOf(tab: TabSpec, key: string): string {
  return tab.columns.find((c) => c.key === key)?.header ?? key;
}

/** `Rules, row 7, column "Tier": <what>` — where a person finds the cell, then what is wrong with it. */
export function cellProblem(tab: TabSpec, row: number, key: string | undefined, what: string): string {
  const where = key ? `${tab.name}, row ${row}, column "${headerOf(tab, key)}"` : `${tab.name}, row ${row}`;
  return `${where}: ${what}`;
}

/** A day written in a cell as YYYY-MM-DD, a date-time, or a Sheets date serial; undefined when unreadable. */
export function cellDay(value: CellValue | undefined): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 20_000 && value < 80_000) {
    // Sheets serial days count from 1899-12-30.
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86_400_000).toISOString().slice(0, 10);
  }
  const raw = cellText(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(raw);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // Sheets' own US display of a date: 12/4/2026.
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (us) return validDay(Number(us[3]), Number(us[1]), Number(us[2]));
  return undefined;
}

function validDay(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.toISOString().slice(0, 10);
}
