// The meeting planner over the typed fakes: agendas in the proven format with the ILD's own minutes, the
// warnings when the format slips, the operations slot from must-do mail in the ILD's words, the topic the
// principals voted for, and Create agenda writing a Doc (from the network's template when there is one).
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../shared/schema/sheet';
import { agendaDocsOf } from '../../apps-script/services/agenda-docs';
import { createAgenda, lookAtMeetings, saveAgendaMinutes } from '../../apps-script/year/meetings';
import { FakeMeetingDocs } from '../../tools/apps-script-fakes/meeting-docs';
import { callsPerTab, yearDeps, yearSpreadsheet } from './year-network';

const SCHOOLS: Record<string, CellValue>[] = [
  {
    name: 'Maple Grove K-8',
    ipopQuestion: 'How do our students use evidence from the text when they explain their thinking?',
  },
  { name: 'Harborview K-8' },
  { name: 'Linden Park K-8' },
  { name: 'Sycamore Ridge K-8' },
];

function network(extra: Parameters<typeof yearSpreadsheet>[0] = {}) {
  return yearSpreadsheet({
    schools: SCHOOLS,
    meetings: [
      { date: '2026-09-15', host: 'Maple Grove K-8' },
      { date: '2026-10-13', host: 'Harborview K-8' },
      {
        date: '2026-12-15',
        host: 'Maple Grove K-8',
        walkThrough: 75,
        operations: 30,
        folderId: 'folder-dec',
        lookFors: 'Students cite the text; Students build on each other’s ideas',
        toShow: 'Grade 5 book clubs',
        feedbackWanted: 'How I follow up after walk-throughs',
      },
    ],
    topics: [
      {
        topic: 'Feedback that moves teachers',
        proposedBy: 'Harborview K-8',
        proposedOn: '2026-10-01',
        votes: 'Harborview K-8, Linden Park K-8',
      },
      {
        topic: 'Master schedules for intervention',
        proposedBy: 'Linden Park K-8',
        proposedOn: '2026-09-20',
        votes: 'Sycamore Ridge K-8, Maple Grove K-8',
      },
      {
        topic: 'Family conferences',
        proposedBy: 'Maple Grove K-8',
        proposedOn: '2026-10-05',
        votes: 'Maple Grove K-8',
      },
    ],
    mandates: [
      { subject: 'Title I family survey', tier: 'must_do', firstDue: '2026-12-20' },
      { subject: 'Holiday concert reminder', tier: 'fyi', firstDue: '2026-12-18' },
      { subject: 'Fire drill log', tier: 'must_do', firstDue: '2027-02-01' },
    ],
    translations: [
      {
        subject: 'Title I family survey',
        tier: 'must_do',
        todo: 'Send the survey link home with report cards',
        byWhen: '2026-12-20',
      },
    ],
    pairs: [
      {
        round: 3,
        schools: 'Maple Grove K-8, Linden Park K-8',
        reason: 'Linden Park needs discussion routines; Maple Grove is strong in them',
      },
      { round: 3, schools: 'Harborview K-8, Sycamore Ridge K-8', reason: 'first visit to each other' },
    ],
    ...extra,
  });
}

