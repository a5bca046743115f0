// The rule tables' phrases compiled into one first-word index per table, matched against the words of a
// text (words.ts) by vocabulary number in one walk, however many rules and phrases there are.

import { idOf, register, vocabularySize, wordsIn, wordsOf, type Word } from './words';

/** A phrase found in a text: the words as written and where they start. */
export interface PhraseMatch {
  text: string;
  start: number;
  /** The phrase from the rule table that matched. */
  phrase: string;
}

/** The list of matches of a list that matched nothing; never added to (not frozen: frozen arrays take
 * the engine's slow paths). */
const NONE: PhraseMatch[] = [];

/** Stands for the `*` of a phrase: one optional word. No word of a text has this number. */
const ANY_WORD = -2;

interface Entry {
  /** Which of the lists the phrase came from. */
  list: number;
  /** The phrase's words, as vocabulary numbers. */
  words: number[];
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
  /** Entries by the vocabulary number of their first word. */
  private readonly byFirst: (Entry[] | undefined)[];
  /** Per list, the first word a next match may start at; reused by every scan (scans never nest). */
  private readonly free: number[];
  readonly size: number;
  /** The most words any phrase has. */
  readonly longest: number;
  /** The answer of a scan that matched nothing: every list empty (shared; never changed). */
  private readonly nothing: PhraseMatch[][];

  constructor(lists: readonly (readonly string[])[]) {
    this.size = lists.length;
    this.free = new Array<number>(lists.length).fill(0);
    const byFirst = new Map<number, Entry[]>();
    let longest = 0;
    lists.forEach((phrases, list) => {
      for (const phrase of phrases) {
        const words = phrase
          .split('*')
          .flatMap((part, n) => [...(n > 0 ? [ANY_WORD] : []), ...phraseWords(part).map((w) => register(w))]);
        const first = words[0];
        if (first === undefined) continue;
        longest = Math.max(longest, words.length);
        const entries = byFirst.get(first) ?? [];
        entries.push({ list, words, phrase });
        byFirst.set(first, entries);
      }
    });
    this.longest = longest;
    this.nothing = new Array<PhraseMatch[]>(lists.length).fill(NONE);
    this.byFirst = Array.from({ length: vocabularySize() }, (_, id) => byFirst.get(id));
    // Grouped by list, longest phrase first within a list, so the first hit per list is the fullest.
    for (const entries of this.byFirst)
      entries?.sort((x, y) => x.list - y.list || y.words.length - x.words.length);
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
        .map((w) => w.lower)
        .join(' '),
    );
  }

  /** True when any phrase of any list starts at one of the words (a cheap test before a full scan). */
  anyStart(words: readonly Word[]): boolean {
    const byFirst = this.byFirst;
    for (let i = 0; i < words.length; i++) {
      const id = idOf(words[i] as Word);
      if (id >= 0 && id < byFirst.length && byFirst[id] !== undefined) return true;
    }
    return false;
  }

  private scan(
    words: readonly Word[],
    limit: number,
    textOf: (i: number, end: number) => string,
  ): PhraseMatch[][] {
    // Most scans of most sentences match nothing: then nothing is allocated, and the shared empty answer
    // (every list the shared empty list) is returned.
    let out: PhraseMatch[][] | undefined;
    const free = this.free;
    const byFirst = this.byFirst;
    for (let i = 0; i < words.length; i++) {
      const id = idOf(words[i] as Word);
      if (id < 0 || id >= byFirst.length) continue;
      const entries = byFirst[id];
      if (entries === undefined) continue;
      let done = -1;
      for (const e of entries) {
        const list = e.list;
        if (out !== undefined && (list === done || (free[list] as number) > i)) continue;
        let found = out === undefined ? NONE : (out[list] as PhraseMatch[]);
        if (found.length >= limit) continue;
        const end = e.words.length === 1 ? i : matchAt(e.words, 0, words, i);
        if (end < 0) continue;
        if (out === undefined) {
          out = new Array<PhraseMatch[]>(this.size).fill(NONE);
          free.fill(0);
        }
        if (found === NONE) out[list] = found = [];
        found.push({ text: textOf(i, end), start: (words[i] as Word).start, phrase: e.phrase });
        free[list] = end + 1;
        done = list;
      }
    }
    return out ?? this.nothing;
  }
}

/** The words of a phrase from a rule table (not a text: reading it gives no word a number). */
function phraseWords(phrase: string): string[] {
  return wordsIn(phrase, 0, phrase.length).map((w) => w.lower);
}

/** One phrase list (see PhraseSets). */
export class PhraseMatcher {
  private readonly sets: PhraseSets;

  constructor(phrases: readonly string[]) {
    this.sets = new PhraseSets([phrases]);
  }

  /** The most words any of the phrases has. */
  get longest(): number {
    return this.sets.longest;
  }

  /** True when a phrase could start at one of the words (no phrase starts with any of them: no match). */
  anyStart(words: readonly Word[]): boolean {
    return this.sets.anyStart(words);
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

/** Index of the last word matched when `phrase` (from its `k`th word on) matches at `i`, else -1. */
function matchAt(phrase: readonly number[], k: number, words: readonly Word[], i: number): number {
  let j = i;
  for (; k < phrase.length; k++) {
    const p = phrase[k] as number;
    if (p === ANY_WORD) {
      // Optional word: try skipping it first, then consuming one.
      const restEmpty = k + 1 >= phrase.length;
      const skip = matchAt(phrase, k + 1, words, j);
      if (skip >= 0 || restEmpty) return skip >= 0 ? skip : j - 1;
      return matchAt(phrase, k + 1, words, j + 1);
    }
    if (j >= words.length || idOf(words[j] as Word) !== p) return -1;
    j++;
  }
  return j - 1;
}
