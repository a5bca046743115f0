// Meeting agenda rules: the default format, the operations slot filled from the week's must-dos, and each
// warning (operations past its cap or eating into the walk-through, a late agenda, a host hosting twice).
import { describe, expect, it } from 'vitest';
import {
  agendaFor,
  agendaTimes,
  agendaWarnings,
  blockProblem,
  defaultAgenda,
  operationsItems,
  type AgendaBlock,
} from '../../../shared/year/agenda';

const kinds = (warnings: { kind: string }[]) => warnings.map((w) => w.kind);
const withMinutes = (changes: Partial<Record<AgendaBlock['kind'], number>>) =>
  defaultAgenda('Feedback that moves writing').map((b) => ({ ...b, minutes: changes[b.kind] ?? b.minutes }));

describe('the default agenda', () => {
  it('follows the format: warm-up 30, walk-through 90, extended session on the chosen topic 90, operations 15', () => {
    const blocks = defaultAgenda('Feedback that moves writing');
    expect(blocks.map((b) => [b.title, b.minutes])).toEqual([
      ['Warm-up and introductions', 30],
      ['Classroom walk-through', 90],
      ['Extended session: Feedback that moves writing', 90],
      ['Operations and compliance', 15],
    ]);
    expect(agendaWarnings({ blocks, meetingDate: '2026-10-06', sentOn: '2026-09-21' })).toEqual([]);
  });

  it('gives clock times from a start time, and refuses a start that is not a time', () => {
    expect(agendaTimes(defaultAgenda(), '8:30')).toEqual([
      { start: '08:30', end: '09:00' },
      { start: '09:00', end: '10:30' },
      { start: '10:30', end: '12:00' },
      { start: '12:00', end: '12:15' },
    ]);
    expect(() => agendaTimes(defaultAgenda(), 'half past eight')).toThrow(/not a time like 08:30/);
  });

  it('says what is wrong with an edited block', () => {
    expect(blockProblem({ title: 'Warm-up', minutes: 30 })).toBeUndefined();
    expect(blockProblem({ title: ' ', minutes: 30 })).toMatch(/needs a title/);
    expect(blockProblem({ title: 'Warm-up', minutes: 'thirty' })).toMatch(/whole number \(got "thirty"\)/);
    expect(blockProblem({ title: 'Warm-up', minutes: 0 })).toMatch(/between 1 and 480/);
  });
});

describe('the operations slot', () => {
  const notices = [
    {
      subject: 'Attendance audit',
      due: '2026-10-09',
      whatToDo: 'Send the attendance report to the district.',
    },
    {
      subject: 'attendance  audit',
      due: '2026-10-09',
      whatToDo: 'Check five students’ records; send by Friday.',
      from: 'translation' as const,
    },
    { subject: 'Fire drill log', due: '2026-10-16', whatToDo: 'Upload the October log.' },
    { subject: 'Budget survey', due: '2026-11-30', whatToDo: 'Fill in the survey.' },
    { subject: 'Old form', due: '2026-09-01', whatToDo: 'Already past.' },
    { subject: 'Safety training', whatToDo: 'Staff complete the module.' },
  ];

  it('takes must-dos due before the next meeting, the ILD’s translation over the mandate, soonest first', () => {
    expect(operationsItems(notices, '2026-10-06')).toEqual([
      'Attendance audit — Check five students’ records; send by Friday. (due 2026-10-09)',
      'Fire drill log — Upload the October log. (due 2026-10-16)',
      'Safety training — Staff complete the module.',
    ]);
    expect(agendaFor('2026-10-06', 'Math talk', notices)[3]!.items).toHaveLength(3);
  });
});

describe('agenda warnings', () => {
  it('warns when operations grows past its cap', () => {
    const warnings = agendaWarnings({ blocks: withMinutes({ operations: 30 }), meetingDate: '2026-10-06' });
    expect(kinds(warnings)).toEqual(['operations-over-cap']);
    expect(warnings[0]!.message).toMatch(/30 minutes, past its 15/);
  });

  it('warns when operations eats into the walk-through, and separately when the walk-through is just short', () => {
    const eaten = agendaWarnings({
      blocks: withMinutes({ operations: 45, 'walk-through': 60 }),
      meetingDate: '2026-10-06',
    });
    expect(kinds(eaten)).toEqual(['operations-over-cap', 'operations-into-walk-through']);
    expect(eaten[1]!.message).toMatch(
      /walk-through is 60 minutes, 30 short of 90, while operations has grown to 45/,
    );
    const short = agendaWarnings({ blocks: withMinutes({ 'walk-through': 60 }), meetingDate: '2026-10-06' });
    expect(kinds(short)).toEqual(['walk-through-short']);
    const none = agendaWarnings({
      blocks: defaultAgenda().filter((b) => b.kind !== 'walk-through'),
      meetingDate: '2026-10-06',
    });
    expect(none[0]!.message).toMatch(/There is no classroom walk-through/);
  });

  it('warns when the agenda goes out less than two weeks ahead, not at exactly two weeks', () => {
    const at = (sentOn: string) =>
      agendaWarnings({ blocks: defaultAgenda(), meetingDate: '2026-10-06', sentOn });
    expect(at('2026-09-22')).toEqual([]);
    expect(kinds(at('2026-09-23'))).toEqual(['agenda-late']);
    expect(at('2026-09-23')[0]!.message).toMatch(/goes out 13 days before the meeting/);
    expect(at('2026-10-07')[0]!.message).toMatch(/already happened/);
  });

  it('warns when a school hosts twice before every school has hosted once', () => {
    const meetings = [
      { date: '2026-09-08', host: 'maple' },
      { date: '2026-09-22', host: 'cedar' },
    ];
    const base = {
      blocks: defaultAgenda(),
      meetingDate: '2026-10-06',
      meetings,
      schools: ['maple', 'cedar', 'linden'],
      names: { maple: 'Maple Grove', linden: 'Linden Park' },
    };
    const twice = agendaWarnings({ ...base, host: 'maple' });
    expect(kinds(twice)).toEqual(['host-twice']);
    expect(twice[0]!.message).toMatch(
      /Maple Grove has already hosted once this year, and Linden Park has not hosted yet/,
    );
    expect(agendaWarnings({ ...base, host: 'linden' })).toEqual([]);
    // Once everyone has hosted, a second turn is fine.
    expect(
      agendaWarnings({
        ...base,
        meetingDate: '2026-10-20',
        meetings: [...meetings, { date: '2026-10-06', host: 'linden' }],
        host: 'maple',
      }),
    ).toEqual([]);
  });
});
