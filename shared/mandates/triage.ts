// The mandate triage: one central-office message in, its tier, audience, deadlines, asks, contacts,
// systems, lead time and reasons out; bulletins are split into items first. Synchronous and deterministic.

import { headerAudience, levelsOf, type HeaderAudience } from './rules/audience';
import { type YMD, parseIsoDate } from './dates/calendar';
import { readSentences, type DueDate } from './rules/classify';
import { decide } from './rules/decide';
import {
  dateFromHeader,
  extractDeadlines,
  extractDeadlinesOfEach,
  leadTime,
  type DateScan,
} from './dates/dates';
import { actionsFrom, contactsFrom, systemsFrom } from './extract';
import { splitBulletin, type BulletinPart } from './text/bulletin';
import { linkRepeats } from './digest/repeats';
import { DERIVED_RULES } from './rules/builtin';
import {
  clip,
  openingWords,
  splitSentences,
  tidy,
  wordsOf,
  wordsOfSentences,
  type Sentence,
  type Word,
} from './text/text';
import {
  TIER_ORDER,
  type Deadline,
  type MandateMessage,
  type Triage,
  type TriageItem,
  type UserRule,
} from './types';
import { applyUserRules } from './rules/user-rules';
import { TEXT_LIMITS } from './limits';

type Core = Omit<Triage, 'id' | 'items' | 'repeatOf'>;

