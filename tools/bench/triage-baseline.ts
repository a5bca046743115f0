// The yardstick the triage bench compares the engine with: a plain keyword list, the first thing anyone
// would write (duty words make a must-do, ask words an action, other roles in the opening "not for
// principals", else FYI). Written from general English, not from the corpus, and never tuned to it.

import type { MandateMessage, Tier, Triage } from '../../shared/mandates/types';

const DUTY = /\b(?:must|shall|required|mandatory|deadline|due (?:by|on)|no later than)\b/i;
const ASK =
  /\b(?:please|submit|complete|register|respond|reply|invited?|encouraged?|should|nominat\w*|sign up|apply)\b/i;
const OTHERS =
  /\b(?:superintendents?|teachers|parents|families|students|business managers?|custodians?|all staff|employees)\b/i;
const PRINCIPALS = /\b(?:principals?|head ?teachers?|heads of schools?|school leaders?|administrators)\b/i;

export function keywordTier(message: MandateMessage): Tier {
  const text = `${message.subject ?? ''}\n${String(message.text ?? '')}`;
  const opening = text.slice(0, 400);
  if (OTHERS.test(opening) && !PRINCIPALS.test(opening)) return 'not_for_principals';
  if (DUTY.test(text)) return 'must_do';
  if (ASK.test(text)) return 'action';
  return 'fyi';
}

/** The baseline's call shaped as a Triage (tier only: it finds no dates), so the same scoring applies. */
export function keywordTriage(message: MandateMessage): Triage {
  return {
    id: String(message.id),
    tier: keywordTier(message),
    confidence: 0,
    audience: { roles: [], levels: [] },
    deadlines: [],
    actions: [],
    contacts: [],
    systems: [],
    reasons: [],
  };
}
