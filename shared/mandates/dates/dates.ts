// Finds the dates in a message and says what each one is for the reader: a due date, an event, the start
// or end of a window, a recurring date. chrono-node reads the words; the kind comes from the words around
// the date (deadline cues in date-cues.ts), because "by March 11" and "on March 11 at the Civic Centre"
// parse the same but mean different things to a principal.

import type { Deadline, DeadlineKind, RelativeDeadline } from '../types';
import type { Sentence } from '../text/text';
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
import { chronoHitsIn, DATE_TOKEN, MAYBE_DATE, type Hit } from './date-reader';
import { kindFromContext, looksBritish, RANGE_JOIN, resolveRelative, SENT_DATE_LINE } from './date-cues';

/** A deadline plus the sentence it came from (the engine checks who that sentence addresses). */
export interface FoundDeadline extends Deadline {
  sentence: number;
  /** Later sentences that give the same date for the same purpose (listed once, under the first). */
  alsoIn?: number[];
  /** The date heads its line, as in a list of dates ("December 1: Principals submit..."). */
  heading?: boolean;
}

/** Only a bullet or a weekday before the date... */
const LEADS_LINE = /^\s*(?:[-•*·●▪]\s*)?(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s*)?$/i;
/** ...and a separator after it (a year may come first): "December 1: ...", "3 March 2025 - ...". */
const HEADS_ITEM = /^(?:,?\s*\d{4})?\s*[:·–—-]\s*\S/;

/** A line ending in a due-date label, with the date on the next line. */
const DUE_LINE_END = /\b(?:due|deadline|due date|closing date)\s*[:-]?\s*$/i;
/** What may stand between two dates of one list: "for elementary," / "," / "and". */
const LISTED_AFTER = /^\s*(?:for\s+[\w\s-]{1,25}?)?\s*[,;]?\s*(?:and|or)?\s*$/i;

export interface DateScan {
  deadlines: FoundDeadline[];
  relative: RelativeDeadline[];
}

// Only sentences with a date-like token go to chrono: it is the slow part, and most sentences have no date.
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
/** Every numeric date has a digit, a slash or dot, and a digit. */
const MAYBE_NUMERIC = /\d[/.]\d/;
const NUMERIC = /(?<![\w/.:-])(\d{1,4})([/.])(\d{1,2})(?:\2(\d{2,4}))?(?![\w/]|\.\d)/g;
/** Read the sending date from the memo's own header line when the message carries none. */
export function dateFromHeader(sentences: readonly Sentence[]): YMD | undefined {
  for (const s of sentences.slice(0, 25)) {
    if (!SENT_DATE_LINE.test(s.text)) continue;
    const first = scanSentences([s.text], undefined, () => false)[0]?.[0];
    if (first?.ymd) return first.ymd;
  }
  return undefined;
}

/** One text whose dates are read (a message, or one item of a bulletin). */
export interface DateSource {
  sentences: readonly Sentence[];
  fullText: string;
}

const DIGIT = /\d/;

/** All dates in the message, each with its kind, plus relative deadlines. */
export function extractDeadlines(
  sentences: readonly Sentence[],
  sent: YMD | undefined,
  fullText: string,
): DateScan {
  return extractDeadlinesOfEach([{ sentences, fullText }], sent)[0] as DateScan;
}

/**
 * The dates of several texts sent on the same day (a bulletin's items): each text is read on its own
 * terms, but chrono, whose cost is mostly per call, reads all of them at once.
 */
