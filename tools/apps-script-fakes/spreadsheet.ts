// A small in-memory SpreadsheetApp spreadsheet (sheets, ranges, developer metadata) implementing exactly
// the calls services/spreadsheet.ts and services/tracker-sheets.ts make, with Apps Script's bounds checks,
// logging every call (getRange is a handle, not a call to the spreadsheet, so it is not logged).
import type { CellValue } from '../../shared/schema/sheet';
import type {
  DeveloperMetadataLike,
  RangeLike,
  SheetLike,
  SpreadsheetLike,
} from '../../apps-script/services/spreadsheet';
import { CallLog } from './calls';
import { parseA1 } from './a1';
import {
  FakeChartBuilder,
  FakeProtection,
  type FakeChart,
  type FakeConditionalRule,
} from './tracker-objects';

export type Visibility = 'DOCUMENT' | 'PROJECT';

export class FakeSheet implements SheetLike {
  /** rows[r][c], 0-based; missing cells are empty. */
  rows: CellValue[][] = [];
  maxColumns = 26;
  maxRows = 1000;
  readonly hidden = new Set<number>();
  readonly bold = new Set<number>();
  readonly notes = new Map<number, string>();
  frozenRows = 0;
  /** Notes on data cells, by "row,column" (0-based); header notes stay in `notes`. */
  readonly cellNotes = new Map<string, string>();
  /** Dropdown lists set on ranges, by A1 notation. */
  readonly validations = new Map<string, unknown[][]>();
  conditionalRules: FakeConditionalRule[] = [];
  readonly protections: FakeProtection[] = [];
  readonly charts: FakeChart[] = [];
  /** Called before every logged call: lets a test make another writer act between Rounds' calls. */
  beforeCall: ((method: string) => void) | null = null;

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

