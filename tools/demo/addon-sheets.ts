// The bridge between a spreadsheet in the Google sandbox and the Apps Script fakes the add-on runs on in the
// demo: `loadSpreadsheet` reads it (one spreadsheets.get with grid data) into a FakeSpreadsheet as Sheets
// would show it to SpreadsheetApp, and `changesSince` turns what the add-on then did to the fake into Sheets
// REST requests — tabs, grid size, values, notes, dropdowns, bold headers, hidden columns, the conditional
// format rules, header protections, charts and the schema version marker — so the sandbox ends up as Google
// would after the same Apps Script run.
import type { sheets_v4 } from '@googleapis/sheets';
import { columnLetter, type Sheets, type SheetsRequest, type ValueRange } from '../../shared/google/sheets';
import type { CellValue } from '../../shared/schema/sheet';
import { FakeSpreadsheet, type FakeSheet } from '../apps-script-fakes/spreadsheet';
import type { FakeChart, FakeConditionalRule } from '../apps-script-fakes/tracker-objects';
import {
  chartOf,
  chartRequest,
  protectionRequest,
  ruleOf,
  storedRuleOf,
  validationRequests,
} from './addon-objects';

type StoredRule = sheets_v4.Schema$ConditionalFormatRule;

/** What one tab looked like when it was loaded, to compare the fake against after the run. */
interface TabBaseline {
  sheetId: number;
  rows: CellValue[][];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  hidden: Set<number>;
  bold: Set<number>;
  notes: Map<number, string>;
  cellNotes: Map<string, string>;
  rules: FakeConditionalRule[];
  protections: number;
  /** The charts loaded, each with the sandbox's chart id, so a chart the run removed is deleted there too. */
  charts: Map<FakeChart, number>;
}

/** A spreadsheet loaded from the sandbox, and what it was when loaded. */
export interface LoadedSpreadsheet {
  spreadsheetId: string;
  spreadsheet: FakeSpreadsheet;
  /** By the fake sheet itself: a tab the run added has no baseline. */
  baselines: Map<FakeSheet, TabBaseline>;
  /** The sandbox's ids of the spreadsheet-level developer metadata, in the fake's order, with their values. */
  metadata: { id: number; value: string | null }[];
  /** The sandbox's own JSON for each conditional rule that was loaded, re-sent as it was when rules change. */
  storedRules: Map<FakeConditionalRule, StoredRule>;
}

/** The spreadsheet as SpreadsheetApp would see it, in fakes that log every call. */
export async function loadSpreadsheet(sheets: Sheets, spreadsheetId: string): Promise<LoadedSpreadsheet> {
  const doc = await sheets.get(spreadsheetId, { includeGridData: true });
  // Its own Drive id, as Spreadsheet.getId() gives it: links the add-on makes point at the sandbox file.
  const spreadsheet = new FakeSpreadsheet(doc.properties?.title ?? 'Untitled spreadsheet', spreadsheetId);
  const baselines = new Map<FakeSheet, TabBaseline>();
  const storedRules = new Map<FakeConditionalRule, StoredRule>();
  for (const tab of doc.sheets ?? []) {
    const props = tab.properties ?? {};
    const sheet = spreadsheet.withTab(props.title ?? '');
    const grid = props.gridProperties ?? {};
    sheet.maxRows = grid.rowCount ?? 1000;
    sheet.maxColumns = grid.columnCount ?? 26;
    sheet.frozenRows = grid.frozenRowCount ?? 0;
    const data = tab.data?.[0];
    (data?.rowData ?? []).forEach((row, r) => {
      const cells = row.values ?? [];
      sheet.rows[r] = cells.map((cell) => valueOf(cell.userEnteredValue));
      cells.forEach((cell, c) => {
        if (cell.note && r === 0) sheet.notes.set(c, cell.note);
        else if (cell.note) sheet.cellNotes.set(`${r},${c}`, cell.note);
        if (r === 0 && cell.userEnteredFormat?.textFormat?.bold) sheet.bold.add(c);
      });
    });
    for (let r = 0; r < sheet.rows.length; r++) sheet.rows[r] ??= [];
    (data?.columnMetadata ?? []).forEach((column, c) => {
      if (column.hiddenByUser) sheet.hidden.add(c);
    });
    for (const stored of tab.conditionalFormats ?? []) {
      const rule = ruleOf(stored);
      storedRules.set(rule, stored);
      sheet.conditionalRules.push(rule);
    }
    const charts = new Map<FakeChart, number>();
    for (const stored of tab.charts ?? []) {
      const chart = chartOf(stored);
      charts.set(chart, stored.chartId ?? 0);
      sheet.charts.push(chart);
    }
    baselines.set(sheet, {
      sheetId: props.sheetId ?? 0,
      rows: sheet.rows.map((r) => [...r]),
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      frozenRows: sheet.frozenRows,
      hidden: new Set(sheet.hidden),
      bold: new Set(sheet.bold),
      notes: new Map(sheet.notes),
      cellNotes: new Map(sheet.cellNotes),
      rules: [...sheet.conditionalRules],
      // The fakes start with none: Rounds never reads protections, it only adds them.
      protections: 0,
      charts,
    });
  }
  const metadata: LoadedSpreadsheet['metadata'] = [];
  for (const m of doc.developerMetadata ?? []) {
    if (!m.location?.spreadsheet || !m.metadataKey) continue;
    spreadsheet.withMetadata(m.metadataKey, m.metadataValue ?? '');
    metadata.push({ id: m.metadataId ?? 0, value: m.metadataValue ?? '' });
  }
  spreadsheet.log.clear();
  return { spreadsheetId, spreadsheet, baselines, metadata, storedRules };
}

