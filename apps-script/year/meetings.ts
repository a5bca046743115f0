// The meeting planner's commands: read the meetings with their agendas and warnings, save the minutes the
// ILD set per block, and Create agenda — a Doc in the meeting's folder from the network's template (its
// placeholders filled) or a clean default, its link and the voted topic written back to the sheet.
import { recordToRow, tabByKey, type CellValue } from '../../shared/schema/sheet';
import { readTable, type TabSnapshot } from '../../shared/tracker/table';
import { agendaDocLines, docsRequests, placeholderRequests } from '../../shared/year-tabs/agenda-doc';
import {
  agendaDocInput,
  agendaTemplateId,
  MEETING_TABS,
  meetingStart,
  planMeetings,
  type MeetingLook,
} from '../../shared/year-tabs/meeting-plan';
import { MINUTE_KEYS, readMeetings, type MeetingMinutes } from '../../shared/year-tabs/meetings';
import { readTopics } from '../../shared/year-tabs/topics';
import type { AgendaDocs } from '../services/agenda-docs';
import { missingTab, type YearDeps } from './year-deps';

export interface MeetingsLook extends MeetingLook {
  today: string;
}

export interface AgendaCreated {
  report: string;
  docUrl: string;
  warnings: string[];
}

export const docUrl = (id: string) => `https://docs.google.com/document/d/${id}/edit`;

export function lookAtMeetings(deps: Pick<YearDeps, 'sheets' | 'today'>): MeetingsLook {
  return { ...planMeetings(deps.sheets.read(MEETING_TABS), deps.today), today: deps.today };
}

function meetingRow(snapshots: readonly TabSnapshot[], row: number) {
  const read = readMeetings(snapshots);
  if (!read.sheetName) throw missingTab('meetings');
  const meeting = read.meetings.find((m) => m.row === row);
  if (!meeting)
    throw new Error(
      `Row ${row} of ${read.sheetName} holds no meeting any more; reload the sidebar and try again.`,
    );
  return { read, meeting, cells: read.table.rows.find((r) => r.row === row)!.cells };
}

/** The block lengths the ILD set in the sidebar, into the meeting's row in one write. */
export function saveAgendaMinutes(deps: YearDeps, row: number, minutes: MeetingMinutes): string {
  for (const key of MINUTE_KEYS) {
    const m = minutes[key];
    if (m !== null && (!Number.isInteger(m) || m < 0 || m > 480))
      throw new Error(
        `${m} is not a length Rounds can keep for a block: use whole minutes from 0 to 480. Nothing was written.`,
      );
  }
  return deps.lock.run(() => {
    const snapshots = deps.sheets.read(['meetings']);
    const { read, cells } = meetingRow(snapshots, row);
    const gone = MINUTE_KEYS.filter((k) => !read.table.positions.has(k));
    if (gone.length)
      throw new Error(
        `${read.sheetName} has no ${gone.map((k) => `“${tabByKey('meetings').columns.find((c) => c.key === k)!.header}”`).join(' or ')} column, so Rounds cannot keep these minutes. Nothing was written; Extensions → Rounds → Upgrade tracker puts it back.`,
      );
    const record = Object.fromEntries(MINUTE_KEYS.map((k) => [k, minutes[k] ?? ''])) as Record<
      string,
      CellValue
    >;
    deps.sheets.write(read.sheetName!, row, 1, [
      recordToRow(tabByKey('meetings'), read.table.headerRow, record, cells),
    ]);
    return `Saved the agenda's minutes in row ${row} of ${read.sheetName}.`;
  });
}

/**
 * Create agenda: the Doc (two Drive/Docs calls: make or copy, then one batchUpdate), then the meeting's row
 * (its Agenda Doc, and the voted topic when it had none) and the topic's row (taken at this meeting).
 */
export function createAgenda(
  deps: YearDeps,
  docs: AgendaDocs,
  row: number,
  prep: { toShow?: string; feedbackWanted?: string } = {},
): AgendaCreated {
  return deps.lock.run(() => {
    const snapshots = deps.sheets.read(MEETING_TABS);
    const { read, meeting: typed, cells } = meetingRow(snapshots, row);
    const look = planMeetings(snapshots, deps.today);
    const meeting = look.meetings.find((m) => m.row === row);
    if (!meeting || !typed.host)
      throw new Error(
        `Row ${row} of ${read.sheetName} needs a date and a host school before Rounds can write its agenda. Nothing was written.`,
      );
    const toShow = prep.toShow?.trim() || typed.toShow;
    const feedbackWanted = prep.feedbackWanted?.trim() || typed.feedbackWanted;
    const input = agendaDocInput(snapshots, look, meeting, { toShow, feedbackWanted });
    const name = `Network meeting agenda — ${meeting.date} — ${meeting.host}`;
    const folder = typed.folderId || null;
    const notes: string[] = [];
    const start = meetingStart(snapshots);
    if (start.problem) notes.push(start.problem);
    const templateId = agendaTemplateId(snapshots);
    let id: string | null = null;
    if (templateId) {
      const copy = docs.copyTemplate(templateId, name, folder);
      if ('id' in copy) {
        id = copy.id;
        docs.update(id, placeholderRequests(input));
        notes.push('from the network’s template');
      } else
        notes.push(
          `Rounds could not copy the template Doc named in Settings (${copy.error}), so it wrote a clean agenda; Rounds can only copy a template it has been given (pick it with Extensions → Rounds → Connect…, or make the template with Rounds)`,
        );
    }
    if (!id) {
      id = docs.createDoc(name, folder);
      docs.update(id, docsRequests(agendaDocLines(input)));
    }
    const record: Record<string, CellValue> = { agendaDoc: docUrl(id), toShow, feedbackWanted };
    if (meeting.topicFromVote) record.topic = meeting.topic;
    deps.sheets.write(read.sheetName!, row, 1, [
      recordToRow(tabByKey('meetings'), read.table.headerRow, record, cells),
    ]);
    if (meeting.topicFromVote) markTopicTaken(deps, snapshots, meeting.topic, meeting.date);
    return {
      report: `The agenda for ${meeting.date} at ${meeting.host} is a Doc ${folder ? 'in the meeting’s folder' : 'in your Drive (the meeting has no Folder ID)'}${notes.length ? `, ${notes.join('; ')}` : ''}. Its link is in row ${row} of ${read.sheetName}.`,
      docUrl: docUrl(id),
      warnings: meeting.warnings,
    };
  });
}

function markTopicTaken(
  deps: YearDeps,
  snapshots: readonly TabSnapshot[],
  topic: string,
  date: string,
): void {
  const topics = readTopics(snapshots);
  const chosen = topics.topics.find((t) => t.topic === topic);
  const table = readTable(tabByKey('topics'), snapshots);
  if (!chosen || !topics.sheetName) return;
  const cells = table.rows.find((r) => r.row === chosen.row)?.cells ?? [];
  deps.sheets.write(topics.sheetName, chosen.row, 1, [
    recordToRow(tabByKey('topics'), table.headerRow, { takenOn: date }, cells),
  ]);
}
