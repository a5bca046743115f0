// The words around a date that say what it is for the reader (due, event, window start or end, recurring),
// and deadlines given relative to something else ("two weeks before the event", "within 10 days of receipt").

import type { DeadlineKind, RelativeDeadline } from '../types';
import type { Sentence } from '../text/text';
import { type YMD, dayNumber, fromDayNumber, isoOf, isValid } from './calendar';

/** Header lines that carry the sending date ("Date Created: 05/18/2004"); their date is not a deadline. */
export const SENT_DATE_LINE =
  /^(?:memo\s+)?(?:date(?:\s+created)?|dated|published(?:\s+on)?|posted(?:\s+on)?|issued(?:\s+on)?|sent(?:\s+on)?|last\s+updated|updated(?:\s+on)?)\b\s*[:.-]?/i;

const WEEKDAY_AND_TIME =
  /(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|noon)\s*(?:on\s+)?)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?(?:\(?[a-z]+\)?\s*)?$/;

// Words just before a date that make it a due date. Kept as a list so the reasoning stays readable.
const DUE_LEAD = [
  'by',
  'before',
  'no later than',
  'not later than',
  'on or before',
  'until',
  'till',
  'through',
  'thru',
  'closes',
  'closes on',
  'close',
  'close on',
  'closing',
  'closed on',
  'ends',
  'ends on',
  'extended to',
  'extended until',
  'accepted after',
  'expires',
  'expires on',
  'prior to',
  'is due',
  'due',
  'due on',
  'due by',
  'deadline',
  'deadline:',
  'deadline is',
  'deadline of',
  'action required -',
  'action required:',
  'return by',
];
const DUE_TAIL = new RegExp(
  `(?:^|[^\\w])(?:${DUE_LEAD.map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})\\s*[:,-]?\\s*(?:the\\s+)?(?:end\\s+of\\s+)?${WEEKDAY_AND_TIME.source}`,
  'i',
);
/**
 * "The due date for X is", "The deadline for families to appeal is", "last day to nominate ... is"; but
 * "the last day of school is June 11" is a day on the calendar, not a deadline.
 */
const DUE_SUBJECT =
  /\b(?:due date|deadline|last (?:day|date)(?! of (?:the )?(?:school|term|semester|classes|instruction|the school year|school year)\b))\b(?![^.]{0,80}\b(?:was|had been)\b)[^.]{0,90}$/i;
const DUE_TO = /\bdue to\b/i;
/** "must be completed on 24 January" is a do-on date: a duty performed on the day. */
const DUTY_ON = /\b(?:must|shall|required|are to|is to|need to|needs to)\b[^.]{0,80}\bon\s*(?:the\s+)?$/i;
const WINDOW_OPEN =
  /\b(?:opens?|opened|opening|available|beginning|begins?|starting|starts?|from|as of|as from|commenc\w*|launch\w*|will open(?: on)?|open on|reopens?)\s*(?:on\s+)?(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$/i;
const RECURRING_AFTER = /^\s*,?\s*(?:of\s+)?(?:each|every)\s+(?:year|month|week|term)\b|^\s*,?\s*annually\b/i;
const RECURRING_BEFORE = /\b(?:every|each)\s+(?:[a-z]+\s+){0,2}$/i;
const CLOSED_DAY = /\b(?:be|are|is|remain|remains)\s+closed\s*(?:on\s+)?(?:the\s+)?$/i;
/** Connectors that make two dates in a row a range. */
export const RANGE_JOIN = /^\s*(?:-|to|thru|through|until|till|and)\s*$/i;

/** The kind of one date, from the words before and after it in its sentence. */
export function kindFromContext(before: string, after: string): DeadlineKind {
  // "Schools will be closed on 2 April" is a day off, not the close of a window.
  if (CLOSED_DAY.test(before)) return 'event';
  const due =
    DUE_TAIL.test(before) ||
    (DUE_SUBJECT.test(before) && !DUE_TO.test(before.slice(-90))) ||
    DUTY_ON.test(before);
  if (RECURRING_AFTER.test(after) || RECURRING_BEFORE.test(before)) return due ? 'due' : 'recurring';
  if (due) return 'due';
  if (WINDOW_OPEN.test(before)) return 'window_start';
  return 'event';
}

const BRITISH =
  /\b(?:organis\w*|programme|enrolment|colour|centre|headteachers?|HTs?|learners?|DfE|Ofsted|whānau|kura|favour\w*|co-operation|behaviour|licence|judgement|honour\w*|labour|practise|fortnight\w*)\b/i;

export function looksBritish(text: string): boolean {
  return BRITISH.test(text.slice(0, 4000));
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};
const RELATIVE =
  /\b(within|at least|no later than|not later than|no less than|a minimum of|minimum of)?\s*\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|sixty|ninety)(?:\s*\(\d{1,3}\))?\s+((?:business|school|working|calendar|clear)\s+)?(day|week|month)s?\s+(before|prior to|in advance of|in advance|after|of|from|following)\b([^.;,]{0,60})/gi;
