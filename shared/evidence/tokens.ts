// A note read as words: each with its place in the text (UTF-16 offsets), its lower-case form and what lies
// between it and the next, so the linter can match phrases and see where a clause ends without copying text.

export interface Token {
  start: number;
  end: number;
  /** Lower case, curly apostrophes straightened. */
  norm: string;
  /** What lies between this token and the next (punctuation, spaces). */
  after: string;
}

export type Judgment = 'inference' | 'evaluative';
export interface Phrase {
  words: string[];
  kind: Judgment;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const previous = tokens[tokens.length - 1];
    if (previous) previous.after = text.slice(previous.end, m.index);
    tokens.push({
      start: m.index,
      end: m.index + m[0].length,
      norm: m[0].toLowerCase().replace(/’/g, "'"),
      after: '',
    });
  }
  const last = tokens[tokens.length - 1];
  if (last) last.after = text.slice(last.end);
  return tokens;
}

/** Phrases by their first word, longest first, so "should have" wins over "should". */
export function indexPhrases(lists: Array<[readonly string[], Judgment]>): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  for (const [list, kind] of lists)
    for (const entry of list) {
      const words = entry.split(' ');
      const bucket = index.get(words[0]!) ?? [];
      bucket.push({ words, kind });
      index.set(words[0]!, bucket);
    }
  for (const bucket of index.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** The longest phrase of `index` that starts at token i, if any. */
export function phraseAt(tokens: Token[], i: number, index: Map<string, Phrase[]>): Phrase | undefined {
  return index
    .get(tokens[i]!.norm)
    ?.find((p) => p.words.every((w, k) => tokens[i + k]?.norm === w && !breakBetween(tokens, i, i + k)));
}

/** A clause boundary (sentence punctuation, a colon or semicolon, a line break) between tokens a and b. */
export function breakBetween(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (/[.!?;:\n]/.test(tokens[k]!.after)) return true;
  return false;
}
