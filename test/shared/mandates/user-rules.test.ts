// Corrections become rules: a user rule decides before the built-in rules and is shown as the reason.
import { describe, expect, it } from 'vitest';
import { triage } from '../../../shared/mandates/triage';
import type { UserRule } from '../../../shared/mandates/types';

const newsletter = {
  id: 'u1',
  from: 'Wellness Office <wellness@district.example>',
  date: '2025-04-01',
  text: 'Principals must post the updated wellness poster in the staff room by April 10.',
};

describe('user rules', () => {
  it('overrides the built-in call and shows the user rule as the reason', () => {
    expect(triage(newsletter).tier).toBe('must_do');
    const rules: UserRule[] = [
      {
        id: 'r1',
        match: { sender: 'wellness@district.example' },
        tier: 'fyi',
        note: 'posters are handled by the office manager',
      },
    ];
    const t = triage(newsletter, rules);
    expect(t.tier).toBe('fyi');
    expect(t.reasons[0]).toMatchObject({
      rule: 'user:r1',
      effect: 'fyi',
      matched: ['wellness@district.example'],
    });
    expect(t.reasons[0]?.explanation).toContain('posters are handled by the office manager');
  });

  it('matches by phrase and by department', () => {
    const byPhrase = triage(newsletter, [
      { id: 'p', match: { phrase: 'WELLNESS poster' }, tier: 'not_for_principals' },
    ]);
    expect(byPhrase.tier).toBe('not_for_principals');
    const byDept = triage(newsletter, [
      { id: 'd', match: { department: 'Wellness Office' }, tier: 'action' },
    ]);
    expect(byDept.tier).toBe('action');
  });

  it('applies the first matching rule and ignores rules that do not match', () => {
    const rules: UserRule[] = [
      { id: 'miss', match: { sender: 'transport@district.example' }, tier: 'fyi' },
      { id: 'hit', match: { phrase: 'staff room' }, tier: 'action' },
      { id: 'later', match: { phrase: 'poster' }, tier: 'fyi' },
    ];
    expect(triage(newsletter, rules).reasons[0]?.rule).toBe('user:hit');
  });

  it('never lets an empty rule match everything', () => {
    expect(triage(newsletter, [{ id: 'empty', match: {}, tier: 'fyi' }]).tier).toBe('must_do');
  });
});
