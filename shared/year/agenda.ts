// The network meeting's agenda in the format that keeps principals coming: warm-up and introductions,
// a classroom walk-through, an extended session on a topic the principals chose and a short operations slot
// pre-filled from the week's must-do mandates — every block editable, with warnings when the format slips.
import { addDays, daysBetween, isCalendarDate } from './calendar-dates';

export type AgendaBlockKind = 'warm-up' | 'walk-through' | 'extended-session' | 'operations' | 'other';

export interface AgendaBlock {
  kind: AgendaBlockKind;
  title: string;
  minutes: number;
  /** Lines under the block's heading in the agenda Doc (for operations: one per item). */
  items: string[];
}

export const DEFAULT_MINUTES: Record<Exclude<AgendaBlockKind, 'other'>, number> = {
  'warm-up': 30,
  'walk-through': 90,
  'extended-session': 90,
  operations: 15,
};

/** Operations and compliance is held to its default 15 minutes unless the network says otherwise. */
export const OPERATIONS_CAP_MINUTES = DEFAULT_MINUTES.operations;
/** An agenda goes out at least this many days before the meeting. */
export const AGENDA_LEAD_DAYS = 14;
/** The longest a single block may be: a whole school day. */
export const MAX_BLOCK_MINUTES = 480;

/** The proven format, with the principals' chosen topic in the extended session when there is one. */
export function defaultAgenda(topic?: string): AgendaBlock[] {
  const chosen = topic?.trim();
  return [
    { kind: 'warm-up', title: 'Warm-up and introductions', minutes: DEFAULT_MINUTES['warm-up'], items: [] },
    {
      kind: 'walk-through',
      title: 'Classroom walk-through',
      minutes: DEFAULT_MINUTES['walk-through'],
      items: [],
    },
    {
      kind: 'extended-session',
      title: chosen ? `Extended session: ${chosen}` : 'Extended session on a topic the principals chose',
      minutes: DEFAULT_MINUTES['extended-session'],
      items: [],
    },
    {
      kind: 'operations',
      title: 'Operations and compliance',
      minutes: DEFAULT_MINUTES.operations,
      items: [],
    },
  ];
}

/** A must-do mandate or the ILD's translation of one, as the operations slot needs it. */
export interface OperationsNotice {
  subject: string;
  /** YYYY-MM-DD, when there is a deadline. */
  due?: string;
  whatToDo: string;
  /** A translation is the ILD's plain-words version: it wins over the mandate with the same subject. */
  from?: 'mandate' | 'translation';
}

/**
 * Operations items for a meeting: notices due from the meeting date until the next meeting (`untilDays`,
 * 14 by default) and undated ones, the ILD's translation taking the place of the mandate with the same subject,
 * soonest deadline first. Each item reads "subject — what to do (due YYYY-MM-DD)".
 */
export function operationsItems(
  notices: readonly OperationsNotice[],
  meetingDate: string,
  untilDays = AGENDA_LEAD_DAYS,
): string[] {
  const end = addDays(meetingDate, untilDays);
  const bySubject = new Map<string, OperationsNotice>();
  for (const notice of notices) {
    const subject = notice.subject.trim();
    if (!subject) continue;
    if (notice.due && isCalendarDate(notice.due) && (notice.due < meetingDate || notice.due >= end)) continue;
    const key = subject.toLowerCase().replace(/\s+/g, ' ');
    const held = bySubject.get(key);
    // The translation's words win; the mandate's subject stays, as principals know the email by it.
    if (!held) bySubject.set(key, notice);
    else if (notice.from === 'translation' && held.from !== 'translation')
      bySubject.set(key, { ...notice, subject: held.subject });
  }
  return [...bySubject.values()]
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.subject.localeCompare(b.subject))
    .map((n) => {
      const what = n.whatToDo.trim();
      const due = n.due ? ` (due ${n.due})` : '';
      return `${n.subject.trim()}${what ? ` — ${what}` : ''}${due}`;
    });
}

/** The default agenda with its operations slot filled from the notices. */
export function agendaFor(
  meetingDate: string,
  topic: string | undefined,
  notices: readonly OperationsNotice[],
) {
  const blocks = defaultAgenda(topic);
  blocks[3]!.items = operationsItems(notices, meetingDate);
  return blocks;
}

export type AgendaWarningKind =
  | 'operations-over-cap'
  | 'operations-into-walk-through'
  | 'walk-through-short'
  | 'agenda-late'
  | 'host-twice';

export interface AgendaWarning {
  kind: AgendaWarningKind;
  message: string;
}

