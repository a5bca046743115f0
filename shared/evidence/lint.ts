// The evidence linter: reads one line of an observer's notes and says whether it records what was seen or
// heard (descriptive), reads minds or causes into it (inference) or grades the practice (evaluative),
// marking each word that does so with the facilitator's probing question. It never changes the text: the
// offsets point into the observer's own words. Pure and synchronous, so the add-on's sidebar and the CLI
// give the same answer.
import {
  APPEARANCE_VERBS,
  BE_LIKE,
  DESCRIBES_WHEN_FOLLOWED_BY,
  FORMS_OF_BE,
  IDIOMS,
  JUDGING_AFTER_BE,
  LOOKING_AT,
  MIND_VERBS,
  POSTED_TEXT,
  EVALUATIVE_WORDS,
  INFERENCE_WORDS,
  INTENSIFIERS,
  QUESTION_WORDS,
  RESPONSE_VERBS,
  SPEAKER_LABEL,
  SPEECH_VERBS,
  STATE_AFTER_BE,
  TELLING_VERBS,
  type WordList,
} from './lexicon';

export type EvidenceKind = 'descriptive' | 'inference' | 'evaluative';

export interface EvidenceFlag {
  /** UTF-16 offsets into the text as given: `text.slice(start, end) === word`. */
  start: number;
  end: number;
  word: string;
  /** The facilitator's probe: "What did you see or hear that makes you say 'rigorous'?" */
  question: string;
}

export interface EvidenceLint {
  kind: EvidenceKind;
  flags: EvidenceFlag[];
}

/** The question a facilitator asks about a judging word, in the observer's own spelling of it. */
export function probeFor(word: string): string {
  return `What did you see or hear that makes you say '${word}'?`;
}

interface Token {
  start: number;
  end: number;
  /** Lower case, curly apostrophes straightened. */
  norm: string;
  /** What lies between this token and the next (punctuation, spaces). */
  after: string;
}

type Judgment = 'inference' | 'evaluative';
interface Phrase {
  words: string[];
  kind: Judgment;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

function tokenize(text: string): Token[] {
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
function indexPhrases(lists: Array<[WordList, Judgment]>): Map<string, Phrase[]> {
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

/** A regular verb's forms: "realize" → realize, realizes, realized, realizing. */
function verbForms(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const third = /(?:s|sh|ch|x|z)$/.test(base)
    ? `${base}es`
    : /[^aeiou]y$/.test(base)
      ? `${base.slice(0, -1)}ies`
      : `${base}s`;
  const past = /[^aeiou]y$/.test(base)
    ? `${base.slice(0, -1)}ied`
    : base.endsWith('e')
      ? `${base}d`
      : base.endsWith('c')
        ? `${base}ked`
        : `${base}ed`;
  const present = base.endsWith('c') ? `${base}king` : base.endsWith('ee') ? `${base}ing` : `${stem}ing`;
  return [base, third, past, present];
}

const JUDGING = indexPhrases([
  [EVALUATIVE_WORDS, 'evaluative'],
  [IDIOMS.filter(([, kind]) => kind === 'evaluative').map(([phrase]) => phrase), 'evaluative'],
  [INFERENCE_WORDS, 'inference'],
  [IDIOMS.filter(([, kind]) => kind === 'inference').map(([phrase]) => phrase), 'inference'],
  [MIND_VERBS.flatMap(verbForms), 'inference'],
]);
const DEGREE = indexPhrases([[INTENSIFIERS, 'evaluative']]);
const SPEECH = indexPhrases([[SPEECH_VERBS, 'evaluative']]);
const TELLING = new Set(TELLING_VERBS);
const RESPONDING = new Set(RESPONSE_VERBS);
const OPENS_REPORT = new Set([...QUESTION_WORDS, 'to']);
const APPEARANCE = new Set(APPEARANCE_VERBS);
const AFTER_BE = new Set(JUDGING_AFTER_BE);
const BE = new Set(FORMS_OF_BE);
const STATES = new Set(STATE_AFTER_BE);
const LIKE_BE = new Set([...FORMS_OF_BE, ...BE_LIKE]);
const WHERE_LOOKED = new Set(LOOKING_AT);
/** Words that start a new claim (a cause, a purpose) rather than qualify the judgment before them. */
const LINKS = new Set(['because', 'since', 'due', 'in']);

/** The longest phrase of `index` that starts at token i, if any. */
function phraseAt(tokens: Token[], i: number, index: Map<string, Phrase[]>): Phrase | undefined {
  return index
    .get(tokens[i]!.norm)
    ?.find((p) => p.words.every((w, k) => tokens[i + k]?.norm === w && !breakBetween(tokens, i, i + k)));
}

/** A clause boundary (sentence punctuation, a colon or semicolon, a line break) between tokens a and b. */
function breakBetween(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (/[.!?;:\n]/.test(tokens[k]!.after)) return true;
  return false;
}

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
    }
    if (from !== undefined) spans.push([from, clauseEnd(from)]);
  }
  return spans;
}

