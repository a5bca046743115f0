// The only code that reads and writes the tracker's cells, formats, dropdowns, protections and charts
// through SpreadsheetApp for Refresh tracker: every read first (one data-range read per tab), then a few
// batched writes per tab. The *Like interfaces name exactly the calls used, so the fakes can count them.
import type { CellValue } from '../../shared/schema/sheet';
import type { ChartSpec } from '../../shared/tracker/dashboard';
import { DASHBOARD_WIDTH } from '../../shared/tracker/dashboard';
import { STALE_RULE_MARKER, type CellBlock, type RefreshPlan } from '../../shared/tracker/refresh';
import type { TabSnapshot } from '../../shared/tracker/table';

export interface TrackerRangeLike {
  getValues(): unknown[][];
  setValues(values: unknown[][]): unknown;
  setNotes(notes: string[][]): unknown;
  setDataValidations(rules: unknown[][]): unknown;
  setDataValidation(rule: unknown): unknown;
  protect(): ProtectionLike;
}

export interface ProtectionLike {
  setWarningOnly(warningOnly: boolean): ProtectionLike;
}

export interface ConditionalFormatRuleLike {
  getBooleanCondition(): { getCriteriaValues(): unknown[] } | null;
}

export interface ChartLike {
  getOptions(): { get(option: string): unknown };
}

export interface ChartBuilderLike {
  addRange(range: TrackerRangeLike): ChartBuilderLike;
  setChartType(type: unknown): ChartBuilderLike;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): ChartBuilderLike;
  setOption(option: string, value: unknown): ChartBuilderLike;
  setNumHeaders(headers: number): ChartBuilderLike;
  build(): unknown;
}

