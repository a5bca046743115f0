// The week's digest as the panel, the ILD's summary and `rounds digest --translations` build it: every dated
// ask in the mail Rounds has seen plus the ILD's translations (a translation overrides the engine's tier,
// what-to-do and due date for its email), must-do first then by date, flagged for short notice (due within two
// school days of being sent) and for repeated asks. The ILD's weekly summary adds the next network meeting
// and the week's visits, what the network celebrates (the Spotlight tab) and, for the ILD, the asks several
// principals received (the Mandates tab's shared copies) when they are given. Renders as plain text (a Gmail compose body) and as an HTML
// fragment in which every value is escaped.
import {
  buildDigest,
  daysBetween,
  type Digest,
  type DigestSource,
  type DigestWindow,
} from '../digest/digest';
import { escapeHtml, formatDay, renderDigestHtml, renderDigestText } from '../digest/render';
import type { Deadline, MandateMessage, Tier, Triage } from '../types';
import type { AskRelation, RepeatedAsk } from './network-asks';
import { normalizeMessageId, translationsById, type Translation } from './translations';

/** "A document today, due tomorrow": due within two school days of being sent is short notice. */
export const SHORT_NOTICE_SCHOOL_DAYS = 2;

/** A message as seen, with its Message-ID header when known (else `message.id` is taken to be it). */
export interface WeeklySource {
  message: MandateMessage;
  triage: Triage;
  messageId?: string;
}

export interface NetworkMeeting {
  /** YYYY-MM-DD. */
  date: string;
  title?: string;
  where?: string;
}

export interface WeekVisit {
  /** YYYY-MM-DD. */
  date: string;
  school: string;
  /** The visit's number or name ("Visit 3"). */
  visit?: string;
  cycle?: string;
}

/** One thing to celebrate, from the Spotlight tab. */
export interface Celebration {
  /** YYYY-MM-DD. */
  date: string;
  celebration: string;
  school?: string;
}

export interface WeeklyInput {
  sources: readonly WeeklySource[];
  translations?: readonly Translation[];
  window: DigestWindow;
  /** Short notice in school days (default SHORT_NOTICE_SCHOOL_DAYS). */
  shortNoticeSchoolDays?: number;
  /** The ILD's summary: the next network meeting, when the tracker has one. */
  nextMeeting?: NetworkMeeting;
  /** The ILD's summary: the visits in the window, when the tracker has them. */
  visits?: readonly WeekVisit[];
  /** The ILD's summary: the Spotlight tab's celebrations in the window. */
  spotlight?: readonly Celebration[];
  /** The ILD's summary: asks several principals received (repeatedAsks over the Mandates tab). */
  repeatedAsks?: readonly RepeatedAsk[];
}

export interface WeeklyDigest {
  digest: Digest;
  /** How many entries carry an ILD translation. */
  translated: number;
  nextMeeting?: NetworkMeeting;
  visits: WeekVisit[];
  spotlight: Celebration[];
  repeatedAsks: RepeatedAsk[];
}

function monthDay(day: string): string {
  return day.slice(5, 10);
}

/**
 * A triage with the ILD's translation laid over it: the ILD's tier (when given, with no "check this one"),
 * their what-to-do as the only action, their by-when as the only due date (events and windows the engine
 * found are kept), and the translation first among the reasons. A bulletin is then one ask, as the ILD read it.
 */
export function applyTranslation(t: Triage, translation: Translation): Triage {
  const { items: _items, check: _check, checkReason: _checkReason, ...rest } = t;
  const deadlines: Deadline[] = translation.byWhen
    ? [
        {
          date: translation.byWhen,
          monthDay: monthDay(translation.byWhen),
          text: 'by when, set by the ILD',
          kind: 'due',
        },
        ...t.deadlines.filter((d) => d.kind !== 'due'),
      ]
    : t.deadlines;
  const keepCheck = !translation.tier && t.check ? { check: t.check, checkReason: t.checkReason } : {};
  return {
    ...rest,
    ...keepCheck,
    tier: translation.tier ?? t.tier,
    actions: translation.todo ? [translation.todo] : t.actions,
    deadlines,
    reasons: [
      {
        rule: 'network:translation',
        explanation: `Translated by ${translation.translatedBy || 'the ILD'}: ${translation.meaning || translation.todo}`,
        matched: [],
        effect: translation.tier ?? t.tier,
      },
      ...t.reasons,
    ],
  };
}

/** A translation of an email no one's browser has seen: an entry from the ILD's card alone. */
function sourceFromTranslation(t: Translation): DigestSource {
  const tier: Tier = t.tier ?? 'action';
  const message: MandateMessage = {
    id: t.messageId,
    subject: t.subject || t.todo || t.meaning,
    // No date: the translation's date is not when the email came, so it gives no short-notice flag.
    text: [t.meaning, t.todo].filter(Boolean).join('\n'),
  };
  const triage: Triage = {
    id: t.messageId,
    tier,
    confidence: 1,
    audience: { roles: [], levels: [] },
    deadlines: t.byWhen
      ? [{ date: t.byWhen, monthDay: monthDay(t.byWhen), text: 'by when, set by the ILD', kind: 'due' }]
      : [],
    actions: t.todo ? [t.todo] : [],
    contacts: [],
    systems: [],
    reasons: [],
  };
  return { message, triage, translation: digestTranslation(t) };
}

function digestTranslation(t: Translation): NonNullable<DigestSource['translation']> {
  return {
    meaning: t.meaning,
    ...(t.effortMinutes !== undefined && { effortMinutes: t.effortMinutes }),
    ...(t.ipop && { ipop: t.ipop }),
    ...(t.skipIf && { skipIf: t.skipIf }),
    ...(t.translatedBy && { translatedBy: t.translatedBy }),
  };
}

