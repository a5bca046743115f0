// The shapes of the mandate triage: what goes in (a central-office message) and what comes out (its tier,
// who it is for, its deadlines and asks, and the reasons that decided). Shared by the engine, the CLI, the
// digest and, later, the side panel.

/** How much a message asks of a principal (see product.md, "Mandate tiers"). */
export type Tier = 'must_do' | 'action' | 'fyi' | 'not_for_principals';

export const TIERS: readonly Tier[] = ['must_do', 'action', 'fyi', 'not_for_principals'];

/** Most demanding first: a bulletin takes the first of its items' tiers in this order. */
export const TIER_ORDER: Record<Tier, number> = { must_do: 0, action: 1, fyi: 2, not_for_principals: 3 };

/** One central-office message as the triage sees it: plain text, already decoded from mail. */
export interface MandateMessage {
  id: string;
  subject?: string;
  from?: string;
  /** ISO date or date-time the message was sent; relative deadlines resolve against it. */
  date?: string;
  text: string;
}

export type DeadlineKind = 'due' | 'event' | 'window_start' | 'window_end' | 'recurring';

export interface Deadline {
  /** YYYY-MM-DD when the year can be resolved (from the text or the message date), else absent. */
  date?: string;
  /** MM-DD, always present. */
  monthDay: string;
  /** The words the date came from, as written. */
  text: string;
  kind: DeadlineKind;
}

/**
 * A deadline stated relative to something ("two weeks before the event", "within 10 days of receipt").
 * When its anchor can be dated (the message date, an event date in the text) it is also listed, resolved,
 * among `deadlines`; otherwise only here, so the digest can still show the rule.
 */
export interface RelativeDeadline {
  /** The words it came from, as written. */
  text: string;
  /** Signed offset in days from the anchor: negative = before. */
  offsetDays: number;
  /** What it is relative to, as written ("the event", "receipt of this memo"). */
  anchor: string;
  /** The resolved date when the anchor could be dated. */
  date?: string;
}

export type SchoolLevel = 'elementary' | 'middle' | 'high' | 'k8' | 'secondary' | 'early_childhood';

export interface Audience {
  /** Roles addressed, e.g. "principals", "superintendents", "business managers", "all staff". */
  roles: string[];
  /** School levels, only when the text states them. */
  levels: SchoolLevel[];
}

export interface Contact {
  kind: 'email' | 'office' | 'phone' | 'person';
  value: string;
}

/** One rule that decided (or weighed in on) the call, with the words that triggered it. */
export interface Reason {
  /** Stable id of the rule, e.g. "builtin:hard-deadline" or "user:3". */
  rule: string;
  /** What the rule means, in a principal's words. */
  explanation: string;
  /** The words from the message that matched. */
  matched: string[];
  effect: Tier | 'weight';
}

export interface Triage {
  id: string;
  tier: Tier;
  /** 0..1, how sure the engine is of the tier. */
  confidence: number;
  /**
   * Set when the reading between must_do and another tier is close: the item may be required, and a person
   * should look ("check this one — may be required"). Never set on a must_do.
   */
  check?: true;
  /** Why the call is close, in a principal's words (present exactly when `check` is). */
  checkReason?: string;
  audience: Audience;
  deadlines: Deadline[];
  actions: string[];
  contacts: Contact[];
  systems: string[];
  /** Days from the message date to the first due date; absent when either is unknown. */
  leadTimeDays?: number;
  /** Deadlines stated relative to an event or to receipt (see RelativeDeadline). */
  relativeDeadlines?: RelativeDeadline[];
  reasons: Reason[];
  /** Set when this is the same ask as an earlier message (a reminder, an extension, another department). */
  repeatOf?: string;
  /** A bulletin (newsletter, list of dates, action table) is split into items, each triaged. */
  items?: TriageItem[];
}

export interface TriageItem extends Omit<Triage, 'items' | 'id'> {
  id: string;
  title: string;
}

/** A correction turned into a rule: plain data, applied before the built-in rules. */
export interface UserRule {
  id: string;
  match: { sender?: string; department?: string; phrase?: string };
  tier: Tier;
  /** Why the user made the rule, shown back as the reason. */
  note?: string;
  /** Where the rule lives: the network spreadsheet's Rules tab (everyone's) or this browser only (default). */
  scope?: 'network' | 'local';
  /** Who made it (an email or a name), shown back with the reason. */
  addedBy?: string;
}
