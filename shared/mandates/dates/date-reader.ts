// Reads written-out dates ("Friday, March 11", "11th of March", "tomorrow") with chrono-node, using only
// the parsers Rounds needs and only the few words around each date-like token, because chrono's cost grows
// with every parser and every character it is given.

import * as chrono from 'chrono-node';
import { type YMD, isValid } from './calendar';
import { isSpaceCode } from '../text/text';

const MONTHS =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** Cheap first test: every date has a digit, except weekdays, "today" and "tomorrow". */
export const MAYBE_DATE = /\d|day\b|tomorrow/i;
// A month name must touch a number ("May" alone is a verb) or "end of"; weekdays count when written out.
const MONTH_END_SOURCE = `\\bend\\s+of\\s+${MONTHS}\\b`;
const MONTH_TOKEN_SOURCE = `\\b${MONTHS}\\.?\\s+\\d|\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTHS}\\b|${MONTH_END_SOURCE}`;
/** Days that only mean something from the sending date: weekdays, "today", "tomorrow". */
const DAY_TOKEN_SOURCE = `\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b|\\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.|\\b(?:today|tomorrow)\\b`;
const WORDED_TOKEN_SOURCE = `${MONTH_TOKEN_SOURCE}|${DAY_TOKEN_SOURCE}`;
/** A sentence without one of these has no date worth reading (the last form is a numeric date or a time). */
export const DATE_TOKEN = new RegExp(`${WORDED_TOKEN_SOURCE}|\\d{1,4}[/.:-]\\d{1,2}`, 'i');
/**
 * Where chrono is pointed: the written-out date tokens (numeric dates are read by hand, and none of the kept
 * parsers reads a time), plus (captured) the other phrases those parsers read, which are only read in a
 * text that has a written-out date token too.
 */
const WINDOW_TOKEN = new RegExp(
  `\\b${MONTHS}\\.?\\s+\\d|\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTHS}\\b|(${MONTH_END_SOURCE})|(${DAY_TOKEN_SOURCE})|(\\b(?:last\\s+day|end)\\s+of\\s+(?:the\\s+)?month\\b|\\btonight\\b)`,
  'gi',
);
/** Words read on each side of a token: enough for "on or before Wednesday, the" and "11th, 2024 - 24". */
const BEFORE = 20;
const AFTER = 28;

// The parsers are chosen by what they read, not by class name (a minifier renames classes): each of
// chrono's casual English parsers has its pattern run once over sample phrases: a month alone, then the
// forms Rounds handles itself or ignores (numeric dates, times, "3 days ago", ISO), then the dates it
// reads. Where a parser's first match falls says what it is for. One run each, because running some of
// chrono's patterns twice makes the JavaScript engine compile them to machine code (a tenth of a second).
const UNWANTED = [
  '2024-03-11T09:30:00Z',
  '2024/03/11',
  '3/11/2024',
  '03/2024',
  'at 9:30 am',
  '3 days ago',
  '3 days later',
  'within 3 days',
  'this morning',
  'next week',
  '+3 days',
  '2024 June',
];
/** A month alone is no deadline, but "end of March" is: its parser runs only after "end of". */
const MONTH_ALONE = ['in June'];
const WANTED = ['March 11', '11 March', 'Friday', 'tomorrow', 'end of the month'];
const PROBE_DAY = new Date(Date.UTC(2024, 0, 1, 12));

/** chrono readers with only the parsers Rounds needs (every refiner is kept). */
export interface DateReaders {
  /** Reads day-level dates: "March 11", "11th of March", "Friday", "tomorrow", "end of the month". */
  days: chrono.Chrono;
  /** Reads "end of March"; absent when `days` reads it too (the fallback to chrono's full set). */
  monthEnds?: chrono.Chrono;
}

