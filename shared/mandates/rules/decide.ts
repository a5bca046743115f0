// The call itself: sums the sentence readings (classify.ts) into one tier, following product.md's tiers:
// must_do is required of the school with a hard date or a standing consequence; an ask that is optional,
// conditional or undated is an action; an ask of someone else is not for principals.

import type { HeaderAudience } from './audience';
import { openingSignals, ruleOf, signalMatches, type SentenceReading } from './classify';
import type { FoundDeadline } from '../dates/dates';
import { CHECKS, CONFIDENCE, DERIVED_RULES, THRESHOLDS } from './builtin';
import { wordsOf, type Word } from '../text/text';
import type { Reason, Tier } from '../types';

export interface Call {
  tier: Tier;
  confidence: number;
  reasons: Reason[];
  readings: SentenceReading[];
  /** Month-days of dates heading a line that asks something of the school: they are due dates. */
  dueHeadings: Set<string>;
  /** Set when the call is close to must_do: why a person should check it. */
  check?: string;
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
    // A title that says something is due ("Staff evaluations due May 1") asks too.
    asks =
      signalMatches('request', header.title, words).words.length +
        signalMatches('duty', header.title, words).words.length +
        signalMatches('deadline', header.title, words).words.length >
        0 || /\bdue\b(?!\s+to\b)/i.test(header.title);
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

/** The weight each kind of evidence adds, read from the rule table (builtin.ts, asks.ts). */
const WEIGHT = {
  duty: ruleOf('duty').weight,
  request: ruleOf('request').weight,
  compliance: ruleOf('compliance').weight,
  response: ruleOf('response').weight,
};

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
  const theirSentences = new Set(theirs.filter((r) => r.actor === 'other').map((r) => r.index));
  const inTheirs = (d: FoundDeadline) =>
    theirSentences.has(d.sentence) || (d.alsoIn ?? []).some((n) => theirSentences.has(n));
  const theirDates = new Set(deadlines.filter((d) => isDue(d) && inTheirs(d)).map((d) => d.monthDay));
  const ours = (d: { monthDay: string }) => !theirDates.has(d.monthDay);

  const score = { duty: 0, request: 0, compliance: 0 };
  let unconditionalAsks = 0;
  let conditionalDuty = false;
  const said = {
    duty: [] as string[],
    request: [] as string[],
    condition: [] as string[],
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
    // A due date found without a deadline phrase counts as one, unless it is someone else's deadline.
    const deadline = r.dueDate && ours(r.dueDate) ? [...r.deadline, r.dueDate.text] : r.deadline;
    said.condition.push(...r.condition, ...r.invitation, ...r.choice);
    said.optional.push(...r.invitation, ...r.choice, ...r.signup);
    said.deadline.push(...deadline);
    // "Last day to identify and resolve...", "The deadline for returns is...": a deadline asks by itself.
    const asks = r.duty.length + r.request.length + r.signup.length + deadline.length;
    if (r.duty.length && !conditional) {
      score.duty += WEIGHT.duty;
      said.duty.push(...r.duty);
    } else if (asks || r.invitation.length) {
      if (r.duty.length) conditionalDuty = true;
      score.request += WEIGHT.request;
      said.request.push(...r.duty, ...r.request, ...r.signup, ...deadline, ...r.invitation);
    }
    if (!conditional && asks) unconditionalAsks++;
    if (!conditional && asks && r.recurring.length) said.standing.push(...r.recurring);
    if (r.compliance.length) {
      score.compliance += WEIGHT.compliance;
      said.compliance.push(...r.compliance);
    }
    // A duty with a date on it ("principals must attend on 5 June") is dated even when the date reads as
    // an event; so is an ask headed by its date in a list ("December 1: Principals submit the plan"),
    // unless it is a sign-up (then the date is the event's). Other requests need a due date.
    const here = deadlines.filter((d) => (d.sentence === r.index || d.alsoIn?.includes(r.index)) && ours(d));
    const heading = here.find((d) => d.heading && d.kind === 'event');
    if (heading && !conditional && !r.signup.length && r.duty.length + r.request.length + deadline.length)
      dueHeadings.add(heading.monthDay);
    const due =
      here.find(isDue) ??
      (r.duty.length ? here.find((d) => d.kind === 'event') : undefined) ??
      (heading && dueHeadings.has(heading.monthDay) ? heading : undefined);
    if (due && !conditional && asks) {
      datedAsk ??= due;
      // "Please submit the counts by Friday": a plain request carrying its own date, nothing optional in it.
      if (r.duty.length + r.request.length > 0 && r.signup.length === 0) plainDatedRequest = true;
    }
  }
  // A due date on a line of its own ("By 20/10/23", "Deadline: February 17") belongs to the asks around it.
  const lineDue = deadlines.find((d) => isDue(d) && ours(d));
  const dueOnSchool = datedAsk ?? (unconditionalAsks > 0 ? lineDue : undefined);
  // Nothing says the ask is required, and the message leaves it to the reader (an invitation, a sign-up,
  // a survey of their views): a date on it does not make it a must-do. A plain request that carries its
  // own date is not made optional by an invitation elsewhere in the message.
  const optional =
    score.duty === 0 && score.compliance === 0 && said.optional.length > 0 && !plainDatedRequest;

