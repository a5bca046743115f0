// The year tabs read from a network's hand-edited spreadsheet: every cell Rounds cannot use is named, and
// everything else on the tab is still read.
import { describe, expect, it } from 'vitest';
import { tabByKey, type CellValue, type TabKey } from '../../../shared/schema/sheet';
import type { TabSnapshot } from '../../../shared/tracker/table';
import { readChanges } from '../../../shared/year-tabs/changes';
import { readDriverDiagram } from '../../../shared/year-tabs/drivers';
import { readMeasures } from '../../../shared/year-tabs/measures';
import { readMeetings } from '../../../shared/year-tabs/meetings';
import { operationsNotices } from '../../../shared/year-tabs/meeting-plan';
import { readResources, requestsOf } from '../../../shared/year-tabs/resources';
import { readTopics } from '../../../shared/year-tabs/topics';

/** A tab as Sheets returns it: the schema's header row (minus any deleted columns), then rows by header. */
function tab(key: TabKey, rows: (Record<string, CellValue> | null)[], deleted: string[] = []): TabSnapshot {
  const spec = tabByKey(key);
  const columns = spec.columns.filter((c) => !deleted.includes(c.key));
  return {
    name: spec.name,
    values: [
      columns.map((c) => c.header),
      ...rows.map((r) => columns.map((c) => (r ? (r[c.key] ?? '') : ''))),
    ],
  };
}

describe('the Measures tab', () => {
  it('keeps each measure in date order and names a blank row and a value that is not a number', () => {
    const { series, problems } = readMeasures([
      tab('measures', [
        { measure: 'Students citing evidence (%)', date: '2026-10-05', value: 31 },
        { measure: 'Students citing evidence (%)', date: '2026-09-21', value: '28' },
        null,
        { measure: 'Students citing evidence (%)', date: '2026-10-19', value: 'about 40' },
        { measure: 'Students citing evidence (%)', date: '11/2/2026', value: '1,042' },
      ]),
    ]);
    expect(series).toHaveLength(1);
    expect(series[0]!.points.map((p) => [p.date, p.value])).toEqual([
      ['2026-09-21', 28],
      ['2026-10-05', 31],
      ['2026-11-02', 1042],
    ]);
    expect(problems).toEqual([
      'Measures!A4: row 4 is blank; Rounds skipped it and read the rows below.',
      'Measures!E5: “about 40” is not a number; this point was left out of the “Students citing evidence (%)” run chart.',
    ]);
  });

  it('names a deleted Value column and still reads the other columns', () => {
    const { series, problems } = readMeasures([
      tab('measures', [{ measure: 'Attendance', date: '2026-09-21', value: 90 }], ['value']),
    ]);
    expect(series).toEqual([]);
    expect(problems[0]).toBe(
      'Measures!G1: the “Value” column is missing from Measures, so Rounds read the tab without it. Extensions → Rounds → Upgrade tracker puts it back (at the end).',
    );
  });

  it('charts a school’s measure apart from the network-wide one of the same name', () => {
    const { series } = readMeasures([
      tab('measures', [
        { measure: 'Attendance', date: '2026-09-21', value: 90 },
        { measure: 'attendance ', school: 'Maple Grove K-8', date: '2026-09-21', value: 93 },
      ]),
    ]);
    expect(series.map((s) => s.title)).toEqual(['Attendance', 'attendance — Maple Grove K-8']);
  });
});

describe('the Meetings tab', () => {
  it('reads minutes per block, blank as the default, and names text where minutes belong', () => {
    const { meetings, problems } = readMeetings([
      tab('meetings', [
        {
          date: '2026-09-15',
          host: 'Maple Grove K-8',
          warmUp: 20,
          operations: 'ten',
          lookFors: 'Students cite; Talk moves',
        },
      ]),
    ]);
    expect(meetings[0]).toMatchObject({
      date: '2026-09-15',
      host: 'Maple Grove K-8',
      minutes: { warmUp: 20, walkThrough: null, session: null, operations: null },
      lookFors: ['Students cite', 'Talk moves'],
    });
    expect(problems).toEqual([
      'Meetings!H2: “ten” is not a number; the agenda uses the default length for this block.',
    ]);
  });
});

describe('the Topics tab', () => {
  it('counts one vote per school however often it is typed', () => {
    const { topics } = readTopics([
      tab('topics', [
        { topic: 'Feedback that moves teachers', votes: 'Maple Grove K-8, maple grove k-8; Harborview K-8' },
      ]),
    ]);
    expect(topics[0]!.voters).toEqual(['Maple Grove K-8', 'Harborview K-8']);
  });
});

