// A1 notation for the fakes: "A2:W", "1:1", "A3:B12" → 0-based row and column with a size, as Sheets
// resolves them (an open end runs to the sheet's last row or column).

export function parseA1(
  a1: string,
  maxColumns: number,
  maxRows: number,
): { row: number; column: number; numRows: number; numColumns: number } {
  const rowsOnly = /^(\d+):(\d+)$/.exec(a1);
  if (rowsOnly) {
    const from = Number(rowsOnly[1]);
    return { row: from - 1, column: 0, numRows: Number(rowsOnly[2]) - from + 1, numColumns: maxColumns };
  }
  const m = /^([A-Z]+)(\d+)?(?::([A-Z]+)(\d+)?)?$/.exec(a1);
  if (!m) throw new Error(`Range not found: ${a1}`);
  const column = columnIndex(m[1]!);
  const endColumn = m[3] ? columnIndex(m[3]) : column;
  const row = m[2] ? Number(m[2]) - 1 : 0;
  const endRow = m[4] ? Number(m[4]) - 1 : m[3] ? maxRows - 1 : row;
  if (endColumn >= maxColumns)
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  return { row, column, numRows: endRow - row + 1, numColumns: endColumn - column + 1 };
}

function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}