export interface AgendaCheck {
  blocks: readonly AgendaBlock[];
  /** YYYY-MM-DD of the meeting. */
  meetingDate: string;
  /** YYYY-MM-DD the agenda goes out (today, when it is being sent). */
  sentOn?: string;
  /** The host school's id, and the year's meetings so far (with this one or without it). */
  host?: string;
  meetings?: ReadonlyArray<{ date: string; host: string | null }>;
  /** Every school's id, to tell whether all have hosted. */
  schools?: readonly string[];
  /** Names to use in messages, by school id. */
  names?: Readonly<Record<string, string>>;
  operationsCap?: number;
}

export function agendaWarnings(check: AgendaCheck): AgendaWarning[] {
  const warnings: AgendaWarning[] = [];
  const total = (kind: AgendaBlockKind) =>
    check.blocks.filter((b) => b.kind === kind).reduce((sum, b) => sum + b.minutes, 0);
  const cap = check.operationsCap ?? OPERATIONS_CAP_MINUTES;
  const operations = total('operations');
  const walk = total('walk-through');
  const walkWanted = DEFAULT_MINUTES['walk-through'];
  if (operations > cap)
    warnings.push({
      kind: 'operations-over-cap',
      message: `Operations and compliance is ${operations} minutes, past its ${cap}: send the rest in the weekly summary so announcements do not take the meeting over.`,
    });
  if (walk < walkWanted) {
    const short =
      walk === 0
        ? 'There is no classroom walk-through'
        : `The classroom walk-through is ${walk} minutes, ${walkWanted - walk} short of ${walkWanted}`;
    warnings.push(
      operations > cap
        ? {
            kind: 'operations-into-walk-through',
            message: `${short}, while operations has grown to ${operations} minutes: operations is eating into the walk-through.`,
          }
        : { kind: 'walk-through-short', message: `${short}: the walk-through is the heart of the meeting.` },
    );
  }
  if (check.sentOn && isCalendarDate(check.sentOn) && isCalendarDate(check.meetingDate)) {
    const lead = daysBetween(check.sentOn, check.meetingDate);
    if (lead < AGENDA_LEAD_DAYS)
      warnings.push({
        kind: 'agenda-late',
        message:
          lead < 0
            ? `The meeting on ${check.meetingDate} has already happened.`
            : `The agenda goes out ${lead} day${lead === 1 ? '' : 's'} before the meeting; principals need at least ${AGENDA_LEAD_DAYS} to plan.`,
      });
  }
  const twice = hostTwice(check);
  if (twice) warnings.push(twice);
  return warnings;
}

/** The host has hosted before, this year, while another school has not hosted as often. */
function hostTwice(check: AgendaCheck): AgendaWarning | undefined {
  const { host, meetings, schools } = check;
  if (!host || !meetings || !schools?.length) return undefined;
  const hosted = new Map(schools.map((s) => [s, 0]));
  for (const m of meetings)
    if (m.host !== null && m.date < check.meetingDate && hosted.has(m.host))
      hosted.set(m.host, hosted.get(m.host)! + 1);
  const times = hosted.get(host) ?? 0;
  const fewest = Math.min(...hosted.values());
  if (times === 0 || times <= fewest) return undefined;
  const name = (id: string) => check.names?.[id] ?? id;
  const waiting = [...hosted].filter(([, n]) => n === fewest).map(([id]) => name(id));
  const shown =
    waiting.length > 5
      ? `${waiting.slice(0, 5).join(', ')} and ${waiting.length - 5} more`
      : waiting.join(', ');
  return {
    kind: 'host-twice',
    message: `${name(host)} has already hosted ${times === 1 ? 'once' : `${times} times`} this year, and ${shown} ${waiting.length === 1 ? 'has' : 'have'} not hosted ${fewest === 0 ? 'yet' : 'as often'}: every school hosts once before any hosts twice.`,
  };
}

/** Clock times for each block from a start time "HH:MM", for the agenda Doc. */
export function agendaTimes(
  blocks: readonly AgendaBlock[],
  start: string,
): Array<{ start: string; end: string }> {
  const m = /^(\d{1,2}):(\d{2})$/.exec(start.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59)
    throw new RangeError(`start time "${start}" is not a time like 08:30`);
  let at = Number(m[1]) * 60 + Number(m[2]);
  const clock = (minutes: number) =>
    `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return blocks.map((b) => {
    const from = at;
    at += b.minutes;
    return { start: clock(from), end: clock(at) };
  });
}

/** What is wrong with a block a person edited, or undefined when it is fine (the sheet names the cell). */
export function blockProblem(block: { title?: unknown; minutes?: unknown }): string | undefined {
  if (typeof block.title !== 'string' || !block.title.trim()) return 'the block needs a title';
  const minutes = block.minutes;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes))
    return `minutes must be a whole number (got ${JSON.stringify(minutes)})`;
  if (minutes < 1 || minutes > MAX_BLOCK_MINUTES) return `minutes must be between 1 and ${MAX_BLOCK_MINUTES}`;
  return undefined;
}
