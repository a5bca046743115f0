// Reading the network's own names: folder and school names compared the way a person would (case, accents,
// punctuation and "Elementary"/"ES" do not matter; "MGE" is Maple Grove Elementary when no other school has
// those initials), cycle names read for their number and school year, step names for their number and label.
import { DEFAULT_STEP_LABELS, STEP_NUMBERS, type StepNumber } from '../domain';

/** Lower case, accents dropped, every run of punctuation or space turned into one space. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function words(name: string): string[] {
  const n = normalizeName(name);
  return n ? n.split(' ') : [];
}

/** Words that say what kind of school it is rather than which school: "Maple Grove ES" is "Maple Grove". */
const SCHOOL_KIND_WORDS = new Set(
  'school schools elementary elem es middle ms high hs academy k8 k 8 prep primary intermediate junior senior jr sr the of campus center centre ps is jhs ihs'.split(
    ' ',
  ),
);

/** The words that tell one school from another: "Maple Grove Elementary School" → ["maple", "grove"]. */
export function distinctiveWords(name: string): string[] {
  const all = words(name);
  const kept = all.filter((w) => !SCHOOL_KIND_WORDS.has(w));
  return kept.length ? kept : all;
}

/** Initials people use for a school: of every word ("mges", "mge") and of the distinctive words ("mg"). */
export function initialsOf(name: string): Set<string> {
  const all = words(name).filter((w) => w !== 'the' && w !== 'of' && w !== 'and');
  const initials = new Set<string>();
  const first = (ws: string[]) => ws.map((w) => w[0]).join('');
  if (all.length > 1) initials.add(first(all));
  // "Maple Grove Elementary School" is "MGE" as often as "MGES".
  const withoutSchool = all.filter((w) => w !== 'school');
  if (withoutSchool.length > 1) initials.add(first(withoutSchool));
  const distinct = distinctiveWords(name);
  if (distinct.length > 1) initials.add(first(distinct));
  // "Dr. Martin Luther King Jr. Elementary" is "MLK": titles are not part of the initials people use.
  const untitled = distinct.filter((w) => !TITLES.has(w));
  if (untitled.length > 1) initials.add(first(untitled));
  return initials;
}

const TITLES = new Set(['dr', 'mr', 'mrs', 'miss', 'st', 'saint', 'sr', 'jr', 'president', 'general']);

export interface NamedMatch<T> {
  item: T;
  confidence: number;
  reason: string;
}

/**
 * The school a name refers to, if exactly one fits: by the same name, by the same distinctive words, by its
 * initials, or by containing its distinctive words. A name two schools fit equally well matches neither.
 */
export function matchSchoolName<T extends { name: string }>(
  name: string,
  schools: readonly T[],
): NamedMatch<T> | null {
  const n = normalizeName(name);
  if (!n) return null;
  const nameWords = words(name);
  const distinct = distinctiveWords(name).join(' ');
  const tiers: ((s: T) => NamedMatch<T> | null)[] = [
    (s) => (normalizeName(s.name) === n ? { item: s, confidence: 1, reason: `named “${s.name}”` } : null),
    (s) =>
      distinctiveWords(s.name).join(' ') === distinct
        ? { item: s, confidence: 0.9, reason: `“${name}” is ${s.name} by name` }
        : null,
    (s) =>
      nameWords.length === 1 && n.length >= 2 && initialsOf(s.name).has(n)
        ? { item: s, confidence: 0.75, reason: `“${name}” is ${s.name}'s initials` }
        : null,
    (s) => {
      const want = distinctiveWords(s.name);
      return want.length > 0 && containsRun(nameWords, want)
        ? { item: s, confidence: 0.7, reason: `“${name}” names ${s.name}` }
        : null;
    },
    (s) => {
      const want = distinctiveWords(s.name);
      const have = distinctiveWords(name);
      return want.length === have.length && have.every((w, i) => abbreviates(w, want[i]!))
        ? { item: s, confidence: 0.65, reason: `“${name}” reads as ${s.name}` }
        : null;
    },
  ];
  for (const tier of tiers) {
    const hits = schools.map(tier).filter((m): m is NamedMatch<T> => m !== null);
    if (hits.length === 1) return hits[0]!;
    // Two schools fit equally: guessing would file work under the wrong principal.
    if (hits.length > 1) return null;
  }
  return null;
}

/** "rdg" for "ridge", "elem" for "elementary": same first letter, the letters in order, at least three. */
export function abbreviates(short: string, word: string): boolean {
  if (short === word) return true;
  if (short.length < 3 || short.length >= word.length || short[0] !== word[0]) return false;
  let at = 0;
  for (const ch of word) if (ch === short[at]) at++;
  return at === short.length;
}

/** True when `run` appears in `all` as consecutive words. */
export function containsRun(all: readonly string[], run: readonly string[]): boolean {
  if (!run.length) return false;
  for (let i = 0; i + run.length <= all.length; i++) if (run.every((w, j) => all[i + j] === w)) return true;
  return false;
}

