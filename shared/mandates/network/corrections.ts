// One-click correction: the user says what a message really is ("this is a must-do"), Rounds offers the rules
// that would say so (by sender, by department, by a short phrase from the subject — the user picks one), and
// previews the other messages each would change (before → after) before it is saved to the Rules tab.
import { triage } from '../triage';
import type { MandateMessage, Tier, Triage, UserRule } from '../types';
import { matchRule } from '../rules/user-rules';
import { titleOf } from '../digest/digest';
import {
  DEFAULT_CENTRAL_OFFICE,
  parseSender,
  recognizeCentralOffice,
  type CentralOfficeSettings,
} from './central-office';

export type RuleKind = 'sender' | 'department' | 'phrase';

export interface RuleCandidate {
  kind: RuleKind;
  /** The rule to save: its id is stable for the same correction ("phrase:comparability report→must_do"). */
  rule: UserRule;
  /** Whether the rule gives the message the tier the user chose (a phrase rule on one bulletin item may not). */
  fixes: boolean;
}

export interface Seen {
  message: MandateMessage;
  triage: Triage;
}

const STOP = new Set(
  (
    'a an the of for to and or in on at by from with your our their my all any this that these those is are be ' +
    'was were will due please reminder re fwd fw urgent important action required requested request update ' +
    'updated new info information notice school schools principal principals district office dept department ' +
    'date dates deadline today tomorrow week weekly month monthly year annual day days by no not only now ' +
    'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august ' +
    'september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    // Words about the message rather than its subject: a rule on them would catch unrelated mail.
    'extended extension coming upcoming additional next last final revised revision change changes ' +
    'correction corrected weeks months reminders deadlines'
  ).split(' '),
);

function words(text: string): string[][] {
  // Punctuation breaks a phrase: the rule matches the words as written, with only spaces between them.
  return text
    .replace(/^(?:\s*(?:re|fwd?|fw|reminder|urgent|important|action required)\s*:\s*)+/i, '')
    .split(/[^\p{L}\p{N}'’ -]+|\s-\s/u)
    .map((seg) => seg.split(/\s+/).filter(Boolean));
}

const content = (w: string) => {
  const k = w.toLowerCase();
  return !STOP.has(k) && !/^\d{1,2}(?:st|nd|rd|th)?$/.test(k) && /[\p{L}\p{N}]{2,}/u.test(k);
};

/** Phrases of two or three words from a subject, each starting and ending on a word that says something. */
export function subjectPhrases(subject: string): string[] {
  const out = new Set<string>();
  for (const seg of words(subject)) {
    const before = out.size;
    for (const n of [2, 3]) {
      for (let i = 0; i + n <= seg.length; i++) {
        const gram = seg.slice(i, i + n);
        if (!content(gram[0]!) || !content(gram[n - 1]!)) continue;
        out.add(gram.join(' '));
      }
    }
    // A single long word ("comparability") is a phrase when its stretch of the subject has nothing longer.
    if (out.size === before) for (const w of seg) if (content(w) && w.length >= 8) out.add(w);
  }
  return [...out];
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/**
 * The most distinctive short phrase of a message's subject: the one fewest of the other messages mention
 * (then two words before three, then the longer). Undefined when the subject has none.
 */
export function distinctivePhrase(
  message: MandateMessage,
  others: readonly MandateMessage[] = [],
): string | undefined {
  const self = { from: message.from, subject: message.subject, text: message.text };
  const phrases = subjectPhrases(message.subject ?? '').filter(
    (p) => matchRule({ id: '', match: { phrase: p }, tier: 'fyi' }, self) !== undefined,
  );
  if (!phrases.length) return undefined;
  const haystacks = others
    .filter((o) => o !== message && o.id !== message.id)
    .map((o) => norm(`${o.subject ?? ''} ${o.text}`));
  const scored = phrases.map((p) => ({
    p,
    df: haystacks.filter((h) => h.includes(norm(p))).length,
    n: p.split(' ').length,
  }));
  scored.sort(
    (a, b) =>
      a.df - b.df ||
      Math.abs(a.n - 2) - Math.abs(b.n - 2) ||
      b.p.length - a.p.length ||
      a.p.localeCompare(b.p),
  );
  return scored[0]!.p;
}

/** The department a message comes from: a listed central office it names, else an office-like sender name. */
export function departmentOf(
  message: MandateMessage,
  settings: CentralOfficeSettings = DEFAULT_CENTRAL_OFFICE,
): string | undefined {
  const call = recognizeCentralOffice(message.from, settings, { text: message.text });
  if (call.central && call.office && !call.office.includes('@')) return call.office;
  const named = settings.offices.find((o) =>
    norm(`${message.subject ?? ''} ${message.text.slice(0, 400)}`).includes(norm(o)),
  );
  return named;
}

function ruleId(kind: RuleKind, value: string, tier: Tier): string {
  return `${kind}:${value.toLowerCase().replace(/\s+/g, ' ').trim()}→${tier}`;
}

/**
 * The rules that would put this message in `tier`, one per kind the message allows: by sender (its
 * address), by department (the central office it names), by phrase (a short distinctive phrase from its
 * subject; `others` are the messages it should be distinctive against). Each says whether it fixes this
 * message; `rules` are the rules already in force (the new rule is tried before them).
 */
export function suggestRules(
  seen: Seen,
  tier: Tier,
  options: {
    settings?: CentralOfficeSettings;
    others?: readonly MandateMessage[];
    rules?: readonly UserRule[];
    note?: string;
  } = {},
): RuleCandidate[] {
  const { message } = seen;
  const out: RuleCandidate[] = [];
  const add = (kind: RuleKind, value: string | undefined) => {
    if (!value) return;
    const rule: UserRule = { id: ruleId(kind, value, tier), match: { [kind]: value }, tier };
    if (options.note?.trim()) rule.note = options.note.trim();
    const fixes = triage(message, [rule, ...(options.rules ?? [])]).tier === tier;
    out.push({ kind, rule, fixes });
  };
  add('sender', parseSender(message.from).address || undefined);
  add('department', departmentOf(message, options.settings));
  add('phrase', distinctivePhrase(message, options.others));
  return out;
}

export interface RuleChange {
  id: string;
  title: string;
  from?: string;
  before: Tier;
  after: Tier;
}

/**
 * The messages whose tier the rule would change, before → after, among those seen (each as triaged now;
 * `rules` are the rules in force, which the new one goes before). `except` leaves out the message being
 * corrected. Only messages the rule can match are triaged again.
 */
export function previewRule(
  rule: UserRule,
  seen: readonly Seen[],
  options: { rules?: readonly UserRule[]; except?: string } = {},
): { looked: number; changes: RuleChange[] } {
  const changes: RuleChange[] = [];
  let looked = 0;
  for (const { message, triage: before } of seen) {
    if (options.except !== undefined && message.id === options.except) continue;
    looked++;
    if (!matchRule(rule, { from: message.from, subject: message.subject, text: message.text })) continue;
    const after = triage(message, [rule, ...(options.rules ?? [])]).tier;
    if (after !== before.tier)
      changes.push({
        id: message.id,
        title: titleOf(message),
        ...(message.from !== undefined && { from: message.from }),
        before: before.tier,
        after,
      });
  }
  return { looked, changes };
}
