// Who hosts each network meeting: a meeting every `cadenceDays` from `start`, every school hosting once before
// any hosts twice, never on a date the school said it cannot, each choice with its reason in plain words.
import { addDays } from './calendar-dates';
import type { NetworkSchool, NetworkYear } from './network-year';

export interface PlannedMeeting {
  date: string;
  /** The host school's id, or null when no school is available on that date. */
  host: string | null;
  reason: string;
}

/**
 * Meetings are planned in turns of as many meetings as there are schools. Within a turn the schools that
 * have hosted least go first, in the order the network listed them; a school unavailable on its date swaps
 * with another (a bipartite matching, so a swap is found whenever one exists). Only when no school still
 * waiting for its turn can take a date does a school host again, and the reason says so.
 */
export function planMeetings(year: NetworkYear): PlannedMeeting[] {
  const schools = year.schools;
  const unavailable = schools.map((s) => new Set(s.unavailable));
  const hosted = new Array<number>(schools.length).fill(0);
  const dates = Array.from({ length: year.meetings }, (_, i) => addDays(year.start, i * year.cadenceDays));
  const meetings: PlannedMeeting[] = [];
  for (let from = 0; from < dates.length; from += schools.length) {
    const turn = dates.slice(from, from + schools.length);
    meetings.push(...planTurn(turn, schools, unavailable, hosted));
  }
  return meetings;
}

function planTurn(
  dates: string[],
  schools: readonly NetworkSchool[],
  unavailable: ReadonlyArray<Set<string>>,
  hosted: number[],
): PlannedMeeting[] {
  // Schools that have hosted least first, then in the network's own order.
  const order = schools.map((_, i) => i).sort((a, b) => hosted[a]! - hosted[b]! || a - b);
  const fewest = hosted[order[0]!] ?? 0;
  const waiting = order.filter((i) => hosted[i] === fewest);
  const free = (school: number, meeting: number) => !unavailable[school]!.has(dates[meeting]!);
  const hostOf = new Array<number>(dates.length).fill(-1);
  const meetingOf = new Map<number, number>();
  const skipped = new Array<string | undefined>(dates.length);
  // The school whose turn it is takes the date when it can.
  dates.forEach((_, m) => {
    const next = waiting[m];
    if (next === undefined) return;
    if (free(next, m)) {
      hostOf[m] = next;
      meetingOf.set(next, m);
    } else skipped[m] = schools[next]!.name;
  });
  // Then each open date looks for a waiting school: one still without a date if it can, else the school on
  // the nearest date moves here when its own date can be filled (an augmenting path, so a swap is found
  // whenever one exists, and the nearest swap is tried first so the rest of the turn keeps its order).
  const assign = (s: number, m: number) => {
    hostOf[m] = s;
    meetingOf.set(s, m);
  };
  const augment = (m: number, seen: Set<number>): boolean => {
    for (const s of waiting)
      if (!meetingOf.has(s) && free(s, m)) {
        assign(s, m);
        return true;
      }
    for (let d = 1; d < dates.length; d++)
      for (const other of [m + d, m - d]) {
        const s = other >= 0 && other < dates.length ? hostOf[other]! : -1;
        if (s === -1 || seen.has(s) || !free(s, m)) continue;
        seen.add(s);
        if (augment(other, seen)) {
          assign(s, m);
          return true;
        }
      }
    return false;
  };
  dates.forEach((_, m) => {
    if (hostOf[m] === -1) augment(m, new Set());
  });

  const hostingThisTurn = new Set(hostOf);
  return dates.map((date, m) => {
    let host = hostOf[m]!;
    let reason: string;
    if (host !== -1) {
      const times = hosted[host]! + 1;
      reason =
        times === 1
          ? `${schools[host]!.name} hosts for the first time: every school hosts once before any hosts twice`
          : `${schools[host]!.name} hosts for the ${ordinal(times)} time: every school has hosted ${times - 1} time${times === 2 ? '' : 's'}`;
      if (skipped[m] && skipped[m] !== schools[host]!.name)
        reason += ` (${skipped[m]}, next in turn, is unavailable on ${date})`;
    } else {
      // No school still waiting can take this date: the available school that has hosted least does.
      host = order.find((s) => free(s, m) && !hostingThisTurn.has(s)) ?? -1;
      if (host === -1) host = order.find((s) => free(s, m)) ?? -1;
      hostingThisTurn.add(host);
      reason =
        host === -1
          ? `no school is available on ${date}: choose a host by hand or move the meeting`
          : `${schools[host]!.name} hosts again: every school still waiting to host is unavailable on ${date}`;
    }
    if (host !== -1) hosted[host]!++;
    return { date, host: host === -1 ? null : schools[host]!.id, reason };
  });
}

function ordinal(n: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
  return words[n - 1] ?? `${n}th`;
}
