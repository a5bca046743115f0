// The call itself: sums the sentence readings (classify.ts) into one tier, following product.md's tiers:
// must_do is required of the school with a hard date or a standing consequence; an ask that is optional,
// conditional or undated is an action; an ask of someone else is not for principals.

import type { HeaderAudience } from './audience';
import { openingSignals, ruleOf, signalMatches, type SentenceReading } from './classify';
import type { FoundDeadline } from '../dates/dates';
import { DERIVED_RULES, THRESHOLDS } from './builtin';
import { wordsOf, type Word } from '../text/text';
import type { Reason, Tier } from '../types';

export interface Call {
  tier: Tier;
  confidence: number;
  reasons: Reason[];
  readings: SentenceReading[];
  /** Month-days of dates heading a line that asks something of the school: they are due dates. */
  dueHeadings: Set<string>;
}

function reason(
  rule: { id: string; explanation: string },
  matched: string[],
  effect: Tier | 'weight',
): Reason {
  return { rule: rule.id, explanation: rule.explanation, matched: [...new Set(matched)].slice(0, 5), effect };
}

const isDue = (d: FoundDeadline) => d.kind === 'due' || d.kind === 'window_end';

// A bulletin's items share its header: read its title once.
const TITLE_ASKS = new WeakMap<HeaderAudience, boolean>();

function titleAsks(header: HeaderAudience): boolean {
  let asks = TITLE_ASKS.get(header);
  if (asks === undefined) {
    const words = wordsOf(header.title);
    asks =
      signalMatches('request', header.title, words).words.length +
        signalMatches('duty', header.title, words).words.length >
      0;
    TITLE_ASKS.set(header, asks);
  }
  return asks;
}

/** Whose the unnamed asks are: the memo's addressees, or the roles its named doers all belong to. */
function othersAreReaders(readings: readonly SentenceReading[], header: HeaderAudience): boolean {
  if (header.principalAddressed === false) return true;
  if (header.principalAddressed === true) return false;
  // A title that names only other roles and asks nothing ("Building Staff End of Year Checklist") says
  // whom the unaddressed asks below it are for; a title that asks ("Remind all employees") speaks to you.
  if (header.titleOthers.length > 0 && !titleAsks(header)) return true;
  // No address lines, and every doer the memo names sits above the school ("each school district shall",
  // "superintendents must"): it is a memo to the district office, and its unnamed asks are theirs too.
  const doers = readings.filter((r) => r.named && (r.duty.length || r.request.length));
  return doers.length > 0 && doers.every((r) => r.aboveSchool);
}