const ANCHOR_RECEIPT =
  /\b(?:receipt|receiving|this (?:memo\w*|minute|circular|letter|notice|message|e-?mail)|the date of (?:this|issue)|date of issue)\b/i;
const ANCHOR_EVENT =
  /\b(?:event|meeting|training|activit\w*|trip|visit|conference|workshop|session|start|first day|exam\w*|test\w*|the work|distribution)\b/i;

/** Deadlines relative to receipt or to an event, resolved when the anchor has a date. */
export function resolveRelative(
  sentences: readonly Sentence[],
  sent: YMD | undefined,
  dated: readonly { kind: DeadlineKind; date?: string }[],
): RelativeDeadline[] {
  const out: RelativeDeadline[] = [];
  const event = dated.find((d) => d.kind === 'event' && d.date);
  for (const s of sentences) {
    if (!/\b(?:day|week|month)s?\b/i.test(s.text)) continue;
    RELATIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = RELATIVE.exec(s.text)) && out.length < 10) {
      const [whole, qualifier, amountWord, business, unit, direction, rest] = m;
      const dir = (direction ?? '').toLowerCase();
      const backwards = dir === 'before' || dir.startsWith('prior') || dir.startsWith('in advance');
      // "the first 30 days of school" is a span, not a deadline: "of"/"from" need "within" or "no later than".
      if (!backwards && !qualifier && (dir === 'of' || dir === 'from')) continue;
      const n = /^\d+$/.test(amountWord ?? '')
        ? Number(amountWord)
        : (NUMBER_WORDS[(amountWord ?? '').toLowerCase()] ?? 0);
      if (n <= 0) continue;
      let days = unit?.toLowerCase() === 'week' ? n * 7 : unit?.toLowerCase() === 'month' ? n * 30 : n;
      if (business && unit?.toLowerCase() === 'day') days = Math.ceil((n * 7) / 5); // working days → calendar days
      const offsetDays = backwards ? -days : days;
      const anchor =
        (rest ?? '').replace(/\s+(?:and|or|to|so|in order)\b.*$/i, '').trim() ||
        (backwards ? 'the event' : 'receipt');
      const rel: RelativeDeadline = { text: whole.trim(), offsetDays, anchor };
      let base: YMD | undefined;
      if (ANCHOR_RECEIPT.test(anchor) && sent) base = sent;
      else if (ANCHOR_EVENT.test(anchor) && event?.date) base = parseIso(event.date);
      if (base) {
        const target = fromDayNumber(dayNumber(base) + offsetDays);
        if (isValid(target)) rel.date = isoOf(target);
      }
      out.push(rel);
    }
  }
  return out;
}

function parseIso(iso: string): YMD | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : undefined;
}
