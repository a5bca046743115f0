// The Sheets API's JSON for what the Apps Script fakes hold as objects, both ways: A1 ranges and grid ranges,
// dropdown rules, conditional format rules, header protections and embedded charts — so the demo's add-on
// harness (addon-sheets.ts) can load them from the sandbox and write the add-on's own back.
import type { sheets_v4 } from '@googleapis/sheets';
import { columnLetter, type SheetsRequest } from '../../shared/google/sheets';
import { parseA1 } from '../apps-script-fakes/a1';
import type { FakeSheet } from '../apps-script-fakes/spreadsheet';
import type { FakeChart, FakeConditionalRule, FakeProtection } from '../apps-script-fakes/tracker-objects';

type GridRange = sheets_v4.Schema$GridRange;
type StoredRule = sheets_v4.Schema$ConditionalFormatRule;

export function gridRangeOf(sheet: FakeSheet, sheetId: number, a1: string): GridRange {
  const r = parseA1(a1, sheet.maxColumns, sheet.rowRoom());
  return {
    sheetId,
    startRowIndex: r.row,
    endRowIndex: r.row + r.numRows,
    startColumnIndex: r.column,
    endColumnIndex: r.column + r.numColumns,
  };
}

function a1Of(range: GridRange): string {
  const c0 = range.startColumnIndex ?? 0;
  const r0 = range.startRowIndex ?? 0;
  const start = `${columnLetter(c0)}${r0 + 1}`;
  const endColumn = columnLetter((range.endColumnIndex ?? c0 + 1) - 1);
  return range.endRowIndex === undefined || range.endRowIndex === null
    ? `${start}:${endColumn}`
    : `${start}:${endColumn}${range.endRowIndex}`;
}

interface FakeValidation {
  list: string[];
  allowInvalid: boolean;
}

function validationRule(rule: unknown): sheets_v4.Schema$DataValidationRule {
  const v = rule as FakeValidation;
  return {
    condition: { type: 'ONE_OF_LIST', values: v.list.map((userEnteredValue) => ({ userEnteredValue })) },
    strict: !v.allowInvalid,
    showCustomUi: true,
  };
}

/** setDataValidation over an A1 range is one rule for all of it; setDataValidations is one rule per cell. */
export function validationRequests(
  sheet: FakeSheet,
  sheetId: number,
  where: string,
  rules: unknown[][],
): SheetsRequest[] {
  const byPosition = /^(\d+),(\d+)$/.exec(where);
  if (!byPosition && rules.length === 1 && rules[0]!.length === 1)
    return [
      {
        setDataValidation: { range: gridRangeOf(sheet, sheetId, where), rule: validationRule(rules[0]![0]) },
      },
    ];
  const start = byPosition
    ? { rowIndex: Number(byPosition[1]), columnIndex: Number(byPosition[2]) }
    : (() => {
        const g = gridRangeOf(sheet, sheetId, where);
        return { rowIndex: g.startRowIndex ?? 0, columnIndex: g.startColumnIndex ?? 0 };
      })();
  return [
    {
      updateCells: {
        start: { sheetId, ...start },
        rows: rules.map((row) => ({ values: row.map((rule) => ({ dataValidation: validationRule(rule) })) })),
        fields: 'dataValidation',
      },
    },
  ];
}

function colorOf(hex: string): sheets_v4.Schema$Color {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}

function hexOf(color: sheets_v4.Schema$Color | undefined): string {
  const byte = (x: number | null | undefined) =>
    Math.round((x ?? 0) * 255)
      .toString(16)
      .padStart(2, '0');
  return color ? `#${byte(color.red)}${byte(color.green)}${byte(color.blue)}` : '';
}

export function storedRuleOf(sheet: FakeSheet, sheetId: number, rule: FakeConditionalRule): StoredRule {
  return {
    ranges: rule.ranges.map((a1) => gridRangeOf(sheet, sheetId, a1)),
    booleanRule: {
      condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: rule.formula }] },
      format: { backgroundColor: colorOf(rule.background) },
    },
  };
}

