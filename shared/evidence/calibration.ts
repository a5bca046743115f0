// Calibration for protocols that use ratings (1–4 by default): when two or more observers rate the same
// classroom's look-fors, how often they agree exactly or within one point, how much of that beats chance
// (Cohen's kappa for two observers, Fleiss' kappa for more), and which ratings are far enough apart to
// talk through in the debrief. Rounds are not evaluation: this calibrates observers' eyes, not teachers.

export interface Rating {
  classroom: string;
  lookFor: string;
  /** The observer's initials (compared without regard to case or spaces around them). */
  observer: string;
  /** A whole number on the protocol's scale; a sheet's "3" is read as 3. */
  rating: number | string;
}

/** A rating that was not used, by its position in the list given (the sheet maps it back to a row). */
export interface RatingProblem {
  index: number;
  message: string;
}

export type Kappa =
  | { method: 'cohen' | 'fleiss'; value: number }
  | { method: 'cohen' | 'fleiss' | 'none'; value: null; reason: string };

export interface Agreement {
  /** Look-fors (in a classroom) rated by two or more observers: only these are compared. */
  items: number;
  observers: string[];
  /** Pairs of ratings compared (an item rated by three observers gives three pairs). */
  pairs: number;
  /** Share of pairs with the same rating; null when nothing was compared. */
  exact: number | null;
  /** Share of pairs at most one point apart (exact included). */
  adjacent: number | null;
  kappa: Kappa;
}

export interface Discrepancy {
  classroom: string;
  lookFor: string;
  ratings: Array<{ observer: string; rating: number }>;
  /** Highest rating minus lowest. */
  spread: number;
}

export interface Calibration {
  /** Every compared look-for of every classroom taken together. */
  overall: Agreement;
  /** Each classroom seen by two or more observers, in the order first given. */
  classrooms: Array<{ classroom: string; agreement: Agreement }>;
  /** Widest spread first. */
  discrepancies: Discrepancy[];
  problems: RatingProblem[];
}

export interface CalibrationOptions {
  /** The rating scale; 1–4 unless the protocol says otherwise. */
  scale?: { min: number; max: number };
  /**
   * The spread at which observers should talk a rating through. 2 by default: on a four-point scale a
   * one-point difference (3 vs 4) is the ordinary noise of two people's judgment, while two points (2 vs 4)
   * put the same lesson on both sides of the proficiency line, which is what a calibration talk is for.
   */
  discrepancyAt?: number;
}

interface Item {
  classroom: string;
  lookFor: string;
  ratings: Array<{ observer: string; rating: number }>;
}

const key = (s: string) => s.trim().toLowerCase();

export function calibrate(ratings: readonly Rating[], options: CalibrationOptions = {}): Calibration {
  const { min, max } = options.scale ?? { min: 1, max: 4 };
  const discrepancyAt = options.discrepancyAt ?? 2;
  const problems: RatingProblem[] = [];
  const items = new Map<string, Item>();
  const seen = new Map<string, number>();

  ratings.forEach((r, index) => {
    const problem = (message: string) => problems.push({ index, message });
    const classroom = typeof r.classroom === 'string' ? r.classroom.trim() : '';
    const lookFor = typeof r.lookFor === 'string' ? r.lookFor.trim() : '';
    const observer = typeof r.observer === 'string' ? r.observer.trim().toUpperCase() : '';
    if (!classroom) return problem('the classroom is empty');
    if (!lookFor) return problem('the look-for is empty');
    if (!observer) return problem("the observer's initials are empty");
    const value = typeof r.rating === 'string' && r.rating.trim() !== '' ? Number(r.rating.trim()) : r.rating;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      return problem(`the rating "${String(r.rating)}" is not a whole number from ${min} to ${max}`);
    const itemKey = `${key(classroom)}\u0000${key(lookFor)}`;
    const ratingKey = `${itemKey}\u0000${observer}`;
    const first = seen.get(ratingKey);
    if (first !== undefined)
      return problem(
        `${observer} already rated "${lookFor}" in ${classroom} (item ${first + 1}); the first rating is used`,
      );
    seen.set(ratingKey, index);
    const item = items.get(itemKey) ?? { classroom, lookFor, ratings: [] };
    item.ratings.push({ observer, rating: value });
    items.set(itemKey, item);
  });

  const compared = [...items.values()].filter((i) => i.ratings.length >= 2);
  const byClassroom = new Map<string, Item[]>();
  for (const item of compared) {
    const list = byClassroom.get(key(item.classroom)) ?? [];
    list.push(item);
    byClassroom.set(key(item.classroom), list);
  }

  const discrepancies: Discrepancy[] = compared
    .map((item) => {
      const values = item.ratings.map((r) => r.rating);
      return { ...item, spread: Math.max(...values) - Math.min(...values) };
    })
    .filter((d) => d.spread >= discrepancyAt)
    .sort(
      (a, b) =>
        b.spread - a.spread || a.classroom.localeCompare(b.classroom) || a.lookFor.localeCompare(b.lookFor),
    );

  return {
    overall: agreement(compared, min, max),
    classrooms: [...byClassroom.values()].map((list) => ({
      classroom: list[0]!.classroom,
      agreement: agreement(list, min, max),
    })),
    discrepancies,
    problems,
  };
}

