// Run-chart rules on series made for each case: points on the median, ties in trends, short series.
import { describe, expect, it } from 'vitest';
import { median, readRunChart } from '../../../shared/year/run-chart';
import { runsLimits } from '../../../shared/year/run-chart-table';

const rules = (points: number[]) =>
  readRunChart(points).signals.map(({ rule, start, end, direction }) => ({ rule, start, end, direction }));

describe('median, runs and useful points', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1e308, 1.5e308])).toBe(1.25e308);
  });

  it('counts runs over the points off the median; points on it neither break nor add to a run', () => {
    // median 5: sides + + 0 + − − 0 −  → runs: (+ + +) (− − −) = 2; useful 6
    const chart = readRunChart([6, 7, 5, 8, 2, 3, 5, 1]);
    expect(chart.median).toBe(5);
    expect(chart.useful).toBe(6);
    expect(chart.runs).toBe(2);
  });
});

describe('shift: six or more in a row on one side of the median', () => {
  it('finds six below then six above, each with its inclusive 0-based span', () => {
    expect(rules([1, 2, 1, 2, 1, 2, 9, 8, 9, 8, 9, 8])).toEqual([
      { rule: 'shift', start: 0, end: 5, direction: 'below' },
      { rule: 'runs', start: 0, end: 11, direction: 'too few' },
      { rule: 'shift', start: 6, end: 11, direction: 'above' },
    ]);
  });

  it('does not count a point on the median, and does not let it break the run', () => {
    // The median of these 13 points is 5: five above, one on the median, one more above = a shift of six.
    const points = [7, 8, 7, 9, 8, 5, 6, 1, 2, 1, 3, 2, 4];
    expect(median(points)).toBe(5);
    const shift = readRunChart(points).signals.filter((s) => s.rule === 'shift');
    expect(shift).toEqual([
      expect.objectContaining({ start: 0, end: 6, direction: 'above' }),
      expect.objectContaining({ start: 7, end: 12, direction: 'below' }),
    ]);
    // Five above and the median point alone is not a shift.
    const five = readRunChart([7, 8, 7, 9, 8, 5, 1, 2, 1, 3, 4]);
    expect(five.median).toBe(5);
    expect(five.signals.filter((s) => s.rule === 'shift')).toEqual([]);
  });
});

describe('trend: five or more going up or down', () => {
  it('counts a repeated value once: it neither adds to nor breaks the trend', () => {
    expect(rules([3, 4, 4, 5, 6])).toEqual([]); // only four distinct steps of value
    expect(rules([3, 4, 4, 5, 6, 7]).filter((s) => s.rule === 'trend')).toEqual([
      { rule: 'trend', start: 0, end: 5, direction: 'up' },
    ]);
  });

  it('finds a falling trend that starts after a turn, spanning from where the fall begins', () => {
    expect(rules([1, 2, 9, 8, 7, 7, 6, 5, 6]).filter((s) => s.rule === 'trend')).toEqual([
      { rule: 'trend', start: 2, end: 7, direction: 'down' },
    ]);
  });

  it('ignores four in a row and a flat series', () => {
    expect(rules([1, 2, 3, 4, 1, 2, 3, 4]).filter((s) => s.rule === 'trend')).toEqual([]);
    expect(rules([4, 4, 4, 4, 4, 4, 4])).toEqual([]);
  });
});

