// Calibration of observers' 1–4 ratings, checked against examples worked by hand in the comments: exact and
// adjacent agreement, Cohen's kappa for two observers, Fleiss' kappa for more, and the ratings to discuss.
import { describe, expect, it } from 'vitest';
import { calibrate, type Rating } from '../../../shared/evidence/calibration';

/** One classroom's ratings, observer by observer, one value per look-for (LF1, LF2, …). */
function ratingsOf(classroom: string, byObserver: Record<string, number[]>): Rating[] {
  return Object.entries(byObserver).flatMap(([observer, values]) =>
    values.map((rating, k) => ({ classroom, lookFor: `LF${k + 1}`, observer, rating })),
  );
}

describe('calibrate', () => {
  it("gives Cohen's kappa for two observers (worked by hand)", () => {
    // Ten look-fors. Agreements on LF1, 2, 4, 5, 7, 9, 10: p_o = 7/10.
    // Margins — DO: 1×1, 3×2, 4×3, 2×4; KM: 1×1, 2×2, 5×3, 2×4.
    // p_e = (1·1 + 3·2 + 4·5 + 2·2) / 100 = 31/100; κ = (0.70 − 0.31) / (1 − 0.31) = 0.39 / 0.69 = 13/23.
    const result = calibrate(
      ratingsOf('Visit 3, classroom A', {
        DO: [1, 2, 2, 3, 3, 3, 4, 4, 2, 3],
        KM: [1, 2, 3, 3, 3, 4, 4, 3, 2, 3],
      }),
    );
    expect(result.problems).toEqual([]);
    const a = result.overall;
    expect(a.items).toBe(10);
    expect(a.observers).toEqual(['DO', 'KM']);
    expect(a.pairs).toBe(10);
    expect(a.exact).toBeCloseTo(0.7, 12);
    expect(a.adjacent).toBe(1);
    expect(a.kappa.method).toBe('cohen');
    expect(a.kappa.value).toBeCloseTo(13 / 23, 12);
    expect(result.discrepancies).toEqual([]);
    expect(result.classrooms).toHaveLength(1);
    expect(result.classrooms[0]!.agreement).toEqual(a);
  });

  it('matches the textbook two-category example: 50 items, p_o = 0.7, p_e = 0.5, so κ = 0.4', () => {
    // 20 both "2", 5 A:2 B:1, 10 A:1 B:2, 15 both "1". A says 2 on 25/50, B on 30/50:
    // p_e = 0.5·0.6 + 0.5·0.4 = 0.5.
    const pairs = [
      ...Array<[number, number]>(20).fill([2, 2]),
      ...Array<[number, number]>(5).fill([2, 1]),
      ...Array<[number, number]>(10).fill([1, 2]),
      ...Array<[number, number]>(15).fill([1, 1]),
    ];
    const ratings = pairs.flatMap(([a, b], k) => [
      { classroom: 'C', lookFor: `LF${k}`, observer: 'A', rating: a },
      { classroom: 'C', lookFor: `LF${k}`, observer: 'B', rating: b },
    ]);
    expect(calibrate(ratings).overall.kappa.value).toBeCloseTo(0.4, 12);
  });

  it("gives Fleiss' kappa for three observers (worked by hand) and lists the wide spread", () => {
    // Counts per category 1–4 and P_i = (Σ n_ij² − 3) / 6:
    //   LF1 2,2,2 → [0,3,0,0] P=1;  LF2 3,3,4 → [0,0,2,1] P=1/3;  LF3 1,3,4 → [1,0,1,1] P=0;  LF4 4,4,4 → P=1
    //   P̄ = (1 + 1/3 + 0 + 1) / 4 = 7/12.  Category totals 1,3,3,5 of 12:
    //   P̄_e = (1 + 9 + 9 + 25) / 144 = 11/36.  κ = (7/12 − 11/36) / (1 − 11/36) = (10/36) / (25/36) = 0.4.
    // Pairs: 12; exact 3+1+0+3 = 7; within one point 3+3+1+3 = 10.
    const result = calibrate(
      ratingsOf('Visit 3, classroom B', { AB: [2, 3, 1, 4], CD: [2, 3, 3, 4], EF: [2, 4, 4, 4] }),
    );
    const a = result.overall;
    expect(a.kappa).toEqual({ method: 'fleiss', value: expect.closeTo(0.4, 12) as number });
    expect(a.pairs).toBe(12);
    expect(a.exact).toBeCloseTo(7 / 12, 12);
    expect(a.adjacent).toBeCloseTo(10 / 12, 12);
    expect(result.discrepancies).toEqual([
      {
        classroom: 'Visit 3, classroom B',
        lookFor: 'LF3',
        spread: 3,
        ratings: [
          { observer: 'AB', rating: 1 },
          { observer: 'CD', rating: 3 },
          { observer: 'EF', rating: 4 },
        ],
      },
    ]);
  });

  it('says kappa is undefined, with the reason, when every rating is the same', () => {
    const result = calibrate(ratingsOf('C', { DO: [3, 3, 3], KM: [3, 3, 3] }));
    expect(result.overall.exact).toBe(1);
    expect(result.overall.kappa).toEqual({
      method: 'cohen',
      value: null,
      reason: expect.stringMatching(/every rating is 3.*kappa is undefined/) as string,
    });
    const three = calibrate(ratingsOf('C', { A: [2, 2], B: [2, 2], C: [2, 2] }));
    expect(three.overall.kappa.method).toBe('fleiss');
    expect(three.overall.kappa.value).toBeNull();
  });

  it('compares nothing when each classroom had one observer, and says so', () => {
    const result = calibrate([
      ...ratingsOf('Room-free label 1', { DO: [3, 4] }),
      ...ratingsOf('Room-free label 2', { KM: [2, 2] }),
    ]);
    expect(result.classrooms).toEqual([]);
    expect(result.overall).toMatchObject({ items: 0, pairs: 0, exact: null, adjacent: null });
    expect(result.overall.kappa).toMatchObject({ method: 'none', value: null });
  });

  it('reports each classroom on its own and all of them together', () => {
    const result = calibrate([
      ...ratingsOf('Visit 1', { DO: [4, 3, 2], KM: [4, 3, 2] }),
      ...ratingsOf('Visit 2', { DO: [1, 4], RT: [3, 4] }),
    ]);
    expect(result.classrooms.map((c) => [c.classroom, c.agreement.exact])).toEqual([
      ['Visit 1', 1],
      ['Visit 2', 0.5],
    ]);
    expect(result.classrooms[0]!.agreement.kappa).toEqual({ method: 'cohen', value: 1 });
    // Three observers in all, two per look-for: Fleiss' kappa over the five look-fors.
    expect(result.overall.kappa.method).toBe('fleiss');
    expect(result.overall.items).toBe(5);
    expect(result.discrepancies.map((d) => [d.classroom, d.lookFor, d.spread])).toEqual([
      ['Visit 2', 'LF1', 2],
    ]);
  });

  it('refuses bad ratings by position with a reason, and uses the rest', () => {
    const result = calibrate([
      { classroom: 'C', lookFor: 'Talk', observer: 'do', rating: '3' },
      { classroom: 'C', lookFor: 'Talk', observer: 'KM ', rating: 3 },
      { classroom: 'C', lookFor: 'Talk', observer: 'DO', rating: 4 },
      { classroom: 'C', lookFor: 'Tasks', observer: 'DO', rating: 5 },
      { classroom: 'C', lookFor: 'Tasks', observer: 'KM', rating: 2.5 },
      { classroom: 'C', lookFor: 'Tasks', observer: 'RT', rating: 'three' },
      { classroom: ' ', lookFor: 'Tasks', observer: 'RT', rating: 2 },
      { classroom: 'C', lookFor: '', observer: 'RT', rating: 2 },
      { classroom: 'C', lookFor: 'Tasks', observer: '', rating: 2 },
    ]);
    expect(result.problems.map((p) => p.index)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(result.problems[0]!.message).toMatch(
      /DO already rated "Talk" in C \(item 1\); the first rating is used/,
    );
    expect(result.problems[1]!.message).toMatch(/"5" is not a whole number from 1 to 4/);
    expect(result.problems[3]!.message).toMatch(/"three"/);
    expect(result.problems[4]!.message).toMatch(/classroom is empty/);
    expect(result.overall).toMatchObject({ items: 1, pairs: 1, exact: 1 });
  });

  it('follows a protocol’s own scale and spread', () => {
    const ratings = ratingsOf('C', { A: [1, 5, 3], B: [2, 3, 3] });
    expect(calibrate(ratings).problems).toHaveLength(1);
    const wide = calibrate(ratings, { scale: { min: 1, max: 5 }, discrepancyAt: 3 });
    expect(wide.problems).toEqual([]);
    expect(wide.discrepancies).toEqual([]);
    expect(calibrate(ratings, { scale: { min: 1, max: 5 } }).discrepancies).toHaveLength(1);
  });
});
