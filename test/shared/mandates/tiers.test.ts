// must_do is kept for what is required of the school with a hard date or a standing consequence; a date
// on an optional ask, someone else's deadline, or a memo to the district office does not make one.
import { describe, expect, it } from 'vitest';
import { triage } from '../../../shared/mandates/triage';

const rules = (t: { reasons: { rule: string }[] }) => t.reasons.map((r) => r.rule);

describe('what makes a must-do', () => {
  it('keeps a dated request of the school a must-do', () => {
    const t = triage({
      id: 'm1',
      date: '2025-03-03',
      text: 'To: Principals\nPlease submit your school budget worksheet in the finance portal by Friday, March 14.',
    });
    expect(t.tier).toBe('must_do');
    expect(rules(t)).toContain('builtin:hard-date');
  });

  it('reads a deadline as an ask by itself ("last day to ...")', () => {
    const t = triage({ id: 'm2', text: 'Last day to correct attendance exceptions in the student system' });
    expect(t.tier).toBe('must_do');
    expect(rules(t)).toContain('builtin:stated-deadline');
  });

  it('calls a survey of your views with a deadline an action', () => {
    const t = triage({
      id: 'm3',
      date: '2025-02-03',
      text: 'The wellbeing team would value your views on next year’s support offer. The survey takes five minutes. The deadline for responses is 21 February.',
    });
    expect(t.tier).toBe('action');
    expect(rules(t)).toContain('builtin:optional-with-date');
    expect(t.deadlines).toContainEqual(expect.objectContaining({ monthDay: '02-21', kind: 'due' }));
  });

  it('keeps a plain dated request a must-do when another part of the message is optional', () => {
    const t = triage({
      id: 'm3b',
      date: '2025-03-03',
      text: 'Please submit your enrollment counts in the data portal by Friday, March 7. Schools interested in the tutoring pilot are invited to apply as well.',
    });
    expect(t.tier).toBe('must_do');
  });

  it('calls signing up for a workshop an action, even with a closing date', () => {
    const t = triage({
      id: 'm4',
      date: '2025-01-06',
      text: 'Dear colleagues, a workshop on attendance strategies runs on 30 January. Please register to attend by 24 January.',
    });
    expect(t.tier).toBe('action');
  });

  it('keeps required training a must-do even though you also register for it', () => {
    const t = triage({
      id: 'm5',
      date: '2025-01-06',
      text: 'All principals are required to attend the safeguarding update on 30 January. Please register by 24 January.',
    });
    expect(t.tier).toBe('must_do');
  });

  it('does not take a deadline of families as the school’s, even when the heading repeats it', () => {
    const t = triage({
      id: 'm6',
      date: '2025-09-01',
      text: [
        'Principal Bulletin Action Required - October 14, 2025',
        'Interested parents are asked to submit an application for the advisory council by October 14, 2025.',
        'Principals are requested to share this flyer with families in your newsletter.',
      ].join('\n'),
    });
    expect(t.tier).toBe('action');
  });

  it('calls a memo whose every duty falls on the district office not for principals', () => {
    const t = triage({
      id: 'm7',
      date: '2025-03-01',
      text: 'Each school district shall submit the annual transportation report to the Department on or before May 15. Please complete the attached form and return it by that date.',
    });
    expect(t.tier).toBe('not_for_principals');
    expect(rules(t)).toContain('builtin:district-memo');
  });

  it('calls a recurring return a must-do without a calendar date', () => {
    const t = triage({
      id: 'm8',
      text: 'Dear headteachers, please complete the attendance return each day by noon so the local authority can plan support.',
    });
    expect(t.tier).toBe('must_do');
    expect(rules(t)).toContain('builtin:standing-ask');
  });

  it('does not call a list of undated duties a must-do', () => {
    const t = triage({
      id: 'm9',
      text: 'Principals must read the revised visitor policy. Office staff must sign visitors in. Schools must keep the log in the front office.',
    });
    expect(t.tier).toBe('action');
  });

  it('reads "the last day of school" as a calendar date, not a deadline', () => {
    const t = triage({
      id: 'm10',
      date: '2025-03-01',
      text: 'The calendar for next year is final. The last day of school will be June 12, 2026. Please share the calendar with your families.',
    });
    expect(t.deadlines).toContainEqual(expect.objectContaining({ monthDay: '06-12', kind: 'event' }));
    expect(t.tier).toBe('action');
  });
});