describe('too few or too many runs', () => {
  it('flags a chart that crosses the median every point (too many runs)', () => {
    const zigzag = Array.from({ length: 20 }, (_, i) => (i % 2 ? 10 : 1));
    const chart = readRunChart(zigzag);
    expect(chart.useful).toBe(20);
    expect(chart.runs).toBe(20);
    expect(chart.runsLimits).toMatchObject({ fewest: 6, most: 16, source: 'published table' });
    expect(chart.signals).toEqual([expect.objectContaining({ rule: 'runs', direction: 'too many' })]);
  });

  it('says "too few points" for fewer than ten useful points instead of using the rule', () => {
    const chart = readRunChart([1, 9, 1, 9, 1, 9, 5]);
    expect(chart.useful).toBe(6);
    expect(chart.signals).toEqual([]);
    expect(chart.runsLimits).toBeUndefined();
    expect(chart.notes[0]).toMatch(/too few points/);
  });

  it('a single point has no runs rule and no astronomical point', () => {
    const chart = readRunChart([42]);
    expect(chart).toMatchObject({ median: 42, runs: 0, useful: 0, signals: [], astronomical: [] });
  });

  it('keeps each published limit within one run of the exact Swed–Eisenhart 2.5% limits', () => {
    for (let n = 10; n <= 60; n++) {
      const exact = swedEisenhart(n);
      const table = runsLimits(n)!;
      expect(table.source).toBe('published table');
      expect(Math.abs(table.fewest - exact.fewest), `fewest at ${n}`).toBeLessThanOrEqual(1);
      expect(Math.abs(table.most - exact.most), `most at ${n}`).toBeLessThanOrEqual(1);
      if (n > 10) expect(table.fewest).toBeGreaterThanOrEqual(runsLimits(n - 1)!.fewest);
    }
  });

  it('continues past 60 useful points without a jump where the table ends', () => {
    expect(runsLimits(61)).toMatchObject({ fewest: 24, most: 39, source: 'normal approximation' });
    const at100 = runsLimits(100)!;
    const exact = swedEisenhart(100);
    expect(Math.abs(at100.fewest - exact.fewest)).toBeLessThanOrEqual(1);
    expect(Math.abs(at100.most - exact.most)).toBeLessThanOrEqual(1);
  });
});

describe('astronomical points, for a person to judge', () => {
  it('flags one point far outside the chart’s usual variation and nothing in ordinary noise', () => {
    const chart = readRunChart([10, 11, 9, 10, 12, 10, 48, 11, 9, 10]);
    expect(chart.astronomical.map((p) => p.index)).toEqual([6]);
    expect(chart.astronomical[0]!.why).toMatch(/point 7 \(48\)/);
    expect(readRunChart([10, 11, 9, 10, 12, 10, 13, 11, 9, 10]).astronomical).toEqual([]);
  });
});

describe('bad input', () => {
  it('names the point that is not a number, and refuses an empty chart', () => {
    expect(() => readRunChart([1, Number.NaN])).toThrow(/point 2 is not a number/);
    expect(() => readRunChart([])).toThrow(/at least one point/);
  });
});

/** Exact two-sided 5% limits (2.5% each side) from the runs distribution with n/2 points on each side. */
function swedEisenhart(n: number): { fewest: number; most: number } {
  const n1 = Math.floor(n / 2);
  const n2 = n - n1;
  const choose = (a: number, b: number): number => {
    if (b < 0 || b > a) return 0;
    let r = 1;
    for (let i = 0; i < b; i++) r = (r * (a - i)) / (i + 1);
    return r;
  };
  const total = choose(n, n1);
  const p = (r: number) => {
    if (r % 2 === 0) return (2 * choose(n1 - 1, r / 2 - 1) * choose(n2 - 1, r / 2 - 1)) / total;
    const k = (r - 1) / 2;
    return (choose(n1 - 1, k) * choose(n2 - 1, k - 1) + choose(n1 - 1, k - 1) * choose(n2 - 1, k)) / total;
  };
  const cdf: number[] = [];
  let sum = 0;
  for (let r = 0; r <= n; r++) cdf.push((sum += r >= 2 ? p(r) : 0));
  let fewest = 2;
  for (let r = 2; r <= n; r++) if (cdf[r - 1]! <= 0.025) fewest = r;
  let most = n;
  for (let r = n; r >= 2; r--) if (1 - cdf[r]! <= 0.025) most = r;
  return { fewest, most };
}