/** What the sandbox needs to be told, in three steps: tabs and their size, then values, then the rest. */
export interface SpreadsheetChanges {
  structure: SheetsRequest[];
  values: ValueRange[];
  details: SheetsRequest[];
}

export function changesSince(loaded: LoadedSpreadsheet): SpreadsheetChanges {
  const structure: SheetsRequest[] = [];
  const values: ValueRange[] = [];
  const details: SheetsRequest[] = [];
  const { spreadsheet } = loaded;
  const usedIds = new Set([...loaded.baselines.values()].map((b) => b.sheetId));
  let nextId = Math.max(0, ...usedIds) + 1;
  spreadsheet.sheets.forEach((sheet, index) => {
    let base = loaded.baselines.get(sheet);
    if (!base) {
      // A tab the add-on inserted: it starts empty, at the size the fake gave it.
      base = emptyBaseline(nextId++);
      structure.push({
        addSheet: {
          properties: {
            sheetId: base.sheetId,
            title: sheet.name,
            index,
            gridProperties: { rowCount: sheet.rowRoom(), columnCount: sheet.maxColumns },
          },
        },
      });
      base.maxRows = sheet.rowRoom();
      base.maxColumns = sheet.maxColumns;
    }
    const sheetId = base.sheetId;
    if (sheet.rowRoom() !== base.maxRows || sheet.maxColumns !== base.maxColumns)
      structure.push({
        updateSheetProperties: {
          properties: {
            sheetId,
            gridProperties: { rowCount: sheet.rowRoom(), columnCount: sheet.maxColumns },
          },
          fields: 'gridProperties.rowCount,gridProperties.columnCount',
        },
      });
    if (sheet.frozenRows !== base.frozenRows)
      structure.push({
        updateSheetProperties: {
          properties: { sheetId, gridProperties: { frozenRowCount: sheet.frozenRows } },
          fields: 'gridProperties.frozenRowCount',
        },
      });
    values.push(...changedValues(sheet, base));
    details.push(...changedDetails(loaded, sheet, base));
  });
  loaded.metadata.forEach((m, i) => {
    const now = spreadsheet.metadata[i]?.value ?? null;
    if (now !== m.value)
      details.push({
        updateDeveloperMetadata: {
          dataFilters: [{ developerMetadataLookup: { metadataId: m.id } }],
          developerMetadata: { metadataValue: now ?? '' },
          fields: 'metadataValue',
        },
      });
  });
  for (const m of spreadsheet.metadata.slice(loaded.metadata.length))
    details.push({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: m.key,
          metadataValue: m.value ?? '',
          visibility: m.visibility,
          location: { spreadsheet: true },
        },
      },
    });
  return { structure, values, details };
}

/** Sends the changes; returns how many requests that took (0 when the run changed nothing). */
export async function writeChanges(
  sheets: Sheets,
  spreadsheetId: string,
  changes: SpreadsheetChanges,
): Promise<number> {
  let requests = 0;
  if (changes.structure.length) {
    await sheets.batchUpdate(spreadsheetId, changes.structure);
    requests++;
  }
  if (changes.values.length) {
    await sheets.batchUpdateValues(spreadsheetId, changes.values, 'RAW');
    requests++;
  }
  if (changes.details.length) {
    await sheets.batchUpdate(spreadsheetId, changes.details);
    requests++;
  }
  return requests;
}

function emptyBaseline(sheetId: number): TabBaseline {
  return {
    sheetId,
    rows: [],
    maxRows: 0,
    maxColumns: 0,
    frozenRows: 0,
    hidden: new Set(),
    bold: new Set(),
    notes: new Map(),
    cellNotes: new Map(),
    rules: [],
    protections: 0,
    charts: new Map(),
  };
}

