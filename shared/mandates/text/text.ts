// Text plumbing for the mandate triage: tidy a message into lines and sentences, and clip phrases for
// display. The words of a text are read in words.ts and the rule tables' phrases matched in phrases.ts.

import { TEXT_LIMITS } from '../limits';
export { openingWords, wordsOf, wordsOfSentences, type Word } from './words';
export { PhraseMatcher, PhraseSets, type PhraseMatch } from './phrases';

/** One sentence (or one short line) of a message, with what it was cut from. */
export interface Sentence {
  text: string;
  /** Index of the source line, so header lines (the first few) can be told from body lines. */
  line: number;
  /** Where the sentence starts in the text it was split from (lets its words be read from one lower-casing). */
  at?: number;
}

const SMART = /[\u2018\u2019\u201A\u2032\u201C\u201D\u201E\u2033\u2013\u2014\u2212\u00A0\u2007\u202F\t]/g;
const SMART_MAP: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2033': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

/** Plain quotes, dashes and spaces; no carriage returns; bounded length. */
export function tidy(text: string): string {
  const bounded = text.length > TEXT_LIMITS.readChars ? text.slice(0, TEXT_LIMITS.readChars) : text;
  const lines = bounded.includes('\r') ? bounded.replace(/\r\n?/g, '\n') : bounded;
  SMART.lastIndex = 0;
  return SMART.test(lines) ? lines.replace(SMART, (c) => SMART_MAP[c] ?? ' ') : lines;
}

// A sentence ends at . ! ? followed by space and a capital/digit/quote, but not after common
// abbreviations ("Oct.", "Dr.", "a.m.") that district mail is full of.
const ABBREVIATION =
  /(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|dr|mr|mrs|ms|no|st|vs|etc|e\.g|i\.e|a\.m|p\.m|approx|dept|ave|balto)|\b[A-Z])\.$/i;
const BOUNDARY = /[.!?]["')\]]?\s+(?=["'(\[]?[A-Z0-9])/g;
/** Every sentence boundary holds one of these; a line without any is one sentence. */
const MAYBE_BOUNDARY = /[.!?]/;

/** Split into sentences; each non-blank line is at least its own sentence (bullets, headers, tables). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lines = text.split('\n');
  let lineAt = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const from = lineAt;
    lineAt += raw.length + 1;
    const line = raw.trim();
    if (!line) continue;
    // Where the trimmed line starts in the text: trim() only removes whitespace from the ends.
    const base = from + raw.indexOf(line.charAt(0));
    let start = 0;
    if (MAYBE_BOUNDARY.test(line)) {
      BOUNDARY.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = BOUNDARY.exec(line))) {
        // Only the end of the candidate can be an abbreviation; the longest ("approx.") is 7 characters, so
        // 9 keep the character before it that decides the word boundary.
        const candidate = line.slice(Math.max(start, m.index - 8), m.index + 1);
        if (ABBREVIATION.test(candidate)) continue;
        const end = m.index + m[0].length;
        pushTrimmed(out, line, start, end, i, base);
        start = end;
      }
    }
    pushTrimmed(out, line, start, line.length, i, base);
  }
  return out;
}

/** The piece of a line from `a` to `b`, trimmed, as a sentence (nothing when blank). */
function pushTrimmed(out: Sentence[], line: string, a: number, b: number, index: number, base: number): void {
  while (a < b && isSpaceCode(line.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(line.charCodeAt(b - 1))) b--;
  if (a < b)
    out.push({ text: a === 0 && b === line.length ? line : line.slice(a, b), line: index, at: base + a });
}

/** The characters trim() and `\s` remove, by code. */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Runs of white space as one space; most text has only single spaces, and is returned as it is. */
const SPACE_RUN = /\s\s|[^\S ]/;
function collapseSpaces(text: string): string {
  return SPACE_RUN.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Shorten to at most `max` characters at a word boundary. */
export function clip(text: string, max: number): string {
  // Spaces are collapsed on the opening only when it already gives more than `max` characters.
  const opening = text.length > max * 4 ? text.slice(0, max * 4) : text;
  let t = collapseSpaces(opening).trim();
  if (opening !== text && t.length <= max) t = collapseSpaces(text).trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:(-]+$/, '') + '…';
}
