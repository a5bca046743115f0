// The built-in triage rules as plain data: the words that signal a duty, a request, a condition or mere
// information, what each pushes the call toward, and the sentence a principal reads when it decides.
// The engine (rules/classify.ts) only interprets this table, so a rule is changed here, not in code.

import { ASK_RULES } from './asks';
import { SOFTENING_RULES } from './softening';
import type { Tier } from '../types';

/** What a rule's words tell the engine about a sentence. */
export type Signal =
  /** A duty: must, shall, required, responsible for. */
  | 'duty'
  /** A stated deadline: deadline, no later than, due by. Dates an ask; does not make it required. */
  | 'deadline'
  /** A schedule: daily, each week, annually. With an ask, a standing requirement. */
  | 'recurring'
  /** A request: please submit, are asked to, register, should. */
  | 'request'
  /** Makes a duty or request optional or conditional: if you wish, voluntary, only where applicable. */
  | 'condition'
  /** An invitation: encouraged, invited, seeking nominations. An ask, but optional. */
  | 'invitation'
  /** Voluntary or left to the reader: optional, if you wish, your views. */
  | 'choice'
  /** Signing up for something: register, RSVP, attend. An ask, optional unless a duty says otherwise. */
  | 'signup'
  /** A standing compliance consequence even without a date: statutory, mandatory, will not be considered. */
  | 'compliance'
  /** A sentence that opens with a command verb ("Share the flyer", "Upload your plan"). */
  | 'imperative'
  /** The memo's own header says a response is required. */
  | 'response'
  /** The message presents itself as information only. */
  | 'information'
  /** Words that look like a request but are not one ("please contact us with questions"): removed first. */
  | 'courtesy'
  /** Negates the asks after it, up to a "but": "no school is required to", "need not", "no longer required". */
  | 'negation'
  /** The sender's own delivery ("schools will receive", "results will be posted by"): its date is no ask. */
  | 'delivery';

export interface BuiltinRule {
  id: string;
  signal: Signal;
  /** The tier this rule argues for when it decides; 'weight' when it only adjusts others. */
  effect: Tier | 'weight';
  weight: number;
  /** Literal phrases (case-insensitive; `*` = one optional word). */
  phrases: string[];
  /** Short name for the explanation. */
  title: string;
  /** What the rule means, in a principal's words. */
  explanation: string;
}

/** Every built-in phrase rule, softening rules first (courtesy lines are removed before asks are read). */
export const BUILTIN_RULES: readonly BuiltinRule[] = [...SOFTENING_RULES, ...ASK_RULES];

/** Scores at which the engine makes each call (see decide.ts for how the scores are summed). */
export const THRESHOLDS = {
  /** Duty points on the school side needed for must_do, when a due date or consequence backs them. */
  mustDo: 2,
  /** Request points on the school side needed for an action. */
  action: 1,
  /** Information points that turn a single weak request into fyi. */
  informationOverridesRequest: 2,
} as const;

/**
 * How sure the engine is of each kind of call (0..1), shown with the tier. A call resting on a duty and a
 * date is surer than one resting on a plain request, and both surer than "nothing was found".
 */
export const CONFIDENCE = {
  /** The address lines name only other roles. */
  addressedToOthers: 0.85,
  /** A duty on the school with a due date. */
  dutyWithDate: 0.85,
  /** A duty with a stated deadline whose date sits elsewhere. */
  dutyWithStatedDeadline: 0.75,
  /** A duty that recurs, or one backed by a compliance consequence. */
  dutyStanding: 0.7,
  /** A plain request that carries its own due date. */
  requestWithDate: 0.65,
  /** A plain request with a stated deadline or a schedule. */
  requestWithStatedDeadline: 0.6,
  /** An ask that is optional, conditional or an invitation. */
  optionalAction: 0.7,
  /** An ask with nothing to say whether it is required. */
  plainAction: 0.6,
  /** One weak request in a message that calls itself information. */
  informationOverRequest: 0.55,
  /** Every ask names another role. */
  askOfOthers: 0.7,
  /** Address lines name others and nothing is asked. */
  othersNothingAsked: 0.55,
  /** The message calls itself information and asks nothing. */
  informationOnly: 0.8,
  /** Nothing asked was found. */
  nothingAsked: 0.7,
} as const;

/**
 * When a call that is not must_do is close to one, the result says so ("check this one — may be
 * required") with the sentence below, so a possible must-do is never quietly downgraded.
 */
export const CHECKS = {
  dutyWithoutDate:
    'It puts a duty on you or your school but no due date was found: if it has one, it is a must-do.',
  optionalWithDate:
    'It has a due date but reads as optional or conditional: if it applies to your school, it is a must-do.',
  conditionalDuty:
    'It carries a duty that applies only in some cases: check whether your school is one of them.',
  othersWithDuty:
    'It reads as addressed to other roles, yet it carries a dated duty no role is named for: check it is not yours.',
  dueDateNoAsk: 'It states a due date though no ask was found: check whether something is due from you.',
} as const;

/** Rules the engine adds on top of the phrase table, so their reasons can be explained too. */
export const DERIVED_RULES = {
  hardDate: {
    id: 'builtin:hard-date',
    title: 'A duty with a hard date',
    explanation: 'A duty on you or your school with a due date is a must-do: this is the ball not to drop.',
  },
  addressedToOthers: {
    id: 'builtin:addressed-to-others',
    title: 'Addressed to someone else',
    explanation:
      'The memo is addressed to other roles (superintendents, business managers, all staff, custodians, governors...) and asks nothing of principals, so someone else handles it.',
  },
  statedDeadline: {
    id: 'builtin:stated-deadline',
    title: 'A stated deadline',
    explanation:
      'The message names a deadline for you ("deadline", "last day to", "due date") even where the date itself sits elsewhere (a calendar entry, an attachment): treat it as a must-do, unless the ask is left to you.',
  },
  askOfOthers: {
    id: 'builtin:asks-others',
    title: 'The ask is for someone else',
    explanation:
      'Every duty or request in the message names another role (teachers, families, districts, business office...), not you or your school.',
  },
  nothingAsked: {
    id: 'builtin:nothing-asked',
    title: 'Nothing asked',
    explanation: 'No duty, request or deadline for you was found, so this is information only.',
  },
  optionalWithDate: {
    id: 'builtin:optional-with-date',
    title: 'An optional ask with a date',
    explanation:
      'The ask has a closing date, but nothing says it is required and the message leaves it to you (an invitation, a sign-up, a survey of your views, "optional"): an action, not a must-do.',
  },
  standingAsk: {
    id: 'builtin:standing-ask',
    title: 'A standing requirement',
    explanation:
      'An ask of you that recurs on a schedule (a daily return, a termly report) is a must-do even without a calendar date.',
  },
  districtMemo: {
    id: 'builtin:district-memo',
    title: 'A memo to the district office',
    explanation:
      'The memo names no addressees, and every duty in it falls on roles above the school (the district, superintendents, the business office), so its other asks are theirs too.',
  },
  bulletin: {
    id: 'builtin:bulletin',
    title: 'A bulletin of several items',
    explanation:
      'A newsletter, list of dates or action table is split into its items; it takes the most demanding tier among them.',
  },
} as const;