/** Sum the evidence into a tier. */
export function decide(
  readings: readonly SentenceReading[],
  header: HeaderAudience,
  deadlines: readonly FoundDeadline[],
  headWords: readonly Word[],
): Call {
  const namedPrincipal = readings.some((r) => r.named && r.actor === 'principal');
  const othersAddressed = othersAreReaders(readings, header);
  const districtMemo = othersAddressed && header.principalAddressed === undefined && !namedPrincipal;
  // An ask with no named doer ("Submit by Friday", "must be completed", "you must") is the reader's.
  const side = (r: SentenceReading): 'principal' | 'other' =>
    r.actor !== 'unaddressed' ? r.actor : othersAddressed ? 'other' : 'principal';

  const school = readings.filter((r) => side(r) === 'principal');
  const theirs = readings.filter((r) => side(r) === 'other');
  // A date that is the deadline of someone else's ask (families applying, districts reporting) is not the
  // school's, even where a bulletin repeats it in its heading.
  const theirSentences = new Set(theirs.map((r) => r.index));
  const inTheirs = (d: FoundDeadline) =>
    theirSentences.has(d.sentence) || (d.alsoIn ?? []).some((n) => theirSentences.has(n));
  const theirDates = new Set(deadlines.filter((d) => isDue(d) && inTheirs(d)).map((d) => d.monthDay));
  const ours = (d: FoundDeadline) => !theirDates.has(d.monthDay);

  let duty = 0;
  let request = 0;
  let compliance = 0;
  let unconditionalAsks = 0;
  const words = { duty: [] as string[], request: [] as string[], condition: [] as string[] };
  const words2 = {
    compliance: [] as string[],
    deadline: [] as string[],
    optional: [] as string[],
    standing: [] as string[],
  };
  let datedAsk: FoundDeadline | undefined;
  let plainDatedRequest = false;
  const dueHeadings = new Set<string>();
  for (const r of school) {
    const conditional = r.condition.length + r.invitation.length + r.choice.length > 0;
    words.condition.push(...r.condition, ...r.invitation, ...r.choice);
    words2.optional.push(...r.invitation, ...r.choice, ...r.signup);
    words2.deadline.push(...r.deadline);
    // "Last day to identify and resolve...", "The deadline for returns is...": a deadline asks by itself.
    const asks = r.duty.length + r.request.length + r.signup.length + r.deadline.length;
    if (r.duty.length && !conditional) {
      duty += 2;
      words.duty.push(...r.duty);
    } else if (asks || r.invitation.length) {
      request += 1;
      words.request.push(...r.duty, ...r.request, ...r.signup, ...r.deadline, ...r.invitation);
    }
    if (!conditional && asks) unconditionalAsks++;
    if (!conditional && asks && r.recurring.length) words2.standing.push(...r.recurring);
    if (r.compliance.length) {
      compliance += 2;
      words2.compliance.push(...r.compliance);
    }
    // A duty with a date on it ("principals must attend on 5 June") is dated even when the date reads as
    // an event; so is an ask headed by its date in a list ("December 1: Principals submit the plan"),
    // unless it is a sign-up (then the date is the event's). Other requests need a due date.
    const here = deadlines.filter((d) => (d.sentence === r.index || d.alsoIn?.includes(r.index)) && ours(d));
    const heading = here.find((d) => d.heading && d.kind === 'event');
    if (heading && !conditional && !r.signup.length && r.duty.length + r.request.length + r.deadline.length)
      dueHeadings.add(heading.monthDay);
    const due =
      here.find(isDue) ??
      (r.duty.length ? here.find((d) => d.kind === 'event') : undefined) ??
      (heading && dueHeadings.has(heading.monthDay) ? heading : undefined);
    if (due && !conditional && asks && !datedAsk) {
      datedAsk = due;
      // "Please submit the counts by Friday": a plain request carrying its own date, nothing optional in it.
      plainDatedRequest = r.duty.length + r.request.length > 0 && r.signup.length === 0;
    }
  }
  // A due date on a line of its own ("By 20/10/23", "Deadline: February 17") belongs to the asks around it.
  const lineDue = deadlines.find((d) => isDue(d) && ours(d));
  const dueOnSchool = datedAsk ?? (unconditionalAsks > 0 ? lineDue : undefined);
  // Nothing says the ask is required, and the message leaves it to the reader (an invitation, a sign-up,
  // a survey of their views): a date on it does not make it a must-do. A plain request that carries its
  // own date is not made optional by an invitation elsewhere in the message.
  const optional = duty === 0 && compliance === 0 && words2.optional.length > 0 && !plainDatedRequest;

  const { response, information } = openingSignals(headWords);
  if (response.length) request += ruleOf('response').weight;
  const others = theirs.reduce(
    (n, r) => n + (r.duty.length ? 2 : r.request.length + r.signup.length + r.deadline.length ? 1 : 0),
    0,
  );
  const otherWords = theirs.flatMap((r) => [...r.duty, ...r.request, ...r.signup, ...r.deadline]);

  const reasons: Reason[] = [];
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
    (dueOnSchool || words2.deadline.length || words2.standing.length || compliance > 0)
  ) {
    tier = 'must_do';
    if (dueOnSchool) {
      confidence = 0.85;
      reasons.push(reason(DERIVED_RULES.hardDate, [dueOnSchool.text, ...words.duty.slice(0, 2)], tier));
    } else if (words2.deadline.length) {
      confidence = 0.75;
      reasons.push(reason(DERIVED_RULES.statedDeadline, words2.deadline, tier));
    } else if (words2.standing.length) {
      confidence = 0.7;
      reasons.push(reason(DERIVED_RULES.standingAsk, words2.standing, tier));
    } else confidence = 0.7;
    reasons.push(reason(ruleOf('duty'), words.duty, 'must_do'));
    if (compliance > 0) reasons.push(reason(ruleOf('compliance'), words2.compliance, 'must_do'));
  } else if (
    request >= THRESHOLDS.action &&
    unconditionalAsks > 0 &&
    !optional &&
    (dueOnSchool || words2.deadline.length || words2.standing.length)
  ) {
    tier = 'must_do';
    confidence = dueOnSchool ? 0.65 : 0.6;
    const when = dueOnSchool ? [dueOnSchool.text] : [...words2.deadline, ...words2.standing];
    const rule = dueOnSchool
      ? DERIVED_RULES.hardDate
      : words2.deadline.length
        ? DERIVED_RULES.statedDeadline
        : DERIVED_RULES.standingAsk;
    reasons.push(reason(rule, [...when, ...words.request.slice(0, 2)], tier));
    reasons.push(reason(ruleOf('request'), words.request, 'weight'));
  } else if (duty > 0 || request >= THRESHOLDS.action || compliance > 0) {
    const weak = duty === 0 && compliance === 0 && request <= 1 && !dueOnSchool;
    if (weak && information.length >= THRESHOLDS.informationOverridesRequest) {
      tier = 'fyi';
      confidence = 0.55;
      reasons.push(reason(ruleOf('information'), information, 'fyi'));
    } else {
      tier = 'action';
      confidence = words.condition.length || optional ? 0.7 : 0.6;
      if (optional && dueOnSchool)
        reasons.push(reason(DERIVED_RULES.optionalWithDate, [dueOnSchool.text, ...words2.optional], tier));
      if (duty > 0) reasons.push(reason(ruleOf('duty'), words.duty, 'weight'));
      if (words.request.length || response.length)
        reasons.push(reason(ruleOf('request'), [...words.request, ...response], 'action'));
      if (words.condition.length) reasons.push(reason(ruleOf('condition'), words.condition, 'action'));
      if (compliance > 0) reasons.push(reason(ruleOf('compliance'), words2.compliance, 'weight'));
    }
  } else if (others > 0 || header.principalAddressed === false) {
    tier = 'not_for_principals';
    confidence = others > 0 ? 0.7 : 0.55;
    const rule = districtMemo ? DERIVED_RULES.districtMemo : DERIVED_RULES.askOfOthers;
    reasons.push(reason(rule, otherWords.length ? otherWords : header.titleOthers, tier));
  } else {
    tier = 'fyi';
    confidence = information.length ? 0.8 : 0.7;
    reasons.push(reason(DERIVED_RULES.nothingAsked, [], tier));
    if (information.length) reasons.push(reason(ruleOf('information'), information, 'fyi'));
  }
  return { tier, confidence, reasons, readings: school, dueHeadings };
}
