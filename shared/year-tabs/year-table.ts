// A year tab of the network spreadsheet (Meetings, Topics, Drivers…) read for the add-on: the rows by header
// text, plus every hand-edit turned into a sentence naming the cell — a blank row, text where a number or a
// date belongs, a column someone deleted — while everything else in the tab is still used.
import { tabByKey, type CellValue, type TabKey } from '../schema/sheet';
import {
  cellAddress,
  isEmpty,
  parseDay,
  readTable,
  text,
  type Table,
  type TableRow,
  type TabSnapshot,
} from '../tracker/table';

export interface YearTable {
  table: Table;
  /** The tab's name as this spreadsheet spells it (the schema's name when the tab is missing). */
  name: string;
  problems: string[];
  text(row: TableRow, key: string): string;
  /** A number, or null (a problem names the cell when it held something else). */
  number(row: TableRow, key: string, leftOut: string): number | null;
  /** A day as YYYY-MM-DD, or null (a problem names the cell when it held something that is not a date). */
  day(row: TableRow, key: string, leftOut: string): string | null;
  /** Text split on commas, semicolons and new lines: a list of schools, voters or team members. */
  list(row: TableRow, key: string): string[];
  address(row: number, key: string): string;
}

/**
 * Reads one year tab. Each of its columns that is missing (deleted by hand, or from before an upgrade) is
 * named, since Rounds reads the tab without it and Upgrade tracker puts it back; `named` narrows that to
 * the columns a command uses, for a tab another part of Rounds owns (Schools).
 */
export function readYearTable(
  key: TabKey,
  snapshots: readonly TabSnapshot[],
  named: readonly string[] = tabByKey(key)
    .columns.filter((c) => !c.hidden)
    .map((c) => c.key),
): YearTable {
  const spec = tabByKey(key);
  const table = readTable(spec, snapshots);
  const name = table.sheetName ?? spec.name;
  const problems: string[] = [];
  if (table.sheetName) {
    for (const r of table.blankRows)
      problems.push(
        `${cellAddress(name, r, 0)}: row ${r} is blank; Rounds skipped it and read the rows below.`,
      );
    const width = table.headerRow.length;
    for (const k of named)
      if (!table.positions.has(k)) {
        const header = spec.columns.find((c) => c.key === k)?.header ?? k;
        problems.push(
          `${cellAddress(name, 1, width)}: the “${header}” column is missing from ${name}, so Rounds read the tab without it. Extensions → Rounds → Upgrade tracker puts it back (at the end).`,
        );
      }
  }
  const cell = (row: TableRow, k: string): CellValue | undefined => row.get(k);
  const address = (row: number, k: string) => cellAddress(name, row, table.positions.get(k) ?? 0);
  return {
    table,
    name,
    problems,
    address,
    text: (row, k) => text(cell(row, k)),
    number(row, k, leftOut) {
      const raw = cell(row, k);
      if (isEmpty(raw)) return null;
      const value = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(/,/g, ''));
      if (typeof raw === 'boolean' || !Number.isFinite(value)) {
        problems.push(`${address(row.row, k)}: “${text(raw)}” is not a number; ${leftOut}`);
        return null;
      }
      return value;
    },
    day(row, k, leftOut) {
      const raw = cell(row, k);
      if (isEmpty(raw)) return null;
      const day = parseDay(raw);
      if (!day) problems.push(`${address(row.row, k)}: “${text(raw)}” is not a date; ${leftOut}`);
      return day;
    },
    list: (row, k) =>
      text(cell(row, k))
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
  };
}
