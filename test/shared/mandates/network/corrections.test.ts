// One-click correction: candidate rules by sender, department and phrase, and a preview of what each changes.
import { describe, expect, it } from 'vitest';
import { triage } from '../../../../shared/mandates/triage';
import type { MandateMessage } from '../../../../shared/mandates/types';
import {
  distinctivePhrase,
  previewRule,
  subjectPhrases,
  suggestRules,
} from '../../../../shared/mandates/network/corrections';
import type { CentralOfficeSettings } from '../../../../shared/mandates/network/central-office';

const settings: CentralOfficeSettings = {
  domains: ['district.example.org'],
  offices: ['Office of Assessment', 'Title I', 'Facilities'],
  senders: [],
};

const mail: MandateMessage[] = [
  {
    id: 'boiler',
    subject: 'Boiler inspection schedule for December',
    from: 'Facilities <facilities@district.example.org>',
    date: '2026-11-30',
    text: 'Head custodians should confirm access to the boiler room. The inspector visits on December 8.',
  },
  {
    id: 'boiler2',
    subject: 'Boiler inspection: second building',
    from: 'Facilities <facilities@district.example.org>',
    date: '2026-12-01',
    text: 'Principals must sign the boiler inspection access form by December 9.',
  },
  {
    id: 'roster',
    subject: 'Testing roster check',
    from: 'Office of Assessment <assessment@district.example.org>',
    date: '2026-12-01',
    text: 'Please look over the testing roster for your school when you have a moment.',
  },
  {
    id: 'newsletter',
    subject: 'Family newsletter',
    from: 'Communications <news@district.example.org>',
    date: '2026-12-01',
    text: 'Read about the winter concert season across the district.',
  },
];
const seen = mail.map((message) => ({ message, triage: triage(message) }));

describe('suggesting rules from a correction', () => {
  it('finds the phrases of a subject that could be a rule', () => {
    expect(subjectPhrases('Re: Boiler inspection schedule for December')).toEqual([
      'Boiler inspection',
      'inspection schedule',
      'Boiler inspection schedule',
    ]);
    expect(subjectPhrases('Title I: comparability report')).toEqual(['comparability report']);
    expect(subjectPhrases('Comparability')).toEqual(['Comparability']);
  });

  it('picks the phrase the other messages do not share', () => {
    const second = mail[1]!;
    // "Boiler inspection" is in the first Facilities message too; "second building" is not.
    expect(distinctivePhrase(second, mail)).toBe('second building');
    expect(distinctivePhrase(second)).toBe('Boiler inspection');
    expect(distinctivePhrase({ id: 'x', subject: 'Re: Update', text: '' })).toBeUndefined();
  });

  it('offers a rule by sender, by department and by phrase, each saying whether it fixes the message', () => {
    const roster = seen[2]!;
    expect(roster.triage.tier).not.toBe('must_do');
    const candidates = suggestRules(roster, 'must_do', { settings, others: mail });
    expect(candidates.map((c) => [c.kind, c.rule.match, c.rule.tier, c.fixes])).toEqual([
      ['sender', { sender: 'assessment@district.example.org' }, 'must_do', true],
      ['department', { department: 'Office of Assessment' }, 'must_do', true],
      ['phrase', { phrase: 'Testing roster' }, 'must_do', true],
    ]);
    // The same correction twice makes the same rule id, so it is not saved twice.
    expect(suggestRules(roster, 'must_do', { settings, others: mail })[0]!.rule.id).toBe(
      candidates[0]!.rule.id,
    );
  });

  it('offers no department for a person who names no office', () => {
    const teacher = {
      id: 't',
      subject: 'Field trip permission slips',
      from: 'Dana Whitfield <dwhitfield@district.example.org>',
      text: 'Could you sign the slips?',
    };
    const kinds = suggestRules({ message: teacher, triage: triage(teacher) }, 'fyi', { settings }).map(
      (c) => c.kind,
    );
    expect(kinds).toEqual(['sender', 'phrase']);
  });
});

describe('previewing a rule', () => {
  it('lists the other messages whose tier would change, before and after', () => {
    const rule = { id: 'r', match: { department: 'Facilities' }, tier: 'not_for_principals' as const };
    const preview = previewRule(rule, seen, { except: 'boiler' });
    expect(preview.looked).toBe(3);
    expect(preview.changes).toEqual([
      {
        id: 'boiler2',
        title: 'Boiler inspection: second building',
        from: 'Facilities <facilities@district.example.org>',
        before: seen[1]!.triage.tier,
        after: 'not_for_principals',
      },
    ]);
    expect(seen[1]!.triage.tier).toBe('must_do');
  });

  it('lists nothing when the rule only agrees with what is there', () => {
    const rule = { id: 'r', match: { sender: 'news@district.example.org' }, tier: seen[3]!.triage.tier };
    expect(previewRule(rule, seen).changes).toEqual([]);
  });

  it('goes before the rules already in force', () => {
    const old = [{ id: 'old', match: { phrase: 'testing roster' }, tier: 'fyi' as const }];
    const before = seen.map((s) => ({ message: s.message, triage: triage(s.message, old) }));
    const rule = { id: 'new', match: { sender: 'assessment@district.example.org' }, tier: 'action' as const };
    expect(previewRule(rule, before, { rules: old }).changes.map((c) => [c.id, c.before, c.after])).toEqual([
      ['roster', 'fyi', 'action'],
    ]);
  });
});
