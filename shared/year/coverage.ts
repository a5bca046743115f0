// Who has hosted a network meeting, visited a buddy school and been visited this year, and who has been left
// out of any of the three: the coverage view the add-on's sidebar and `rounds plan-visits --coverage` show.
import type { BuddyRound } from './buddy-rounds';
import type { PlannedMeeting } from './meeting-hosts';
import type { NetworkSchool } from './network-year';

export interface SchoolCoverage {
  school: string;
  name: string;
  /** Dates of the network meetings it hosts. */
  hosted: string[];
  /** Ids of the schools it visits, one per buddy round it goes visiting. */
  visited: string[];
  /** Ids of the schools that visit it. */
  visitedBy: string[];
  /** What it misses this year, in words (empty when it hosts, visits and is visited). */
  leftOut: string[];
}

export function coverageOf(
  schools: readonly NetworkSchool[],
  meetings: readonly PlannedMeeting[],
  rounds: readonly BuddyRound[],
): SchoolCoverage[] {
  const rows = new Map<string, SchoolCoverage>(
    schools.map((s) => [
      s.id,
      { school: s.id, name: s.name, hosted: [], visited: [], visitedBy: [], leftOut: [] },
    ]),
  );
  for (const m of meetings) if (m.host !== null) rows.get(m.host)?.hosted.push(m.date);
  for (const round of rounds)
    for (const group of round.groups)
      for (const visit of group.visits) {
        rows.get(visit.visitor)?.visited.push(visit.host);
        rows.get(visit.host)?.visitedBy.push(visit.visitor);
      }
  const anyVisits = rounds.length > 0;
  for (const row of rows.values()) {
    if (meetings.length && !row.hosted.length) row.leftOut.push('hosts no meeting');
    if (anyVisits && !row.visited.length) row.leftOut.push('visits no school');
    if (anyVisits && !row.visitedBy.length) row.leftOut.push('is not visited');
  }
  return [...rows.values()];
}

/** The coverage as a plain-text table for a terminal, with who was left out listed underneath. */
export function coverageTable(coverage: readonly SchoolCoverage[]): string {
  const header = ['School', 'Hosted', 'Visited', 'Visited by', 'Left out of'];
  const rows = coverage.map((c) => [
    c.name,
    String(c.hosted.length),
    String(c.visited.length),
    String(c.visitedBy.length),
    c.leftOut.join(', ') || '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 1 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const left = coverage.filter((c) => c.leftOut.length);
  out.push(
    '',
    left.length
      ? `Left out: ${left.map((c) => `${c.name} (${c.leftOut.join(', ')})`).join('; ')}`
      : 'Left out: nobody: every school hosts, visits and is visited.',
  );
  return out.join('\n') + '\n';
}
