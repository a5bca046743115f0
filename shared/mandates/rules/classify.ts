// Reads each sentence through the rule table (builtin.ts): its duties, deadlines, requests, sign-ups,
// conditions and consequences, and whose ask it is (audience.ts). decide.ts sums the readings into a tier.

import { actorBefore, roleMentions, type RoleMention } from './audience';
import { BUILTIN_RULES, type BuiltinRule, type Signal } from './builtin';
import { PhraseMatcher, PhraseSets, wordsOf, type PhraseMatch, type Sentence, type Word } from '../text/text';
import { TEXT_LIMITS } from '../limits';

interface CompiledRule {
  rule: BuiltinRule;
  matcher: PhraseMatcher;
}

// Compiled once at module load: one first-word index per rule, and one shared index for the signals read
// in every sentence, so a sentence's words are walked once for all of them.
// Grouped by signal from the table itself, so a new rule (or a new signal) is added in the table only.
const COMPILED = {} as Record<Signal, CompiledRule[]>;
for (const rule of BUILTIN_RULES)
  (COMPILED[rule.signal] ??= []).push({ rule, matcher: new PhraseMatcher(rule.phrases) });
const compiled = (signal: Signal): CompiledRule[] => COMPILED[signal] ?? [];

/** The signals every sentence is read for, in one phrase table (one list per rule). */
const SENTENCE_SIGNALS = [
  'duty',
  'deadline',
  'recurring',
  'request',
  'signup',
  'compliance',
  'invitation',
  'choice',
  'condition',
  'delivery',
  'negation',
] as const;
type SentenceSignal = (typeof SENTENCE_SIGNALS)[number];
const SENTENCE_RULES = SENTENCE_SIGNALS.flatMap((signal) => compiled(signal).map((c) => ({ signal, c })));
const SENTENCE_TABLE = new PhraseSets(SENTENCE_RULES.map((r) => r.c.rule.phrases));
// The same table with the courtesy phrases in front: most sentences have none, and then one walk of their
// words answers everything; a sentence with courtesy words is read again without them.
const COURTESY_LISTS = compiled('courtesy').map((c) => c.rule.phrases);
const FIRST_PASS = new PhraseSets([...COURTESY_LISTS, ...SENTENCE_RULES.map((r) => r.c.rule.phrases)]);

type Signals = Record<SentenceSignal, { words: string[]; at: number }>;

/**
 * A sentence's words without courtesy phrases, and each sentence signal's phrases among them: the lists
 * from `from` on in `lists` are the sentence rules' (the first pass puts the courtesy lists in front).
 */
function readWords(text: string, all: Word[]): { words: Word[]; lists: PhraseMatch[][]; from: number } {
  const first = FIRST_PASS.findAll(text, all, 6);
  let courtesy = false;
  for (let k = 0; k < COURTESY_LISTS.length; k++) if ((first[k] as PhraseMatch[]).length > 0) courtesy = true;
  if (!courtesy) return { words: all, lists: first, from: COURTESY_LISTS.length };
  const words = withoutCourtesy(text, all);
  return { words, lists: SENTENCE_TABLE.findAll(text, words, 6), from: 0 };
}

/** The signals a negation cancels: the asks, not the words that soften or date them. */
const NEGATABLE = new Set<string>(['duty', 'request', 'signup', 'compliance', 'recurring']);
const CONTRAST = /\b(?:but|however|although|though|instead|unless|except)\b/gi;

/**
 * Polarity: drops the asks a negation denies ("no school is required to...", "principals need not
 * attend"), from the negation up to a contrast ("..., but you must submit by May 1") or the end.
 */