const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '');

/** Each run of changed cells in a row as one range: cells the run did not change are never rewritten. */
function changedValues(sheet: FakeSheet, base: TabBaseline): ValueRange[] {
  const out: ValueRange[] = [];
  const height = Math.max(sheet.rows.length, base.rows.length);
  for (let r = 0; r < height; r++) {
    const now = sheet.rows[r] ?? [];
    const before = base.rows[r] ?? [];
    const width = Math.max(now.length, before.length);
    let start = -1;
    for (let c = 0; c <= width; c++) {
      const changed = c < width && !same(now[c], before[c]);
      if (changed && start < 0) start = c;
      if (!changed && start >= 0) {
        out.push({
          range: `${quoted(sheet.name)}!${columnLetter(start)}${r + 1}:${columnLetter(c - 1)}${r + 1}`,
          values: [now.slice(start, c).map((v) => v ?? '')],
        });
        start = -1;
      }
    }
  }
  return out;
}

function changedDetails(loaded: LoadedSpreadsheet, sheet: FakeSheet, base: TabBaseline): SheetsRequest[] {
  const sheetId = base.sheetId;
  const out: SheetsRequest[] = [];
  const cell = (row: number, column: number, data: sheets_v4.Schema$CellData, fields: string) =>
    out.push({
      updateCells: {
        start: { sheetId, rowIndex: row, columnIndex: column },
        rows: [{ values: [data] }],
        fields,
      },
    });
  // Header notes and bold header cells.
  for (const c of new Set([...sheet.notes.keys(), ...base.notes.keys()]))
    if (sheet.notes.get(c) !== base.notes.get(c)) cell(0, c, { note: sheet.notes.get(c) ?? '' }, 'note');
  for (const c of sheet.bold)
    if (!base.bold.has(c))
      cell(0, c, { userEnteredFormat: { textFormat: { bold: true } } }, 'userEnteredFormat.textFormat.bold');
  for (const c of sheet.hidden)
    if (!base.hidden.has(c))
      out.push({
        updateDimensionProperties: {
          range: { sheetId, dimension: 'COLUMNS', startIndex: c, endIndex: c + 1 },
          properties: { hiddenByUser: true },
          fields: 'hiddenByUser',
        },
      });
  // Notes on data cells (the IPOP check's advice).
  for (const key of new Set([...sheet.cellNotes.keys(), ...base.cellNotes.keys()])) {
    if (sheet.cellNotes.get(key) === base.cellNotes.get(key)) continue;
    const [r, c] = key.split(',').map(Number) as [number, number];
    cell(r, c, { note: sheet.cellNotes.get(key) ?? '' }, 'note');
  }
  // Dropdowns: the fakes keep what this run set (loaded ones are not read back), so each is sent as set.
  for (const [where, rules] of sheet.validations)
    out.push(...validationRequests(sheet, sheetId, where, rules));
  // Conditional format rules: setConditionalFormatRules replaces the list, so when it was called the
  // sandbox's list is replaced too, the rules that were there re-sent exactly as they were stored.
  if (sheet.conditionalRules !== base.rules && !sameList(sheet.conditionalRules, base.rules)) {
    for (let i = 0; i < base.rules.length; i++)
      out.push({ deleteConditionalFormatRule: { sheetId, index: 0 } });
    sheet.conditionalRules.forEach((rule, index) =>
      out.push({
        addConditionalFormatRule: {
          index,
          rule: loaded.storedRules.get(rule) ?? storedRuleOf(sheet, sheetId, rule),
        },
      }),
    );
  }
  for (const protection of sheet.protections.slice(base.protections))
    out.push(protectionRequest(sheet, sheetId, protection));
  // Charts by identity: Apps Script's removeChart then insertChart (a redrawn chart) is a delete and an add.
  for (const [chart, objectId] of base.charts)
    if (!sheet.charts.includes(chart)) out.push({ deleteEmbeddedObject: { objectId } });
  for (const chart of sheet.charts)
    if (!base.charts.has(chart)) out.push(chartRequest(sheet, sheetId, chart));
  return out;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function valueOf(value: sheets_v4.Schema$ExtendedValue | undefined): CellValue {
  if (!value) return '';
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.numberValue === 'number') return value.numberValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  // SpreadsheetApp's getValues gives a formula's result; the sandbox does not evaluate formulas, so the
  // add-on sees the formula's text, and it is never written back unless the add-on changes the cell.
  if (typeof value.formulaValue === 'string') return value.formulaValue;
  return '';
}

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
