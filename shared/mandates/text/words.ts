// The words of a text, read once per message by character code, each with its number in the vocabulary
// of the rule tables' phrases, so matching (phrases.ts) compares numbers instead of strings.

import type { Sentence } from './text';
import { TEXT_LIMITS } from '../limits';

/** One word of a text, lower-cased, with where it sits. */
export interface Word {
  /** The word as written, lower-cased. */
  readonly lower: string;
  start: number;
  end: number;
  /** The word's number in the phrase tables' vocabulary (see PhraseSets); -1 when no phrase uses it. */
  id: number;
}

/**
 * A word read from a text. Its lower-cased string is only cut out when asked for: matching goes by the
 * word's vocabulary number, and most words of a message are never looked at as strings.
 */
class TextWord implements Word {
  constructor(
    private readonly source: string,
    private readonly from: number,
    readonly start: number,
    readonly end: number,
    readonly id: number,
  ) {}

  get lower(): string {
    return this.source.slice(this.from + this.start, this.from + this.end);
  }
}

// Every word any phrase table uses gets a number, so matching compares numbers and each word of a text
// is looked up once (when it is read), not once per table. The lookup hashes the word's characters where
// they lie in the lower-cased text, into an open-addressing table, so no string is cut out for it.
// Tables are built at module load, before any text is read; a table built later (a test, a caller's own
// list) can add words that texts read earlier did not get a number for, and from then on those are looked
// up again as they are matched.
const VOCABULARY = new Map<string, number>();
const VOCABULARY_WORDS: string[] = [];
const VOCABULARY_HASHES: number[] = [];
let slots = new Int32Array(1 << 10).fill(-1);
let textsRead = false;
let lateWords = false;

function hashOf(source: string, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = a; i < b; i++) h = Math.imul(h ^ source.charCodeAt(i), 0x01000193);
  return h;
}

function place(id: number): void {
  const mask = slots.length - 1;
  let i = (VOCABULARY_HASHES[id] as number) & mask;
  while ((slots[i] as number) >= 0) i = (i + 1) & mask;
  slots[i] = id;
}

/** How many words the vocabulary holds (every number given so far is below it). */
export function vocabularySize(): number {
  return VOCABULARY.size;
}

export function register(word: string): number {
  let id = VOCABULARY.get(word);
  if (id === undefined) {
    id = VOCABULARY.size;
    VOCABULARY.set(word, id);
    VOCABULARY_WORDS.push(word);
    VOCABULARY_HASHES.push(hashOf(word, 0, word.length));
    // Most words of a text are not in the vocabulary, and a miss probes until an empty slot: keeping the
    // table at most a quarter full keeps that to one or two probes (at half full it is about 2.5).
    if (VOCABULARY.size * 4 > slots.length) {
      slots = new Int32Array(slots.length * 2).fill(-1);
      for (let k = 0; k < VOCABULARY.size; k++) place(k);
    } else place(id);
    if (textsRead) lateWords = true;
  }
  return id;
}

/** The vocabulary number of the (lower-case) characters from `a` to `b` of `source`, else -1. */
function lookup(source: string, a: number, b: number): number {
  const h = hashOf(source, a, b);
  const mask = slots.length - 1;
  for (let i = h & mask; ; i = (i + 1) & mask) {
    const id = slots[i] as number;
    if (id < 0) return -1;
    if (VOCABULARY_HASHES[id] !== h) continue;
    const word = VOCABULARY_WORDS[id] as string;
    if (word.length !== b - a) continue;
    let k = 0;
    while (k < word.length && word.charCodeAt(k) === source.charCodeAt(a + k)) k++;
    if (k === word.length) return id;
  }
}

/** A word's vocabulary number, looked up again when tables were added after it was read. */
export function idOf(word: Word): number {
  const id = word.id;
  return id >= 0 || !lateWords ? id : (VOCABULARY.get(word.lower) ?? -1);
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
  textsRead = true;
  return wordsIn(text, 0, text.length);
}

/** The words of `text` from `from` to `to`, positions counted from `from`. */
export function wordsIn(text: string, from: number, to: number, lowerText?: string): Word[] {
  // Lower-case once, not per word; a few letters change length when lower-cased, so check first.
  const lower = lowerText ?? text.toLowerCase();
  if (lower.length === text.length) return scanWords(lower, from, to);
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  return scanWords(part, 0, part.length).map((x) => {
    const lower = x.lower.toLowerCase();
    return { lower, start: x.start, end: x.end, id: VOCABULARY.get(lower) ?? -1 };
  });
}

/** The words of `source` (lower-case) from `from` to `to`, positions counted from `from`. */
function scanWords(source: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  let i = from;
  while (i < to) {
    const c = source.charCodeAt(i);
    if (c === COLON) {
      out.push(new TextWord(source, from, i - from, i - from + 1, lookup(source, i, i + 1)));
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
      while (i < to && isWordCode(source.charCodeAt(i))) i++;
      const joiner = i < to ? source.charCodeAt(i) : 0;
      if (
        (joiner === APOSTROPHE || joiner === SLASH || joiner === HYPHEN) &&
        i + 1 < to &&
        isWordCode(source.charCodeAt(i + 1))
      )
        i += 2;
      else break;
    }
    out.push(new TextWord(source, from, start - from, i - from, lookup(source, start, i)));
  }
  return out;
}

/** Sentences longer than this are read for their opening words only. */

/**
 * The words of each sentence, computed once and shared by every reader of the message. `text` is what
 * the sentences were split from: lower-cased once for all of them.
 */
export function wordsOfSentences(sentences: readonly Sentence[], text?: string): Word[][] {
  textsRead = true;
  const lower = text === undefined ? undefined : text.toLowerCase();
  const whole = lower !== undefined && lower.length === (text as string).length;
  return sentences.map((s) => {
    const length = Math.min(s.text.length, TEXT_LIMITS.sentenceChars);
    if (whole && s.at !== undefined) return scanWords(lower, s.at, s.at + length);
    const part = length < s.text.length ? s.text.slice(0, length) : s.text;
    return wordsIn(part, 0, part.length);
  });
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
    const list = words[i] as Word[];
    for (let k = 0; k < list.length; k++) out.push(list[k] as Word);
    seen += (sentences[i] as Sentence).text.length;
  }
  return out;
}
