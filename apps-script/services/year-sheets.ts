// The only code that reads and writes the network's year tabs through SpreadsheetApp: the tabs an action
// needs, each read once (one data-range read) before anything is written, then one block write or one
// append per tab, and the run charts' native line charts. The *Like interfaces name exactly the calls used.
import { normalizeHeader, tabByKey, type CellValue, type TabKey } from '../../shared/schema/sheet';
import type { TabSnapshot } from '../../shared/tracker/table';
import {
  RUN_CHART_TITLE_PREFIX,
  RUN_CHART_WIDTH,
  type RunChartDrawing,
} from '../../shared/year-tabs/run-chart-sheet';
import type { ChartBuilderLike, TrackerRangeLike } from './tracker-sheets';

export interface YearChartLike {
  getOptions(): { get(option: string): unknown };
}

export interface YearSheetLike {
  getName(): string;
  getDataRange(): { getValues(): unknown[][] };
  getRange(row: number, column: number, numRows: number, numColumns: number): TrackerRangeLike;
  getRange(a1Notation: string): TrackerRangeLike;
  getMaxRows(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  getCharts(): YearChartLike[];
  newChart(): ChartBuilderLike;
  insertChart(chart: unknown): unknown;
  removeChart(chart: YearChartLike): unknown;
}

export interface YearSpreadsheetLike {
  getSheets(): YearSheetLike[];
}

export interface YearBuilders {
  lineChart: unknown;
  /** A Sheets date cell as YYYY-MM-DD in the spreadsheet's time zone. */
  formatDay(date: Date): string;
}

/** What the year's commands need from the spreadsheet (tests give them a fake with counted calls). */
export interface YearSheets {
  /** The named tabs' cells (dates as YYYY-MM-DD), each read once; tabs not there are absent. */
  read(keys: readonly TabKey[]): TabSnapshot[];
  /** One write of a block at a 1-based row and column. */
  write(sheetName: string, row: number, column: number, values: CellValue[][]): void;
  /** Rows after the tab's last row as read, in one write (making room first when the sheet is full). */
  append(sheetName: string, rows: CellValue[][]): void;
  /** Redraws the Run charts tab: one write of its block, Rounds' old charts out and the new ones in. */
  drawRunCharts(sheetName: string, values: CellValue[][], charts: readonly RunChartDrawing[]): void;
}

export function yearSheetsOf(spreadsheet: YearSpreadsheetLike, builders: YearBuilders): YearSheets {
  const sheets = new Map<string, YearSheetLike>();
  const heights = new Map<string, number>();

  function sheetNamed(name: string): YearSheetLike {
    if (!sheets.has(name)) for (const s of spreadsheet.getSheets()) sheets.set(s.getName(), s);
    const sheet = sheets.get(name);
    if (!sheet)
      throw new Error(
        `The “${name}” tab disappeared while Rounds was writing to it. Nothing else was changed; try again.`,
      );
    return sheet;
  }

  return {
    read(keys) {
      const wanted = new Set(keys.map((k) => normalizeHeader(tabByKey(k).name)));
      const snapshots: TabSnapshot[] = [];
      for (const sheet of spreadsheet.getSheets()) {
        const name = sheet.getName();
        sheets.set(name, sheet);
        if (!wanted.has(normalizeHeader(name))) continue;
        const values = sheet
          .getDataRange()
          .getValues()
          .map((row) => row.map((v) => toCell(v, builders)));
        heights.set(name, values.length);
        snapshots.push({ name, values });
      }
      return snapshots;
    },
    write(sheetName, row, column, values) {
      if (!values.length || !values[0]!.length) return;
      sheetNamed(sheetName).getRange(row, column, values.length, values[0]!.length).setValues(values);
    },
    append(sheetName, rows) {
      if (!rows.length) return;
      const sheet = sheetNamed(sheetName);
      const after = heights.get(sheetName) ?? 1;
      const room = sheet.getMaxRows();
      if (after + rows.length > room) sheet.insertRowsAfter(room, after + rows.length - room);
      const width = Math.max(...rows.map((r) => r.length));
      const block = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
      sheet.getRange(after + 1, 1, block.length, width).setValues(block);
      heights.set(sheetName, after + rows.length);
    },
    drawRunCharts(sheetName, values, charts) {
      const sheet = sheetNamed(sheetName);
      // Charts are listed before the write: a read after a write makes Apps Script flush.
      const ours = sheet
        .getCharts()
        .filter((c) => String(c.getOptions().get('title') ?? '').startsWith(RUN_CHART_TITLE_PREFIX));
      // The block covers what was drawn last time too, so a measure that went away leaves nothing behind.
      const before = heights.get(sheetName) ?? 0;
      const height = Math.max(values.length, before);
      const room = sheet.getMaxRows();
      if (height > room) sheet.insertRowsAfter(room, height - room);
      const block = Array.from({ length: height }, (_, r) =>
        Array.from({ length: RUN_CHART_WIDTH }, (_, c) => values[r]?.[c] ?? ''),
      );
      if (height) sheet.getRange(1, 1, height, RUN_CHART_WIDTH).setValues(block);
      for (const chart of ours) sheet.removeChart(chart);
      for (const chart of charts)
        sheet.insertChart(
          sheet
            .newChart()
            .setChartType(builders.lineChart)
            .addRange(sheet.getRange(chart.a1))
            .setNumHeaders(1)
            .setPosition(chart.anchorRow, chart.anchorColumn, 0, 0)
            .setOption('title', chart.title)
            .setOption('pointSize', 5)
            // The median is the dashed line (series 1); the values are the points joined (series 0).
            .setOption('series', { 1: { lineDashStyle: [6, 4], pointSize: 0 } })
            .build(),
        );
    },
  };
}

/** Sheets hands back Dates for date cells; the core reads days as YYYY-MM-DD text. */
function toCell(value: unknown, builders: YearBuilders): CellValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : builders.formatDay(value);
  return String(value);
}

/** The open spreadsheet's year tabs, or null in a Doc. */
export function activeYearSheets() {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) return null;
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  return {
    sheets: yearSheetsOf(spreadsheet, {
      lineChart: Charts.ChartType.LINE,
      formatDay: (date) => Utilities.formatDate(date, timeZone, 'yyyy-MM-dd'),
    }),
    today: Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd'),
    newId: () => Utilities.getUuid(),
  };
}
