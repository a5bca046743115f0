// The Run charts tab, planned: each measure's dated values with a median column, drawn as a native line
// chart beside them, and the run-chart rules it shows written next to its values (shift, trend, too few or
// too many runs, astronomical points for a person to judge). Pure: the add-on writes the plan in one block.
import { readRunChart, type RunChart } from '../year/run-chart';
import type { CellValue } from '../schema/sheet';
import type { MeasureSeries } from './measures';

/** Date, Value, Median, then what the chart shows; the network's own columns start after a gap at F. */
export const RUN_CHART_WIDTH = 4;
/** Rows a chart needs so the next measure's chart does not sit on it. */
const CHART_ROWS = 18;
/** Charts Rounds draws are recognised by their title, so the network's own charts on the tab stay. */
export const RUN_CHART_TITLE_PREFIX = 'Run chart: ';

export interface RunChartDrawing {
  title: string;
  /** The chart's data: header row, then Date | Value | Median. */
  a1: string;
  anchorRow: number;
  anchorColumn: number;
}

export interface RunChartSummary {
  title: string;
  measure: string;
  school: string;
  dates: string[];
  values: number[];
  median: number | null;
  runs: number;
  useful: number;
  /** Each signal as a sentence, points numbered as a person counts them on the chart. */
  signals: { rule: string; start: number; end: number; why: string }[];
  astronomical: string[];
  notes: string[];
}

export interface RunChartPlan {
  values: CellValue[][];
  charts: RunChartDrawing[];
  summaries: RunChartSummary[];
}

export function summarize(series: MeasureSeries): RunChartSummary {
  const values = series.points.map((p) => p.value);
  const chart: RunChart | null = values.length ? readRunChart(values) : null;
  return {
    title: series.title,
    measure: series.measure,
    school: series.school,
    dates: series.points.map((p) => p.date),
    values,
    median: chart ? chart.median : null,
    runs: chart?.runs ?? 0,
    useful: chart?.useful ?? 0,
    signals: (chart?.signals ?? []).map((s) => ({
      rule: s.rule,
      start: s.start,
      end: s.end,
      why: `${s.rule[0]!.toUpperCase()}${s.rule.slice(1)}: ${s.why}`,
    })),
    astronomical: (chart?.astronomical ?? []).map(
      (a) => `Look at point ${a.index + 1} (${a.value}): ${a.why}`,
    ),
    notes: chart ? chart.notes : ['no values yet'],
  };
}

/** What the chart shows, a line per finding, for the column beside its values and for the sidebar. */
export function findings(summary: RunChartSummary): string[] {
  if (summary.median === null) return ['No values yet.'];
  const lines = [
    `Median ${round(summary.median)}; ${summary.runs} runs in ${summary.useful} useful points.`,
    ...summary.signals.map((s) => `${s.why}.`),
    ...summary.astronomical.map((a) => `${a}.`),
    ...summary.notes.map((n) => `${n[0]!.toUpperCase()}${n.slice(1)}.`),
  ];
  if (!summary.signals.length) lines.splice(1, 0, 'No signal yet: the points vary as chance would.');
  return lines;
}

export function planRunCharts(series: readonly MeasureSeries[]): RunChartPlan {
  const values: CellValue[][] = [];
  const charts: RunChartDrawing[] = [];
  const summaries: RunChartSummary[] = [];
  const put = (row: CellValue[]) => values.push(pad(row));
  if (!series.length) put(['No measures on the Measures tab yet.']);
  for (const s of series) {
    const summary = summarize(s);
    summaries.push(summary);
    const top = values.length + 1;
    const notes = findings(summary);
    put([s.title]);
    put(['Date', 'Value', 'Median', 'What the run chart shows']);
    const height = Math.max(s.points.length, notes.length, CHART_ROWS - 2);
    for (let i = 0; i < height; i++) {
      const p = s.points[i];
      put([
        p?.date ?? '',
        p?.value ?? '',
        p && summary.median !== null ? summary.median : '',
        notes[i] ?? '',
      ]);
    }
    if (s.points.length)
      charts.push({
        title: `${RUN_CHART_TITLE_PREFIX}${s.title}`,
        a1: `A${top + 1}:C${top + 1 + s.points.length}`,
        anchorRow: top,
        anchorColumn: RUN_CHART_WIDTH + 2,
      });
    put([]);
  }
  return { values, charts, summaries };
}

function pad(row: CellValue[]): CellValue[] {
  return Array.from({ length: RUN_CHART_WIDTH }, (_, i) => row[i] ?? '');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