function denyNegated(text: string, lists: PhraseMatch[][], from: number): boolean {
  let negatedAt = -1;
  SENTENCE_RULES.forEach(({ signal }, k) => {
    if (signal !== 'negation') return;
    for (const m of lists[from + k] as PhraseMatch[])
      if (negatedAt < 0 || m.start < negatedAt) negatedAt = m.start;
  });
  if (negatedAt < 0) return false;
  CONTRAST.lastIndex = negatedAt;
  const end = CONTRAST.exec(text)?.index ?? text.length;
  SENTENCE_RULES.forEach(({ signal }, k) => {
    if (!NEGATABLE.has(signal)) return;
    const list = lists[from + k] as PhraseMatch[];
    lists[from + k] = list.filter((m) => m.start < negatedAt || m.start >= end);
  });
  return true;
}

/** True when no list from `from` on matched anything. */
function noneFound(lists: readonly PhraseMatch[][], from: number): boolean {
  for (let k = from; k < lists.length; k++) if ((lists[k] as PhraseMatch[]).length > 0) return false;
  return true;
}

/** Each sentence signal's phrases: the words as written and where the first one starts. */
function signalsOf(lists: readonly PhraseMatch[][], from: number): Signals {
  const out = {} as Record<SentenceSignal, { words: string[]; at: number }>;
  for (const signal of SENTENCE_SIGNALS) out[signal] = { words: [], at: -1 };
  SENTENCE_RULES.forEach(({ signal }, k) => {
    const into = out[signal];
    for (const m of lists[from + k] as PhraseMatch[]) {
      into.words.push(m.text);
      if (into.at < 0 || m.start < into.at) into.at = m.start;
    }
  });
  return out;
}

/** A due date as the date reader found it: the words it came from and its month-day. */
export interface DueDate {
  text: string;
  monthDay: string;
}

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
  /** True when the named doer sits above the school (district, superintendent, business office). */
  aboveSchool: boolean;
  duty: string[];
  /** Deadline words ("deadline", "no later than"): they date an ask, they do not make one. */
  deadline: string[];
  /** Schedule words ("daily", "each term"): with an ask, a standing requirement. */
  recurring: string[];
  request: string[];
  /** Sign-up words (register, RSVP, attend). */
  signup: string[];
  condition: string[];
  /** Words that leave the ask to the reader (optional, if you wish, your views). */
  choice: string[];
  invitation: string[];
  compliance: string[];
  /** A due date the date reader found in a sentence with no deadline phrase ("Reports due May 1"). */
  dueDate?: DueDate;
  /** "You must ...": the reader, whoever the memo addresses. */
  reader: boolean;
  /** Where the first ask word starts (for cutting the action phrase). */
  askAt: number;
  askWord: string;
}

export function signalMatches(
  signal: Signal,
  text: string,
  words?: readonly Word[],
): { words: string[]; at: number } {
  const found: string[] = [];
  let at = -1;
  for (const c of compiled(signal)) {
    for (const m of c.matcher.find(text, words, 6)) {
      found.push(m.text);
      if (at < 0 || m.start < at) at = m.start;
    }
  }
  return { words: found, at };
}

// The signals read in the opening of a message as a whole, in one table (one list per rule).
const OPENING_RULES = (['response', 'information'] as const).flatMap((signal) =>
  compiled(signal).map((c) => ({ signal, c })),
);
const OPENING_TABLE = new PhraseSets(OPENING_RULES.map((r) => r.c.rule.phrases));

/** The response and information phrases in words gathered across sentences (the memo header, the opening). */
export function openingSignals(words: readonly Word[]): { response: string[]; information: string[] } {
  const out = { response: [] as string[], information: [] as string[] };
  OPENING_TABLE.findAllIn(words, 6).forEach((list, k) =>
    out[(OPENING_RULES[k] as (typeof OPENING_RULES)[number]).signal].push(...list.map((m) => m.text)),
  );
  return out;
}

/** The sentence's words without courtesy phrases ("please contact us with questions"). */
function withoutCourtesy(text: string, words: Word[]): Word[] {
  const spans: [number, number][] = [];
  for (const c of compiled('courtesy'))
    for (const m of c.matcher.find(text, words)) spans.push([m.start, m.start + m.text.length]);
  if (spans.length === 0) return words;
  return words.filter((w) => !spans.some(([a, b]) => w.start >= a && w.start < b));
}

