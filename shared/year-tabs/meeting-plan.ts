// The meeting planner's view of the spreadsheet, worked out in the core: for each meeting its agenda (the
// proven default blocks, with the minutes the ILD typed on the Meetings tab), the operations slot filled
// from must-do mandates and the ILD's translations, the topic principals voted for, and the warnings.
import { addDays } from '../year/calendar-dates';
import {
  AGENDA_LEAD_DAYS,
  agendaFor,
  agendaWarnings,
  type AgendaBlock,
  type OperationsNotice,
} from '../year/agenda';
import { rankTopics, type RankedTopic } from '../year/topics';
import { normalizeHeader, tabByKey } from '../schema/sheet';
import { cellAddress, parseDay, readTable, text, type TabSnapshot } from '../tracker/table';
import type { AgendaDocInput } from './agenda-doc';
import { readMeetings, type Meeting } from './meetings';
import { readTopics } from './topics';
import { readYearTable } from './year-table';

export interface MeetingPlan {
  row: number;
  date: string;
  host: string;
  /** The Topics tab's choice when the meeting has none of its own. */
  topic: string;
  topicFromVote: boolean;
  blocks: AgendaBlock[];
  warnings: string[];
  agendaDoc: string;
  agendaSent: string | null;
  lookFors: string[];
  toShow: string;
  feedbackWanted: string;
  reason: string;
}

export interface MeetingLook {
  meetings: MeetingPlan[];
  topics: RankedTopic[];
  topicNotes: string[];
  schools: string[];
  problems: string[];
}

/** The tabs the planner reads, each once. */
export const MEETING_TABS = [
  'schools',
  'meetings',
  'topics',
  'mandates',
  'translations',
  'pairs',
  'settings',
] as const;

const BLOCK_MINUTES: Readonly<Record<string, keyof Meeting['minutes']>> = {
  'warm-up': 'warmUp',
  'walk-through': 'walkThrough',
  'extended-session': 'session',
  operations: 'operations',
};

/** Must-do mandates and the ILD's translations of them, as the operations slot takes them. */
export function operationsNotices(snapshots: readonly TabSnapshot[]): OperationsNotice[] {
  const mustDo = (tier: string) => normalizeHeader(tier).replace(/[\s-]+/g, '_') === 'must_do';
  // Members share their own copies of an email (one row each): the operations slot lists the email once.
  const listed = new Set<string>();
  const mandates = readTable(tabByKey('mandates'), snapshots).rows.flatMap((r): OperationsNotice[] => {
    if (!mustDo(text(r.get('tier')))) return [];
    const messageId = text(r.get('messageId')).replace(/^<|>$/g, '');
    if (messageId && listed.has(messageId)) return [];
    if (messageId) listed.add(messageId);
    const due = parseDay(r.get('firstDue'));
    return [{ subject: text(r.get('subject')), whatToDo: '', from: 'mandate', ...(due ? { due } : {}) }];
  });
  const translations = readTable(tabByKey('translations'), snapshots).rows.flatMap(
    (r): OperationsNotice[] => {
      if (!mustDo(text(r.get('tier')))) return [];
      const due = parseDay(r.get('byWhen'));
      const subject = text(r.get('subject')) || text(r.get('meaning'));
      return [{ subject, whatToDo: text(r.get('todo')), from: 'translation', ...(due ? { due } : {}) }];
    },
  );
  return [...mandates, ...translations];
}

