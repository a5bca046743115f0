// Plan the year's visits from the sidebar: the schools on the Schools tab (strengths, needs, unavailable
// dates) go to the core's visit planner, which picks a host for each meeting and rounds of buddy groups,
// each with its reason; the plan is shown with its coverage, and written to Meetings and Pairs on request.
import { recordToRow, tabByKey, type CellValue } from '../../shared/schema/sheet';
import { readNetworkYear, type NetworkSchool } from '../../shared/year/network-year';
import { planVisits, type VisitPlan } from '../../shared/year/visit-plan';
import { readMeetings } from '../../shared/year-tabs/meetings';
import { readYearTable } from '../../shared/year-tabs/year-table';
import { missingTab, type YearDeps } from './year-deps';

export interface VisitPlanOptions {
  start: string;
  meetings: number;
  cadenceDays: number;
  rounds: number;
}

export interface VisitPlanShown {
  meetings: { date: string; host: string; reason: string }[];
  rounds: { round: number; groups: { schools: string[]; reason: string }[] }[];
  coverage: { school: string; hosted: string[]; visited: string[]; visitedBy: string[]; leftOut: string[] }[];
  notes: string[];
}

export interface VisitPlanResult {
  report: string;
  plan: VisitPlanShown | null;
  problems: string[];
  written: boolean;
}

const READ = ['schools', 'meetings', 'pairs'] as const;

/** The Schools tab as the planner's schools; a date it cannot read is named and left out. */
function schoolsOf(snapshots: Parameters<typeof readYearTable>[1]) {
  const t = readYearTable('schools', snapshots, [
    'name',
    'level',
    'ipopQuestion',
    'strengths',
    'needs',
    'unavailable',
  ]);
  const seen = new Set<string>();
  const schools: NetworkSchool[] = [];
  for (const row of t.table.rows) {
    const name = t.text(row, 'name');
    if (!name) continue;
    const key = name.toLowerCase();
    if (seen.has(key)) {
      t.problems.push(
        `${t.address(row.row, 'name')}: “${name}” is on the Schools tab twice; the planner used the first.`,
      );
      continue;
    }
    seen.add(key);
    const unavailable = t.list(row, 'unavailable').flatMap((typed) => {
      const day = t.day(
        { ...row, get: () => typed },
        'unavailable',
        `${name} may be asked to host that day.`,
      );
      return day ? [day] : [];
    });
    schools.push({
      id: name,
      name,
      level: t.text(row, 'level'),
      ipop: t.text(row, 'ipopQuestion'),
      strengths: t.list(row, 'strengths'),
      needs: t.list(row, 'needs'),
      unavailable,
    });
  }
  return { schools, problems: t.problems };
}

function shown(plan: VisitPlan): VisitPlanShown {
  return {
    meetings: plan.meetings.map((m) => ({ date: m.date, host: m.host ?? '', reason: m.reason })),
    rounds: plan.rounds.map((r) => ({
      round: r.round,
      groups: r.groups.map((g) => ({ schools: g.schools, reason: g.reason })),
    })),
    coverage: plan.coverage.map((c) => ({
      school: c.name,
      hosted: c.hosted,
      visited: c.visited,
      visitedBy: c.visitedBy,
      leftOut: c.leftOut,
    })),
    notes: plan.notes,
  };
}

/**
 * Plans the year and, when `write` is set, adds it to the Meetings and Pairs tabs in one append each — only
 * into an empty year: meetings already on the tab from the start date on, or pairs already planned, are the
 * network's and are never overwritten.
 */
export function planVisitsInSheet(
  deps: YearDeps,
  options: VisitPlanOptions,
  write: boolean,
): VisitPlanResult {
  const run = () => {
    const snapshots = deps.sheets.read(READ);
    const { schools, problems } = schoolsOf(snapshots);
    if (!schools.length)
      return {
        report: 'There are no schools on the Schools tab to plan for yet.',
        plan: null,
        problems,
        written: false,
      };
    const checked = readNetworkYear({ ...options, schools });
    if (!checked.ok)
      return {
        report: `Rounds could not plan this year: ${checked.problems.join('; ')}.`,
        plan: null,
        problems,
        written: false,
      };
    const plan = planVisits(checked.year);
    const result = { plan: shown(plan), problems };
    if (!write)
      return {
        ...result,
        report: `A plan for ${plan.meetings.length} meetings and ${plan.rounds.length} rounds of visits; nothing written yet.`,
        written: false,
      };
    const meetings = readMeetings(snapshots);
    const pairs = readYearTable('pairs', snapshots);
    if (!meetings.sheetName) throw missingTab('meetings');
    if (!pairs.table.sheetName) throw missingTab('pairs');
    const later = meetings.meetings.filter((m) => m.date && m.date >= options.start);
    if (later.length || pairs.table.rows.length) {
      const what = [
        later.length
          ? `${meetings.sheetName} already has ${later.length} meeting${later.length === 1 ? '' : 's'} from ${options.start} on`
          : '',
        pairs.table.rows.length
          ? `${pairs.table.sheetName} already has ${pairs.table.rows.length} planned group${pairs.table.rows.length === 1 ? '' : 's'}`
          : '',
      ].filter(Boolean);
      return {
        ...result,
        report: `Nothing was written: ${what.join(', and ')}. Rounds plans only into an empty year so nothing of yours is overwritten; choose a later start, or move those rows to another tab first.`,
        written: false,
      };
    }
    const meetingRows = plan.meetings.map((m) =>
      recordToRow(tabByKey('meetings'), meetings.table.headerRow, {
        id: deps.newId(),
        date: m.date,
        host: m.host ?? '',
        reason: m.reason,
      }),
    );
    const pairRows = plan.rounds.flatMap((r) =>
      r.groups.map((g) =>
        recordToRow(tabByKey('pairs'), pairs.table.headerRow, {
          id: deps.newId(),
          round: r.round,
          schools: g.schools.join(', '),
          reason: g.reason,
          host: g.visits[0]?.host ?? '',
        } as Record<string, CellValue>),
      ),
    );
    deps.sheets.append(meetings.sheetName, meetingRows);
    deps.sheets.append(pairs.table.sheetName, pairRows);
    return {
      ...result,
      report: `Added ${meetingRows.length} meetings to ${meetings.sheetName} and ${pairRows.length} buddy groups in ${plan.rounds.length} rounds to ${pairs.table.sheetName}, each with its reason.`,
      written: true,
    };
  };
  return write ? deps.lock.run(run) : run();
}