function asText(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** A text split once into sentences and words, shared by every reader of it. */
interface Prepared {
  text: string;
  sentences: Sentence[];
  words: Word[][];
}

function prepare(text: string): Prepared {
  const sentences = splitSentences(text);
  return { text, sentences, words: wordsOfSentences(sentences, text) };
}

/** Triage one text (a whole message or one bulletin item) whose dates have been read. */
function analyse(
  { text, sentences, words }: Prepared,
  dates: DateScan,
  ctx: { subject?: string; from?: string; sent?: YMD; parentHeader?: HeaderAudience },
  rules: readonly UserRule[] | undefined,
): Core {
  const head = openingWords(sentences, words, TEXT_LIMITS.openingChars);
  const own = headerAudience(sentences, ctx.subject, words);
  const header = own.principalAddressed === undefined && ctx.parentHeader ? ctx.parentHeader : own;
  const { deadlines: found, relative } = dates;
  const dueIn = new Map<number, DueDate>();
  for (const d of found) if (d.kind === 'due' && !dueIn.has(d.sentence)) dueIn.set(d.sentence, d);
  const readings = readSentences(sentences, words, dueIn);
  const call = decide(readings, header, found, head);
  const user = applyUserRules(rules, { from: ctx.from, subject: ctx.subject, text });
  // A date heading a line that asks something of the school is that ask's due date ("December 1: Principals
  // must submit..."), though nothing like "by" precedes it.
  const deadlines: Deadline[] = found.map(({ sentence: _s, alsoIn: _a, heading: _h, ...d }) =>
    call.dueHeadings.has(d.monthDay) && d.kind === 'event' ? { ...d, kind: 'due' } : d,
  );
  const roles = new Set(header.roles);
  for (const r of readings) if (r.role) roles.add(r.role);
  const core: Core = {
    tier: user ? user.tier : call.tier,
    confidence: user ? 1 : call.confidence,
    // A user's own rule is their decision: no second-guessing it.
    ...(call.check && !user ? { check: true as const, checkReason: call.check } : {}),
    audience: { roles: [...roles], levels: levelsOf([...wordsOf(ctx.subject ?? ''), ...head]) },
    deadlines,
    actions: actionsFrom(call.readings),
    contacts: contactsFrom(text),
    systems: systemsFrom(text, ctx.from),
    reasons: user ? [user.reason, ...call.reasons] : call.reasons,
  };
  const lead = leadTime(deadlines, ctx.sent);
  if (lead !== undefined) core.leadTimeDays = lead;
  if (relative.length) core.relativeDeadlines = relative;
  return core;
}

/** Triage one central-office message. Never throws on odd input: missing text reads as empty. */
export function triage(message: MandateMessage, rules?: UserRule[]): Triage {
  const id = asText(message?.id);
  const subject = message?.subject === undefined ? undefined : tidy(asText(message.subject));
  const from = message?.from === undefined ? undefined : asText(message.from);
  const text = tidy(asText(message?.text));
  const parts = splitBulletin(text);
  // The address lines and the sending date are looked for in the opening; a short message is all opening.
  const single = parts ? undefined : prepare(text);
  let opening: Sentence[] | undefined =
    single && text.length <= TEXT_LIMITS.headerChars ? single.sentences : undefined;
  const openingSentences = () => (opening ??= splitSentences(text.slice(0, TEXT_LIMITS.headerChars)));
  const sent = parseIsoDate(asText(message?.date)) ?? dateFromHeader(openingSentences());
  const ctx = { subject, from, sent };
  if (single)
    return {
      id,
      ...analyse(single, extractDeadlines(single.sentences, sent, text), ctx, rules),
    };

  const parentHeader = headerAudience(openingSentences(), subject);
  const prepared = (parts as BulletinPart[]).map((part) => prepare(part.text));
  const dates = extractDeadlinesOfEach(
    prepared.map((p) => ({ sentences: p.sentences, fullText: p.text })),
    sent,
  );
  const items: TriageItem[] = (parts as BulletinPart[]).map((part, n) => ({
    id: `${id}#${n + 1}`,
    title: clip(part.title, 100),
    ...analyse(prepared[n] as Prepared, dates[n] as DateScan, { from, sent, parentHeader }, rules),
  }));
  const top = items.reduce((a, b) => (TIER_ORDER[b.tier] < TIER_ORDER[a.tier] ? b : a));
  // The bulletin as a whole only contributes who it is addressed to and whom to contact.
  const whole = {
    audience: {
      roles: parentHeader.roles,
      levels: levelsOf(wordsOf(`${subject ?? ''}\n${text.slice(0, TEXT_LIMITS.openingChars)}`)),
    },
    contacts: contactsFrom(text),
    systems: systemsFrom(text, from),
  };
  const bySender = applyUserRules(
    (rules ?? []).filter((r) => !r.match.phrase),
    { from, subject, text },
  );
  const deadlines = dedupe(items.flatMap((i) => i.deadlines));
  const result: Triage = {
    id,
    tier: bySender ? bySender.tier : top.tier,
    confidence: bySender ? 1 : top.confidence,
    audience: {
      roles: [...new Set([...whole.audience.roles, ...items.flatMap((i) => i.audience.roles)])],
      levels: [...new Set([...whole.audience.levels, ...items.flatMap((i) => i.audience.levels)])],
    },
    deadlines,
    actions: [...new Set(items.flatMap((i) => i.actions))].slice(0, 8),
    contacts: whole.contacts,
    systems: whole.systems,
    reasons: [
      ...(bySender ? [bySender.reason] : []),
      {
        rule: DERIVED_RULES.bulletin.id,
        explanation: DERIVED_RULES.bulletin.explanation,
        matched: [`${items.length} items`, top.title],
        effect: top.tier,
      },
      ...top.reasons,
    ],
    items,
  };
  // A bulletin with no must-do but an item close to one says so, naming the item.
  const close = result.tier === 'must_do' || bySender ? undefined : items.find((i) => i.check);
  if (close) {
    result.check = true;
    result.checkReason = `“${close.title}”: ${close.checkReason ?? ''}`;
  }
  const lead = leadTime(deadlines, sent);
  if (lead !== undefined) result.leadTimeDays = lead;
  return result;
}

function dedupe(deadlines: Deadline[]): Deadline[] {
  const seen = new Set<string>();
  return deadlines.filter((d) => {
    const key = `${d.monthDay}|${d.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Triage many messages and link repeats (reminders, extensions, the same ask from another department). */
export function triageAll(messages: MandateMessage[], rules?: UserRule[]): Triage[] {
  const triages = messages.map((m) => triage(m, rules));
  linkRepeats(messages, triages);
  return triages;
}
