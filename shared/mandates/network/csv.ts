// CSV as Google Sheets exports a tab (File → Download → Comma-separated values): fields separated by commas,
// a field with a comma, quote or line break wrapped in double quotes with its quotes doubled, lines ending
// in CRLF or LF. Each record is one sheet row, so the record's index + 1 is the sheet's row number even
// when a cell holds line breaks.

export class CsvError extends Error {}

/** The records of a CSV text; a leading byte-order mark is ignored. Throws CsvError on an unclosed quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let quoteStartRow = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteStartRow = rows.length + 1;
      i++;
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 2;
    } else if (c === '\n' || c === '\r') {
      endRow();
      i++;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new CsvError(`row ${quoteStartRow}: a quoted cell is never closed (a missing ")`);
  if (field !== '' || row.length) endRow();
  return rows;
}