describe('the Drivers tab', () => {
  it('draws aim → primary → secondary → change ideas, and shows a row whose link is broken apart', () => {
    const diagram = readDriverDiagram([
      tab('drivers', [
        { kind: 'Aim', statement: 'Every student cites evidence when writing about reading' },
        {
          kind: 'Primary driver',
          statement: 'Tasks that ask for evidence',
          leadsTo: 'every student cites evidence when writing about reading',
        },
        {
          kind: 'Secondary driver',
          statement: 'Text-dependent questions',
          leadsTo: 'Tasks that ask for evidence',
        },
        { kind: 'Change idea', statement: 'Evidence sentence frames', leadsTo: 'Text-dependent questions' },
        {
          kind: 'Change idea',
          statement: 'Student-led evidence hunts',
          leadsTo: 'Tasks that ask for evidence',
        },
        { kind: 'Change idea', statement: 'Family reading nights', leadsTo: 'Family engagement' },
        { kind: 'Idea-ish', statement: 'Something else' },
      ]),
    ]);
    expect(diagram.aims).toHaveLength(1);
    const primary = diagram.aims[0]!.children[0]!;
    expect(primary.statement).toBe('Tasks that ask for evidence');
    expect(primary.children.map((c) => [c.kind, c.statement])).toEqual([
      ['secondary', 'Text-dependent questions'],
      ['change idea', 'Student-led evidence hunts'],
    ]);
    expect(primary.children[0]!.children.map((c) => c.statement)).toEqual(['Evidence sentence frames']);
    expect(diagram.unlinked.map((n) => n.statement)).toEqual(['Family reading nights', 'Something else']);
    expect(diagram.problems).toEqual([
      'Drivers!B8: “Idea-ish” is not a kind of driver (Aim, Primary driver, Secondary driver or Change idea); “Something else” is shown apart until it has one.',
      'Drivers!D7: “Family engagement” is not a secondary driver or primary driver on Drivers; “Family reading nights” is shown apart.',
    ]);
  });
});

describe('the Changes tab', () => {
  it('knows where each test is in its PDSA cycle, with families and students on the team', () => {
    const { changes, problems } = readChanges([
      tab('changes', [
        {
          change: 'Sentence frames',
          plan: 'Grade 5, two weeks',
          prediction: 'Citing rises to 40%',
          did: 'Done',
          study: 'Rose to 44%',
          act: 'Adopt',
        },
        {
          change: 'Evidence hunts',
          plan: 'Grade 4',
          prediction: 'More talk',
          team: 'Ms. Lee, two students, a parent',
        },
        { change: 'Reading nights', plan: 'x', prediction: 'y', did: 'z', study: 'w', act: 'keep going' },
      ]),
    ]);
    expect(changes.map((c) => [c.stage, c.act])).toEqual([
      ['done', 'adopt'],
      ['do', null],
      ['act', null],
    ]);
    expect(changes[1]!.team).toEqual(['Ms. Lee', 'two students', 'a parent']);
    expect(problems).toEqual([
      'Changes!K4: “keep going” is not adopt, adapt or abandon; “Reading nights” is counted as still deciding.',
    ]);
  });
});

describe('the Resources tab', () => {
  it('shows a principal their own requests, newest first, with their status', () => {
    const { requests } = readResources([
      tab('resources', [
        {
          request: 'The ELA binder',
          school: 'Maple Grove K-8',
          askedOn: '2026-10-01',
          status: 'ready',
          link: 'https://drive.google.com/x',
        },
        { request: 'A sub for visit day', school: 'Harborview K-8', askedOn: '2026-10-02' },
        { request: 'Coach time', school: 'maple grove k-8', askedOn: '2026-11-01' },
      ]),
    ]);
    expect(requestsOf(requests, 'Maple Grove K-8').map((r) => [r.request, r.status])).toEqual([
      ['Coach time', 'asked'],
      ['The ELA binder', 'ready'],
    ]);
  });
});

describe('the operations slot', () => {
  it('lists a must-do email once when several members shared their copies of it', () => {
    const notices = operationsNotices([
      tab('mandates', [
        {
          subject: 'Proctor roster',
          tier: 'must_do',
          firstDue: '2026-12-05',
          messageId: '<r@d>',
          seenBy: 'a@d',
        },
        {
          subject: 'Proctor roster',
          tier: 'must_do',
          firstDue: '2026-12-05',
          messageId: 'r@d',
          seenBy: 'b@d',
        },
        { subject: 'Typed by hand', tier: 'must do', firstDue: '2026-12-09' },
        { subject: 'Concert', tier: 'fyi', messageId: 'c@d', seenBy: 'a@d' },
      ]),
    ]);
    expect(notices.map((n) => [n.subject, n.due])).toEqual([
      ['Proctor roster', '2026-12-05'],
      ['Typed by hand', '2026-12-09'],
    ]);
  });
});
