// Finds the dates in a message and says what each one is for the reader: a due date, an event, the start
// or end of a window, a recurring date. chrono-node reads the words; the kind comes from the words around
// the date (deadline cues in dateCues.ts), because "by March 11" and "on March 11 at the Civic Centre"
// parse the same but mean different things to a principal.

import * as chrono from 'chrono-node';
import type { Deadline, DeadlineKind, RelativeDeadline } from './types';
import type { Sentence } from './text';
import {
  type YMD,
  dayNumber,
  fromDayNumber,
  isValid,
  isoOf,
  monthDayOf,
  nearestYear,
  twoDigitYear,
} from './calendar';
import { kindFromContext, looksBritish, RANGE_JOIN, resolveRelative, SENT_DATE_LINE } from './dateCues';

/** A deadline plus the sentence it came from (the engine checks who that sentence addresses). */
export interface FoundDeadline extends Deadline {
  sentence: number;
}

export interface DateScan {
  deadlines: FoundDeadline[];
  relative: RelativeDeadline[];
}

// Only sentences with a date-like token go to chrono: it is the slow part, and most sentences have no
// date. A month name must touch a number ("May" alone is a verb) or "end of"; weekdays count when written out.
const MONTHS =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** Cheap first test: every date has a digit, except weekdays, "today" and "tomorrow". */
const MAYBE_DATE = /\d|day\b|tomorrow/i;
const DATE_TOKEN = new RegExp(
  `\\b${MONTHS}\\.?\\s+\\d|\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTHS}\\b|\\bend\\s+of\\s+${MONTHS}\\b|\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b|\\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.|\\b(?:today|tomorrow)\\b|\\d{1,4}[/.:-]\\d{1,2}`,
  'i',
);
// chrono without the parsers Rounds does not need (times, slashes, ISO, "3 days ago"): fewer parsers, faster.
const KEEP =
  /^EN(?:MonthNameLittleEndian|MonthNameMiddleEndian|Weekday|CasualDate|EndOfCurrentMonth|MonthName|YearMonthName)Parser$/;
const dateReader = chrono.casual.clone();
const kept = dateReader.parsers.filter((p) => KEEP.test(p.constructor.name));
// A minifying bundler may rename the classes; then keep every parser (slower, same answers).
if (kept.length >= 4) dateReader.parsers = kept;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const NUMERIC = /(?<![\w/.:-])(\d{1,4})([/.])(\d{1,2})(?:\2(\d{2,4}))?(?![\w/]|\.\d)/g;
const RELATIVE_WORDS = /\b(?:days?|weeks?|months?|years?|ago|hours?|minutes?)\b/i;

interface Hit {
  start: number;
  end: number;
  text: string;
  ymd?: YMD;
  md: { m: number; d: number };
  /** A second date when the words were a range ("April 13 thru April 24"). */
  until?: { md: { m: number; d: number }; ymd?: YMD; text: string };
}

/** Read the sending date from the memo's own header line when the message carries none. */
export function dateFromHeader(sentences: readonly Sentence[]): YMD | undefined {
  for (const s of sentences.slice(0, 25)) {
    if (!SENT_DATE_LINE.test(s.text)) continue;
    const first = scanSentences([s.text], undefined, () => false)[0]?.[0];
    if (first?.ymd) return first.ymd;
  }
  return undefined;
}

/** All dates in the message, each with its kind, plus relative deadlines. */
export function extractDeadlines(
  sentences: readonly Sentence[],
  sent: YMD | undefined,
  fullText: string,
): DateScan {
  // Day/month order only matters for an ambiguous numeric date with no sending date: decide it lazily.
  let britishCache: boolean | undefined;
  const british = () => (britishCache ??= looksBritish(fullText));
  const deadlines: FoundDeadline[] = [];
  const seen = new Set<string>();
  const add = (d: FoundDeadline) => {
    const key = `${d.monthDay}|${d.kind}`;
    if (seen.has(key)) return;
    seen.add(key);
    deadlines.push(d);
  };
  const dated: number[] = [];
  sentences.forEach((s, index) => {
    if (MAYBE_DATE.test(s.text) && DATE_TOKEN.test(s.text) && !SENT_DATE_LINE.test(s.text)) dated.push(index);
  });
  const scanned = scanSentences(
    dated.map((i) => (sentences[i] as Sentence).text),
    sent,
    british,
  );
  dated.forEach((index, k) => {
    const s = sentences[index] as Sentence;
    for (const hit of scanned[k] ?? []) {
      const before = s.text.slice(Math.max(0, hit.start - 90), hit.start);
      const after = s.text.slice(hit.end, hit.end + 50);
      if (hit.until) {
        add(toDeadline(hit.md, hit.ymd, hit.text, 'window_start', index, sent));
        add(toDeadline(hit.until.md, hit.until.ymd, hit.until.text, 'window_end', index, sent));
        continue;
      }
      add(toDeadline(hit.md, hit.ymd, hit.text, kindFromContext(before, after), index, sent));
    }
  });
  // Relative deadlines are resolved against the sending date or the first dated event.
  const relative = resolveRelative(sentences, sent, deadlines);
  for (const r of relative) {
    if (!r.date) continue;
    const ymd = parseYmd(r.date);
    if (ymd) add({ date: r.date, monthDay: monthDayOf(ymd), text: r.text, kind: 'due', sentence: -1 });
  }
  return { deadlines, relative };
}

