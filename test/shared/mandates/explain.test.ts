// The explanation a principal reads is generated from the rule table, so it lists what the engine uses.
import { describe, expect, it } from 'vitest';
import { explainRules } from '../../../shared/mandates/rules/explain';
import { BUILTIN_RULES, DERIVED_RULES } from '../../../shared/mandates/rules/builtin';
import { ROLES } from '../../../shared/mandates/rules/roles';

describe('explaining the rules', () => {
  const text = explainRules();

  it('names every built-in rule with its explanation and sample words', () => {
    for (const rule of BUILTIN_RULES) {
      expect(text).toContain(rule.title);
      expect(text).toContain(rule.explanation);
      expect(text).toContain(`"${rule.phrases[0]}"`);
    }
    for (const rule of Object.values(DERIVED_RULES)) expect(text).toContain(rule.title);
  });

  it("says which roles count as yours and which as someone else's", () => {
    for (const role of ROLES) expect(text).toContain(role.role);
  });

  it('promises that mail is only labelled', () => {
    expect(text).toMatch(/never hides, archives or deletes/);
  });
});
