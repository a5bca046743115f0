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
  const bounded = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const lines = bounded.includes('\r') ? bounded.replace(/\r\n?/g, '\n') : bounded;
  SMART.lastIndex = 0;
  return SMART.test(lines) ? lines.replace(SMART, (c) => SMART_MAP[c] ?? ' ') : lines;
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
      // Only the end of the candidate can be an abbreviation; the longest ("approx.") is 7 characters, so
      // 9 keep the character before it that decides the word boundary.
      const candidate = line.slice(Math.max(start, m.index - 8), m.index + 1);
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

// A word is a run of letters/digits (Latin-1 and Latin Extended included), joined by ' / or - inside
// ("co-op", "parents/guardians", "don't"); a colon is a word of its own. Scanned by character code rather
// than by regex: this runs on every sentence of every message and is the engine's innermost loop.
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
}
const APOSTROPHE = 39;
const SLASH = 47;
const HYPHEN = 45;
const COLON = 58;

/** The words of a text (colons kept, so "Response Required: Yes" can be a phrase). */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  // Lower-case once, not per word; a few letters change length when lower-cased, so check first.
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : text;
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === COLON) {
      out.push({ w: ':', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      while (i < n && isWordCode(source.charCodeAt(i))) i++;
      const joiner = i < n ? source.charCodeAt(i) : 0;
      if (
        (joiner === APOSTROPHE || joiner === SLASH || joiner === HYPHEN) &&
        i + 1 < n &&
        isWordCode(source.charCodeAt(i + 1))
      )
        i += 2;
      else break;
    }
    const w = source === lower ? source.slice(start, i) : source.slice(start, i).toLowerCase();
    out.push({ w, start, end: i });
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

/** Stands for the `*` of a phrase: one optional word. No word of a text can equal it. */
const ANY_WORD = '\u0000';

interface Entry {
  /** Which of the lists the phrase came from. */
  list: number;
  words: string[];
  phrase: string;
}

/**
 * Several phrase lists (one per rule) compiled into one first-word index, so matching walks the words of a
 * text once however many rules and phrases there are. Each list is matched on its own terms, exactly as if
 * it were scanned alone: its matches never overlap each other, the longest phrase wins at a position, and
 * at most `limit` are kept. Phrases are literal words, case-insensitive; `*` stands for one optional word
 * ("please * submit" matches "please submit" and "please kindly submit").
 */
export class PhraseSets {
  private readonly byFirst = new Map<string, Entry[]>();
  /** Per list, the first word a next match may start at; reused by every scan (scans never nest). */
  private readonly free: number[];
  readonly size: number;

  constructor(lists: readonly (readonly string[])[]) {
    this.size = lists.length;
    this.free = new Array<number>(lists.length).fill(0);
    lists.forEach((phrases, list) => {
      for (const phrase of phrases) {
        const words = phrase
          .split('*')
          .flatMap((part, n) => [...(n > 0 ? [ANY_WORD] : []), ...wordsOf(part).map((x) => x.w)]);
        const first = words[0];
        if (!first) continue;
        const entries = this.byFirst.get(first) ?? [];
        entries.push({ list, words, phrase });
        this.byFirst.set(first, entries);
      }
    });
    // Grouped by list, longest phrase first within a list, so the first hit per list is the fullest.
    for (const entries of this.byFirst.values())
      entries.sort((x, y) => x.list - y.list || y.words.length - x.words.length);
  }

  /** Matches of every list, in order; the text of each is as written in `text`. */
  findAll(text: string, words: readonly Word[], limit = 20): PhraseMatch[][] {
    return this.scan(words, limit, (i, end) =>
      text.slice((words[i] as Word).start, (words[end] as Word).end),
    );
  }

  /** Matches in words gathered from several sentences; the text is the matched words, lower-cased. */
  findAllIn(words: readonly Word[], limit = 20): PhraseMatch[][] {
    return this.scan(words, limit, (i, end) =>
      words
        .slice(i, end + 1)
        .map((w) => w.w)
        .join(' '),
    );
  }

  private scan(
    words: readonly Word[],
    limit: number,
    textOf: (i: number, end: number) => string,
  ): PhraseMatch[][] {
    // Lists stay the shared empty list until they match: most lists match nothing in most sentences.
    const out: PhraseMatch[][] = new Array<PhraseMatch[]>(this.size).fill(NONE);
    const free = this.free.fill(0);
    for (let i = 0; i < words.length; i++) {
      const entries = this.byFirst.get((words[i] as Word).w);
      if (entries === undefined) continue;
      let done = -1;
      for (const e of entries) {
        const list = e.list;
        if (list === done || (free[list] as number) > i) continue;
        let found = out[list] as PhraseMatch[];
        if (found.length >= limit) continue;
        const end = e.words.length === 1 ? i : matchAt(e.words, words, i);
        if (end < 0) continue;
        if (found === NONE) out[list] = found = [];
        found.push({ text: textOf(i, end), start: (words[i] as Word).start, phrase: e.phrase });
        free[list] = end + 1;
        done = list;
      }
    }
    return out;
  }
}

/** The list of matches of a list that matched nothing; never added to. */
const NONE: PhraseMatch[] = Object.freeze([]) as unknown as PhraseMatch[];

/** One phrase list (see PhraseSets). */
export class PhraseMatcher {
  private readonly sets: PhraseSets;

  constructor(phrases: readonly string[]) {
    this.sets = new PhraseSets([phrases]);
  }

  /** Matches in words gathered from several sentences; the text is the matched words, lower-cased. */
  findIn(words: readonly Word[], limit = 20): PhraseMatch[] {
    return this.sets.findAllIn(words, limit)[0] as PhraseMatch[];
  }

  /** Non-overlapping matches in order. */
  find(text: string, words: readonly Word[] = wordsOf(text), limit = 20): PhraseMatch[] {
    return this.sets.findAll(text, words, limit)[0] as PhraseMatch[];
  }
}

/** Index of the last word matched when `phrase` matches at `i`, else -1. */
function matchAt(phrase: readonly string[], words: readonly Word[], i: number): number {
  let j = i;
  for (let k = 0; k < phrase.length; k++) {
    const p = phrase[k] as string;
    if (p === ANY_WORD) {
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
  // Spaces are collapsed on the opening only when it already gives more than `max` characters.
  const opening = text.length > max * 4 ? text.slice(0, max * 4) : text;
  let t = opening.replace(/\s+/g, ' ').trim();
  if (opening !== text && t.length <= max) t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:(-]+$/, '') + '…';
}
