// A small in-memory SpreadsheetApp spreadsheet (sheets, ranges, developer metadata) implementing exactly
// the calls services/spreadsheet.ts makes, with Apps Script's bounds checks, logging every call.
import type { CellValue } from '../../../shared/schema/sheet';
import type {
  DeveloperMetadataLike,
  RangeLike,
  SheetLike,
  SpreadsheetLike,
} from '../../../apps-script/services/spreadsheet';
import { CallLog } from './calls';

export type Visibility = 'DOCUMENT' | 'PROJECT';

export class FakeSheet implements SheetLike {
  /** rows[r][c], 0-based; missing cells are empty. */
  rows: CellValue[][] = [];
  maxColumns = 26;
  readonly hidden = new Set<number>();
  readonly bold = new Set<number>();
  readonly notes = new Map<number, string>();
  frozenRows = 0;

  constructor(
    public name: string,
    private readonly log: CallLog,
  ) {}

  header(): CellValue[] {
    return trimEnd(this.rows[0] ?? []);
  }

  getName(): string {
    return this.name;
  }

  getLastColumn(): number {
    this.log.record('getLastColumn', this.name, 'read');
    return Math.max(0, ...this.rows.map((r) => trimEnd(r).length));
  }

  getMaxColumns(): number {
    this.log.record('getMaxColumns', this.name, 'structure');
    return this.maxColumns;
  }

  getRange(row: number, column: number, numRows: number, numColumns: number): RangeLike {
    if (row < 1 || column < 1 || numRows < 1 || numColumns < 1 || column + numColumns - 1 > this.maxColumns)
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this, this.log, row - 1, column - 1, numRows, numColumns);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): unknown {
    this.log.record('insertColumnsAfter', this.name, 'write');
    if (afterPosition !== this.maxColumns) throw new Error('the fake only appends columns at the end');
    this.maxColumns += howMany;
    return this;
  }

  hideColumns(columnIndex: number): unknown {
    this.log.record('hideColumns', this.name, 'write');
    this.hidden.add(columnIndex - 1);
    return this;
  }

  setFrozenRows(rows: number): unknown {
    this.log.record('setFrozenRows', this.name, 'write');
    this.frozenRows = rows;
    return this;
  }
}

class FakeRange implements RangeLike {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly log: CallLog,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {}

  getValues(): unknown[][] {
    this.log.record('getValues', this.sheet.name, 'read');
    return Array.from({ length: this.numRows }, (_, r) =>
      Array.from(
        { length: this.numColumns },
        (_, c) => this.sheet.rows[this.row + r]?.[this.column + c] ?? '',
      ),
    );
  }

  setValues(values: CellValue[][]): unknown {
    this.log.record('setValues', this.sheet.name, 'write');
    if (values.length !== this.numRows || values.some((r) => r.length !== this.numColumns))
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${values[0]?.length} but the range has ${this.numColumns}.`,
      );
    values.forEach((r, i) => {
      const target = (this.sheet.rows[this.row + i] ??= []);
      r.forEach((v, j) => {
        while (target.length < this.column + j) target.push('');
        target[this.column + j] = v;
      });
    });
    return this;
  }

  setFontWeight(fontWeight: 'bold'): unknown {
    this.log.record('setFontWeight', this.sheet.name, 'write');
    for (let c = 0; c < this.numColumns; c++) if (fontWeight === 'bold') this.sheet.bold.add(this.column + c);
    return this;
  }

  setNote(note: string): unknown {
    this.log.record('setNote', this.sheet.name, 'write');
    this.sheet.notes.set(this.column, note);
    return this;
  }
}

class FakeMetadata implements DeveloperMetadataLike {
  constructor(
    readonly key: string,
    public value: string | null,
    readonly visibility: Visibility,
    private readonly log: CallLog,
  ) {}

  getValue(): string | null {
    this.log.record('getValue', 'metadata', 'read');
    return this.value;
  }

  setValue(value: string): unknown {
    this.log.record('setValue', 'metadata', 'write');
    this.value = value;
    return this;
  }
}

export class FakeSpreadsheet implements SpreadsheetLike<Visibility> {
  readonly log = new CallLog();
  readonly sheets: FakeSheet[] = [];
  readonly metadata: FakeMetadata[] = [];

  constructor(public name = 'Network tracker') {}

  /** Adds a tab as a person would have made it: a header row and some data rows. */
  withTab(name: string, rows: CellValue[][] = []): FakeSheet {
    const sheet = new FakeSheet(name, this.log);
    sheet.rows = rows.map((r) => [...r]);
    this.sheets.push(sheet);
    return sheet;
  }

  withMetadata(key: string, value: string): this {
    this.metadata.push(new FakeMetadata(key, value, 'DOCUMENT', this.log));
    return this;
  }

  tab(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no tab ${name}`);
    return sheet;
  }

  getName(): string {
    return this.name;
  }

  getSheets(): SheetLike[] {
    this.log.record('getSheets', 'spreadsheet', 'structure');
    return [...this.sheets];
  }

  getSheetByName(name: string): SheetLike | null {
    this.log.record('getSheetByName', 'spreadsheet', 'structure');
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  getNumSheets(): number {
    return this.sheets.length;
  }

  insertSheet(sheetName: string, sheetIndex: number): SheetLike {
    this.log.record('insertSheet', sheetName, 'write');
    if (this.sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase()))
      throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(sheetName, this.log);
    this.sheets.splice(sheetIndex, 0, sheet);
    return sheet;
  }

  createDeveloperMetadataFinder() {
    return {
      withKey: (key: string) => ({
        find: (): DeveloperMetadataLike[] => {
          this.log.record('find', 'metadata', 'read');
          return this.metadata.filter((m) => m.key === key);
        },
      }),
    };
  }

  addDeveloperMetadata(key: string, value: string, visibility: Visibility): unknown {
    this.log.record('addDeveloperMetadata', 'metadata', 'write');
    this.metadata.push(new FakeMetadata(key, value, visibility, this.log));
    return this;
  }
}

function trimEnd(row: readonly CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === '' || row[end - 1] === null || row[end - 1] === undefined)) end--;
  return row.slice(0, end);
}
