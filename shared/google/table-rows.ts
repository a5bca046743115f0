// Idempotent row appends to a table tab of the network spreadsheet: each row carries a stable id in the
// hidden id column and in row developer metadata; before appending, one batchGet reads the tab and only the
// rows not already there go out, in one batchUpdate that inserts them below the last row holding anything and
// tags exactly those rows, so the metadata is always on the row its data landed on.

import {
  type CellValue,
  ROW_ID_HEADER,
  ROW_ID_METADATA_KEY,
  type TabSpec,
  normalizeHeader,
  recordToRow,
  rowToRecord,
} from '../schema/sheet';
import { type Sheets, type SheetsRequest, a1 } from './sheets';

export interface TableRow {
  /** Stable id: the same filing, retried or filed twice, has the same id. */
  id: string;
  record: Readonly<Record<string, CellValue | undefined>>;
}

/** A row as found in the tab: its 0-based row index, its Rounds id (may be empty) and its known columns. */
export interface FoundRow {
  rowIndex: number;
  id: string;
  record: Record<string, CellValue>;
}

export interface TableContents {
  header: CellValue[];
  rows: FoundRow[];
  /** 0-based index just below the last row holding anything in any column (where appendCells would write). */
  nextRow: number;
}

export interface AppendResult {
  appended: string[];
  /** Ids found already in the tab (an earlier attempt or an earlier click wrote them). */
  alreadyThere: string[];
}

/** The tab is missing or lost its id column: a set-up problem to show the user, not something to retry. */
export class TableLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TableLayoutError';
  }
}

export class TableAppender {
  private sheetId?: number;

  constructor(
    private readonly sheets: Sheets,
    private readonly spreadsheetId: string,
    readonly tab: TabSpec,
  ) {}

  /**
   * Appends the rows whose ids are not in the tab yet. When the batchUpdate's answer is lost, the tab is
   * read again before anything is re-sent, so a row never lands twice.
   */
  append(rows: readonly TableRow[]): Promise<AppendResult> {
    return this.sheets.client.sequence(async () => {
      const sheetId = await this.findSheetId();
      const { header, rows: found, nextRow } = await this.read();
      const fresh: TableRow[] = [];
      const alreadyThere = new Set<string>();
      const existing = new Set(found.map((r) => r.id));
      const queued = new Set<string>();
      for (const row of rows) {
        if (existing.has(row.id)) alreadyThere.add(row.id);
        else if (!queued.has(row.id)) {
          queued.add(row.id);
          fresh.push(row);
        }
      }
      if (fresh.length > 0)
        await this.sheets.batchUpdate(this.spreadsheetId, this.requests(sheetId, header, fresh, nextRow));
      return { appended: fresh.map((r) => r.id), alreadyThere: [...alreadyThere] };
    });
  }

  /** The whole tab in one batchGet: its header, every row with its Rounds id, and where new rows go. */
  async read(): Promise<TableContents> {
    const got = await this.sheets.batchGet(this.spreadsheetId, [a1(this.tab.name)]);
    // Sheets leaves out trailing empty rows, so the number of rows returned is the extent of the data in
    // every column: a note typed below the table counts, as it does for appendCells.
    const values = (got.valueRanges?.[0]?.values ?? []) as CellValue[][];
    const header = values[0] ?? [];
    const idAt = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(ROW_ID_HEADER));
    if (idAt < 0) {
      throw new TableLayoutError(
        `The "${this.tab.name}" tab has lost its "${ROW_ID_HEADER}" column. Run Rounds set-up to restore it.`,
      );
    }
    const rows = values.slice(1).map((row, i) => ({
      rowIndex: i + 1,
      id: String(row[idAt] ?? ''),
      record: rowToRecord(this.tab, header, row),
    }));
    return { header, rows, nextRow: Math.max(1, values.length) };
  }

  /**
   * New rows are inserted at `nextRow` rather than appended: the data, and the metadata created in the same
   * atomic batchUpdate, then sit on the very same rows even if someone else added rows since the read (an
   * insert pushes theirs down instead of writing over them or moving ours).
   */
  private requests(sheetId: number, header: CellValue[], rows: TableRow[], nextRow: number): SheetsRequest[] {
    const span = { sheetId, dimension: 'ROWS', startIndex: nextRow, endIndex: nextRow + rows.length };
    // New rows take the formatting of the data row above, but never the header's: under the header they take
    // the (blank) row below, which Google requires to exist, so an empty table first gets blank rows at the
    // end of the sheet (a tab trimmed to its header row has none).
    const underHeader = nextRow === 1;
    const room: SheetsRequest[] = underHeader
      ? [{ appendDimension: { sheetId, dimension: 'ROWS', length: rows.length } }]
      : [];
    const insert: SheetsRequest = { insertDimension: { range: span, inheritFromBefore: !underHeader } };
    const write: SheetsRequest = {
      updateCells: {
        start: { sheetId, rowIndex: nextRow, columnIndex: 0 },
        fields: 'userEnteredValue',
        rows: rows.map((r) => ({
          values: recordToRow(this.tab, header, { ...r.record, id: r.id }).map(cell),
        })),
      },
    };
    const tags: SheetsRequest[] = rows.map((r, i) => ({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: ROW_ID_METADATA_KEY,
          metadataValue: r.id,
          visibility: 'DOCUMENT',
          location: {
            dimensionRange: {
              sheetId,
              dimension: 'ROWS',
              startIndex: nextRow + i,
              endIndex: nextRow + i + 1,
            },
          },
        },
      },
    }));
    return [...room, insert, write, ...tags];
  }

  private async findSheetId(): Promise<number> {
    if (this.sheetId !== undefined) return this.sheetId;
    const found = await this.sheets.get(this.spreadsheetId, { fields: 'sheets.properties(sheetId,title)' });
    const sheet = (found.sheets ?? []).find(
      (s) => normalizeHeader(s.properties?.title) === normalizeHeader(this.tab.name),
    );
    const id = sheet?.properties?.sheetId;
    if (id === undefined || id === null) {
      throw new TableLayoutError(
        `The network spreadsheet has no "${this.tab.name}" tab. Run Rounds set-up to add it.`,
      );
    }
    this.sheetId = id;
    return id;
  }
}

function cell(value: CellValue): {
  userEnteredValue?: { stringValue?: string; numberValue?: number; boolValue?: boolean };
} {
  if (value === null || value === '') return {};
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  if (typeof value === 'boolean') return { userEnteredValue: { boolValue: value } };
  // stringValue is always literal text: a title starting with "=" stays text, never a formula.
  return { userEnteredValue: { stringValue: value } };
}
