// The calls a good ILD would make on everyday central-office mail, with the reasons and details shown.
import { describe, expect, it } from 'vitest';
import { triage } from '../../../shared/mandates/triage';

describe('triage calls', () => {
  it('calls a duty with a hard date must_do and says why', () => {
    const t = triage({
      id: 't1',
      date: '2025-10-01',
      text: 'Memo to principals\nResponse Required: Yes\n\nPrincipals must submit the fall enrollment verification in the Student Information Portal no later than Friday, October 10. Questions? Contact the Office of Data Quality at data.quality@district.example or 555-201-3344.',
    });
    expect(t.tier).toBe('must_do');
    expect(t.reasons[0]?.rule).toBe('builtin:hard-date');
    expect(t.reasons[0]?.matched.join(' ')).toMatch(/October 10/);
    expect(t.deadlines).toContainEqual(expect.objectContaining({ kind: 'due', date: '2025-10-10' }));
    expect(t.leadTimeDays).toBe(9);
    expect(t.actions[0]).toMatch(/submit the fall enrollment verification/i);
    expect(t.contacts).toEqual(
      expect.arrayContaining([
        { kind: 'email', value: 'data.quality@district.example' },
        { kind: 'phone', value: '555-201-3344' },
        { kind: 'office', value: 'Office of Data Quality' },
      ]),
    );
    expect(t.systems).toContain('Student Information Portal');
  });

  it('calls an optional invitation an action', () => {
    const t = triage({
      id: 't2',
      text: 'Schools are encouraged to nominate a teacher leader for the regional math fellowship. Nominations are optional.',
    });
    expect(t.tier).toBe('action');
  });

  it('calls a plain announcement fyi', () => {
    const t = triage({
      id: 't3',
      text: 'For your information: the district website will move to a new address over the winter break. No action is required.',
    });
    expect(t.tier).toBe('fyi');
  });

  it('calls a standing compliance duty must_do even without a date', () => {
    const t = triage({
      id: 't4',
      text: "Superintendent's Circular\nThis circular will remain in effect unless rescinded.\nEvery principal must keep visitor logs for two years. This is a statutory requirement and logs will be inspected.",
    });
    expect(t.tier).toBe('must_do');
  });

  it('does not mistake "please contact us with questions" for an ask', () => {
    const t = triage({
      id: 't5',
      text: 'The new bus routes are posted on the transportation page. If you have questions, please contact the Transportation Office.',
    });
    expect(t.tier).toBe('fyi');
  });

  it('survives empty, huge and oddly typed input without throwing', () => {
    expect(triage({ id: 'e', text: '' }).tier).toBe('fyi');
    const huge = triage({ id: 'h', text: 'Principals must reply by May 1. '.repeat(50_000) });
    expect(huge.tier).toBe('must_do');
    const odd = triage({ id: 7, text: null, date: 'not a date' } as never);
    expect(odd.id).toBe('7');
    expect(odd.leadTimeDays).toBeUndefined();
  });
});