export function ruleOf(stored: StoredRule): FakeConditionalRule {
  const formula = stored.booleanRule?.condition?.values?.[0]?.userEnteredValue ?? '';
  return {
    formula,
    background: hexOf(stored.booleanRule?.format?.backgroundColor),
    ranges: (stored.ranges ?? []).map(a1Of),
    getBooleanCondition: () => (stored.booleanRule ? { getCriteriaValues: () => [formula] } : null),
  };
}

export function protectionRequest(
  sheet: FakeSheet,
  sheetId: number,
  protection: FakeProtection,
): SheetsRequest {
  return {
    addProtectedRange: {
      protectedRange: {
        range: gridRangeOf(sheet, sheetId, protection.a1),
        warningOnly: protection.warningOnly,
      },
    },
  };
}

/** Apps Script's chart types, as the fakes receive them (Charts.ChartType), in Sheets' basic chart terms. */
const CHART_TYPES: Record<string, string> = { COLUMN: 'COLUMN', LINE: 'LINE', BAR: 'BAR', AREA: 'AREA' };

/** An embedded chart as Apps Script's builder would have made it: the first column the domain, the rest series. */
export function chartRequest(sheet: FakeSheet, sheetId: number, chart: FakeChart): SheetsRequest {
  const sources = chart.ranges.map((a1) => gridRangeOf(sheet, sheetId, a1));
  const columns = sources.flatMap((g) =>
    Array.from({ length: (g.endColumnIndex ?? 0) - (g.startColumnIndex ?? 0) }, (_, i) => ({
      ...g,
      startColumnIndex: (g.startColumnIndex ?? 0) + i,
      endColumnIndex: (g.startColumnIndex ?? 0) + i + 1,
    })),
  );
  const [domain, ...series] = columns;
  const type = CHART_TYPES[String(chart.type)];
  if (!type || !domain)
    throw new Error(`the demo cannot draw a ${String(chart.type)} chart over ${chart.ranges.join(', ')}`);
  return {
    addChart: {
      chart: {
        spec: {
          title: String(chart.options.get('title') ?? ''),
          basicChart: {
            chartType: type,
            stackedType: chart.options.get('isStacked') ? 'STACKED' : 'NOT_STACKED',
            headerCount: Number(chart.options.get('numHeaders') ?? 1),
            legendPosition: 'BOTTOM_LEGEND',
            domains: [{ domain: { sourceRange: { sources: [domain] } } }],
            series: series.map((s) => ({
              series: { sourceRange: { sources: [s] } },
              targetAxis: 'LEFT_AXIS',
            })),
          },
        },
        position: {
          overlayPosition: {
            anchorCell: { sheetId, rowIndex: chart.position[0] - 1, columnIndex: chart.position[1] - 1 },
          },
        },
      },
    },
  };
}

/** A chart the sandbox holds, as Apps Script's getCharts() would hand it back. */
export function chartOf(stored: sheets_v4.Schema$EmbeddedChart): FakeChart {
  const spec = stored.spec ?? {};
  const options = new Map<string, unknown>([
    ['title', spec.title ?? ''],
    ['isStacked', spec.basicChart?.stackedType === 'STACKED'],
  ]);
  const anchor = stored.position?.overlayPosition?.anchorCell;
  const sources = [
    ...(spec.basicChart?.domains ?? []).flatMap((d) => d.domain?.sourceRange?.sources ?? []),
    ...(spec.basicChart?.series ?? []).flatMap((s) => s.series?.sourceRange?.sources ?? []),
  ];
  return {
    type: spec.basicChart?.chartType ?? null,
    ranges: sources.map(a1Of),
    position: [(anchor?.rowIndex ?? 0) + 1, (anchor?.columnIndex ?? 0) + 1],
    options,
    getOptions: () => ({ get: (o: string) => options.get(o) }),
  };
}