export function lintEvidence(text: string): EvidenceLint {
  const tokens = tokenize(text);
  const quotes = quotedSpans(text);
  const quoted = within(quotes);
  const reported = within([...quotes, ...reportedSpans(text, tokens, quoted)]);

  const flags: EvidenceFlag[] = [];
  let kind: EvidenceKind = 'descriptive';
  const flag = (from: number, to: number, judgment: Judgment) => {
    const previous = flags[flags.length - 1];
    // Judging words side by side ("seemed confused") are one thing to ask about.
    const joined =
      previous !== undefined &&
      /^[ \t]+$/.test(text.slice(previous.end, tokens[from]!.start)) &&
      !LINKS.has(tokens[from]!.norm);
    const start = joined ? previous.start : tokens[from]!.start;
    const end = tokens[to]!.end;
    const word = text.slice(start, end);
    if (joined) flags.pop();
    flags.push({ start, end, word, question: probeFor(word) });
    if (judgment === 'evaluative' || kind === 'descriptive') kind = judgment;
  };

  for (let i = 0; i < tokens.length; i++) {
    if (reported(tokens[i]!.start)) continue;
    const degree = phraseAt(tokens, i, DEGREE);
    if (degree) {
      const next = i + degree.words.length;
      if (next < tokens.length && !breakBetween(tokens, next - 1, next) && !/^\d/.test(tokens[next]!.norm)) {
        const judged = phraseAt(tokens, next, JUDGING);
        const last = next + (judged ? judged.words.length : 1) - 1;
        flag(i, last, judged?.kind ?? 'evaluative');
        i = last;
      }
      continue;
    }
    const next = tokens[i + 1];
    if (
      APPEARANCE.has(tokens[i]!.norm) &&
      next &&
      !breakBetween(tokens, i, i + 1) &&
      !WHERE_LOOKED.has(next.norm) &&
      !/^\d/.test(next.norm)
    ) {
      // "looked vacant", "sounded annoyed": a state read from a face or a voice.
      const judged = phraseAt(tokens, i + 1, JUDGING);
      const last = i + (judged ? judged.words.length : 1);
      flag(i, last, judged?.kind ?? 'inference');
      i = last;
      continue;
    }
    let phrase = phraseAt(tokens, i, JUDGING);
    // "well-structured", "poorly-planned", "ill-prepared": a compound opening with a grade is a judgment.
    if (
      !phrase &&
      /^(?:well|poorly|badly|ill|over|under)-\p{L}/u.test(tokens[i]!.norm) &&
      !/^(?:over|under)-\d/.test(tokens[i]!.norm)
    )
      phrase = { words: [tokens[i]!.norm], kind: 'evaluative' };
    // "age-appropriate", "self-confident", "low-rigor": a compound ending in a judging word judges.
    if (!phrase && tokens[i]!.norm.includes('-')) {
      const lastPart = tokens[i]!.norm.slice(tokens[i]!.norm.lastIndexOf('-') + 1);
      const single = JUDGING.get(lastPart)?.find((p) => p.words.length === 1);
      if (single) phrase = { words: [tokens[i]!.norm], kind: single.kind };
    }
    // "The lesson was not differentiated": judged as the complement of 'be', perhaps after 'not' or 'well'.
    if (!phrase && AFTER_BE.has(tokens[i]!.norm)) {
      const before = [tokens[i - 1]?.norm, tokens[i - 2]?.norm];
      const be =
        BE.has(before[0] ?? '') ||
        (['not', 'well', 'poorly'].includes(before[0] ?? '') && BE.has(before[1] ?? ''));
      if (be && !breakBetween(tokens, Math.max(0, i - 2), i))
        phrase = { words: [tokens[i]!.norm], kind: 'evaluative' };
    }
    if (!phrase || !counts(tokens, i)) continue;
    flag(i, i + phrase.words.length - 1, phrase.kind);
    i += phrase.words.length - 1;
  }
  return { kind, flags };
}

/** The few words that judge in one use and describe in another. */
function counts(tokens: Token[], i: number): boolean {
  const word = tokens[i]!.norm;
  const prev = tokens[i - 1]?.norm;
  const next = tokens[i + 1]?.norm;
  // "Wait time could be longer" wishes for more; "could be answered with one word" only describes.
  if (word === 'could' && next === 'be') {
    const then = tokens[i + 2]?.norm ?? '';
    return (
      ['more', 'less', 'better', 'worse'].includes(then) || (/er$/.test(then) && !/(?:ed|en)$/.test(then))
    );
  }
  // A blank after the word ("because ___") makes it part of a sentence frame, not a claim.
  if (/^\s*_/.test(tokens[i]!.after)) return false;
  // "as well", "as well as", "Well, …" are not praise.
  if (word === 'well') return prev !== 'as' && !(i === 0 && /^\s*,/.test(tokens[0]!.after));
  // "engaged in partner talk" is an action; "students were engaged" reads their minds.
  const describing = Object.hasOwn(DESCRIBES_WHEN_FOLLOWED_BY, word)
    ? DESCRIBES_WHEN_FOLLOWED_BY[word]
    : undefined;
  if (describing && next && describing.includes(next) && !breakBetween(tokens, i, i + 1))
    return STATES.has(word) && LIKE_BE.has(prev ?? '');
  return true;
}
