// Where Rounds suggests filing an email or a Doc, and the reason it gives.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STEP_LABELS } from '../../../shared/domain';
import type { CycleRow, FilingRow, SchoolRow } from '../../../shared/network/network-tables';
import { addressOf, suggestFiling, type SuggestContext } from '../../../shared/network/suggest';

const schools: SchoolRow[] = [
  { id: 'mge', name: 'Maple Grove Elementary', principalEmail: 'dana@maplegrove.org' },
  { id: 'rhm', name: 'Riverside Heights Middle School' },
  { id: 'oak', name: 'Oakwood K-8' },
];
const cycles: CycleRow[] = [
  { id: 'c1', name: '2025-26 Cycle 1', problem: 'common', currentStep: 8, startedOn: '2025-09-01' },
  { id: 'c2', name: '2025-26 Cycle 2', problem: 'common', currentStep: 4, startedOn: '2025-11-03' },
];
const filing = (over: Partial<FilingRow>): FilingRow => ({
  id: over.id ?? 'r',
  filedAt: '2025-12-01T10:00:00Z',
  cycleId: 'c2',
  step: 4,
  ...over,
});
const ctx = (filings: FilingRow[] = []): SuggestContext => ({
  cycles,
  schools,
  filings,
  stepLabels: DEFAULT_STEP_LABELS,
});

describe('suggesting cycle, step and school', () => {
  it('a reply in a thread goes where the thread was filed last time', () => {
    const earlier = filing({
      gmailThreadId: 't1',
      step: 3,
      school: 'Riverside Heights Middle School',
      filedBy: 'ild@net.org',
    });
    const [best] = suggestFiling(
      { kind: 'email', title: 'Re: data', gmailThreadId: 't1', text: 'Thanks for the student work samples' },
      ctx([earlier, filing({ id: 'other', gmailThreadId: 't9', step: 6 })]),
    );
    expect(best).toMatchObject({ cycleId: 'c2', step: 3, schoolId: 'rhm', basis: 'thread' });
    expect(best!.reason).toBe('Filed here last time from this thread by ild, 2025-12-01.');
  });

  it("a sender's earlier filings come next", () => {
    const from = (n: number) =>
      filing({
        id: `s${n}`,
        from: 'Coach Lee <lee@district.org>',
        step: 2,
        filedAt: `2025-11-0${n}T09:00:00Z`,
      });
    const [best] = suggestFiling(
      { kind: 'email', title: 'Article for Tuesday', from: 'lee@DISTRICT.org' },
      ctx([from(1), from(2)]),
    );
    expect(best).toMatchObject({ step: 2, basis: 'sender' });
    expect(best!.reason).toBe('2 earlier emails from lee@district.org were filed here.');
  });

  it("otherwise it reads the text: the school named and the step's words", () => {
    const [best] = suggestFiling(
      {
        kind: 'email',
        title: 'Samples from Maple Grove',
        text: 'Attached is the student work from our third grade classrooms, with my notes on the student work.',
      },
      ctx(),
    );
    expect(best).toMatchObject({ cycleId: 'c2', step: 4, schoolId: 'mge', basis: 'text' });
    expect(best!.reason).toBe('Mentions Maple Grove Elementary and ‘student work’.');
  });

  it('recognises a school by its initials in capitals and a cycle named by number', () => {
    const [best] = suggestFiling(
      { kind: 'doc', title: 'OK8 data analysis', text: 'Cycle 1 closing: assessment results and data.' },
      ctx(),
    );
    expect(best).toMatchObject({ cycleId: 'c1', step: 3, schoolId: 'oak', basis: 'text' });
  });

  it("knows a principal's own address, and falls back to the cycle's current step", () => {
    const [best] = suggestFiling(
      { kind: 'email', title: 'Quick question', from: 'Dana <dana@maplegrove.org>' },
      ctx(),
    );
    expect(best).toMatchObject({ cycleId: 'c2', step: 4, schoolId: 'mge' });
    expect(best!.reason).toContain("Maple Grove Elementary's principal");
    const [plain] = suggestFiling({ kind: 'email', title: 'Hello' }, ctx());
    expect(plain).toMatchObject({ cycleId: 'c2', step: 4, basis: 'current-step' });
    expect(plain!.reason).toBe('2025-26 Cycle 2 is at step 4 (Examine practice at the school level).');
  });

  it('suggests nothing for a network without cycles, and each place only once', () => {
    expect(suggestFiling({ kind: 'email', title: 'Hi' }, { ...ctx(), cycles: [] })).toEqual([]);
    const list = suggestFiling(
      { kind: 'email', title: 'Re: visit', gmailThreadId: 't1' },
      { ...ctx([filing({ gmailThreadId: 't1' })]), lastChoice: { cycleId: 'c2', step: 4 } },
    );
    const places = list.map((s) => `${s.cycleId}/${s.step}/${s.schoolId ?? ''}`);
    expect(new Set(places).size).toBe(places.length);
  });

  it('reads the address out of a display name', () => {
    expect(addressOf('"Ruiz, Dana" <Dana.Ruiz@MapleGrove.org>')).toBe('dana.ruiz@maplegrove.org');
    expect(addressOf('no address here')).toBeUndefined();
  });
});
