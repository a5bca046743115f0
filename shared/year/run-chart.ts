// Run charts for a network's measures: the median, the runs around it and the standard run-chart rules
// (shift, trend, too few or too many runs), plus astronomical points flagged for a person to judge. Used by
// `rounds run-chart`, by the add-on's Measures tab and native charts, and by the Spotlight harvest.
import { FEWEST_USEFUL_POINTS, runsLimits, type RunsLimits } from './run-chart-table';

/** Six or more consecutive points on one side of the median (points on the median skipped) is a shift. */
export const SHIFT_POINTS = 6;
/** Five or more consecutive points all going up or all going down (repeats counted once) is a trend. */
export const TREND_POINTS = 5;
/** Wheeler's constant for limits from the median moving range (XmR chart with median ranges). */
const MEDIAN_RANGE_LIMIT = 3.14;
/** The same with the average moving range, used only when the median moving range is zero. */
const AVERAGE_RANGE_LIMIT = 2.66;
/** Fewer points than this and no point is called astronomical: there is nothing for it to stand out from. */
const FEWEST_FOR_ASTRONOMICAL = 5;

export type RunChartRule = 'shift' | 'trend' | 'runs';

export interface RunChartSignal {
  rule: RunChartRule;
  /** 0-based index of the first point of the signal. */
  start: number;
  /** 0-based index of its last point (inclusive). */
  end: number;
  /** above/below for a shift, up/down for a trend, too few/too many for runs. */
  direction: 'above' | 'below' | 'up' | 'down' | 'too few' | 'too many';
  /** The points the rule counted: off the median for a shift, distinct values for a trend, runs for runs. */
  count: number;
  /** The signal in a sentence, with 1-based point numbers as a person counts them on the chart. */
  why: string;
}

export interface AstronomicalPoint {
  index: number;
  value: number;
  why: string;
}

export interface RunChart {
  median: number;
  /** Runs above and below the median, counted over the useful points. */
  runs: number;
  /** Points not on the median. */
  useful: number;
  signals: RunChartSignal[];
  /** Points so far from the rest that a person should look at them; not a rule, never a signal by itself. */
  astronomical: AstronomicalPoint[];
  /** The limits the runs rule used, when there were enough useful points for it. */
  runsLimits?: RunsLimits;
  /** Things a reader should know, e.g. "too few points" for the runs rule. */
  notes: string[];
}

export function median(values: readonly number[]): number {
  if (!values.length) throw new RangeError('the median of no numbers is undefined');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  // Halved before adding, so two very large values do not overflow to Infinity.
  return sorted.length % 2 ? sorted[mid]! : sorted[mid - 1]! / 2 + sorted[mid]! / 2;
}

/** Reads a run chart. Throws a RangeError naming the problem when there are no points or one is not a finite number. */
export function readRunChart(points: readonly number[]): RunChart {
  if (!points.length) throw new RangeError('a run chart needs at least one point');
  points.forEach((p, i) => {
    if (typeof p !== 'number' || !Number.isFinite(p))
      throw new RangeError(`point ${i + 1} is not a number (${String(p)})`);
  });
  const centre = median(points);
  // +1 above, −1 below, 0 on the median.
  const sides = points.map((p) => Math.sign(p - centre));
  const useful = sides.filter((s) => s !== 0).length;
  const runs = countRuns(sides);
  const signals = [...shifts(sides), ...trends(points)];
  const notes: string[] = [];
  const limits = runsLimits(useful);
  if (limits) {
    const last = points.length - 1;
    if (runs < limits.fewest)
      signals.push({
        rule: 'runs',
        start: 0,
        end: last,
        direction: 'too few',
        count: runs,
        why: `${runs} runs in ${useful} useful points: fewer than ${limits.fewest}, the fewest expected by chance`,
      });
    else if (runs > limits.most)
      signals.push({
        rule: 'runs',
        start: 0,
        end: last,
        direction: 'too many',
        count: runs,
        why: `${runs} runs in ${useful} useful points: more than ${limits.most}, the most expected by chance`,
      });
  } else {
    notes.push(
      `too few points for the runs rule: ${useful} useful point${useful === 1 ? '' : 's'} (points not on the median); it needs at least ${FEWEST_USEFUL_POINTS}`,
    );
  }
  signals.sort((a, b) => a.start - b.start || a.end - b.end);
  const result: RunChart = {
    median: centre,
    runs,
    useful,
    signals,
    astronomical: astronomical(points, centre),
    notes,
  };
  if (limits) result.runsLimits = limits;
  return result;
}