export interface TrackerSheetLike {
  getName(): string;
  getDataRange(): TrackerRangeLike;
  getMaxRows(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  appendRow(rowContents: unknown[]): unknown;
  getRange(a1Notation: string): TrackerRangeLike;
  getRange(row: number, column: number, numRows: number, numColumns: number): TrackerRangeLike;
  getConditionalFormatRules(): ConditionalFormatRuleLike[];
  setConditionalFormatRules(rules: unknown[]): unknown;
  getCharts(): ChartLike[];
  newChart(): ChartBuilderLike;
  insertChart(chart: unknown): unknown;
}

export interface TrackerSpreadsheetLike {
  getSheets(): TrackerSheetLike[];
}

/** SpreadsheetApp's builders and enums, and Charts' chart types: SpreadsheetApp itself in production. */
export interface SheetBuilders {
  newConditionalFormatRule(): {
    whenFormulaSatisfied(formula: string): ReturnType<SheetBuilders['newConditionalFormatRule']>;
    setBackground(color: string): ReturnType<SheetBuilders['newConditionalFormatRule']>;
    setRanges(ranges: TrackerRangeLike[]): ReturnType<SheetBuilders['newConditionalFormatRule']>;
    build(): unknown;
  };
  newDataValidation(): {
    requireValueInList(
      values: string[],
      showDropdown: boolean,
    ): ReturnType<SheetBuilders['newDataValidation']>;
    setAllowInvalid(allowInvalid: boolean): ReturnType<SheetBuilders['newDataValidation']>;
    build(): unknown;
  };
  chartTypes: { column: unknown; line: unknown };
  /** A Sheets date cell as YYYY-MM-DD in the spreadsheet's time zone. */
  formatDay(date: Date): string;
}

const STALE_COLOR = '#fce8b2';

/** The open tracker, read once and written in batches. `needed` are the tab names Refresh reads. */
export function trackerSheetsOf(spreadsheet: TrackerSpreadsheetLike, builders: SheetBuilders) {
  const sheets = new Map<string, TrackerSheetLike>();
  return {
    /** Every tab's cells, dates as YYYY-MM-DD, read before anything is written. */
    read(skip: (name: string) => boolean): TabSnapshot[] {
      sheets.clear();
      const snapshots: TabSnapshot[] = [];
      for (const sheet of spreadsheet.getSheets()) {
        const name = sheet.getName();
        sheets.set(name, sheet);
        if (skip(name)) {
          snapshots.push({ name, values: [] });
          continue;
        }
        const values = sheet.getDataRange().getValues();
        snapshots.push({ name, values: values.map((row) => row.map((v) => toCell(v, builders))) });
      }
      return snapshots;
    },

    apply(plan: RefreshPlan, protect: readonly string[], dashboardName: string | null): void {
      if (plan.schools) {
        const sheet = sheetNamed(plan.schools.sheetName);
        const s = plan.schools;
        if (s.ids) write(sheet, s.ids);
        for (const block of s.derived) write(sheet, block);
        if (s.checkNotes && s.checkNotes.notes.length)
          sheet
            .getRange(s.checkNotes.row, s.checkNotes.column + 1, s.checkNotes.notes.length, 1)
            .setNotes(s.checkNotes.notes);
        for (const v of s.validations) {
          const rules = v.lists.map((list) =>
            builders.newDataValidation().requireValueInList(list, true).setAllowInvalid(true).build(),
          );
          sheet
            .getRange(v.row, v.column + 1, v.rows, rules.length)
            .setDataValidations(Array.from({ length: v.rows }, () => rules));
        }
        if (s.staleRule) {
          const rules = sheet.getConditionalFormatRules();
          const ours = rules.filter(isStaleRule);
          const same = ours.length === 1 && String(criteria(ours[0]!)) === s.staleRule.formula;
          if (!same) {
            const rule = builders
              .newConditionalFormatRule()
              .whenFormulaSatisfied(s.staleRule.formula)
              .setBackground(STALE_COLOR)
              .setRanges([sheet.getRange(s.staleRule.a1)])
              .build();
            // The network's own rules stay, in their order; only Rounds' rule is replaced.
            sheet.setConditionalFormatRules([...rules.filter((r) => !isStaleRule(r)), rule]);
          }
          // No rule of ours means the tracker was never refreshed (or the rule was removed): protect the
          // headers now. Keyed on the rule already read, so a refresh spends no call looking for protections.
          if (!ours.length) for (const name of protect) protectHeader(sheetNamed(name));
        }
      }
      // One rule down a whole open-ended column, so rows added later get the dropdown too.
      for (const v of plan.otherValidations)
        sheetNamed(v.sheetName)
          .getRange(v.a1)
          .setDataValidation(
            builders.newDataValidation().requireValueInList(v.list, true).setAllowInvalid(true).build(),
          );
      if (plan.settingsRows) write(sheetNamed(plan.settingsRows.sheetName), plan.settingsRows.block);
      // A Dashboard someone renamed is left alone: set-up made a new one, which is drawn on the next refresh.
      if (dashboardName !== null) {
        const dashboard = sheets.get(dashboardName) ?? sheetNamedOrNull(dashboardName);
        if (dashboard) drawDashboard(dashboard, plan);
      }
    },

    /** One row after the tab's last row, in one write. */
    append(sheetName: string, row: unknown[]): void {
      const sheet = sheetNamed(sheetName);
      // appendRow adds a row when the sheet is full, where a range after the last row would not exist.
      sheet.appendRow(row);
    },
  };

  function sheetNamed(name: string): TrackerSheetLike {
    // Set-up may have added tabs since the read: list them again once.
    if (!sheets.has(name)) for (const sheet of spreadsheet.getSheets()) sheets.set(sheet.getName(), sheet);
    const sheet = sheets.get(name);
    if (!sheet)
      throw new Error(
        `The “${name}” tab disappeared while Rounds was refreshing. Nothing else was changed in it; refresh again.`,
      );
    return sheet;
  }

  function sheetNamedOrNull(name: string): TrackerSheetLike | null {
    try {
      return sheetNamed(name);
    } catch {
      return null;
    }
  }

  function protectHeader(sheet: TrackerSheetLike): void {
    // No description: it would cost a call per tab, and Rounds recognises a built tracker by its stale rule.
    sheet.getRange('1:1').protect().setWarningOnly(true);
  }

  function drawDashboard(sheet: TrackerSheetLike, plan: RefreshPlan): void {
    const values = plan.dashboard.values;
    // Sheets refuses a range past the sheet's last row: make room for a long principal table first. The
    // block covers every row, so whatever Rounds drew last time below this time's tables is emptied.
    const room = sheet.getMaxRows();
    if (values.length > room) sheet.insertRowsAfter(room, values.length - room);
    const height = Math.max(values.length, room);
    const block = Array.from({ length: height }, (_, r) =>
      Array.from({ length: DASHBOARD_WIDTH }, (_, c) => values[r]?.[c] ?? ''),
    );
    sheet.getRange(1, 1, height, DASHBOARD_WIDTH).setValues(block);
    const titles = new Set(sheet.getCharts().map((c) => String(c.getOptions().get('title') ?? '')));
    for (const chart of plan.dashboard.charts) if (!titles.has(chart.title)) insertChart(sheet, chart);
  }

  function insertChart(sheet: TrackerSheetLike, chart: ChartSpec): void {
    // The ranges are fixed-size tables, so a chart drawn once stays right on every refresh.
    const built = sheet
      .newChart()
      .setChartType(builders.chartTypes[chart.type])
      .addRange(sheet.getRange(chart.a1))
      .setPosition(chart.anchorRow, chart.anchorColumn, 0, 0)
      .setOption('title', chart.title)
      .setOption('isStacked', chart.stacked)
      .setNumHeaders(1)
      .build();
    sheet.insertChart(built);
  }
}

function write(sheet: TrackerSheetLike, block: CellBlock): void {
  if (!block.values.length || !block.values[0]!.length) return;
  sheet
    .getRange(block.row, block.column + 1, block.values.length, block.values[0]!.length)
    .setValues(block.values);
}

function criteria(rule: ConditionalFormatRuleLike): unknown {
  return rule.getBooleanCondition()?.getCriteriaValues()[0];
}

function isStaleRule(rule: ConditionalFormatRuleLike): boolean {
  return String(criteria(rule) ?? '').includes(STALE_RULE_MARKER);
}

/** Sheets hands back Dates for date cells; the core reads days as YYYY-MM-DD text. */
function toCell(value: unknown, builders: SheetBuilders): CellValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : builders.formatDay(value);
  return String(value);
}

/** SpreadsheetApp and Charts as SheetBuilders, in the spreadsheet's time zone. */
export function appsScriptBuilders(timeZone: string): SheetBuilders {
  return {
    newConditionalFormatRule: () => SpreadsheetApp.newConditionalFormatRule(),
    newDataValidation: () => SpreadsheetApp.newDataValidation(),
    chartTypes: { column: Charts.ChartType.COLUMN, line: Charts.ChartType.LINE },
    formatDay: (date) => Utilities.formatDate(date, timeZone, 'yyyy-MM-dd'),
  };
}

/** The open spreadsheet for Refresh tracker, or null in a Doc. */
export function activeTrackerSheets() {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) return null;
  return {
    sheets: trackerSheetsOf(spreadsheet, appsScriptBuilders(spreadsheet.getSpreadsheetTimeZone())),
    today: Utilities.formatDate(new Date(), spreadsheet.getSpreadsheetTimeZone(), 'yyyy-MM-dd'),
    newId: () => Utilities.getUuid(),
  };
}
