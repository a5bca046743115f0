// Idempotent row appends to a table tab of the network spreadsheet: each row carries a stable id in the
// hidden id column and in row developer metadata; before appending, one batchGet reads the id column and
// only the rows not already there go out, in one batchUpdate.

import {
  type CellValue,
  ROW_ID_HEADER,
  ROW_ID_METADATA_KEY,
  type TabSpec,
  normalizeHeader,
  recordToRow,
} from '../schema/sheet';
import { type Sheets, type SheetsRequest, a1, columnLetter } from './sheets';

export interface TableRow {
  /** Stable id: the same filing, retried or filed twice, has the same id. */
  id: string;
  record: Readonly<Record<string, CellValue | undefined>>;
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
  private idColumn: number;

  constructor(
    private readonly sheets: Sheets,
    private readonly spreadsheetId: string,
    private readonly tab: TabSpec,
  ) {
    const at = tab.columns.findIndex((c) => c.header === ROW_ID_HEADER);
    this.idColumn = Math.max(0, at);
  }

  /**
   * Appends the rows whose ids are not in the tab yet. When the batchUpdate's answer is lost, the ids are
   * read again before anything is re-sent, so a row never lands twice.
   */
  append(rows: readonly TableRow[]): Promise<AppendResult> {
    return this.sheets.client.sequence(async () => {
      const sheetId = await this.findSheetId();
      const { header, ids, nextRow } = await this.readIds();
      const fresh: TableRow[] = [];
      const alreadyThere = new Set<string>();
      const existing = new Set(ids);
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

  private requests(sheetId: number, header: CellValue[], rows: TableRow[], nextRow: number): SheetsRequest[] {
    const append: SheetsRequest = {
      appendCells: {
        sheetId,
        fields: 'userEnteredValue',
        rows: rows.map((r) => ({
          values: recordToRow(this.tab, header, { ...r.record, id: r.id }).map(cell),
        })),
      },
    };
    // appendCells lands after the last row with data; rows Rounds writes always carry an id, so that is
    // the id column's extent. The id column, not the metadata, is what decides "already there".
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
    return [append, ...tags];
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

  /** The header row and the id column in one batchGet (two if someone moved the id column since last time). */
  private async readIds(): Promise<{ header: CellValue[]; ids: string[]; nextRow: number }> {
    for (let tries = 0; tries < 2; tries++) {
      const letter = columnLetter(this.idColumn);
      const got = await this.sheets.batchGet(this.spreadsheetId, [
        a1(this.tab.name, '1:1'),
        a1(this.tab.name, `${letter}:${letter}`),
      ]);
      const header = (got.valueRanges?.[0]?.values?.[0] ?? []) as CellValue[];
      const idAt = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(ROW_ID_HEADER));
      if (idAt < 0) {
        throw new TableLayoutError(
          `The "${this.tab.name}" tab has lost its "${ROW_ID_HEADER}" column. Run Rounds set-up to restore it.`,
        );
      }
      if (idAt !== this.idColumn) {
        this.idColumn = idAt;
        continue;
      }
      const column = (got.valueRanges?.[1]?.values ?? []) as CellValue[][];
      const ids = column
        .slice(1)
        .map((r) => String(r[0] ?? ''))
        .filter((id) => id !== '');
      return { header, ids, nextRow: Math.max(1, column.length) };
    }
    throw new TableLayoutError(`The "${this.tab.name}" tab's columns keep moving; try again in a moment.`);
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
