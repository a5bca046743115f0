// The call itself: reads each sentence through the rule table (rules.ts), works out whose duty each ask
// is (audience.ts), and sums the evidence into one tier with the reasons that decided it.

import { actorBefore, type HeaderAudience } from './audience';
import type { FoundDeadline } from './dates';
import { BUILTIN_RULES, DERIVED_RULES, THRESHOLDS, type BuiltinRule, type Signal } from './rules';
import { PhraseMatcher, wordsOf, type Sentence, type Word } from './text';
import type { Reason, Tier } from './types';

interface CompiledRule {
  rule: BuiltinRule;
  matcher: PhraseMatcher;
}

// Compiled once at module load: one regex per rule.
const COMPILED: Record<Signal, CompiledRule[]> = {
  duty: [],
  request: [],
  condition: [],
  invitation: [],
  imperative: [],
  compliance: [],
  response: [],
  information: [],
  courtesy: [],
};
for (const rule of BUILTIN_RULES)
  COMPILED[rule.signal].push({ rule, matcher: new PhraseMatcher(rule.phrases) });

/** Who a sentence's ask lands on. */
export type Actor = 'principal' | 'other' | 'unaddressed';

/** One sentence as the engine read it. */
export interface SentenceReading {
  index: number;
  text: string;
  actor: Actor;
  /** True when the actor was named ("Principals must"), not inferred from the address lines. */
  named: boolean;
  /** The role named as the actor, when one was. */
  role?: string;
  duty: string[];
  request: string[];
  condition: string[];
  invitation: string[];
  compliance: string[];
  /** "You must ...": the reader, whoever the memo addresses. */
  reader: boolean;
  /** Where the first ask word starts (for cutting the action phrase). */
  askAt: number;
  askWord: string;
}

export interface Call {
  tier: Tier;
  confidence: number;
  reasons: Reason[];
  readings: SentenceReading[];
}

function signalMatches(
  signal: Signal,
  text: string,
  words?: readonly Word[],
): { words: string[]; at: number } {
  const found: string[] = [];
  let at = -1;
  for (const c of COMPILED[signal]) {
    for (const m of c.matcher.find(text, words, 6)) {
      found.push(m.text);
      if (at < 0 || m.start < at) at = m.start;
    }
  }
  return { words: found, at };
}

/** A signal's phrases found in words gathered across sentences (the memo header, the opening). */
function signalIn(signal: Signal, words: readonly Word[]): string[] {
  return COMPILED[signal].flatMap((c) => c.matcher.findIn(words, 6).map((m) => m.text));
}

/** The sentence's words without courtesy phrases ("please contact us with questions"). */
function withoutCourtesy(text: string, words: Word[]): Word[] {
  const spans: [number, number][] = [];
  for (const c of COMPILED.courtesy)
    for (const m of c.matcher.find(text, words)) spans.push([m.start, m.start + m.text.length]);
  if (spans.length === 0) return words;
  return words.filter((w) => !spans.some(([a, b]) => w.start >= a && w.start < b));
}

/** Read every sentence: its ask words and whose ask it is. */
export function readSentences(
  sentences: readonly Sentence[],
  allWords: readonly Word[][],
): SentenceReading[] {
  const out: SentenceReading[] = [];
  sentences.forEach((s, index) => {
    const text = s.text.length > 1200 ? s.text.slice(0, 1200) : s.text;
    const words = withoutCourtesy(text, allWords[index] ?? wordsOf(text));
    const duty = signalMatches('duty', text, words);
    const request = signalMatches('request', text, words);
    // A command verb counts only as the sentence's first word (after any numbering).
    const first = words.find((w) => !/^\d/.test(w.w));
    const heading = text === text.toUpperCase() || words.length < 4 || /^[^:]{0,30}:/.test(text);
    if (first && first.start < 12 && !heading) {
      const command = signalMatches('imperative', text, [first]);
      if (command.words.length && (request.at < 0 || command.at < request.at)) {
        request.words.unshift(...command.words);
        request.at = command.at;
      }
    }
    const compliance = signalMatches('compliance', text, words);
    const invitation = signalMatches('invitation', text, words);
    if (!duty.words.length && !request.words.length && !compliance.words.length && !invitation.words.length)
      return;
    const condition = signalMatches('condition', text, words);
    const askAt =
      [duty.at, request.at, compliance.at, invitation.at].filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
    const found = actorBefore(text, askAt, words);
    const reader = found?.role.role === 'you';
    const who = reader ? undefined : found;
    out.push({
      index,
      text: s.text,
      actor: who ? (who.role.principalSide ? 'principal' : 'other') : 'unaddressed',
      named: Boolean(who),
      role: who?.role.role,
      duty: duty.words,
      request: request.words,
      condition: condition.words,
      invitation: invitation.words,
      compliance: compliance.words,
      reader,
      askAt,
      askWord: text.slice(askAt).split(/\s+/)[0] ?? '',
    });
  });
  return out;
}

