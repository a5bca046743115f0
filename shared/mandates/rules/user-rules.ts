// A principal's or ILD's corrections, kept as plain rules (by sender, department or phrase → tier) and
// applied before the built-in rules; the matching rule is shown back as the reason for the call.

import type { Reason, Tier, UserRule } from '../types';
import { TEXT_LIMITS } from '../limits';

export const TIER_WORDS: Record<Tier, string> = {
  must_do: 'must do',
  action: 'action',
  fyi: 'FYI',
  not_for_principals: 'not for principals',
};

function norm(s: string | undefined): string {
  return (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface RuleSubject {
  from?: string;
  subject?: string;
  text: string;
}

/** What a rule matched, or undefined. Every field the rule sets must match; a rule with none never does. */
export function matchRule(rule: UserRule, m: RuleSubject): string[] | undefined {
  const { sender, department, phrase } = rule.match ?? {};
  if (!norm(sender) && !norm(department) && !norm(phrase)) return undefined;
  const matched: string[] = [];
  if (norm(sender)) {
    if (!norm(m.from).includes(norm(sender))) return undefined;
    matched.push(sender as string);
  }
  if (norm(department)) {
    const where = `${norm(m.from)} ${norm(m.subject)} ${norm(m.text.slice(0, TEXT_LIMITS.openingChars))}`;
    if (!where.includes(norm(department))) return undefined;
    matched.push(department as string);
  }
  if (norm(phrase)) {
    if (!`${norm(m.subject)} ${norm(m.text)}`.includes(norm(phrase))) return undefined;
    matched.push(phrase as string);
  }
  return matched;
}

/** The first user rule that matches, as the reason that decides the tier. */
export function applyUserRules(
  rules: readonly UserRule[] | undefined,
  m: RuleSubject,
): { tier: Tier; reason: Reason } | undefined {
  for (const rule of rules ?? []) {
    const matched = matchRule(rule, m);
    if (!matched) continue;
    return {
      tier: rule.tier,
      reason: { rule: `user:${rule.id}`, explanation: explainUserRule(rule), matched, effect: rule.tier },
    };
  }
  return undefined;
}

/** What a rule says, in words: "mail from "x" and mentioning "y"". */
export function describeRuleMatch(rule: Pick<UserRule, 'match'>): string {
  return [
    rule.match.sender ? `from "${rule.match.sender}"` : '',
    rule.match.department ? `from the department "${rule.match.department}"` : '',
    rule.match.phrase ? `mentioning "${rule.match.phrase}"` : '',
  ]
    .filter(Boolean)
    .join(' and ');
}

/**
 * The reason a user rule gives for its call: "Your rule: …" for one kept in this browser, "Network rule: …
 * (added by …)" for one from the network spreadsheet's Rules tab; the maker's note, when there is one, is
 * said too.
 */
export function explainUserRule(rule: UserRule): string {
  const network = rule.scope === 'network';
  const by = rule.addedBy?.trim();
  const said = `mail ${describeRuleMatch(rule)} is ${TIER_WORDS[rule.tier]}`;
  const note = rule.note?.trim();
  if (!network) return note ? `Your rule: ${note}` : `Your rule: ${said}.`;
  return `Network rule: ${said}${by ? ` (added by ${by})` : ''}.${note ? ` ${note}` : ''}`;
}
