// Whose words these are: the spans of a note that belong to someone else — quotations, transcript lines
// ("T: …"), posted sentence frames and reported speech ("T said great job", "…, T said.") — which are
// evidence of what was heard, never the observer's judgment.
import {
  CONTENT_VERBS,
  QUESTION_WORDS,
  RESPONSE_VERBS,
  SPEAKER_LABEL,
  POSTED_TEXT,
  SPEECH_VERBS,
  TELLING_VERBS,
} from './cues';
import { breakBetween, indexPhrases, phraseAt, type Token } from './tokens';

const SPEECH = indexPhrases([[SPEECH_VERBS, 'evaluative']]);
const TELLING = new Set(TELLING_VERBS);
const RESPONDING = new Set(RESPONSE_VERBS);
const OPENS_REPORT = new Set([...QUESTION_WORDS, 'to']);
const CONTENT = indexPhrases([[CONTENT_VERBS, 'evaluative']]);
const OPENS_CONTENT = new Set(QUESTION_WORDS);

const DOUBLE_OPEN = new Set(['"', '“', '„', '«']);
const DOUBLE_CLOSE: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»' };

/**
 * Spans inside quotation marks: someone else's words. An unclosed double quote runs to the end of the line;
 * a single quote counts only when it opens after a space and closes before one, so apostrophes
 * ("don't", "students' work") are not taken for quotes.
 */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // Every place a single quotation could close, found once, so a line of stray apostrophes stays linear.
  const closers = [...text.matchAll(/['’](?![\p{L}\p{N}])/gu)].map((m) => m.index);
  const newlines = [...text.matchAll(/\n/g)].map((m) => m.index);
  let next = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const before = i === 0 ? ' ' : text[i - 1]!;
    if (DOUBLE_OPEN.has(c) || c === '”') {
      const close = DOUBLE_CLOSE[c] ?? '”';
      let end = text.indexOf(close, i + 1);
      if (close === '”' && end === -1) end = text.indexOf('"', i + 1);
      if (end === -1) {
        const eol = text.indexOf('\n', i + 1);
        end = eol === -1 ? text.length : eol;
      }
      spans.push([i, end + 1]);
      i = end + 1;
      continue;
    }
    if ((c === "'" || c === '‘') && !/[\p{L}\p{N}]/u.test(before) && /\p{L}|\p{N}/u.test(text[i + 1] ?? '')) {
      while (next < closers.length && closers[next]! <= i) next++;
      const end = closers[next];
      if (end !== undefined && firstAtOrAfter(newlines, i) > end) {
        spans.push([i, end + 1]);
        i = end + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}

/** Where clauses end: sentence punctuation, a semicolon, a line break or a turn to a new clause. */
function clauseEnds(text: string): number[] {
  return [...text.matchAll(/[.!?;](?=\s|$)|\n|\b(?:but|while|although|whereas|however)\b/gi)].map(
    (m) => m.index,
  );
}

/** The first position in the sorted list at or after `from`, or Infinity. */
function firstAtOrAfter(sorted: number[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : Infinity;
}

/** Whether a position falls in any of the spans, answered by binary search over the merged spans. */
function within(spans: Array<[number, number]>): (pos: number) => boolean {
  const merged: Array<[number, number]> = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const starts = merged.map(([a]) => a);
  return (pos) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && pos < merged[lo - 1]![1];
  };
}

/** A quotation opening right after a speech verb (perhaps after "to the class,"). Sticky: read in place. */
const QUOTE_AHEAD = /[\s,:]*(?:to [\p{L}\s]{1,30}?[\s,:]*)?["“‘'«„]/uy;

/**
 * ", T said." / ", said the teacher." / "? asked S3." closing a sentence: what came before it was said. The
 * speaker is a word or two that is not a conjunction ("…, so T explained." is the observer going on).
 */
const SPEAKING = 'said|says|asked|asks|explained|replied|responded|answered|added|stated|shouted|whispered';
const NOT_A_SPEAKER =
  '(?!(?:so|and|then|but|because|when|while|until|after|before|which|who|as|since|if|or)\\b)';
const ATTRIBUTION_AFTER = new RegExp(
  `[,?!]\\s*(?:${NOT_A_SPEAKER}(?:[\\p{L}\\p{N}']+\\s+){1,2}(?:${SPEAKING})|(?:${SPEAKING})(?:\\s+[\\p{L}\\p{N}']+){1,2})\\s*[.!?]*\\s*$`,
  'iu',
);

/** Spans that report someone's words without quotation marks: "T said great job", "told the class they …". */
function reportedSpans(
  text: string,
  tokens: Token[],
  quoted: (pos: number) => boolean,
): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const ends = clauseEnds(text);
  const clauseEnd = (from: number) => Math.min(firstAtOrAfter(ends, from), text.length);
  const label = SPEAKER_LABEL.exec(text);
  if (label) spans.push([label[0].length, text.length]);
  // Speech attributed after it: "Show your work, T said." / "Why is it 12? asked S3."
  for (const sentence of text.matchAll(/[^.\n]+\.*/g)) {
    const tail = ATTRIBUTION_AFTER.exec(sentence[0]);
    if (tail) spans.push([sentence.index, sentence.index + tail.index]);
  }
  // Sentence frames and posted text ("Stems: I agree with ___ because ___") are the room's words.
  for (const m of text.matchAll(POSTED_TEXT)) {
    const from = m.index + m[0].length;
    const eol = text.indexOf('\n', from);
    spans.push([from, eol === -1 ? text.length : eol]);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (quoted(tokens[i]!.start)) continue;
    let from: number | undefined;
    const speech = phraseAt(tokens, i, SPEECH);
    if (speech) {
      let k = i + speech.words.length;
      // "T said firmly": an adverb right after the verb is the observer's, not the speaker's.
      while (tokens[k]?.norm.endsWith('ly') && !breakBetween(tokens, k - 1, k)) k++;
      from = tokens[k - 1]!.end;
      // A quotation right after the verb is what was said; the observer speaks again after it closes.
      QUOTE_AHEAD.lastIndex = from;
      if (QUOTE_AHEAD.test(text)) from = undefined;
    } else if (RESPONDING.has(tokens[i]!.norm)) {
      const after = tokens[i]!.after;
      if (after.includes(':') || (/^\s+$/.test(after) && tokens[i + 1]?.norm === 'that'))
        from = tokens[i]!.end;
    } else if (TELLING.has(tokens[i]!.norm)) {
      if (tokens[i]!.norm.startsWith('ask')) {
        for (let k = i + 1; k <= i + 4 && k < tokens.length && !breakBetween(tokens, i, k); k++)
          if (OPENS_REPORT.has(tokens[k]!.norm)) {
            from = tokens[k]!.start;
            break;
          }
      } else from = tokens[i]!.end;
    } else {
      const content = phraseAt(tokens, i, CONTENT);
      const first = i + (content?.words.length ?? 0);
      if (content)
        for (let k = first; k <= first + 2 && k < tokens.length && !breakBetween(tokens, i, k); k++)
          if (OPENS_CONTENT.has(tokens[k]!.norm)) {
            from = tokens[k]!.start;
            break;
          }
    }
    if (from !== undefined) spans.push([from, clauseEnd(from)]);
  }
  return spans;
}

/** Whether a position in the text lies in someone else's words. */
export function someoneElsesWords(text: string, tokens: Token[]): (pos: number) => boolean {
  const quotes = quotedSpans(text);
  return within([...quotes, ...reportedSpans(text, tokens, within(quotes))]);
}
