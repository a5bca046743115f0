// Generates the principal-facing explanation of the built-in triage rules from the rule data itself, so
// the explanation can never drift from what the engine does.

import { BUILTIN_RULES, CHECKS, DERIVED_RULES } from './builtin';
import { ROLES } from './roles';
import { TIER_WORDS } from './user-rules';

function quoteSome(phrases: readonly string[], n: number): string {
  const shown = phrases.slice(0, n).map((p) => `"${p.replace(/ \* /g, ' … ')}"`);
  return shown.join(', ') + (phrases.length > n ? ` and ${phrases.length - n} more` : '');
}

/** Plain-English explanation of how Rounds sorts central-office mail. */
export function explainRules(): string {
  const lines: string[] = [];
  lines.push('How Rounds sorts central-office mail');
  lines.push('');
  lines.push(
    'Every message gets one of four labels: must do, action, FYI, or not for principals. Rounds only labels mail; it never hides, archives or deletes anything.',
  );
  lines.push(
    'Your own rules (by sender, department or phrase) are applied first and always win; the built-in rules below decide the rest.',
  );
  lines.push('');
  lines.push('The words Rounds looks for:');
  for (const rule of BUILTIN_RULES) {
    const effect = rule.effect === 'weight' ? 'adjusts the call' : `points to ${TIER_WORDS[rule.effect]}`;
    lines.push(
      `- ${rule.title} (${effect}): ${rule.explanation} Words such as ${quoteSome(rule.phrases, 6)}.`,
    );
  }
  lines.push('');
  lines.push('Who the ask is for:');
  const mine = ROLES.filter((r) => r.principalSide).map((r) => r.role);
  const others = ROLES.filter((r) => !r.principalSide).map((r) => r.role);
  lines.push(
    `- An ask counts as yours when it names ${mine.join(' or ')}, or names no one and the message is addressed to you.`,
  );
  lines.push(`- It is someone else's when it names ${others.join(', ')}.`);
  lines.push('');
  lines.push('How the call is made:');
  for (const rule of Object.values(DERIVED_RULES)) lines.push(`- ${rule.title}: ${rule.explanation}`);
  lines.push(
    '- A duty on you becomes a must-do when a due date, a stated deadline or a compliance consequence backs it; otherwise it is an action.',
  );
  lines.push(
    '- A request with a due date is a must-do too, unless the message leaves it to you (an invitation, a sign-up, "optional", your views) and no duty word says it is required.',
  );
  lines.push('- A single polite request in a message that calls itself information only is FYI.');
  lines.push(
    '- In the passive ("forms must be returned", "all pupils must be screened") the doer is you, unless the sentence names who does it ("to be completed by the finance office").',
  );
  lines.push('');
  lines.push('When the call is close, it says "check this one — may be required" and why:');
  for (const why of Object.values(CHECKS)) lines.push(`- ${why}`);
  lines.push('');
  lines.push(
    'Dates: a due date ("by", "no later than", "deadline") is kept apart from an event date ("the meeting is on"), the opening of a window ("applications open"), its closing, and recurring dates ("each year"). Deadlines relative to an event or to receipt ("two weeks before", "within 10 days of") are worked out when the anchor has a date.',
  );
  return lines.join('\n');
}
