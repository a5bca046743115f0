// The weekly digest of mandate dates, the way a district bulletin lists them: every dated ask in a window,
// must-do first then by date, each with its call to action, and flags for short notice and repeated asks.
// Pure data in, data out, so the CLI, the extension's digest button and the add-on build the same digest.
import {
  TIER_ORDER,
  type Contact,
  type Deadline,
  type DeadlineKind,
  type MandateMessage,
  type Tier,
  type Triage,
} from '../types';

export interface DigestWindow {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Number of days, counting `from`. */
  days: number;
}

/** A triaged message with the message itself, whose subject, sender and date the digest shows. */
export interface DigestSource {
  message: MandateMessage;
  triage: Triage;
  /** The ILD's card for this email, shown with its entry (its tier and what-to-do are in `triage` already). */
  translation?: DigestTranslation;
}

/** What a digest entry shows of the ILD's translation (see mandates/network/translations.ts). */
export interface DigestTranslation {
  meaning: string;
  effortMinutes?: number;
  ipop?: string;
  skipIf?: string;
  translatedBy?: string;
}

export interface DigestDate {
  date: string;
  kind: DeadlineKind;
  /** The words the date came from. */
  text: string;
  /** The message gave only a month and day; the year is the one that puts it in the window. */
  yearAssumed: boolean;
}

/** An earlier or later message with the same ask. */
export interface AskRef {
  id: string;
  title: string;
  sent?: string;
}

export type DigestFlag =
  /** The triage found the call close to must_do: "check this one — may be required", and why. */
  | { kind: 'check'; reason: string }
  | { kind: 'short_notice'; sent: string; due: string; days: number; schoolDays?: number }
  | { kind: 'repeat_of'; earlier: AskRef }
  | { kind: 'asked_again'; later: AskRef[] };

export interface DigestEntry {
  /** The message id, or the bulletin item's id. */
  id: string;
  messageId: string;
  title: string;
  /** The bulletin's subject when the entry is one of its items. */
  bulletin?: string;
  from?: string;
  /** Sent date, YYYY-MM-DD. */
  sent?: string;
  tier: Tier;
  /** Dates inside the window, earliest first. */
  dates: DigestDate[];
  actions: string[];
  systems: string[];
  contacts: Contact[];
  flags: DigestFlag[];
  translation?: DigestTranslation;
}

export interface Digest {
  window: DigestWindow & { to: string };
  entries: DigestEntry[];
  counts: Record<Tier, number>;
  /** Dated asks in the window addressed to others (superintendents, custodians…), left out of the list. */
  forOthers: number;
  /** Entries that repeat an earlier ask, so a reader does not count them twice. */
  repeats: number;
}

export interface DigestOptions {
  /** Lead time (days from sent to due) at or under which a due date is flagged as short notice. */
  shortNoticeDays?: number;
  /**
   * When set, short notice is counted in school days instead: due within this many weekdays (Monday to Friday)
   * after the day it was sent. Holidays are not known, so they count as school days.
   */
  shortNoticeSchoolDays?: number;
}

