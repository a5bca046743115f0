// How many runs above and below the median a run chart of a given number of useful points should have if
// only chance is at work: fewer or more is a signal. The run chart's "too few or too many runs" rule.
//
// Source: Perla RJ, Provost LP, Murray SK. "The run chart: a simple analytical tool for learning from
// variation in healthcare processes." BMJ Quality & Safety 2011;20:46–51, Table 1 ("Tests for number of
// runs above and below the median"), itself derived from Swed FS, Eisenhart C. "Tables for testing
// randomness of grouping in a sequence of alternatives." Annals of Mathematical Statistics 1943;14:66–87,
// at about a 5% risk of a false signal (2.5% each side). The table covers 10 to 60 useful points.
//
// Past 60 useful points the published table stops; there we use the normal approximation to the same
// Swed–Eisenhart distribution (half the points above, half below) at the same 2.5% each side, which gives
// the table's own limits at 60 (24 and 38), so the rule does not jump where the table ends.

/** [fewest runs, most runs] that are not a signal, by number of useful points (index = useful − 10). */
const PUBLISHED: ReadonlyArray<readonly [number, number]> = [
  [3, 9], // 10
  [3, 10],
  [3, 11],
  [4, 11],
  [4, 12],
  [5, 12], // 15
  [5, 13],
  [5, 13],
  [6, 14],
  [6, 15],
  [6, 16], // 20
  [7, 16],
  [7, 17],
  [7, 17],
  [8, 18],
  [8, 18], // 25
  [9, 19],
  [10, 19],
  [10, 20],
  [10, 20],
  [11, 21], // 30
  [11, 22],
  [11, 23],
  [12, 23],
  [12, 24],
  [13, 24], // 35
  [13, 25],
  [13, 25],
  [14, 26],
  [14, 26],
  [15, 27], // 40
  [16, 27],
  [16, 28],
  [17, 28],
  [17, 29],
  [17, 30], // 45
  [17, 31],
  [18, 31],
  [18, 32],
  [19, 32],
  [19, 33], // 50
  [20, 33],
  [20, 34],
  [21, 34],
  [21, 35],
  [22, 35], // 55
  [22, 36],
  [23, 36],
  [23, 37],
  [24, 38],
  [24, 38], // 60
];

/** The fewest useful points the runs rule is used with: below this a chart has too few points to judge. */
export const FEWEST_USEFUL_POINTS = 10;

export interface RunsLimits {
  /** Fewer runs than this is a signal ("too few runs"). */
  fewest: number;
  /** More runs than this is a signal ("too many runs"). */
  most: number;
  /** Where the limits come from, in words. */
  source: 'published table' | 'normal approximation';
}

/** The limits for this many useful points, or undefined when there are too few points to use the rule. */
export function runsLimits(useful: number): RunsLimits | undefined {
  if (!Number.isInteger(useful) || useful < FEWEST_USEFUL_POINTS) return undefined;
  const row = PUBLISHED[useful - FEWEST_USEFUL_POINTS];
  if (row) return { fewest: row[0], most: row[1], source: 'published table' };
  // Swed–Eisenhart with n/2 points each side: mean 1 + n/2, variance m(m − 1)/(2m − 1) with m = n/2.
  const m = useful / 2;
  const mean = 1 + m;
  const sd = Math.sqrt((m * (m - 1)) / (2 * m - 1));
  return {
    fewest: Math.ceil(mean - 1.96 * sd),
    most: Math.floor(mean + 1.96 * sd),
    source: 'normal approximation',
  };
}
