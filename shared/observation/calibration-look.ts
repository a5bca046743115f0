// Calibration of a visit from what Collect the visit wrote to the Debrief tab: every observer's 1–4 rating of
// a look-for in a classroom, compared where two or more observers saw the same classroom.
import { calibrate, type Calibration, type Rating } from '../evidence/calibration';
import { tabByKey } from '../schema/sheet';
import { cellAddress, readTable, text, type TabSnapshot } from '../tracker/table';

export type { Calibration };

export function calibrationOfVisit(
  snapshots: readonly TabSnapshot[],
  visit: string,
): { calibration: Calibration; problems: string[] } {
  const table = readTable(tabByKey('debrief'), snapshots);
  const ratings: Rating[] = [];
  const rows: number[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    if (text(row.get('visit')) !== visit || text(row.get('section')) !== 'evidence') continue;
    const rating = text(row.get('rating'));
    if (!rating) continue;
    const r = {
      classroom: text(row.get('classroom')),
      lookFor: text(row.get('lookFor')),
      observer: text(row.get('observer')),
      rating,
    };
    // An observer's several lines about one look-for in one classroom carry one rating: count it once.
    const key = `${r.classroom.toLowerCase()}|${r.lookFor}|${r.observer.toUpperCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ratings.push(r);
    rows.push(row.row);
  }
  const calibration = calibrate(ratings);
  const sheet = table.sheetName ?? 'Debrief';
  const at = table.positions.get('rating') ?? 0;
  const problems = calibration.problems.map(
    (p) => `${cellAddress(sheet, rows[p.index] ?? 0, at)}: ${p.message}; this rating was left out.`,
  );
  return { calibration, problems };
}