  const { response, information } = openingSignals(headWords);
  if (response.length) score.request += WEIGHT.response;
  const others = theirs.reduce(
    (n, r) =>
      n +
      (r.duty.length
        ? WEIGHT.duty
        : r.request.length + r.signup.length + r.deadline.length
          ? WEIGHT.request
          : 0),
    0,
  );
  const otherWords = theirs.flatMap((r) => [...r.duty, ...r.request, ...r.signup, ...r.deadline]);

  const reasons: Reason[] = [];
  let tier: Tier;
  let confidence: number;
  let check: string | undefined;
  if (othersAddressed && header.principalAddressed === false && !namedPrincipal) {
    tier = 'not_for_principals';
    confidence = CONFIDENCE.addressedToOthers;
    reasons.push(
      reason(DERIVED_RULES.addressedToOthers, header.evidence.length ? header.evidence : header.roles, tier),
    );
  } else if (
    score.duty >= THRESHOLDS.mustDo &&
    (dueOnSchool || said.deadline.length || said.standing.length || score.compliance > 0)
  ) {
    tier = 'must_do';
    if (dueOnSchool) {
      confidence = CONFIDENCE.dutyWithDate;
      reasons.push(reason(DERIVED_RULES.hardDate, [dueOnSchool.text, ...said.duty.slice(0, 2)], tier));
    } else if (said.deadline.length) {
      confidence = CONFIDENCE.dutyWithStatedDeadline;
      reasons.push(reason(DERIVED_RULES.statedDeadline, said.deadline, tier));
    } else if (said.standing.length) {
      confidence = CONFIDENCE.dutyStanding;
      reasons.push(reason(DERIVED_RULES.standingAsk, said.standing, tier));
    } else confidence = CONFIDENCE.dutyStanding;
    reasons.push(reason(ruleOf('duty'), said.duty, 'must_do'));
    if (score.compliance > 0) reasons.push(reason(ruleOf('compliance'), said.compliance, 'must_do'));
  } else if (
    score.request >= THRESHOLDS.action &&
    unconditionalAsks > 0 &&
    !optional &&
    (dueOnSchool || said.deadline.length || said.standing.length)
  ) {
    tier = 'must_do';
    confidence = dueOnSchool ? CONFIDENCE.requestWithDate : CONFIDENCE.requestWithStatedDeadline;
    const when = dueOnSchool ? [dueOnSchool.text] : [...said.deadline, ...said.standing];
    const rule = dueOnSchool
      ? DERIVED_RULES.hardDate
      : said.deadline.length
        ? DERIVED_RULES.statedDeadline
        : DERIVED_RULES.standingAsk;
    reasons.push(reason(rule, [...when, ...said.request.slice(0, 2)], tier));
    reasons.push(reason(ruleOf('request'), said.request, 'weight'));
  } else if (score.duty > 0 || score.request >= THRESHOLDS.action || score.compliance > 0) {
    const weak =
      score.duty === 0 && score.compliance === 0 && score.request <= WEIGHT.request && !dueOnSchool;
    if (weak && information.length >= THRESHOLDS.informationOverridesRequest) {
      tier = 'fyi';
      confidence = CONFIDENCE.informationOverRequest;
      reasons.push(reason(ruleOf('information'), information, 'fyi'));
    } else {
      tier = 'action';
      confidence = said.condition.length || optional ? CONFIDENCE.optionalAction : CONFIDENCE.plainAction;
      if (optional && dueOnSchool)
        reasons.push(reason(DERIVED_RULES.optionalWithDate, [dueOnSchool.text, ...said.optional], tier));
      if (score.duty > 0) reasons.push(reason(ruleOf('duty'), said.duty, 'weight'));
      if (said.request.length || response.length)
        reasons.push(reason(ruleOf('request'), [...said.request, ...response], 'action'));
      if (said.condition.length) reasons.push(reason(ruleOf('condition'), said.condition, 'action'));
      if (score.compliance > 0) reasons.push(reason(ruleOf('compliance'), said.compliance, 'weight'));
    }
    if (score.duty > 0) check = CHECKS.dutyWithoutDate;
    else if (dueOnSchool || (optional && lineDue)) check = CHECKS.optionalWithDate;
    else if (conditionalDuty) check = CHECKS.conditionalDuty;
  } else if (others > 0 || header.principalAddressed === false) {
    tier = 'not_for_principals';
    confidence = others > 0 ? CONFIDENCE.askOfOthers : CONFIDENCE.othersNothingAsked;
    const rule = districtMemo ? DERIVED_RULES.districtMemo : DERIVED_RULES.askOfOthers;
    reasons.push(reason(rule, otherWords.length ? otherWords : header.titleOthers, tier));
  } else {
    tier = 'fyi';
    confidence = information.length ? CONFIDENCE.informationOnly : CONFIDENCE.nothingAsked;
    reasons.push(reason(DERIVED_RULES.nothingAsked, [], tier));
    if (information.length) reasons.push(reason(ruleOf('information'), information, 'fyi'));
  }
  // Addressed elsewhere by inference or by the address lines, yet a dated duty in it names no one.
  if (tier === 'not_for_principals') {
    const unnamedDuty = readings.some(
      (r) =>
        r.actor === 'unaddressed' &&
        r.duty.length > 0 &&
        deadlines.some((d) => isDue(d) && d.sentence === r.index),
    );
    if (unnamedDuty) check = CHECKS.othersWithDuty;
  }
  if (tier === 'fyi' && lineDue) check = CHECKS.dueDateNoAsk;
  const call: Call = { tier, confidence, reasons, readings: school, dueHeadings };
  if (check) call.check = check;
  return call;
}
