// Spotlight: celebrations harvested from the cycle — filings marked a success, tests of change adopted,
// schools moving to the next step, a run chart showing a signal — as dated items for the Spotlight tab and
// the ILD's weekly summary. Plain inputs in, so it does not depend on how each tab stores them.
import { readRunChart } from './run-chart';

export interface SuccessFiling {
  school: string;
  title: string;
  date: string;
  success: boolean;
  link?: string;
}

export interface TestOfChange {
  school: string;
  /** The change idea that was tested. */
  change: string;
  /** When the team decided. */
  date: string;
  decision: 'adopt' | 'adapt' | 'abandon' | '';
}

export interface StepMove {
  school: string;
  /** The step the school moved to, e.g. "4 · Examine practice". */
  toStep: string;
  date: string;
  cycle?: string;
}

export interface MeasureSeries {
  measure: string;
  school?: string;
  /** One date per point, same order as the points. */
  dates: string[];
  points: number[];
  /** Which way is better for this measure; without it any shift or trend is shown, worded neutrally. */
  better?: 'up' | 'down';
}

export interface SpotlightInputs {
  filings?: readonly SuccessFiling[];
  changes?: readonly TestOfChange[];
  stepMoves?: readonly StepMove[];
  measures?: readonly MeasureSeries[];
}

export type SpotlightKind = 'success' | 'change-adopted' | 'next-step' | 'run-chart-signal';

export interface SpotlightItem {
  date: string;
  kind: SpotlightKind;
  school?: string;
  /** One line for the Spotlight tab and the weekly summary. */
  headline: string;
  link?: string;
  /** Stable across harvests, so the Spotlight tab adds an item once. */
  key: string;
}

/**
 * Every celebration dated within [from, to] (inclusive, YYYY-MM-DD; either may be left open), newest first.
 * A run chart contributes its shifts and trends in the better direction, dated at the signal's last point;
 * the runs rule is not directional, so it is not celebrated.
 */
export function harvestSpotlight(inputs: SpotlightInputs, from?: string, to?: string): SpotlightItem[] {
  const items: SpotlightItem[] = [];
  for (const f of inputs.filings ?? [])
    if (f.success)
      items.push({
        date: f.date,
        kind: 'success',
        school: f.school,
        headline: `${f.school}: ${f.title.trim()}`,
        ...(f.link ? { link: f.link } : {}),
        key: `success|${f.school}|${f.date}|${f.title.trim()}`,
      });
  for (const c of inputs.changes ?? [])
    if (c.decision === 'adopt')
      items.push({
        date: c.date,
        kind: 'change-adopted',
        school: c.school,
        headline: `${c.school} adopted a change after testing it: ${c.change.trim()}`,
        key: `adopt|${c.school}|${c.date}|${c.change.trim()}`,
      });
  for (const m of inputs.stepMoves ?? [])
    items.push({
      date: m.date,
      kind: 'next-step',
      school: m.school,
      headline: `${m.school} moved on to step ${m.toStep}${m.cycle ? ` of ${m.cycle}` : ''}`,
      key: `step|${m.school}|${m.cycle ?? ''}|${m.toStep}`,
    });
  for (const series of inputs.measures ?? []) items.push(...measureSignals(series));
  return items
    .filter((i) => (!from || i.date >= from) && (!to || i.date <= to))
    .sort((a, b) => b.date.localeCompare(a.date) || a.headline.localeCompare(b.headline));
}

function measureSignals(series: MeasureSeries): SpotlightItem[] {
  const points = series.points.filter((p) => Number.isFinite(p));
  if (points.length !== series.points.length || series.dates.length !== points.length || !points.length)
    return [];
  const chart = readRunChart(points);
  const who = series.school ? `${series.school}: ` : '';
  return chart.signals.flatMap((s): SpotlightItem[] => {
    if (s.rule === 'runs') return [];
    const good =
      !series.better ||
      (series.better === 'up' && (s.direction === 'above' || s.direction === 'up')) ||
      (series.better === 'down' && (s.direction === 'below' || s.direction === 'down'));
    if (!good) return [];
    const count = s.count;
    const what =
      s.rule === 'shift'
        ? `${series.measure} has stayed ${s.direction} its median for ${count} points in a row`
        : `${series.measure} has gone ${s.direction} ${count} points in a row`;
    return [
      {
        date: series.dates[s.end]!,
        kind: 'run-chart-signal',
        ...(series.school ? { school: series.school } : {}),
        headline: `${who}${what}${series.better ? ': a real improvement, not chance' : ''}`,
        key: `signal|${series.school ?? ''}|${series.measure}|${s.rule}|${series.dates[s.start]}`,
      },
    ];
  });
}