function isHeading(text: string, words: readonly Word[]): boolean {
  return words.length < 4 || /^[^:]{0,30}:/.test(text) || text === text.toUpperCase();
}

/** The characters from `at` up to the next space. */
function firstWordAt(text: string, at: number): string {
  const rest = text.slice(at);
  const space = /\s/.exec(rest);
  return space ? rest.slice(0, space.index) : rest;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** The first words of the command verbs: a sentence opening with none of them is no command. */
const IMPERATIVE_STARTS = new PhraseSets(compiled('imperative').map((c) => c.rule.phrases));
const NO_COMMAND: { words: string[]; at: number } = Object.freeze({ words: [], at: -1 }) as {
  words: string[];
  at: number;
};

/** Read every sentence: its ask words and whose ask it is. */
export function readSentences(
  sentences: readonly Sentence[],
  allWords: readonly Word[][],
  dueIn: ReadonlyMap<number, DueDate> = NO_DUE_DATES,
): SentenceReading[] {
  const out: SentenceReading[] = [];
  sentences.forEach((s, index) => {
    const text =
      s.text.length > TEXT_LIMITS.sentenceChars ? s.text.slice(0, TEXT_LIMITS.sentenceChars) : s.text;
    const { words, lists, from } = readWords(text, allWords[index] ?? wordsOf(text));
    // A command verb counts only as the sentence's first word (after any numbering), and not in a heading.
    const first = words.find((w) => !isDigit(text.charCodeAt(w.start)));
    const command =
      first && first.start < 12 && IMPERATIVE_STARTS.anyStart([first])
        ? signalMatches('imperative', text, [first])
        : NO_COMMAND;
    // Most sentences ask nothing: no reading, and nothing built for them.
    const due = dueIn.get(index);
    if (command.words.length === 0 && due === undefined && noneFound(lists, from)) return;
    const negated = noneFound(lists, from) ? false : denyNegated(text, lists, from);
    const {
      duty,
      deadline,
      recurring,
      request,
      signup,
      compliance,
      invitation,
      choice,
      condition,
      delivery,
    } = signalsOf(lists, from);
    // A date the date reader took for a due date ("Evaluations due May 1", "Returns: by 3 March") states a
    // deadline even where no deadline phrase does; but only where the date is part of a line that says
    // what is due (a date alone on its line is a letter's date or a heading). A role named in such a line
    // is part of a noun ("Teacher Evaluations due May 1"), not the doer, so the line is read as unaddressed.
    // A date on what the sender delivers ("schools will receive their codes by May 2") is the sender's, and
    // one in a denied ask ("you do not have to submit anything until May 2") dates nothing.
    const dueDate =
      due &&
      !negated &&
      deadline.words.length === 0 &&
      delivery.words.length === 0 &&
      text.length > due.text.length + 8
        ? due
        : undefined;
    const dueOnly =
      dueDate !== undefined &&
      [duty, request, signup, compliance, invitation, choice].every((x) => x.words.length === 0);
    if (dueDate) deadline.at = Math.max(0, text.indexOf(dueDate.text));
    if (command.words.length && (request.at < 0 || command.at < request.at) && !isHeading(text, words)) {
      request.words.unshift(...command.words);
      request.at = command.at;
    }
    // The doer is named before the ask ("Interested parents are asked to..."); a sentence whose only
    // signal is a choice ("to give their views") is read from its choice words.
    const asks = [duty, deadline, request, signup, compliance, invitation];
    if (!dueDate && asks.every((x) => x.words.length === 0) && choice.words.length === 0) return;
    const askAt =
      asks
        .map((x) => x.at)
        .filter((i) => i >= 0)
        .sort((a, b) => a - b)[0] ?? Math.max(0, choice.at);
    const named = dueOnly ? undefined : actorBefore(text, askAt, words);
    const found = doerOf(text, askAt, named);
    // A modal with no verb after it ("They must.") puts nothing on anyone.
    if (duty.words.length && asks.every((x) => x === duty || x.words.length === 0) && endsAtModal(text, duty))
      return;
    const reader = found?.role.role === 'you';
    const who = reader ? undefined : found;
    out.push({
      index,
      text: s.text,
      actor: who ? (who.role.principalSide ? 'principal' : 'other') : 'unaddressed',
      named: Boolean(who),
      role: who?.role.role,
      aboveSchool: Boolean(who?.role.aboveSchool),
      duty: duty.words,
      deadline: deadline.words,
      recurring: recurring.words,
      request: request.words,
      signup: signup.words,
      condition: condition.words,
      choice: choice.words,
      invitation: invitation.words,
      compliance: compliance.words,
      ...(dueDate ? { dueDate } : {}),
      reader,
      askAt,
      askWord: firstWordAt(text, askAt),
    });
  });
  return out;
}

const NO_DUE_DATES: ReadonlyMap<number, DueDate> = new Map();

// A duty in the passive ("all pupils must be screened", "forms are to be returned", "must be reported")
// names what is acted on, not who acts: the doer is the reader, unless an agent follows ("to be completed
// by the finance team", "by Ms Reyes"). "by" followed by a date, a time or a deadline word is no agent.
const PASSIVE =
  /^(?:must|shall|should|will|need to|needs to|has to|have to|are to|is to|are required to|is required to|are expected to|is expected to|to)?\s*(?:also\s+|all\s+|then\s+)?be\s+([a-z]+(?:ed|en|wn|ne|lt|nt|ld|un))\b(.{0,60})/i;
const NOT_AN_AGENT =
  /^\s*by\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|the\s+(?:end|close|start|beginning|deadline|due)|close|noon|midnight|end|\d)/i;