export function dateReaders(): DateReaders {
  const full = chrono.casual.clone();
  // The month alone comes first: chrono's month-name parser also reads "2024 June", which is unwanted.
  const monthEnd = MONTH_ALONE.join(' | ').length;
  const daysFrom = [...MONTH_ALONE, ...UNWANTED].join(' | ').length;
  const sample = [...MONTH_ALONE, ...UNWANTED, ...WANTED].join(' | ');
  const context = new chrono.ParsingContext(sample, PROBE_DAY, {});
  const days: chrono.Parser[] = [];
  const months: chrono.Parser[] = [];
  for (const p of full.parsers) {
    const first = p.pattern(context).exec(sample);
    if (first === null) continue;
    if (first.index < monthEnd) months.push(p);
    else if (first.index >= daysFrom) days.push(p);
  }
  const readers = {
    days: new chrono.Chrono({ parsers: days, refiners: full.refiners }),
    monthEnds: new chrono.Chrono({ parsers: months, refiners: full.refiners }),
  };
  // Use the reduced sets only if they still read every form Rounds needs; otherwise the full set (slower;
  // the filters in readDates drop what Rounds does not use).
  const readsDays = readers.days.parse(WANTED.join(' | '), PROBE_DAY).length >= WANTED.length;
  const readsEnds = readers.monthEnds.parse('end of June', PROBE_DAY)[0]?.start.isCertain('day') === true;
  return readsDays && readsEnds ? readers : { days: full };
}

let readers: DateReaders | undefined;
const RELATIVE_WORDS = /\b(?:days?|weeks?|months?|years?|ago|hours?|minutes?)\b/i;
const RELATIVE_DAY = /\b(?:today|tomorrow|tonight)\b/i;
/** chrono dates "now", "yesterday" and "last night" too, but they are never a deadline. */
const NOT_A_DATE = /^(?:now|yesterday|last\s*night)$/i;
const END_OF_THIS_MONTH = /\bmonth\b/i;

/** One date found in a text, with where it sits. */
export interface Hit {
  start: number;
  end: number;
  text: string;
  ymd?: YMD;
  md: { m: number; d: number };
  /** A second date when the words were a range ("April 13 thru April 24"). */
  until?: { md: { m: number; d: number }; ymd?: YMD; text: string };
}

const SEPARATOR = '\n|\n';

/** The stretches of a text worth giving chrono: each date token with a few words either side, merged; none without a date token. */
/** A stretch of a text worth giving chrono, and whether it holds an "end of <month>". */
interface Window {
  a: number;
  b: number;
  monthEnd: boolean;
}

function windowsOf(text: string, sent: YMD | undefined): Window[] {
  const out: Window[] = [];
  let dated = false;
  WINDOW_TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WINDOW_TOKEN.exec(text))) {
    if (m[3] === undefined) dated = true;
    // Without a sending date "by Friday" means nothing: no window for it (a weekday right before a
    // month date is inside that date's window anyway).
    if (m[2] !== undefined && !sent) continue;
    // Widen to a space so a window never starts or ends inside a word.
    let a = Math.max(0, m.index - BEFORE);
    while (a > 0 && !isSpaceCode(text.charCodeAt(a - 1))) a--;
    let b = Math.min(text.length, m.index + m[0].length + AFTER);
    while (b < text.length && !isSpaceCode(text.charCodeAt(b))) b++;
    const monthEnd = m[1] !== undefined;
    const last = out[out.length - 1];
    if (last && a <= last.b) {
      last.b = Math.max(last.b, b);
      last.monthEnd ||= monthEnd;
    } else out.push({ a, b, monthEnd });
  }
  return dated ? out : [];
}

/**
 * The written-out dates in each text. chrono's cost is mostly per call and per character, so the windows
 * of every text go to it in one call, separated by a bar on a line of its own (which no chrono pattern
 * reads across: a blank line alone lets "first" at the end of one window join "January 31" in the next), and the
 * results are handed back to their texts.
 */