export function extractDeadlinesOfEach(sources: readonly DateSource[], sent: YMD | undefined): DateScan[] {
  const texts: string[] = [];
  const owners: number[] = [];
  const dated: number[][] = sources.map((src, n) => {
    const indices: number[] = [];
    src.sentences.forEach((s, index) => {
      if (
        (DIGIT.test(s.text) || MAYBE_DATE.test(s.text)) &&
        DATE_TOKEN.test(s.text) &&
        !SENT_DATE_LINE.test(s.text)
      ) {
        indices.push(index);
        texts.push(s.text);
        owners.push(n);
      }
    });
    return indices;
  });
  // Day/month order only matters for an ambiguous numeric date with no sending date: decide it lazily.
  const british = sources.map((src) => {
    let cache: boolean | undefined;
    return () => (cache ??= looksBritish(src.fullText));
  });
  const scanned = scanSentences(texts, sent, (k) => (british[owners[k] as number] as () => boolean)());
  let k = 0;
  return sources.map((src, n) => {
    const deadlines: FoundDeadline[] = [];
    const seen = new Map<string, FoundDeadline>();
    const add = (d: FoundDeadline) => {
      const key = `${d.monthDay}|${d.kind}`;
      const first = seen.get(key);
      if (first) {
        if (d.sentence !== first.sentence) (first.alsoIn ??= []).push(d.sentence);
        return;
      }
      seen.set(key, d);
      deadlines.push(d);
    };
    for (const index of dated[n] as number[]) {
      const s = src.sentences[index] as Sentence;
      // A date opening its line under a line that ends "Due" or "Deadline:" is that line's due date.
      const underDueLine = DUE_LINE_END.test(src.sentences[index - 1]?.text ?? '');
      let previous: { end: number; kind: DeadlineKind } | undefined;
      for (const hit of scanned[k++] ?? []) {
        const before = s.text.slice(Math.max(0, hit.start - 90), hit.start);
        const after = s.text.slice(hit.end, hit.end + 50);
        // "Due May 31 for primaries, June 5 for secondaries": a date listed right after a due date is one too.
        const listedAfterDue =
          previous?.kind === 'due' && LISTED_AFTER.test(s.text.slice(previous.end, hit.start));
        const due = listedAfterDue || (underDueLine && before.trim() === '');
        previous = { end: hit.end, kind: due ? 'due' : kindFromContext(before, after) };
        if (hit.until) {
          add(toDeadline(hit.md, hit.ymd, hit.text, 'window_start', index, sent));
          add(toDeadline(hit.until.md, hit.until.ymd, hit.until.text, 'window_end', index, sent));
          continue;
        }
        const found = toDeadline(hit.md, hit.ymd, hit.text, previous.kind, index, sent);
        if (LEADS_LINE.test(before) && HEADS_ITEM.test(after)) found.heading = true;
        add(found);
      }
    }
    // Relative deadlines are resolved against the sending date or the first dated event.
    const relative = resolveRelative(src.sentences, sent, deadlines);
    for (const r of relative) {
      if (!r.date) continue;
      const ymd = parseYmd(r.date);
      if (ymd) add({ date: r.date, monthDay: monthDayOf(ymd), text: r.text, kind: 'due', sentence: -1 });
    }
    return { deadlines, relative };
  });
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
 * by chrono (date-reader.ts), all sentences in one call.
 */
function scanSentences(
  texts: readonly string[],
  sent: YMD | undefined,
  british: (k: number) => boolean,
): Hit[][] {
  const out: Hit[][] = texts.map(() => []);
  const inputs: string[] = [];
  texts.forEach((text, k) => {
    const masked = text.replace(URL, (u) => ' '.repeat(u.length));
    let chronoInput = masked;
    NUMERIC.lastIndex = 0;
    let m: RegExpExecArray | null = null;
    const numeric = MAYBE_NUMERIC.test(masked);
    while (numeric && (m = NUMERIC.exec(masked)) !== null) {
      const hit = numericHit(m, sent, () => british(k));
      if (!hit) continue;
      (out[k] as Hit[]).push(hit);
      chronoInput =
        chronoInput.slice(0, m.index) + ' '.repeat(m[0].length) + chronoInput.slice(m.index + m[0].length);
    }
    inputs.push(chronoInput); // the date tokens left after the numeric dates decide what chrono reads
  });
  chronoHitsIn(inputs, sent).forEach((hits, k) => (out[k] as Hit[]).push(...hits));
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