function parseYmd(iso: string): YMD | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : undefined;
}

function toDeadline(
  md: { m: number; d: number },
  ymd: YMD | undefined,
  text: string,
  kind: DeadlineKind,
  sentence: number,
  sent: YMD | undefined,
): FoundDeadline {
  let full = ymd;
  if (!full && sent) full = { y: nearestYear(md, sent), m: md.m, d: md.d };
  const out: FoundDeadline = { monthDay: monthDayOf(md), text: text.trim(), kind, sentence };
  if (full && isValid(full)) out.date = isoOf(full);
  return out;
}

/**
 * The dates in each sentence, in order: numeric dates by hand (day/month order needs judgement), the rest
 * by chrono. chrono's cost is mostly per call, so every sentence's words go to it in one call, separated
 * by blank lines (which no date range crosses), and the results are handed back to their sentences.
 */
function scanSentences(texts: readonly string[], sent: YMD | undefined, british: () => boolean): Hit[][] {
  const out: Hit[][] = texts.map(() => []);
  const inputs: string[] = [];
  texts.forEach((text, k) => {
    const masked = text.replace(URL, (u) => ' '.repeat(u.length));
    let chronoInput = masked;
    NUMERIC.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NUMERIC.exec(masked))) {
      const hit = numericHit(m, sent, british);
      if (!hit) continue;
      (out[k] as Hit[]).push(hit);
      chronoInput =
        chronoInput.slice(0, m.index) + ' '.repeat(m[0].length) + chronoInput.slice(m.index + m[0].length);
    }
    inputs.push(DATE_TOKEN.test(chronoInput) ? chronoInput : '');
  });
  const SEPARATOR = '\n\n';
  const offsets: number[] = [];
  let at = 0;
  for (const input of inputs) {
    offsets.push(at);
    at += input.length + SEPARATOR.length;
  }
  const joined = inputs.join(SEPARATOR);
  if (joined.trim()) {
    let k = 0;
    for (const hit of chronoHits(joined, sent)) {
      while (k + 1 < offsets.length && (offsets[k + 1] as number) <= hit.start) k++;
      const base = offsets[k] as number;
      if (hit.end > base + (inputs[k] as string).length) continue; // crossed into the next sentence
      (out[k] as Hit[]).push({ ...hit, start: hit.start - base, end: hit.end - base });
    }
  }
  return out.map((hits, k) => {
    hits.sort((a, b) => a.start - b.start);
    return mergeRanges(hits, texts[k] as string);
  });
}