/** A run ends when the line crosses the median; points on the median neither end nor extend one. */
function countRuns(sides: readonly number[]): number {
  let runs = 0;
  let previous = 0;
  for (const side of sides) {
    if (side === 0) continue;
    if (side !== previous) runs++;
    previous = side;
  }
  return runs;
}

function shifts(sides: readonly number[]): RunChartSignal[] {
  const found: RunChartSignal[] = [];
  let side = 0;
  let start = -1;
  let end = -1;
  let count = 0;
  const close = () => {
    if (count >= SHIFT_POINTS) {
      const where = side > 0 ? 'above' : 'below';
      found.push({
        rule: 'shift',
        start,
        end,
        direction: where,
        count,
        why: `${count} points in a row ${where} the median (points ${start + 1} to ${end + 1})`,
      });
    }
  };
  sides.forEach((s, i) => {
    if (s === 0) return;
    if (s !== side) {
      close();
      side = s;
      start = i;
      count = 0;
    }
    count++;
    end = i;
  });
  close();
  return found;
}

function trends(points: readonly number[]): RunChartSignal[] {
  const found: RunChartSignal[] = [];
  let direction = 0;
  let start = 0;
  let end = 0;
  // Distinct values in the current run: a value equal to the one before neither adds nor breaks, and the
  // span runs from the point the movement starts at to the last point that moved.
  let count = 1;
  const close = () => {
    if (direction !== 0 && count >= TREND_POINTS) {
      const way = direction > 0 ? 'up' : 'down';
      found.push({
        rule: 'trend',
        start,
        end,
        direction: way,
        count,
        why: `${count} points in a row going ${way} (points ${start + 1} to ${end + 1}, repeated values counted once)`,
      });
    }
  };
  for (let i = 1; i < points.length; i++) {
    const step = Math.sign(points[i]! - points[i - 1]!);
    if (step === 0) continue;
    if (step === direction) {
      count++;
      end = i;
      continue;
    }
    close();
    direction = step;
    start = i - 1;
    end = i;
    count = 2;
  }
  close();
  return found;
}

/**
 * Our rule for an astronomical point, to be confirmed by a person: a point outside the median ± 3.14 × the
 * median moving range (the natural process limits of an XmR chart computed from medians, after Wheeler),
 * or ± 2.66 × the average moving range when most consecutive points are equal. Needs at least five points.
 */
function astronomical(points: readonly number[], centre: number): AstronomicalPoint[] {
  if (points.length < FEWEST_FOR_ASTRONOMICAL) return [];
  const ranges = points.slice(1).map((p, i) => Math.abs(p - points[i]!));
  let spread = MEDIAN_RANGE_LIMIT * median(ranges);
  if (spread === 0) spread = (AVERAGE_RANGE_LIMIT * ranges.reduce((a, b) => a + b, 0)) / ranges.length;
  if (spread === 0) return [];
  return points.flatMap((value, index) =>
    Math.abs(value - centre) > spread
      ? [
          {
            index,
            value,
            why: `point ${index + 1} (${value}) is further from the median (${centre}) than the chart's usual variation allows (±${round(spread)}): look at what happened then`,
          },
        ]
      : [],
  );
}

const round = (n: number) => Math.round(n * 100) / 100;
