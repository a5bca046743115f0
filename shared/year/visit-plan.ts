// The visit planner: a year of network meetings (a host for each) and rounds of buddy visits between them,
// with the coverage of who hosts, visits and is visited. The one entry point `rounds plan-visits` and the
// add-on's sidebar call; every choice in the plan carries its reason.
import { planBuddyRounds, type BuddyRound } from './buddy-rounds';
import { coverageOf, type SchoolCoverage } from './coverage';
import { planMeetings, type PlannedMeeting } from './meeting-hosts';
import { readNetworkYear, type NetworkYear } from './network-year';

export interface VisitPlan {
  meetings: PlannedMeeting[];
  rounds: BuddyRound[];
  coverage: SchoolCoverage[];
  /** What the plan could not do as asked, and why (e.g. pairs that meet again). */
  notes: string[];
}

export type PlannedYear = { ok: true; plan: VisitPlan } | { ok: false; problems: string[] };

/** Checks the input, then plans; bad input gets every problem named and no plan. */
export function planYear(input: unknown): PlannedYear {
  const read = readNetworkYear(input);
  return read.ok ? { ok: true, plan: planVisits(read.year) } : read;
}

/** Plans a year that has already been checked with readNetworkYear. */
export function planVisits(year: NetworkYear): VisitPlan {
  const meetings = planMeetings(year);
  const buddies = planBuddyRounds(year.schools, year.rounds);
  const notes: string[] = [];
  const missing = meetings.filter((m) => m.host === null).length;
  if (missing)
    notes.push(`${missing} meeting${missing === 1 ? ' has' : 's have'} no available host: see its reason.`);
  const idle = year.schools.length - year.meetings;
  if (year.meetings && idle > 0)
    notes.push(
      `${year.meetings} meeting${year.meetings === 1 ? '' : 's'} for ${year.schools.length} schools: ${idle} school${idle === 1 ? ' does' : 's do'} not host this year; ${idle === 1 ? 'it comes' : 'they come'} first next year.`,
    );
  notes.push(...buddies.notes);
  return {
    meetings,
    rounds: buddies.rounds,
    coverage: coverageOf(year.schools, meetings, buddies.rounds),
    notes,
  };
}