describe('the meeting planner', () => {
  it('shows the agenda with the ILD’s minutes, the vote’s topic and every warning the format calls for', () => {
    const look = lookAtMeetings(yearDeps(network()));
    const december = look.meetings.find((m) => m.date === '2026-12-15')!;

    expect(december.blocks.map((b) => [b.kind, b.minutes])).toEqual([
      ['warm-up', 30],
      ['walk-through', 75],
      ['extended-session', 90],
      ['operations', 30],
    ]);
    // A tie on votes goes to the topic proposed earliest.
    expect(december.topic).toBe('Master schedules for intervention');
    expect(december.topicFromVote).toBe(true);
    expect(december.blocks[3]!.items).toEqual([
      'Title I family survey — Send the survey link home with report cards (due 2026-12-20)',
    ]);
    expect(december.warnings).toHaveLength(4);
    expect(december.warnings.join('\n')).toMatch(/Operations and compliance is 30 minutes, past its 15/);
    expect(december.warnings.join('\n')).toMatch(/eating into the walk-through/);
    expect(december.warnings.join('\n')).toMatch(/goes out 11 days before the meeting/);
    expect(december.warnings.join('\n')).toMatch(
      /Maple Grove K-8 has already hosted once.*Linden Park K-8, Sycamore Ridge K-8 have not hosted yet/,
    );
  });

  it('saves the minutes the ILD edits into the meeting’s row, nothing else in it changed', () => {
    const spreadsheet = network();
    const before = [...spreadsheet.tab('Meetings').rows[3]!];
    saveAgendaMinutes(yearDeps(spreadsheet), 4, { warmUp: 30, walkThrough: 90, session: 90, operations: 15 });
    const after = spreadsheet.tab('Meetings').rows[3]!;
    const header = spreadsheet.tab('Meetings').rows[0]!;
    const changed = header.filter((_, i) => after[i] !== before[i]);
    expect(changed).toEqual([
      'Warm-up (min)',
      'Walk-through (min)',
      'Topic session (min)',
      'Operations (min)',
    ]);
    expect(lookAtMeetings(yearDeps(spreadsheet)).meetings[2]!.warnings.join('\n')).not.toMatch(
      /Operations and compliance is/,
    );
    expect(callsPerTab(spreadsheet).get('Meetings')).toEqual({ reads: 2, writes: 1 });
  });

  it('creates a clean agenda Doc in the meeting’s folder and writes its link and topic back, batched', () => {
    const spreadsheet = network();
    const drive = new FakeMeetingDocs(spreadsheet.log);
    const result = createAgenda(yearDeps(spreadsheet), agendaDocsOf(drive.Files, drive.Documents), 4);

    const doc = [...drive.docs.values()][0]!;
    expect(doc.name).toBe('Network meeting agenda — 2026-12-15 — Maple Grove K-8');
    expect(doc.parents).toEqual(['folder-dec']);
    const paragraphs = drive.paragraphs(doc.id);
    expect(paragraphs[0]).toEqual({
      text: 'Network meeting, 2026-12-15, at Maple Grove K-8',
      style: 'TITLE',
      bullet: null,
    });
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain(SCHOOLS[0]!.ipopQuestion);
    expect(texts).toContain('0:30–1:45  Classroom walk-through (75 min)');
    expect(texts).toContain('Students cite the text');
    expect(texts).toContain(
      'Round 3: Maple Grove K-8 ↔ Linden Park K-8 (Linden Park needs discussion routines; Maple Grove is strong in them)',
    );
    expect(texts).toContain(
      'Title I family survey — Send the survey link home with report cards (due 2026-12-20)',
    );
    expect(paragraphs.find((p) => p.text.startsWith('What the host wants to show'))).toEqual({
      text: 'What the host wants to show: Grade 5 book clubs',
      style: 'NORMAL_TEXT',
      bullet: 'BULLET_CHECKBOX',
    });
    expect(paragraphs.filter((p) => p.style === 'HEADING_2').map((p) => p.text)).toContain(
      'Extended session: Master schedules for intervention',
    );

    const meetings = spreadsheet.tab('Meetings');
    const header = meetings.rows[0]!;
    const cell = (row: number, h: string) => meetings.rows[row - 1]![header.indexOf(h)];
    expect(cell(4, 'Agenda Doc')).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
    expect(cell(4, 'Topic')).toBe('Master schedules for intervention');
    const topics = spreadsheet.tab('Topics');
    expect(topics.rows[2]![topics.rows[0]!.indexOf('Taken at meeting')]).toBe('2026-12-15');
    expect(result.warnings).toHaveLength(4);

    const per = callsPerTab(spreadsheet);
    expect(per.get('Meetings')).toEqual({ reads: 1, writes: 1 });
    expect(per.get('Topics')).toEqual({ reads: 1, writes: 1 });
    expect(spreadsheet.log.count('Drive.Files.create')).toBe(1);
    expect(spreadsheet.log.count('Docs.Documents.batchUpdate')).toBe(1);
  });

  it('fills the network’s own template when Settings names one, and says so when Rounds cannot open it', () => {
    const template = 'https://docs.google.com/document/d/1TemplateDocId_abcdef/edit';
    const spreadsheet = network({ settings: [{ setting: 'Agenda template', value: template }] });
    const drive = new FakeMeetingDocs(spreadsheet.log);
    drive.withDoc(
      '1TemplateDocId_abcdef',
      'Our agenda',
      'Cedar Valley meets at {{HOST}} on {{date}}\nTopic: {{topic}}\n{{agenda}}',
    );
    createAgenda(yearDeps(spreadsheet), agendaDocsOf(drive.Files, drive.Documents), 4);
    const copy = [...drive.docs.values()].find((d) => d.copiedFrom)!;
    expect(copy.parents).toEqual(['folder-dec']);
    expect(
      drive
        .paragraphs(copy.id)
        .map((p) => p.text)
        .slice(0, 3),
    ).toEqual([
      'Cedar Valley meets at Maple Grove K-8 on 2026-12-15',
      'Topic: Master schedules for intervention',
      '0:00–0:30  Warm-up and introductions (30 min)',
    ]);

    const other = network({ settings: [{ setting: 'Agenda template', value: template }] });
    const hidden = new FakeMeetingDocs(other.log);
    hidden.withDoc('1TemplateDocId_abcdef', 'Our agenda', '{{host}}');
    hidden.hidden.add('1TemplateDocId_abcdef');
    const result = createAgenda(yearDeps(other), agendaDocsOf(hidden.Files, hidden.Documents), 4);
    expect(result.report).toMatch(/could not copy the template Doc named in Settings.*clean agenda/);
    expect(
      [...hidden.docs.values()].filter((d) => !d.copiedFrom && d.name.startsWith('Network meeting')),
    ).toHaveLength(1);
  });

  it('names a meeting row without a host and writes nothing', () => {
    const spreadsheet = network({ meetings: [{ date: '2027-01-12' }] });
    const drive = new FakeMeetingDocs(spreadsheet.log);
    expect(() => createAgenda(yearDeps(spreadsheet), agendaDocsOf(drive.Files, drive.Documents), 2)).toThrow(
      'Row 2 of Meetings needs a date and a host school before Rounds can write its agenda. Nothing was written.',
    );
    expect(spreadsheet.log.writes()).toEqual([]);
  });

  it('gives the agenda clock times from Settings’ “Meeting starts”, and names a value that is not a time', () => {
    const spreadsheet = network({ settings: [{ setting: 'Meeting starts', value: '08:30' }] });
    const drive = new FakeMeetingDocs(spreadsheet.log);
    createAgenda(yearDeps(spreadsheet), agendaDocsOf(drive.Files, drive.Documents), 4);
    const texts = drive.paragraphs([...drive.docs.values()][0]!.id).map((p) => p.text);
    expect(texts).toContain('08:30–09:00  Warm-up and introductions (30 min)');
    expect(texts).toContain('11:45–12:15  Operations and compliance (30 min)');

    const other = network({ settings: [{ setting: 'Meeting starts', value: 'half eight' }] });
    const docs = new FakeMeetingDocs(other.log);
    const result = createAgenda(yearDeps(other), agendaDocsOf(docs.Files, docs.Documents), 4);
    expect(result.report).toContain(
      'Settings!C2: “half eight” is not a time like 08:30, so the agenda counts its blocks from 0:00',
    );
  });
});