export function planMeetings(snapshots: readonly TabSnapshot[], today: string): MeetingLook {
  const { meetings, problems } = readMeetings(snapshots);
  const topicsRead = readTopics(snapshots);
  const schools = readTable(tabByKey('schools'), snapshots)
    .rows.map((r) => text(r.get('name')))
    .filter(Boolean);
  const taken = topicsRead.topics.filter((t) => t.takenOn).map((t) => t.topic);
  const ranking = rankTopics(
    topicsRead.topics.map((t) => ({
      topic: t.topic,
      proposedBy: t.proposedBy,
      proposedOn: t.proposedOn ?? '',
    })),
    topicsRead.topics.flatMap((t) => t.voters.map((voter) => ({ topic: t.topic, voter }))),
    taken,
  );
  const notices = operationsNotices(snapshots);
  const dated = meetings.filter((m): m is Meeting & { date: string } => m.date !== null);
  const key = (name: string) => normalizeHeader(name);
  const names = Object.fromEntries(schools.map((s) => [key(s), s]));
  let top = ranking.ranked[0]?.topic ?? '';
  const plans = [...dated]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((m): MeetingPlan => {
      const own = m.topic;
      // The vote's winner goes to the next meeting without a topic; later ones wait for the next vote.
      const topic = own || (m.date >= today ? top : '');
      const fromVote = !own && topic !== '';
      if (fromVote) top = '';
      const blocks = agendaFor(m.date, topic || undefined, notices).map((b) => {
        const typed = BLOCK_MINUTES[b.kind] ? m.minutes[BLOCK_MINUTES[b.kind]!] : null;
        return typed !== null && typed !== undefined ? { ...b, minutes: typed } : b;
      });
      const warnings = agendaWarnings({
        blocks,
        meetingDate: m.date,
        sentOn: m.agendaSent ?? (m.date >= today ? today : undefined),
        host: key(m.host),
        meetings: dated.map((d) => ({ date: d.date, host: d.host ? key(d.host) : null })),
        schools: schools.map(key),
        names,
      }).map((w) => w.message);
      return {
        row: m.row,
        date: m.date,
        host: m.host,
        topic,
        topicFromVote: fromVote,
        blocks,
        warnings,
        agendaDoc: m.agendaDoc,
        agendaSent: m.agendaSent,
        lookFors: m.lookFors,
        toShow: m.toShow,
        feedbackWanted: m.feedbackWanted,
        reason: m.reason,
      };
    });
  return {
    meetings: plans,
    topics: ranking.ranked,
    topicNotes: ranking.notes,
    schools,
    problems: [...problems, ...topicsRead.problems],
  };
}

/** The buddy visits of the round that follows a meeting: round n after the n-th meeting of the year. */
export function visitsAfter(
  snapshots: readonly TabSnapshot[],
  plan: MeetingLook,
  meeting: MeetingPlan,
): string[] {
  const round = plan.meetings.findIndex((m) => m.row === meeting.row) + 1;
  const pairs = readYearTable('pairs', snapshots);
  return pairs.table.rows.flatMap((row) => {
    if (Number(pairs.text(row, 'round')) !== round) return [];
    const why = pairs.text(row, 'reason');
    return [`Round ${round}: ${pairs.list(row, 'schools').join(' ↔ ')}${why ? ` (${why})` : ''}`];
  });
}

/** Everything the agenda Doc says about one meeting. */
export function agendaDocInput(
  snapshots: readonly TabSnapshot[],
  plan: MeetingLook,
  meeting: MeetingPlan,
  prep: { toShow: string; feedbackWanted: string },
): AgendaDocInput {
  const host = readTable(tabByKey('schools'), snapshots).rows.find(
    (r) => normalizeHeader(r.get('name')) === normalizeHeader(meeting.host),
  );
  const operations = meeting.blocks.find((b) => b.kind === 'operations')?.items ?? [];
  const { start } = meetingStart(snapshots);
  return {
    date: meeting.date,
    host: meeting.host,
    topic: meeting.topic,
    blocks: meeting.blocks.map((b) => ({ title: b.title, minutes: b.minutes })),
    problemOfPractice: host ? text(host.get('ipopQuestion')) : '',
    lookFors: meeting.lookFors,
    visits: visitsAfter(snapshots, plan, meeting),
    operations,
    toShow: prep.toShow,
    feedbackWanted: prep.feedbackWanted,
    sendBy: addDays(meeting.date, -AGENDA_LEAD_DAYS),
    ...(start ? { start } : {}),
  };
}

/** The network's template Doc, from the Settings tab's “Agenda template” row (a Doc link or its id). */
export function agendaTemplateId(snapshots: readonly TabSnapshot[]): string | null {
  const settings = readTable(tabByKey('settings'), snapshots);
  const row = settings.rows.find((r) => normalizeHeader(r.get('setting')) === 'agenda template');
  const value = row ? text(row.get('value')) : '';
  if (!value) return null;
  const fromLink = /\/d\/([A-Za-z0-9_-]{10,})/.exec(value)?.[1];
  if (fromLink) return fromLink;
  return /^[A-Za-z0-9_-]{10,}$/.test(value) ? value : null;
}

/**
 * When meetings start, from the Settings tab's “Meeting starts” row (“08:30”): the time, or a sentence
 * naming the cell when it is not a time the agenda can count from.
 */
export function meetingStart(snapshots: readonly TabSnapshot[]): { start?: string; problem?: string } {
  const settings = readTable(tabByKey('settings'), snapshots);
  const row = settings.rows.find((r) => normalizeHeader(r.get('setting')) === 'meeting starts');
  const value = row ? text(row.get('value')) : '';
  if (!row || !value) return {};
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) return { start: value };
  return {
    problem: `${cellAddress(settings.sheetName ?? 'Settings', row.row, settings.positions.get('value') ?? 0)}: “${value}” is not a time like 08:30, so the agenda counts its blocks from 0:00`,
  };
}
