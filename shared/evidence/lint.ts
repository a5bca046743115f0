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
  JUDGING_AFTER_BE,
  LOOKING_AT,
  STATE_AFTER_BE,
} from './cues';
import { EVALUATIVE_WORDS, IDIOMS, INFERENCE_WORDS, INTENSIFIERS, MIND_VERBS } from './lexicon';
import { someoneElsesWords } from './speech';
import { breakBetween, indexPhrases, phraseAt, tokenize, type Judgment, type Token } from './tokens';

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
const APPEARANCE = new Set(APPEARANCE_VERBS);
const AFTER_BE = new Set(JUDGING_AFTER_BE);
const BE = new Set(FORMS_OF_BE);
const STATES = new Set(STATE_AFTER_BE);
const LIKE_BE = new Set([...FORMS_OF_BE, ...BE_LIKE]);
const WHERE_LOOKED = new Set(LOOKING_AT);
/** Words that start a new claim (a cause, a purpose) rather than qualify the judgment before them. */
const LINKS = new Set(['because', 'since', 'due', 'in']);

export function lintEvidence(text: string): EvidenceLint {
  const tokens = tokenize(text);
  const reported = someoneElsesWords(text, tokens);

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
