// Harvest the spotlight: under the document lock, read the cycle's tabs once and let the core find what to
// celebrate — filings noted as a success, tests of change adopted, schools moving on to a step, run charts
// with a signal — then add only the new ones to the Spotlight tab (its Source column remembers each) in
// one append.
import { normalizeHeader, recordToRow, tabByKey } from '../../shared/schema/sheet';
import { parseDay, readTable, text, type TabSnapshot } from '../../shared/tracker/table';
import { harvestSpotlight, type SpotlightItem, type StepMove } from '../../shared/year/spotlight';
import { readChanges } from '../../shared/year-tabs/changes';
import { readMeasures } from '../../shared/year-tabs/measures';
import { readYearTable } from '../../shared/year-tabs/year-table';
import { missingTab, type YearDeps } from './year-deps';

export interface SpotlightResult {
  report: string;
  added: SpotlightItem[];
  problems: string[];
}

const FROM: Readonly<Record<SpotlightItem['kind'], string>> = {
  success: 'Filing',
  'change-adopted': 'Test of change',
  'next-step': 'Next step',
  'run-chart-signal': 'Run chart',
};

/** A filing is a success when its Note says so (“success”, “celebrate”): the way people mark one by hand. */
const SUCCESS = /\b(success|celebrat)/i;

/** The day each school first filed to each step of a cycle, after its first step there: a move on. */
function stepMoves(snapshots: readonly TabSnapshot[]): StepMove[] {
  const filings = readTable(tabByKey('filings'), snapshots);
  const first = new Map<string, { school: string; cycle: string; step: string; date: string; n: number }>();
  for (const row of filings.rows) {
    const school = text(row.get('school'));
    const step = text(row.get('step'));
    const date = parseDay(row.get('filedAt'));
    const n = Number.parseInt(step, 10);
    if (!school || !date || !Number.isFinite(n)) continue;
    const cycle = text(row.get('cycle'));
    const key = `${normalizeHeader(school)}|${normalizeHeader(cycle)}|${n}`;
    const held = first.get(key);
    if (!held || date < held.date) first.set(key, { school, cycle, step, date, n });
  }
  const lowest = new Map<string, number>();
  for (const f of first.values()) {
    const k = `${normalizeHeader(f.school)}|${normalizeHeader(f.cycle)}`;
    lowest.set(k, Math.min(lowest.get(k) ?? Infinity, f.n));
  }
  return [...first.values()]
    .filter((f) => f.n > lowest.get(`${normalizeHeader(f.school)}|${normalizeHeader(f.cycle)}`)!)
    .map((f) => ({ school: f.school, toStep: f.step, date: f.date, ...(f.cycle ? { cycle: f.cycle } : {}) }));
}

export function harvestTheSpotlight(deps: YearDeps): SpotlightResult {
  return deps.lock.run(() => {
    const snapshots = deps.sheets.read(['filings', 'changes', 'measures', 'spotlight']);
    const spotlight = readYearTable('spotlight', snapshots);
    if (!spotlight.table.sheetName) throw missingTab('spotlight');
    const changes = readChanges(snapshots);
    const measures = readMeasures(snapshots);
    const filings = readTable(tabByKey('filings'), snapshots).rows.flatMap((row) => {
      const date = parseDay(row.get('filedAt'));
      const note = text(row.get('note'));
      const school = text(row.get('school'));
      return date && school && SUCCESS.test(note)
        ? [{ school, title: text(row.get('title')) || note, date, success: true }]
        : [];
    });
    const items = harvestSpotlight({
      filings,
      changes: changes.changes.flatMap((c) =>
        c.act && c.school
          ? [
              {
                school: c.school,
                change: c.change,
                date: c.decidedOn ?? c.startedOn ?? deps.today,
                decision: c.act,
              },
            ]
          : [],
      ),
      stepMoves: stepMoves(snapshots),
      measures: measures.series.map((s) => ({
        measure: s.measure,
        ...(s.school ? { school: s.school } : {}),
        dates: s.points.map((p) => p.date),
        points: s.points.map((p) => p.value),
        ...(s.better ? { better: s.better } : {}),
      })),
    });
    const known = new Set(spotlight.table.rows.map((r) => spotlight.text(r, 'source')));
    const added = items.filter((i) => !known.has(i.key));
    const rows = added.map((i) =>
      recordToRow(tabByKey('spotlight'), spotlight.table.headerRow, {
        id: deps.newId(),
        date: i.date,
        school: i.school ?? '',
        celebration: i.headline,
        from: FROM[i.kind],
        source: i.key,
      }),
    );
    deps.sheets.append(spotlight.table.sheetName, rows);
    return {
      report: added.length
        ? `Added ${added.length} celebration${added.length === 1 ? '' : 's'} to the ${spotlight.table.sheetName} tab.`
        : `Nothing new to celebrate since the last harvest; the ${spotlight.table.sheetName} tab already has all ${items.length}.`,
      added,
      problems: [...spotlight.problems, ...changes.problems, ...measures.problems],
    };
  });
}