  getRange(a1Notation: string): FakeRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): FakeRange;
  getRange(rowOrA1: number | string, column = 1, numRows = 1, numColumns = 1): FakeRange {
    if (typeof rowOrA1 === 'string') {
      const r = parseA1(rowOrA1, this.maxColumns, this.rowRoom());
      return new FakeRange(this, this.log, r.row, r.column, r.numRows, r.numColumns, rowOrA1);
    }
    const row = rowOrA1;
    if (
      row < 1 ||
      column < 1 ||
      numRows < 1 ||
      numColumns < 1 ||
      column + numColumns - 1 > this.maxColumns ||
      row + numRows - 1 > this.rowRoom()
    )
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this, this.log, row - 1, column - 1, numRows, numColumns);
  }

  /** Logs a call, letting a concurrent writer act first (see beforeCall). */
  logCall(method: string, kind: 'read' | 'structure' | 'write'): void {
    this.beforeCall?.(method);
    this.log.record(method, this.name, kind);
  }

  getLastRow(): number {
    this.logCall('getLastRow', 'read');
    return lastRowOf(this.rows);
  }

  getMaxRows(): number {
    this.logCall('getMaxRows', 'structure');
    return Math.max(this.maxRows, this.rows.length);
  }

  insertRowsAfter(afterPosition: number, howMany: number): unknown {
    this.logCall('insertRowsAfter', 'write');
    if (afterPosition !== this.rowRoom()) throw new Error('the fake only appends rows at the end');
    this.maxRows = afterPosition + howMany;
    return this;
  }

  appendRow(rowContents: CellValue[]): unknown {
    this.logCall('appendRow', 'write');
    const at = lastRowOf(this.rows);
    this.rows.splice(at, 0, [...rowContents]);
    this.maxRows = Math.max(this.maxRows, this.rows.length);
    return this;
  }

  /** The sheet's rows, as getMaxRows reports them, without logging a call. */
  rowRoom(): number {
    return Math.max(this.maxRows, this.rows.length);
  }

  getDataRange(): FakeRange {
    this.logCall('getDataRange', 'structure');
    const width = Math.max(1, ...this.rows.map((r) => trimEnd(r).length));
    return new FakeRange(this, this.log, 0, 0, Math.max(1, lastRowOf(this.rows)), width);
  }

  getConditionalFormatRules(): FakeConditionalRule[] {
    this.logCall('getConditionalFormatRules', 'read');
    return [...this.conditionalRules];
  }

  setConditionalFormatRules(rules: unknown[]): unknown {
    this.logCall('setConditionalFormatRules', 'write');
    this.conditionalRules = rules as FakeConditionalRule[];
    return this;
  }

  getCharts(): FakeChart[] {
    this.logCall('getCharts', 'read');
    return [...this.charts];
  }

  newChart(): FakeChartBuilder {
    this.logCall('newChart', 'structure');
    return new FakeChartBuilder();
  }

  insertChart(chart: unknown): unknown {
    this.logCall('insertChart', 'write');
    this.charts.push(chart as FakeChart);
    return this;
  }

  removeChart(chart: unknown): void {
    this.logCall('removeChart', 'write');
    const at = this.charts.indexOf(chart as FakeChart);
    if (at < 0) throw new Error('Chart not found on this sheet.');
    this.charts.splice(at, 1);
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

export class FakeRange implements RangeLike {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly log: CallLog,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
    readonly a1: string | null = null,
  ) {}

  getValues(): unknown[][] {
    this.sheet.beforeCall?.('getValues');
    this.log.record('getValues', this.sheet.name, 'read');
    return Array.from({ length: this.numRows }, (_, r) =>
      Array.from(
        { length: this.numColumns },
        (_, c) => this.sheet.rows[this.row + r]?.[this.column + c] ?? '',
      ),
    );
  }

  setValues(values: CellValue[][]): unknown {
    this.sheet.beforeCall?.('setValues');
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

  setNotes(notes: string[][]): unknown {
    this.sheet.logCall('setNotes', 'write');
    if (notes.length !== this.numRows || notes.some((r) => r.length !== this.numColumns))
      throw new Error('The number of rows in the data does not match the number of rows in the range.');
    notes.forEach((r, i) =>
      r.forEach((note, j) => {
        const key = `${this.row + i},${this.column + j}`;
        if (note) this.sheet.cellNotes.set(key, note);
        else this.sheet.cellNotes.delete(key);
      }),
    );
    return this;
  }

  setDataValidations(rules: unknown[][]): unknown {
    this.sheet.logCall('setDataValidations', 'write');
    // Apps Script wants exactly one rule per cell of the range.
    if (rules.length !== this.numRows || rules.some((r) => r.length !== this.numColumns))
      throw new Error('The number of rows in the data does not match the number of rows in the range.');
    this.sheet.validations.set(this.a1 ?? `${this.row},${this.column}`, rules);
    return this;
  }

  setDataValidation(rule: unknown): unknown {
    this.sheet.logCall('setDataValidation', 'write');
    this.sheet.validations.set(this.a1 ?? `${this.row},${this.column}`, [[rule]]);
    return this;
  }

  protect(): FakeProtection {
    this.sheet.logCall('protect', 'write');
    const protection = new FakeProtection(this.a1 ?? '', (m) => this.sheet.logCall(m, 'write'));
    this.sheet.protections.push(protection);
    return protection;
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

  constructor(
    public name = 'Network tracker',
    /** The spreadsheet's Drive id, as Spreadsheet.getId() gives it. */
    public readonly id = '1FakeSpreadsheetId0123456789',
  ) {}

  getId(): string {
    return this.id;
  }

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

  getSheets(): FakeSheet[] {
    this.log.record('getSheets', 'spreadsheet', 'structure');
    return [...this.sheets];
  }

  getSheetByName(name: string): SheetLike | null {
    this.log.record('getSheetByName', 'spreadsheet', 'structure');
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  getSpreadsheetTimeZone(): string {
    return 'Etc/UTC';
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

function lastRowOf(rows: readonly CellValue[][]): number {
  let last = rows.length;
  while (last > 0 && trimEnd(rows[last - 1] ?? []).length === 0) last--;
  return last;
}

function trimEnd(row: readonly CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === '' || row[end - 1] === null || row[end - 1] === undefined)) end--;
  return row.slice(0, end);
}
