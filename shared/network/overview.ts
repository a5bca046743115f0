// The panel's Network view as data: each cycle with its step, and for each school its step in that cycle, its
// last filing and who filed it — from the Schools, Cycles and Filings tabs every member reads. Pure.
import type { StepNumber } from '../domain';
import { findSchool, type CycleRow, type FilingRow, type NetworkTables } from './network-tables';

export interface LastFiling {
  title: string;
  step: StepNumber | null;
  filedAt: string;
  filedBy?: string;
  kind?: string;
}

export interface SchoolInCycle {
  schoolId: string;
  name: string;
  /** The cycle's current step (the Cycles tab), where this school is working. */
  step: StepNumber | null;
  /** The highest step this school has filed work to in this cycle. */
  furthestFiled: StepNumber | null;
  filings: number;
  lastFiling?: LastFiling;
}

export interface CycleOverview {
  cycleId: string;
  name: string;
  phase?: CycleRow['phase'];
  problem: 'common' | 'individual';
  step: StepNumber | null;
  stepLabel?: string;
  startedOn?: string;
  /** Every school for a common problem; the one school for an individual one. */
  schools: SchoolInCycle[];
  filings: number;
  /** Filed to the cycle without a school (a network-wide reading, say). */
  networkFilings: number;
  lastFiling?: LastFiling;
}

export interface NetworkOverview {
  /** Most recently started first. */
  cycles: CycleOverview[];
  /** Filings whose cycle is not in the Cycles tab (renamed or deleted rows), counted, not lost. */
  filingsWithoutCycle: number;
  /** Filings naming a school the Schools tab does not have. */
  filingsWithUnknownSchool: number;
  /** Cells that could not be read, from the tables. */
  problems: string[];
}

export function networkOverview(
  tables: NetworkTables,
  stepLabels: Readonly<Record<StepNumber, string>>,
): NetworkOverview {
  const byCycle = new Map<string, FilingRow[]>();
  for (const f of tables.filings) byCycle.set(f.cycleId, [...(byCycle.get(f.cycleId) ?? []), f]);
  const cycleIds = new Set(tables.cycles.map((c) => c.id));
  let unknownSchool = 0;

  const cycles = tables.cycles.map((cycle): CycleOverview => {
    const filings = byCycle.get(cycle.id) ?? [];
    const own = findSchool(tables.schools, cycle.school);
    const individual = cycle.problem === 'individual' || (cycle.problem === undefined && own !== undefined);
    const schools = individual ? (own ? [own] : []) : tables.schools;
    const bySchool = new Map<string, FilingRow[]>();
    let networkFilings = 0;
    for (const f of filings) {
      const school = findSchool(tables.schools, f.school) ?? (individual ? own : undefined);
      if (school) bySchool.set(school.id, [...(bySchool.get(school.id) ?? []), f]);
      else if (f.school) unknownSchool++;
      else networkFilings++;
    }
    return {
      cycleId: cycle.id,
      name: cycle.name,
      phase: cycle.phase,
      problem: individual ? 'individual' : 'common',
      step: cycle.currentStep,
      stepLabel: cycle.currentStep ? stepLabels[cycle.currentStep] : undefined,
      startedOn: cycle.startedOn,
      schools: schools.map((s) => {
        const mine = bySchool.get(s.id) ?? [];
        const steps = mine.flatMap((f) => (f.step ? [f.step] : []));
        return {
          schoolId: s.id,
          name: s.name,
          step: cycle.currentStep,
          furthestFiled: steps.length ? (Math.max(...steps) as StepNumber) : null,
          filings: mine.length,
          lastFiling: last(mine),
        };
      }),
      filings: filings.length,
      networkFilings,
      lastFiling: last(filings),
    };
  });
  cycles.sort((a, b) => (b.startedOn ?? '').localeCompare(a.startedOn ?? ''));
  return {
    cycles,
    filingsWithoutCycle: tables.filings.filter((f) => !cycleIds.has(f.cycleId)).length,
    filingsWithUnknownSchool: unknownSchool,
    problems: tables.problems,
  };
}

function last(filings: readonly FilingRow[]): LastFiling | undefined {
  const newest = filings.reduce<FilingRow | undefined>(
    (best, f) => (!best || f.filedAt > best.filedAt ? f : best),
    undefined,
  );
  if (!newest) return undefined;
  return {
    title: newest.title ?? '(untitled)',
    step: newest.step,
    filedAt: newest.filedAt,
    filedBy: newest.filedBy,
    kind: newest.kind,
  };
}
