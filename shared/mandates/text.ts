// Text plumbing for the mandate triage: tidy a message into lines and sentences, and compile phrase lists
// from the rule data into one anchored-at-word-boundary regex each, once, at module load.

/** Longest text the engine reads; a hostile multi-megabyte message is judged on its opening instead. */
export const MAX_TEXT = 60_000;

/** One sentence (or one short line) of a message, with what it was cut from. */
export interface Sentence {
  text: string;
  /** Index of the source line, so header lines (the first few) can be told from body lines. */
  line: number;
}

const SMART =
  /[\u2018\u2019\u201A\u2032]|[\u201C\u201D\u201E\u2033]|[\u2013\u2014\u2212]|[\u00A0\u2007\u202F\t]/g;
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
  const bounded = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  return bounded.replace(/\r\n?/g, '\n').replace(SMART, (c) => SMART_MAP[c] ?? ' ');
}

// A sentence ends at . ! ? followed by space and a capital/digit/quote, but not after common
// abbreviations ("Oct.", "Dr.", "a.m.") that district mail is full of.
const ABBREVIATION =
  /(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|dr|mr|mrs|ms|no|st|vs|etc|e\.g|i\.e|a\.m|p\.m|approx|dept|ave|balto)|\b[A-Z])\.$/i;

/** Split into sentences; each non-blank line is at least its own sentence (bullets, headers, tables). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (!line) continue;
    let start = 0;
    const boundary = /[.!?]["')\]]?\s+(?=["'(\[]?[A-Z0-9])/g;
    let m: RegExpExecArray | null;
    while ((m = boundary.exec(line))) {
      const candidate = line.slice(start, m.index + 1);
      if (ABBREVIATION.test(candidate)) continue;
      const piece = line.slice(start, m.index + m[0].length).trim();
      if (piece) out.push({ text: piece, line: i });
      start = m.index + m[0].length;
    }
    const rest = line.slice(start).trim();
    if (rest) out.push({ text: rest, line: i });
  }
  return out;
}

/** One word of a text, lower-cased, with where it sits. */
export interface Word {
  w: string;
  start: number;
  end: number;
}

const WORD = /[A-Za-z0-9\u00C0-\u024F]+(?:['/-][A-Za-z0-9\u00C0-\u024F]+)*|:/g;

/** The words of a text (colons kept, so "Response Required: Yes" can be a phrase). */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  // Lower-case once, not per word; a few letters change length when lower-cased, so check first.
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : text;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(source))) {
    const w = source === lower ? m[0] : m[0].toLowerCase();
    out.push({ w, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The words of each sentence, computed once and shared by every reader of the message. */
export function wordsOfSentences(sentences: readonly Sentence[]): Word[][] {
  return sentences.map((s) => wordsOf(s.text.length > 1200 ? s.text.slice(0, 1200) : s.text));
}

/** The words of the opening sentences, up to about `chars` characters of text. */
export function openingWords(
  sentences: readonly Sentence[],
  words: readonly Word[][],
  chars: number,
): Word[] {
  const out: Word[] = [];
  let seen = 0;
  for (let i = 0; i < sentences.length && seen < chars; i++) {
    out.push(...(words[i] as Word[]));
    seen += (sentences[i] as Sentence).text.length;
  }
  return out;
}

/** A phrase found in a text: the words as written and where they start. */
export interface PhraseMatch {
  text: string;
  start: number;
  /** The phrase from the rule table that matched. */
  phrase: string;
}

/**
 * A phrase list compiled into a first-word index: matching walks the words of a text once, so a rule
 * table of hundreds of phrases costs about the same as one. Phrases are literal words, case-insensitive;
 * `*` stands for one optional word ("please * submit" matches "please submit" and "please kindly submit").
 * At each position the longest phrase wins, so the reason quotes the fullest match.
 */
export class PhraseMatcher {
  private readonly byFirst = new Map<string, { words: string[]; phrase: string }[]>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const words = wordsOf(phrase.replace(/\*/g, ' __any__ ')).map((x) => x.w);
      const first = words[0];
      if (!first) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push({ words, phrase });
      list.sort((a, b) => b.words.length - a.words.length);
      this.byFirst.set(first, list);
    }
  }

  /** Matches in words gathered from several sentences; the text is the matched words, lower-cased. */
  findIn(words: readonly Word[], limit = 20): PhraseMatch[] {
    const joined = { text: '' };
    return this.scan(words, limit, (i, end) => {
      joined.text = words
        .slice(i, end + 1)
        .map((w) => w.w)
        .join(' ');
      return joined.text;
    });
  }

  /** Non-overlapping matches in order. */
  find(text: string, words: readonly Word[] = wordsOf(text), limit = 20): PhraseMatch[] {
    return this.scan(words, limit, (i, end) =>
      text.slice((words[i] as Word).start, (words[end] as Word).end),
    );
  }

  private scan(
    words: readonly Word[],
    limit: number,
    textOf: (i: number, end: number) => string,
  ): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < words.length && out.length < limit; i++) {
      const candidates = this.byFirst.get((words[i] as Word).w);
      if (!candidates) continue;
      for (const c of candidates) {
        const end = matchAt(c.words, words, i);
        if (end < 0) continue;
        out.push({ text: textOf(i, end), start: (words[i] as Word).start, phrase: c.phrase });
        i = end;
        break;
      }
    }
    return out;
  }
}

/** Index of the last word matched when `phrase` matches at `i`, else -1. */
function matchAt(phrase: readonly string[], words: readonly Word[], i: number): number {
  let j = i;
  for (let k = 0; k < phrase.length; k++) {
    const p = phrase[k] as string;
    if (p === '__any__') {
      // Optional word: try skipping it first, then consuming one.
      const rest = phrase.slice(k + 1);
      const skip = matchAt(rest, words, j);
      if (skip >= 0 || rest.length === 0) return skip >= 0 ? skip : j - 1;
      const take = matchAt(rest, words, j + 1);
      return take;
    }
    if (j >= words.length || (words[j] as Word).w !== p) return -1;
    j++;
  }
  return j - 1;
}

/** Shorten to at most `max` characters at a word boundary. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:(-]+$/, '') + '…';
}