export function chronoHitsIn(texts: readonly string[], sent: YMD | undefined): Hit[][] {
  const out: Hit[][] = texts.map(() => []);
  const pieces: Piece[] = [];
  const parts: string[] = [];
  let at = 0;
  texts.forEach((text, k) => {
    for (const { a, b, monthEnd } of windowsOf(text, sent)) {
      pieces.push({ k, from: a, at, length: b - a, monthEnd });
      parts.push(text.slice(a, b));
      at += b - a + SEPARATOR.length;
    }
  });
  if (parts.length === 0) return out;
  readers ??= dateReaders();
  place(readDates(readers.days, parts.join(SEPARATOR), sent), pieces, out);
  const { monthEnds } = readers;
  const ends = pieces.filter((piece) => piece.monthEnd);
  if (monthEnds && ends.length) {
    const joined: string[] = [];
    let at2 = 0;
    const moved = ends.map((piece) => {
      const text = (texts[piece.k] as string).slice(piece.from, piece.from + piece.length);
      joined.push(text);
      const here = { ...piece, at: at2 };
      at2 += text.length + SEPARATOR.length;
      return here;
    });
    const found: Hit[][] = texts.map(() => []);
    place(readDates(monthEnds, joined.join(SEPARATOR), sent), moved, found);
    found.forEach((hits, k) => {
      for (const hit of hits) {
        // As chrono's overlap rule would: of two readings of the same words, the longer stands.
        const list = out[k] as Hit[];
        const clash = list.filter((h) => h.start < hit.end && hit.start < h.end);
        if (clash.some((h) => h.end - h.start >= hit.end - hit.start)) continue;
        out[k] = [...list.filter((h) => !clash.includes(h)), hit];
      }
    });
  }
  return out;
}

interface Piece {
  /** Which text the window is from, where it starts there, where it starts in the joined text. */
  k: number;
  from: number;
  at: number;
  length: number;
  monthEnd?: boolean;
}

/** Hand each hit in the joined windows back to its text, at its place there. */
function place(hits: readonly Hit[], pieces: readonly Piece[], out: Hit[][]): void {
  let p = 0;
  for (const hit of hits) {
    while (p + 1 < pieces.length && (pieces[p + 1] as Piece).at <= hit.start) p++;
    const piece = pieces[p] as Piece;
    if (hit.end > piece.at + piece.length) continue; // crossed into the next window
    const shift = piece.from - piece.at;
    (out[piece.k] as Hit[]).push({ ...hit, start: hit.start + shift, end: hit.end + shift });
  }
}

function readDates(reader: chrono.Chrono, text: string, sent: YMD | undefined): Hit[] {
  const ref = sent ? new Date(Date.UTC(sent.y, sent.m - 1, sent.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  let results: chrono.ParsedResult[];
  try {
    results = reader.parse(text, { instant: ref, timezone: 0 }, { forwardDate: true });
  } catch {
    return [];
  }
  const hits: Hit[] = [];
  for (const r of results) {
    if (RELATIVE_WORDS.test(r.text)) continue; // "two weeks before" is handled by resolveRelative
    if (NOT_A_DATE.test(r.text.trim())) continue;
    const start = r.start;
    const weekdayOnly = !start.isCertain('month') && start.isCertain('weekday');
    const relativeDay = RELATIVE_DAY.test(r.text);
    if (!start.isCertain('month') && !weekdayOnly && !relativeDay) continue; // a bare time, "9:30 a.m."
    // "by Friday", "end of the month" need a sending date to mean anything.
    if ((weekdayOnly || relativeDay || END_OF_THIS_MONTH.test(r.text)) && !sent) continue;
    if (start.isCertain('month') && !start.isCertain('day') && !/\bend of\b/i.test(r.text)) continue; // "in June"
    const md = { m: start.get('month') ?? 0, d: start.get('day') ?? 0 };
    if (!isValid({ y: 2000, ...md })) continue;
    const ymd = start.isCertain('year') || weekdayOnly || relativeDay ? ymdOf(start) : undefined;
    // chrono's text can end with the line break after the date; without it the date stays in its window.
    const words = r.text.trimEnd();
    const hit: Hit = { start: r.index, end: r.index + words.length, text: words, ymd, md };
    if (r.end && r.end.isCertain('day')) {
      const endMd = { m: r.end.get('month') ?? 0, d: r.end.get('day') ?? 0 };
      if (isValid({ y: 2000, ...endMd }) && (endMd.m !== md.m || endMd.d !== md.d)) {
        hit.until = { md: endMd, ymd: r.end.isCertain('year') ? ymdOf(r.end) : undefined, text: r.text };
      }
    }
    hits.push(hit);
  }
  return hits;
}

function ymdOf(c: chrono.ParsedComponents): YMD | undefined {
  const x = { y: c.get('year') ?? 0, m: c.get('month') ?? 0, d: c.get('day') ?? 0 };
  return isValid(x) ? x : undefined;
}
