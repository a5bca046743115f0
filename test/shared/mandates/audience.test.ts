// Mail addressed to someone else comes off the principal's plate; mail addressed to principals stays on it.
import { describe, expect, it } from 'vitest';
import { triage } from '../../../shared/mandates/triage';

describe('who a message is for', () => {
  it('sends a memo to superintendents to not_for_principals', () => {
    const t = triage({
      id: 'a1',
      text: 'TO: District Superintendents\nFROM: Office of Finance\nRE: Annual budget certification\n\nEach district must certify its budget in the finance portal no later than June 30.',
    });
    expect(t.tier).toBe('not_for_principals');
    expect(t.audience.roles).toContain('superintendents');
    expect(t.reasons[0]?.rule).toBe('builtin:addressed-to-others');
  });

  it('sends a payroll task for business managers to not_for_principals', () => {
    const t = triage({
      id: 'a2',
      text: 'Attention: Business Managers; Bookkeepers\n\nBusiness managers must upload the quarterly payroll reconciliation by October 15.',
    });
    expect(t.tier).toBe('not_for_principals');
    expect(t.audience.roles).toContain('business managers');
  });

  it('sends an all-staff reminder that asks nothing of principals to not_for_principals', () => {
    const t = triage({
      id: 'a3',
      text: 'Dear All Staff,\n\nAll employees must complete the annual benefits enrollment in the HR portal by November 8.',
    });
    expect(t.tier).toBe('not_for_principals');
  });

  it('keeps a memo that names principals among other roles', () => {
    const t = triage({
      id: 'a4',
      text: 'TO: Superintendents, Elementary Principals, Middle School Principals\n\nPrincipals must submit the safety drill log by May 2.',
      date: '2025-04-01',
    });
    expect(t.tier).toBe('must_do');
    expect(t.audience.levels).toEqual(expect.arrayContaining(['elementary', 'middle']));
  });

  it("treats an ask that names teachers, not the principal, as someone else's", () => {
    const t = triage({
      id: 'a5',
      text: 'Teachers who want the new reading kits must order them from the curriculum office by February 3.',
    });
    expect(t.tier).toBe('not_for_principals');
  });
});
