// The Meetings tab as records: each network meeting's date, host, topic, the minutes the ILD set per agenda
// block (blank means the proven default), the host-prep notes and where its agenda lives.
import type { TabSnapshot } from '../tracker/table';
import { readYearTable } from './year-table';

export interface MeetingMinutes {
  warmUp: number | null;
  walkThrough: number | null;
  session: number | null;
  operations: number | null;
}

export interface Meeting {
  /** 1-based sheet row, for writing the agenda's link back. */
  row: number;
  id: string;
  date: string | null;
  host: string;
  topic: string;
  minutes: MeetingMinutes;
  lookFors: string[];
  toShow: string;
  feedbackWanted: string;
  agendaSent: string | null;
  folderId: string;
  agendaDoc: string;
  reason: string;
}

export const MINUTE_KEYS = ['warmUp', 'walkThrough', 'session', 'operations'] as const;

export function readMeetings(snapshots: readonly TabSnapshot[]) {
  const t = readYearTable('meetings', snapshots);
  const meetings: Meeting[] = t.table.rows.map((row) => {
    const minutes = Object.fromEntries(
      MINUTE_KEYS.map((k) => [k, t.number(row, k, 'the agenda uses the default length for this block.')]),
    ) as unknown as MeetingMinutes;
    return {
      row: row.row,
      id: t.text(row, 'id'),
      date: t.day(row, 'date', 'this meeting is left out of the year until it has a date.'),
      host: t.text(row, 'host'),
      topic: t.text(row, 'topic'),
      minutes,
      lookFors: t
        .text(row, 'lookFors')
        .split(/\n|;/)
        .map((s) => s.trim())
        .filter(Boolean),
      toShow: t.text(row, 'toShow'),
      feedbackWanted: t.text(row, 'feedbackWanted'),
      agendaSent: t.day(row, 'agendaSent', 'Rounds counts the agenda as not sent yet.'),
      folderId: t.text(row, 'folderId'),
      agendaDoc: t.text(row, 'agendaDoc'),
      reason: t.text(row, 'reason'),
    };
  });
  return { meetings, sheetName: t.table.sheetName, table: t.table, problems: t.problems };
}