/** "A document today, due tomorrow": three days or less leaves a principal no room to plan. */
export const SHORT_NOTICE_DAYS = 3;

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Weekdays (Monday to Friday) after `sent` up to and including `due`; 0 when due the day it is sent. */
export function schoolDaysBetween(sent: string, due: string): number {
  const total = daysBetween(sent, due);
  if (!(total > 0)) return Number.isNaN(total) ? NaN : 0;
  let count = 0;
  const start = toUtc(sent);
  for (let d = 1; d <= total; d++) {
    const weekday = new Date(start + d * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(toUtc(day) + days * DAY_MS).toISOString().slice(0, 10);
}

function toUtc(day: string): number {
  const m = ISO_DAY.exec(day.slice(0, 10));
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Whether a string is a real calendar day in YYYY-MM-DD form (2026-02-30 is not). */
export function isCalendarDay(day: string): boolean {
  return ISO_DAY.test(day) && !Number.isNaN(toUtc(day)) && addDays(day, 0) === day;
}

export function buildDigest(
  sources: Iterable<DigestSource>,
  window: DigestWindow,
  options: DigestOptions = {},
): Digest {
  const shortNotice = options.shortNoticeDays ?? SHORT_NOTICE_DAYS;
  const to = addDays(window.from, window.days - 1);
  const inWindow = (day: string) => day >= window.from && day <= to;
  const all = [...sources];

  // Every message and bulletin item by id, so a repeat can name what it repeats even outside the window.
  const asks = new Map<string, AskRef>();
  const laterAsks = new Map<string, AskRef[]>();
  for (const { message, triage } of all) {
    const ref = { id: message.id, title: titleOf(message), sent: sentDay(message) };
    asks.set(message.id, ref);
    for (const item of triage.items ?? [])
      asks.set(item.id, { ...ref, id: item.id, title: item.title || ref.title });
  }
  const noteRepeat = (repeatOf: string | undefined, later: AskRef) => {
    if (repeatOf === undefined || repeatOf === later.id) return;
    laterAsks.set(repeatOf, [...(laterAsks.get(repeatOf) ?? []), later]);
  };
  for (const { message, triage } of all) {
    noteRepeat(triage.repeatOf, asks.get(message.id)!);
    for (const item of triage.items ?? []) noteRepeat(item.repeatOf, asks.get(item.id)!);
  }

  const entries: DigestEntry[] = [];
  let forOthers = 0;
  for (const { message, triage, translation } of all) {
    const base = { messageId: message.id, from: message.from, sent: sentDay(message) };
    const parts: Array<{ id: string; title: string; bulletin?: string; part: Omit<Triage, 'id' | 'items'> }> =
      [];
    if (triage.items?.length) {
      const covered = new Set(triage.items.flatMap((i) => i.deadlines.map(deadlineKey)));
      for (const item of triage.items) {
        parts.push({
          id: item.id,
          title: item.title || titleOf(message),
          bulletin: titleOf(message),
          part: item,
        });
      }
      // Bulletin-level dates that no item carries still belong in the digest, under the bulletin itself.
      const loose = triage.deadlines.filter((d) => !covered.has(deadlineKey(d)));
      if (loose.length)
        parts.push({ id: message.id, title: titleOf(message), part: { ...triage, deadlines: loose } });
    } else {
      parts.push({ id: message.id, title: titleOf(message), part: triage });
    }
    for (const { id, title, bulletin, part } of parts) {
      const dates = part.deadlines
        .map((d) => placeInWindow(d, window.from, to))
        .filter((d): d is DigestDate => d !== undefined && inWindow(d.date))
        .sort((a, b) => a.date.localeCompare(b.date));
      if (!dates.length) continue;
      // Left out as someone else's only when the triage is sure: a possible must-do is never dropped quietly.
      if (part.tier === 'not_for_principals' && !part.check) {
        forOthers++;
        continue;
      }
      const flags: DigestFlag[] = [];
      if (part.check) flags.push({ kind: 'check', reason: part.checkReason ?? '' });
      const notice = shortNoticeFlag(
        part.leadTimeDays,
        base.sent,
        dates,
        shortNotice,
        options.shortNoticeSchoolDays,
      );
      if (notice) flags.push(notice);
      const earlier =
        part.repeatOf !== undefined && part.repeatOf !== id ? asks.get(part.repeatOf) : undefined;
      if (earlier) flags.push({ kind: 'repeat_of', earlier });
      const later = laterAsks.get(id);
      if (later?.length) flags.push({ kind: 'asked_again', later });
      entries.push({
        id,
        ...base,
        title,
        ...(bulletin !== undefined && { bulletin }),
        tier: part.tier,
        dates,
        actions: part.actions,
        systems: part.systems,
        contacts: part.contacts,
        flags,
        ...(translation && id === message.id && { translation }),
      });
    }
  }

  entries.sort(
    (a, b) =>
      Number(b.tier === 'must_do') - Number(a.tier === 'must_do') ||
      a.dates[0]!.date.localeCompare(b.dates[0]!.date) ||
      TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
      // The same day's asks in the order they came, so a first ask stands before its repeat.
      (a.sent ?? '').localeCompare(b.sent ?? '') ||
      a.title.localeCompare(b.title),
  );
  const counts: Record<Tier, number> = { must_do: 0, action: 0, fyi: 0, not_for_principals: forOthers };
  for (const e of entries) counts[e.tier]++;
  const repeats = entries.filter((e) => e.flags.some((f) => f.kind === 'repeat_of')).length;
  return { window: { ...window, to }, entries, counts, forOthers, repeats };
}

/** A date the engine could not give a year gets the year that falls in the window, if any does. */
function placeInWindow(d: Deadline, from: string, to: string): DigestDate | undefined {
  if (d.date && isCalendarDay(d.date))
    return { date: d.date, kind: d.kind, text: d.text, yearAssumed: false };
  if (!/^\d{2}-\d{2}$/.test(d.monthDay)) return undefined;
  for (const year of new Set([from.slice(0, 4), to.slice(0, 4)])) {
    const day = `${year}-${d.monthDay}`;
    if (isCalendarDay(day) && day >= from && day <= to) {
      return { date: day, kind: d.kind, text: d.text, yearAssumed: true };
    }
  }
  return undefined;
}

function shortNoticeFlag(
  leadTimeDays: number | undefined,
  sent: string | undefined,
  dates: DigestDate[],
  limit: number,
  schoolDayLimit?: number,
): DigestFlag | undefined {
  const due = dates.find((d) => d.kind === 'due' || d.kind === 'window_end');
  if (!due || !sent) return undefined;
  if (schoolDayLimit !== undefined) {
    const days = daysBetween(sent, due.date);
    const schoolDays = schoolDaysBetween(sent, due.date);
    if (Number.isNaN(days) || days < 0 || schoolDays > schoolDayLimit) return undefined;
    return { kind: 'short_notice', sent, due: due.date, days, schoolDays };
  }
  // The engine's lead time runs to the message's first due date; measure to the one in this window.
  const days = daysBetween(sent, due.date);
  const lead = Number.isNaN(days) ? leadTimeDays : days;
  if (lead === undefined || lead < 0 || lead > limit) return undefined;
  return { kind: 'short_notice', sent, due: due.date, days: lead };
}

function deadlineKey(d: Deadline): string {
  return `${d.date ?? d.monthDay}|${d.kind}|${d.text}`;
}

/** What to call a message in a list: its subject, else its opening words, else its id. */
export function titleOf(message: MandateMessage): string {
  const subject = message.subject?.trim();
  if (subject) return subject;
  const opening = message.text.trim().split(/\n/, 1)[0]?.trim() ?? '';
  if (!opening) return message.id;
  return opening.length > 80 ? `${opening.slice(0, 79)}…` : opening;
}

function sentDay(message: MandateMessage): string | undefined {
  const day = message.date?.slice(0, 10);
  return day && isCalendarDay(day) ? day : undefined;
}
