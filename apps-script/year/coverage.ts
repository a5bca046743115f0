// The year so far, from the sheet: who has hosted a network meeting (Meetings), who has visited a buddy
// school and been visited (Pairs, each group's Visit host receiving the others), and who has been left out
// — the core's coverage, over what the network actually has on its tabs rather than a fresh plan.
import { normalizeHeader } from '../../shared/schema/sheet';
import { coverageOf } from '../../shared/year/coverage';
import type { BuddyRound } from '../../shared/year/buddy-rounds';
import type { PlannedMeeting } from '../../shared/year/meeting-hosts';
import { readMeetings } from '../../shared/year-tabs/meetings';
import { readYearTable } from '../../shared/year-tabs/year-table';
import type { VisitPlanShown } from './visit-planner';
import type { YearDeps } from './year-deps';

export interface CoverageLook {
  coverage: VisitPlanShown['coverage'];
  problems: string[];
}

export function coverageInSheet(deps: Pick<YearDeps, 'sheets' | 'today'>): CoverageLook {
  const snapshots = deps.sheets.read(['schools', 'meetings', 'pairs']);
  const schoolsTab = readYearTable('schools', snapshots, ['name']);
  const byName = new Map<string, string>();
  for (const row of schoolsTab.table.rows) {
    const name = schoolsTab.text(row, 'name');
    if (name && !byName.has(normalizeHeader(name))) byName.set(normalizeHeader(name), name);
  }
  const schools = [...byName.values()].map((name) => ({
    id: name,
    name,
    level: '',
    ipop: '',
    strengths: [],
    needs: [],
    unavailable: [],
  }));
  const problems = [...schoolsTab.problems];
  const school = (typed: string, where: string): string | null => {
    const found = byName.get(normalizeHeader(typed));
    if (!found && typed)
      problems.push(`${where}: “${typed}” is not on the Schools tab; Rounds left it out of the coverage.`);
    return found ?? null;
  };
  const read = readMeetings(snapshots);
  problems.push(...read.problems);
  const meetings: PlannedMeeting[] = read.meetings.flatMap((m) =>
    m.date && m.date <= deps.today && m.host
      ? [{ date: m.date, host: school(m.host, `${read.sheetName}!row ${m.row}`), reason: m.reason }]
      : [],
  );
  const pairs = readYearTable('pairs', snapshots);
  problems.push(...pairs.problems);
  const rounds = new Map<number, BuddyRound>();
  for (const row of pairs.table.rows) {
    const round = Number(pairs.text(row, 'round'));
    const members = pairs
      .list(row, 'schools')
      .flatMap((s) => school(s, pairs.address(row.row, 'schools')) ?? []);
    const host = school(pairs.text(row, 'host'), pairs.address(row.row, 'host'));
    if (!host)
      problems.push(
        `${pairs.address(row.row, 'host')}: no visit host, so this group counts as paired but not as a visit.`,
      );
    const entry = rounds.get(round) ?? { round, groups: [] };
    entry.groups.push({
      schools: members,
      reason: pairs.text(row, 'reason'),
      visits: host ? members.filter((m) => m !== host).map((visitor) => ({ visitor, host })) : [],
      newPartners: true,
      needsMet: 0,
    });
    rounds.set(round, entry);
  }
  const coverage = coverageOf(schools, meetings, [...rounds.values()]).map((c) => ({
    school: c.name,
    hosted: c.hosted,
    visited: c.visited,
    visitedBy: c.visitedBy,
    leftOut: c.leftOut,
  }));
  return { coverage, problems };
}