const AGENT = /^\s*by\s+(?:the\s+)?(\S+(?:\s+\S+){0,3})/i;

/** Someone the text names as the doer without a role word ("to be completed by Ms Reyes"). */
const SOMEONE_NAMED: RoleMention['role'] = { role: 'someone named', principalSide: false, phrases: [] };

/**
 * Who does what a sentence asks: the role named before the ask, except in the passive, where the named
 * role is what is acted on ("all pupils must be screened") and the doer is the agent ("by the business
 * office", "by Kathy"), else the reader. A school-side subject of a passive stays the doer ("schools are to
 * be ready by...").
 */
function doerOf(text: string, askAt: number, named: RoleMention | undefined): RoleMention | undefined {
  if (named?.role.principalSide) return named;
  const passive = PASSIVE.exec(text.slice(askAt, askAt + 120));
  if (!passive) return named;
  const after = passive[2] ?? '';
  if (NOT_AN_AGENT.test(after)) return undefined;
  const agent = AGENT.exec(after);
  if (!agent?.[1]) return undefined;
  const role = roleMentions(agent[1])[0];
  if (role) return role;
  return /^[A-Z]/.test(agent[1]) ? { role: SOMEONE_NAMED, index: askAt, text: agent[1] } : undefined;
}

/** True when every duty word ends its sentence: an elliptical modal ("They must."), not an obligation. */
function endsAtModal(text: string, duty: { words: string[] }): boolean {
  return duty.words.every((w) => {
    const at = text.lastIndexOf(w);
    return at >= 0 && /^[\s.!?"')]*$/.test(text.slice(at + w.length));
  });
}

/** The rule behind a signal (the first, where a signal has several), for reasons and weights. */
export function ruleOf(signal: Signal): BuiltinRule {
  const rule = compiled(signal)[0]?.rule;
  if (!rule) throw new Error(`no built-in rule has the signal "${signal}"`);
  return rule;
}