export interface CycleName {
  number: number | null;
  /** The school year's first calendar year: "2025-26" → 2025. */
  year: number | null;
}

const SCHOOL_YEAR = /\b(20\d\d)\s*(?:[-–—/_]|\bto\b)\s*(20)?(\d\d)\b/i;
const CYCLE_NUMBER = /\b(?:cycle|inquiry cycle|cyc)\s*(?:#|no\.?|n°)?\s*(\d{1,2})\b/i;

/** "2025-26 Cycle 2" → {number 2, year 2025}; "Cycle #3" → {number 3}; anything else → nulls. */
export function readCycleName(name: string): CycleName {
  const flat = name.normalize('NFKD').replace(/\p{M}+/gu, '');
  const year = SCHOOL_YEAR.exec(flat);
  const number = CYCLE_NUMBER.exec(flat);
  return {
    number: number ? Number(number[1]) : null,
    year: year ? Number(year[1]) : null,
  };
}

/**
 * A name split into the cycle it names and what is left: "2025-26 Cycle 2/3 - School data" → Cycle 2 of
 * 2025, "3 - School data". Step folders are often named that way, at the root, beside no cycle folder.
 */
export function splitCycleName(name: string): { cycle: CycleName; rest: string } {
  const flat = name.normalize('NFKD').replace(/\p{M}+/gu, '');
  const cycle = readCycleName(flat);
  const rest = flat
    .replace(SCHOOL_YEAR, ' ')
    .replace(CYCLE_NUMBER, ' ')
    .replace(/^[\s\-–—/:|_.,]+/, '')
    .trim();
  return { cycle, rest };
}

/** The folder networks keep their school folders in. */
export function isSchoolsFolderName(name: string): boolean {
  return /^(?:our )?schools?(?: folders?)?$/.test(normalizeName(name));
}

/** A school year alone as a folder name ("2025-26", "SY 2025–2026"), which puts a year on the cycles below it. */
export function readSchoolYear(name: string): number | null {
  const found = SCHOOL_YEAR.exec(name);
  return found ? Number(found[1]) : null;
}

/** Words in each step's name that identify it even without its number (defaults plus common folder names). */
export const STEP_FOLDER_WORDS: Readonly<Record<StepNumber, readonly string[]>> = {
  1: ['problem of practice', 'ipop', 'identify'],
  2: ['research', 'reading', 'readings', 'literature', 'study'],
  3: ['school data', 'data', 'data analysis'],
  4: ['examine practice', 'observations', 'observation', 'walkthroughs', 'walkthrough', 'practice'],
  5: ['challenge', 'overview', 'consultancy'],
  6: ['school visit', 'visit', 'visits', 'rounds'],
  7: ['action planning', 'action plan', 'planning', 'execution'],
  8: ['celebration', 'celebrate', 'feedback'],
};

export interface StepName {
  number: StepNumber | null;
  /** The step the words name, and which words. */
  byWords: { step: StepNumber; words: string } | null;
}

const STEP_PREFIX = /^\s*(?:step\s*)?0?([1-8])(?!\d)(?:\s*[-–—.:)_]|\s|$)/i;
const STEP_WORD = /\bstep\s*0?([1-8])\b/i;

/**
 * "3 - School data" → number 3, words "school data" (step 3). The network's own step labels count as words
 * for their step, so a renamed step is still recognised by its new name.
 */
export function readStepName(name: string, labels: Readonly<Record<StepNumber, string>>): StepName {
  const prefix = STEP_PREFIX.exec(name) ?? STEP_WORD.exec(name);
  const number = prefix ? (Number(prefix[1]) as StepNumber) : null;
  const nameWords = words(name);
  let best: { step: StepNumber; words: string; size: number } | null = null;
  for (const { step, phrase, run } of stepPhrases(labels)) {
    // Longer phrases are stronger evidence: "school data" beats a bare "data".
    if ((!best || run.length > best.size) && containsRun(nameWords, run))
      best = { step, words: phrase, size: run.length };
  }
  return { number, byWords: best ? { step: best.step, words: best.words } : null };
}

const phraseCache = new WeakMap<object, { step: StepNumber; phrase: string; run: string[] }[]>();

/** Every phrase that names a step, split into words once per set of labels. */
function stepPhrases(labels: Readonly<Record<StepNumber, string>>) {
  let phrases = phraseCache.get(labels);
  if (!phrases) {
    phrases = STEP_NUMBERS.flatMap((step) =>
      [labels[step], DEFAULT_STEP_LABELS[step], ...STEP_FOLDER_WORDS[step]].map((phrase) => ({
        step,
        phrase,
        run: words(phrase),
      })),
    );
    phraseCache.set(labels, phrases);
  }
  return phrases;
}
