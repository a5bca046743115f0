// A1 notation: "'Tab Name'!A1:C", "Sheet1!A:A", "2:5", "Sheet1" — parsed to zero-based, end-exclusive spans.
import { GoogleError } from './errors';
import type { StoredSheet, StoredSpreadsheet } from './sheets-model';

/** A resolved range; `endRow`/`endCol` undefined means open-ended (to the end of the grid). */
export interface A1Range {
  sheet: StoredSheet;
  startRow: number;
  endRow?: number;
  startCol: number;
  endCol?: number;
}

export const unparsable = (text: string): GoogleError =>
  new GoogleError(400, `Unable to parse range: ${text}`, 'badRequest');

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const columnIndex = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;

/** Quotes a tab name when Google would: anything beyond letters, digits and underscores. */
export const quoteSheet = (title: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(title) && !/^[A-Za-z]{1,3}\d+$/.test(title)
    ? title
    : `'${title.replace(/'/g, "''")}'`;

function splitSheet(text: string): { sheet?: string; ref?: string } {
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    for (; i < text.length; i++) {
      if (text[i] === "'" && text[i + 1] === "'") {
        name += "'";
        i++;
      } else if (text[i] === "'") break;
      else name += text[i];
    }
    if (i >= text.length) throw unparsable(text);
    const rest = text.slice(i + 1);
    if (rest === '') return { sheet: name };
    if (!rest.startsWith('!')) throw unparsable(text);
    return { sheet: name, ref: rest.slice(1) };
  }
  const bang = text.lastIndexOf('!');
  return bang === -1 ? { ref: text } : { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
}

type Corner = { col?: number; row?: number };

function corner(part: string): Corner | null {
  const m = /^(?:\$?([A-Za-z]{1,3}))?(?:\$?(\d{1,7}))?$/.exec(part);
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) - 1 : undefined;
  if (row !== undefined && row < 0) return null;
  return { col: m[1] ? columnIndex(m[1]) : undefined, row };
}

function parseRef(ref: string): Omit<A1Range, 'sheet'> | null {
  const [a = '', b, extra] = ref.split(':');
  if (extra !== undefined) return null;
  const first = corner(a);
  if (!first) return null;
  if (b === undefined) {
    if (first.col === undefined || first.row === undefined) return null;
    return { startRow: first.row, endRow: first.row + 1, startCol: first.col, endCol: first.col + 1 };
  }
  const second = corner(b);
  if (!second) return null;
  // Allowed: A1:B2, A5:B (open rows), A:B, A:B5, and row-only 2:5; anything else is not a range.
  const [hasC1, hasR1, hasC2, hasR2] = [
    first.col !== undefined,
    first.row !== undefined,
    second.col !== undefined,
    second.row !== undefined,
  ];
  if (!((hasC1 && hasC2) || (!hasC1 && hasR1 && !hasC2 && hasR2))) return null;
  const rows = [first.row ?? 0, second.row];
  const cols = [first.col ?? 0, second.col];
  const [sr, er] =
    second.row === undefined
      ? [rows[0] as number, undefined]
      : [Math.min(rows[0] as number, second.row), Math.max(rows[0] as number, second.row) + 1];
  const [sc, ec] =
    second.col === undefined
      ? [cols[0] as number, undefined]
      : [Math.min(cols[0] as number, second.col), Math.max(cols[0] as number, second.col) + 1];
  return { startRow: sr, endRow: er, startCol: sc, endCol: ec };
}

const findSheet = (doc: StoredSpreadsheet, title: string): StoredSheet | undefined =>
  doc.sheets.find((s) => s.properties.title.toLowerCase() === title.toLowerCase());

export function parseA1(doc: StoredSpreadsheet, text: string): A1Range {
  const trimmed = text.trim();
  if (trimmed === '') throw unparsable(text);
  const { sheet: title, ref } = splitSheet(trimmed);
  if (title === undefined) {
    // No "!": a tab's name wins over a cell reference, as in Sheets.
    const named = findSheet(doc, trimmed);
    if (named) return { sheet: named, startRow: 0, startCol: 0 };
    const first = doc.sheets[0];
    const parsed = ref ? parseRef(ref) : null;
    if (!first || !parsed) throw unparsable(text);
    return { sheet: first, ...parsed };
  }
  const sheet = findSheet(doc, title);
  if (!sheet) throw unparsable(text);
  if (ref === undefined) return { sheet, startRow: 0, startCol: 0 };
  const parsed = parseRef(ref);
  if (!parsed) throw unparsable(text);
  return { sheet, ...parsed };
}

/** The range clipped to the grid, or 400 "exceeds grid limits" when it starts outside it (reads only). */
export function bounded(range: A1Range): Required<A1Range> {
  const { rowCount, columnCount } = range.sheet.properties.gridProperties;
  if (range.startRow >= rowCount || range.startCol >= columnCount) {
    throw new GoogleError(
      400,
      `Range (${formatRange(range.sheet.properties.title, range.startRow, range.startRow + 1, range.startCol, range.startCol + 1)}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`,
      'badRequest',
    );
  }
  return {
    ...range,
    endRow: Math.min(range.endRow ?? rowCount, rowCount),
    endCol: Math.min(range.endCol ?? columnCount, columnCount),
  };
}

export function formatRange(
  title: string,
  startRow: number,
  endRow: number,
  startCol: number,
  endCol: number,
): string {
  const a = `${columnName(startCol)}${startRow + 1}`;
  const b = `${columnName(endCol - 1)}${endRow}`;
  return `${quoteSheet(title)}!${a === b ? a : `${a}:${b}`}`;
}