/** Two dates joined by "-", "to", "thru" or "between ... and" are one window. */
function mergeRanges(hits: Hit[], text: string): Hit[] {
  const out: Hit[] = [];
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i] as Hit;
    const b = hits[i + 1];
    if (b && !a.until && !b.until) {
      const join = text.slice(a.end, b.start);
      const isAnd = /^\s*and\s*$/i.test(join);
      const between = /\bbetween\s*(?:the\s+)?(?:[a-z]+day,?\s*)?$/i.test(
        text.slice(Math.max(0, a.start - 20), a.start),
      );
      if (RANGE_JOIN.test(join) && (!isAnd || between)) {
        out.push({
          ...a,
          end: b.end,
          text: text.slice(a.start, b.end),
          until: { md: b.md, ymd: b.ymd, text: b.text },
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

function numericHit(m: RegExpExecArray, sent: YMD | undefined, british: () => boolean): Hit | undefined {
  const [whole, a, sep, b, c] = m;
  const first = Number(a);
  const second = Number(b);
  let year = c ? twoDigitYear(Number(c)) : undefined;
  let ymd: YMD | undefined;
  if ((a ?? '').length === 4) {
    // 2023:12:12 or 2023.05.18 style, year first.
    if (!c) return undefined;
    ymd = { y: first, m: second, d: Number(c) };
    if (!isValid(ymd)) return undefined;
    return { start: m.index, end: m.index + whole.length, text: whole, ymd, md: { m: ymd.m, d: ymd.d } };
  }
  if (!c && sep === '.') return undefined; // "3.5" is a number, not a date
  if (!c && !sent) return undefined; // "4/10" without a year or a sending date is too risky to call a date
  const mdy = { m: first, d: second };
  const dmy = { m: second, d: first };
  const okMdy = first <= 12 && second <= 31;
  const okDmy = second <= 12 && first <= 31;
  let md: { m: number; d: number } | undefined;
  if (okMdy && !okDmy) md = mdy;
  else if (okDmy && !okMdy) md = dmy;
  else if (okMdy && okDmy) {
    if (sep === '.') md = dmy;
    else if (sent) {
      // Both readings are valid: take the one nearer the sending date (a bulletin of 16 Oct 2023 means
      // 12 Jan 2024 by "12/01/24", not 1 Dec 2024), then the text's spelling as a tie-break.
      const cost = (x: { m: number; d: number }) => {
        const y = year ?? nearestYear(x, sent);
        const diff = dayNumber({ y, ...x }) - dayNumber(sent);
        return diff < 0 ? -diff * 3 : diff;
      };
      const cm = cost(mdy);
      const cd = cost(dmy);
      md = cm === cd ? (british() ? dmy : mdy) : cm < cd ? mdy : dmy;
    } else md = british() ? dmy : mdy;
  }
  if (!md) return undefined;
  if (year !== undefined) {
    ymd = { y: year, ...md };
    if (!isValid(ymd)) return undefined;
  } else if (!isValid({ y: 2000, ...md })) return undefined;
  year = undefined;
  return { start: m.index, end: m.index + whole.length, text: whole, ymd, md };
}

function chronoHits(text: string, sent: YMD | undefined): Hit[] {
  const ref = sent ? new Date(Date.UTC(sent.y, sent.m - 1, sent.d, 12)) : new Date(Date.UTC(2000, 0, 1, 12));
  let results: chrono.ParsedResult[];
  try {
    results = dateReader.parse(text, { instant: ref, timezone: 0 }, { forwardDate: true });
  } catch {
    return [];
  }
  const hits: Hit[] = [];
  for (const r of results) {
    if (RELATIVE_WORDS.test(r.text)) continue; // "two weeks before" is handled by resolveRelative
    const start = r.start;
    const weekdayOnly = !start.isCertain('month') && start.isCertain('weekday');
    const relativeDay = /\b(?:today|tomorrow|tonight)\b/i.test(r.text);
    if (!start.isCertain('month') && !weekdayOnly && !relativeDay) continue; // a bare time, "9:30 a.m."
    if ((weekdayOnly || relativeDay) && !sent) continue; // "by Friday" needs a sending date to mean anything
    if (start.isCertain('month') && !start.isCertain('day') && !/\bend of\b/i.test(r.text)) continue; // "in June"
    const md = { m: start.get('month') ?? 0, d: start.get('day') ?? 0 };
    if (!isValid({ y: 2000, ...md })) continue;
    const ymd = start.isCertain('year') || weekdayOnly || relativeDay ? ymdOf(start) : undefined;
    const hit: Hit = { start: r.index, end: r.index + r.text.length, text: r.text, ymd, md };
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

/** Days from `sent` to the first due date on or after it (else the earliest due date). */
export function leadTime(deadlines: readonly Deadline[], sent: YMD | undefined): number | undefined {
  if (!sent) return undefined;
  const sentDay = dayNumber(sent);
  const days = deadlines
    .filter((d) => d.kind === 'due' && d.date)
    .map((d) => dayNumber(parseYmd(d.date as string) as YMD) - sentDay)
    .sort((a, b) => a - b);
  if (days.length === 0) return undefined;
  return days.find((d) => d >= 0) ?? days[0];
}

export { fromDayNumber };