export function buildWeeklyDigest(input: WeeklyInput): WeeklyDigest {
  const byId = translationsById(input.translations ?? []);
  const used = new Set<string>();
  const sources: DigestSource[] = input.sources.map(({ message, triage, messageId }) => {
    const key = normalizeMessageId(messageId ?? message.id);
    const t = byId.get(key);
    if (!t) return { message, triage };
    used.add(key);
    return { message, triage: applyTranslation(triage, t), translation: digestTranslation(t) };
  });
  for (const [key, t] of byId) if (!used.has(key)) sources.push(sourceFromTranslation(t));
  const digest = buildDigest(sources, input.window, {
    shortNoticeSchoolDays: input.shortNoticeSchoolDays ?? SHORT_NOTICE_SCHOOL_DAYS,
  });
  const to = digest.window.to;
  const visits = [...(input.visits ?? [])]
    .filter((v) => v.date >= input.window.from && v.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.school.localeCompare(b.school));
  const spotlight = [...(input.spotlight ?? [])]
    .filter((c) => c.date >= input.window.from && c.date <= to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.celebration.localeCompare(b.celebration));
  return {
    digest,
    translated: digest.entries.filter((e) => e.translation).length,
    ...(input.nextMeeting && { nextMeeting: input.nextMeeting }),
    visits,
    spotlight,
    repeatedAsks: [...(input.repeatedAsks ?? [])],
  };
}

function meetingLine(m: NetworkMeeting, from: string): string {
  const when = formatDay(m.date, from.slice(0, 4));
  const days = daysBetween(from, m.date);
  const away = days >= 0 && !Number.isNaN(days) ? ` (in ${days} day${days === 1 ? '' : 's'})` : '';
  return `${when}${away}: ${m.title || 'Network meeting'}${m.where ? `, ${m.where}` : ''}`;
}

/** "Visit 3 at Lakeview (Cycle 2)". */
export function visitText(v: WeekVisit): string {
  return `${[v.visit, v.school].filter(Boolean).join(' at ')}${v.cycle ? ` (${v.cycle})` : ''}`;
}

function visitLine(v: WeekVisit, from: string): string {
  return `${formatDay(v.date, from.slice(0, 4))}: ${visitText(v)}`;
}

const RELATION: Readonly<Record<AskRelation, string>> = {
  first: 'first asked',
  reminder: 'reminder',
  extension: 'extension',
  another_department: 'another department',
};

/** "Proctor roster — asked 2 times by 2 departments, received by 3 principals: …" */
export function repeatedAskLine(ask: RepeatedAsk, year: string): string {
  const first = ask.messages[0]!;
  const parts = ask.messages.map(
    (m) =>
      `${m.subject || '(no subject)'} (${[m.department, m.sent && formatDay(m.sent, year), RELATION[m.relation]].filter(Boolean).join(', ')})`,
  );
  const times = `asked ${ask.messages.length} times${ask.departments > 1 ? ` by ${ask.departments} departments` : ''}`;
  const who = ask.seenBy.length
    ? `, received by ${ask.seenBy.length} member${ask.seenBy.length === 1 ? '' : 's'}`
    : '';
  return `${first.subject || '(no subject)'}: ${times}${who}. ${parts.join('; ')}`;
}

/** The celebration, after its school's name unless it already starts with it. */
export function celebrationText(c: Celebration): string {
  return `${c.school && !c.celebration.startsWith(c.school) ? `${c.school}: ` : ''}${c.celebration}`;
}

function celebrationLine(c: Celebration, from: string): string {
  return `${formatDay(c.date, from.slice(0, 4))}: ${celebrationText(c)}`;
}

function extraSections(w: WeeklyDigest): Array<{ heading: string; lines: string[] }> {
  const from = w.digest.window.from;
  const out: Array<{ heading: string; lines: string[] }> = [];
  if (w.nextMeeting) out.push({ heading: 'Next network meeting', lines: [meetingLine(w.nextMeeting, from)] });
  if (w.visits.length)
    out.push({ heading: 'Visits this week', lines: w.visits.map((v) => visitLine(v, from)) });
  if (w.spotlight.length)
    out.push({ heading: 'To celebrate', lines: w.spotlight.map((c) => celebrationLine(c, from)) });
  if (w.repeatedAsks.length)
    out.push({
      heading: 'Asked more than once across the network',
      lines: w.repeatedAsks.map((a) => repeatedAskLine(a, from.slice(0, 4))),
    });
  return out;
}

/** Plain text: the digest, then the summary's sections (meeting, visits, spotlight, repeated asks) that have anything. */
export function renderWeeklyText(w: WeeklyDigest): string {
  const out = [renderDigestText(w.digest).trimEnd(), ''];
  for (const s of extraSections(w))
    out.push('', s.heading.toUpperCase(), '', ...s.lines.map((l) => `- ${l}`), '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** HTML with inline styles only, every value escaped: the digest, then the summary's sections. */
export function renderWeeklyHtml(w: WeeklyDigest): string {
  const html = renderDigestHtml(w.digest).trimEnd();
  const sections = extraSections(w).map(
    (s) =>
      `<h3 style="font-size:15px;margin:16px 0 8px 0;text-transform:uppercase">${escapeHtml(s.heading)}</h3>\n<ul style="margin:0 0 12px 0;padding-left:20px">\n${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}\n</ul>`,
  );
  if (!sections.length) return `${html}\n`;
  // Inside the digest's own wrapper, so the sections take its font.
  return `${html.replace(/<\/div>$/, '')}${sections.join('\n')}\n</div>\n`;
}