function agreement(items: Item[], min: number, max: number): Agreement {
  const observers = [...new Set(items.flatMap((i) => i.ratings.map((r) => r.observer)))].sort();
  let pairs = 0;
  let exact = 0;
  let adjacent = 0;
  for (const { ratings } of items)
    for (let a = 0; a < ratings.length; a++)
      for (let b = a + 1; b < ratings.length; b++) {
        const gap = Math.abs(ratings[a]!.rating - ratings[b]!.rating);
        pairs++;
        if (gap === 0) exact++;
        if (gap <= 1) adjacent++;
      }
  return {
    items: items.length,
    observers,
    pairs,
    exact: pairs ? exact / pairs : null,
    adjacent: pairs ? adjacent / pairs : null,
    kappa: kappaFor(items, observers, min, max),
  };
}

function kappaFor(items: Item[], observers: string[], min: number, max: number): Kappa {
  if (!items.length)
    return { method: 'none', value: null, reason: 'no look-for was rated by two or more observers' };
  const categories = Array.from({ length: max - min + 1 }, (_, k) => min + k);
  if (observers.length === 2) {
    const [first, second] = observers as [string, string];
    const a = items.map((i) => i.ratings.find((r) => r.observer === first)!.rating);
    const b = items.map((i) => i.ratings.find((r) => r.observer === second)!.rating);
    const n = items.length;
    const observed = a.filter((v, k) => v === b[k]).length / n;
    const chance = categories.reduce(
      (sum, c) => sum + (a.filter((v) => v === c).length / n) * (b.filter((v) => v === c).length / n),
      0,
    );
    if (chance >= 1 - 1e-12) return undefinedKappa('cohen', a[0]!);
    return { method: 'cohen', value: (observed - chance) / (1 - chance) };
  }
  // Fleiss (1971), allowing each item its own number of raters: P_i is the share of agreeing rater pairs
  // on item i, p_j the share of all ratings in category j.
  const counts = items.map((i) => categories.map((c) => i.ratings.filter((r) => r.rating === c).length));
  const perItem = counts.map((row) => {
    const n = row.reduce((s, x) => s + x, 0);
    return (row.reduce((s, x) => s + x * x, 0) - n) / (n * (n - 1));
  });
  const observed = perItem.reduce((s, p) => s + p, 0) / items.length;
  const total = counts.reduce((s, row) => s + row.reduce((t, x) => t + x, 0), 0);
  const chance = categories.reduce((sum, _, j) => {
    const p = counts.reduce((s, row) => s + row[j]!, 0) / total;
    return sum + p * p;
  }, 0);
  if (chance >= 1 - 1e-12) return undefinedKappa('fleiss', items[0]!.ratings[0]!.rating);
  return { method: 'fleiss', value: (observed - chance) / (1 - chance) };
}

function undefinedKappa(method: 'cohen' | 'fleiss', rating: number): Kappa {
  return {
    method,
    value: null,
    reason: `every rating is ${rating}, so agreement by chance is already 100% and kappa is undefined (the observers agree on every look-for)`,
  };
}