/** Imperatives ("Please submit", "Submit your form") speak to the reader, whoever the memo addresses. */
function isImperative(r: SentenceReading): boolean {
  return /^(?:please|kindly)\b/i.test(r.askWord) || r.askAt <= 2;
}

function reason(
  rule: { id: string; explanation: string },
  matched: string[],
  effect: Tier | 'weight',
): Reason {
  return { rule: rule.id, explanation: rule.explanation, matched: [...new Set(matched)].slice(0, 5), effect };
}

const DEADLINE_WORD = /deadline|last (?:day|date)|due/i;

const RULE_BY_SIGNAL = (signal: Signal) => (COMPILED[signal][0] as CompiledRule).rule;

/** Sum the evidence into a tier. */
export function decide(
  readings: readonly SentenceReading[],
  header: HeaderAudience,
  deadlines: readonly FoundDeadline[],
  headWords: readonly Word[],
): Call {
  const namedPrincipal = readings.some((r) => r.named && r.actor === 'principal');
  const namedOthers = readings.some((r) => r.named && r.actor === 'other');
  // A title that names only other roles and asks nothing ("Building Staff End of Year Checklist") says
  // whom the unaddressed asks below it are for; a title that asks ("Remind all employees") speaks to you.
  const titleAsks =
    signalMatches('request', header.title).words.length + signalMatches('duty', header.title).words.length;
  const othersAddressed =
    header.principalAddressed === false ||
    (header.principalAddressed === undefined && header.titleOthers.length > 0 && titleAsks === 0);
  // An ask with no named doer ("Submit by Friday", "must be completed", "you must") is the reader's, and
  // the reader is whoever the memo is addressed to.
  const resolve = (r: SentenceReading): 'principal' | 'other' => {
    if (r.actor !== 'unaddressed') return r.actor;
    return othersAddressed ? 'other' : 'principal';
  };
  void namedOthers;
  void isImperative;

  let duty = 0;
  let request = 0;
  let compliance = 0;
  let others = 0;
  const dutyWords: string[] = [];
  const requestWords: string[] = [];
  const conditionWords: string[] = [];
  const complianceWords: string[] = [];
  const otherWords: string[] = [];
  const schoolSentences = new Set<number>();
  const otherSentences = new Set<number>();
  let datedAsk: FoundDeadline | undefined;
  let unconditionalAsks = 0;
  const statedDeadline: string[] = [];
  const dueBySentence = new Map<number, FoundDeadline>();
  const eventBySentence = new Map<number, FoundDeadline>();
  for (const d of deadlines) {
    if (d.kind === 'due' || d.kind === 'window_end') dueBySentence.set(d.sentence, d);
    else if (d.kind === 'event') eventBySentence.set(d.sentence, d);
  }

  for (const r of readings) {
    const side = resolve(r);
    if (side === 'other') {
      if (r.duty.length || r.request.length) {
        others += r.duty.length ? 2 : 1;
        otherWords.push(...r.duty, ...r.request);
        otherSentences.add(r.index);
      }
      continue;
    }
    schoolSentences.add(r.index);
    const conditional = r.condition.length > 0 || r.invitation.length > 0;
    if (conditional) conditionWords.push(...r.condition, ...r.invitation);
    if (r.duty.length && !conditional) {
      duty += 2;
      dutyWords.push(...r.duty);
      statedDeadline.push(...r.duty.filter((w) => DEADLINE_WORD.test(w)));
    } else if (r.duty.length || r.request.length || r.invitation.length) {
      request += 1;
      requestWords.push(...r.duty, ...r.request, ...r.invitation);
    }
    if (!conditional && (r.duty.length || r.request.length)) unconditionalAsks++;
    if (r.compliance.length) {
      compliance += 2;
      complianceWords.push(...r.compliance);
    }
    // A duty with a date on it ("principals must attend on 5 June") is dated even when the date reads as an event.
    const due = dueBySentence.get(r.index) ?? (r.duty.length ? eventBySentence.get(r.index) : undefined);
    if (due && !conditional && (r.duty.length || r.request.length) && !datedAsk) datedAsk = due;
  }
  // A due date on a line of its own ("By 20/10/23", "Deadline: February 17") belongs to the asks around it.
  const dueForSchool = deadlines.find(
    (d) => (d.kind === 'due' || d.kind === 'window_end') && !otherSentences.has(d.sentence),
  );
  const dueOnSchool = datedAsk ?? (unconditionalAsks > 0 ? dueForSchool : undefined);

  const response = signalIn('response', headWords);
  if (response.length) request += RULE_BY_SIGNAL('response').weight;
  const info = { words: signalIn('information', headWords) };

  const reasons: Reason[] = [];
  const dutyRule = RULE_BY_SIGNAL('duty');
  const requestRule = RULE_BY_SIGNAL('request');
  const conditionRule = RULE_BY_SIGNAL('condition');
  const complianceRule = RULE_BY_SIGNAL('compliance');
  const infoRule = RULE_BY_SIGNAL('information');

  let tier: Tier;
  let confidence: number;
  if (othersAddressed && header.principalAddressed === false && !namedPrincipal) {
    tier = 'not_for_principals';
    confidence = 0.85;
    reasons.push(
      reason(DERIVED_RULES.addressedToOthers, header.evidence.length ? header.evidence : header.roles, tier),
    );
  } else if (
    duty >= THRESHOLDS.mustDo &&
    (dueOnSchool || statedDeadline.length || compliance > 0 || duty >= THRESHOLDS.mustDoUndated)
  ) {
    tier = 'must_do';
    if (dueOnSchool) {
      confidence = 0.85;
      reasons.push(reason(DERIVED_RULES.hardDate, [dueOnSchool.text, ...dutyWords.slice(0, 2)], tier));
    } else if (statedDeadline.length) {
      confidence = 0.75;
      reasons.push(reason(DERIVED_RULES.statedDeadline, statedDeadline, tier));
    } else confidence = compliance > 0 ? 0.7 : 0.6;
    reasons.push(reason(dutyRule, dutyWords, 'must_do'));
    if (compliance > 0) reasons.push(reason(complianceRule, complianceWords, 'must_do'));
  } else if (request >= THRESHOLDS.action && dueOnSchool && unconditionalAsks > 0) {
    tier = 'must_do';
    confidence = 0.65;
    reasons.push(reason(DERIVED_RULES.hardDate, [dueOnSchool.text, ...requestWords.slice(0, 2)], tier));
    reasons.push(reason(requestRule, requestWords, 'weight'));
  } else if (duty > 0 || request >= THRESHOLDS.action || compliance > 0) {
    const weak = duty === 0 && compliance === 0 && request <= 1 && !dueOnSchool;
    if (weak && info.words.length >= THRESHOLDS.informationOverridesRequest) {
      tier = 'fyi';
      confidence = 0.55;
      reasons.push(reason(infoRule, info.words, 'fyi'));
    } else {
      tier = 'action';
      confidence = conditionWords.length ? 0.7 : 0.6;
      if (duty > 0) reasons.push(reason(dutyRule, dutyWords, 'weight'));
      if (requestWords.length || response.length)
        reasons.push(reason(requestRule, [...requestWords, ...response], 'action'));
      if (conditionWords.length) reasons.push(reason(conditionRule, conditionWords, 'action'));
      if (compliance > 0) reasons.push(reason(complianceRule, complianceWords, 'weight'));
    }
  } else if (others > 0 || header.principalAddressed === false) {
    tier = 'not_for_principals';
    confidence = others > 0 ? 0.7 : 0.55;
    reasons.push(
      reason(DERIVED_RULES.askOfOthers, otherWords.length ? otherWords : header.titleOthers, tier),
    );
  } else {
    tier = 'fyi';
    confidence = info.words.length ? 0.8 : 0.7;
    reasons.push(reason(DERIVED_RULES.nothingAsked, [], tier));
    if (info.words.length) reasons.push(reason(infoRule, info.words, 'fyi'));
  }
  return { tier, confidence, reasons, readings: readings.filter((r) => schoolSentences.has(r.index)) };
}
