// De-identification warnings for evidence: rounds notes are labelled by visit number, never by teacher,
// student or room, so anything that looks like a person's name or a room number is pointed out (with its
// offsets, for the sidebar to underline) before the notes are shared. It only warns: the observer decides,
// and the text is never changed.

export interface IdentityWarning {
  /** UTF-16 offsets into the text as given: `text.slice(start, end) === found`. */
  start: number;
  end: number;
  found: string;
  kind: 'name' | 'room';
  message: string;
}

export interface IdentityOptions {
  /** Words the network uses as terms, never names: the protocol's look-fors and codes ("Accountable Talk"). */
  allow?: readonly string[];
}

/** Titles that come before a name; with or without a full stop. */
const HONORIFIC =
  /(?<![\p{L}\p{N}])(?:(?:Mr|Mrs|Ms|Mx|Dr|Mme|Sra|Srta)\.?|Miss|Coach|Señor|Señora|Senor|Senora|Sr\.)[ \t]+(\p{Lu}[\p{L}'’-]*)(?:[ \t]+\p{Lu}[\p{L}'’-]*)?/gu;

/**
 * "Room 214", "rm 3B", "Rm. 12", "room #5", "Portable 3". Lower-case "room" needs a number that cannot be a
 * count ("around the room 5 students …"): a #, a letter in it, or three digits.
 */
const ROOM =
  /(?<![\p{L}\p{N}])(?:(?:Room|ROOM|Rm|RM|rm|Portable|Classroom)\.?[ \t]*#?[ \t]*(?:\d+[A-Za-z]?|[A-Za-z]\d+[A-Za-z]?)|room[ \t]*(?:#[ \t]*\d+[A-Za-z]?|\d{3,}[A-Za-z]?|\d+[A-Za-z]|[A-Za-z]\d+[A-Za-z]?))(?![\p{L}\p{N}])/gu;

/** A capitalised word: "Sarah", "O'Neil", "Jean-Luc". All-capitals (ELL, CFU) and single letters (T, S) are not names. */
const CAPITALISED = /(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}[\p{L}'’-]*/gu;

/** The word after a capitalised one, read in place (sticky) rather than from a copy of the rest. */
const NEXT_WORD = /[ \t]+([\p{L}']+)/uy;

/** Verbs that so often follow a person's name in notes that a capital before them is taken for one. */
const ACTS = new Set(
  `said says asked asks answered replied responded shared explained wrote read raised called shouted whispered
  told stated added agreed disagreed noticed noted argued suggested pointed laughed smiled nodded was is were
  had has did got went came walked sat stood worked helped looked used solved finished started began tried
  volunteered presented modeled modelled showed gave put took turned counted drew built chose moved`.split(
    /\s+/,
  ),
);

/** Ordinary words that begin a sentence and can come before those verbs: roles, pronouns, quantities. */
const NOT_NAMES = new Set(
  `the a an this that these those teacher teachers student students class everyone everybody someone somebody
  nobody no one each every all most many some few several both half he she they we it you who group groups
  table tables partner partners pair pairs coach principal para aide observer observers boy boys girl girls
  kids children scholars learners then after when while during later next first finally another other others
  none adult adults staff host visitor visitors team there here if as at in on of for with by from to and but
  or so because before since until once also only just not almost about over under nearly around two three
  four five six seven eight nine ten twelve twenty nothing something everything anyone which what where how
  why she'd he'd i'm i've we've they've it's that's there's let's`.split(/\s+/),
);

/**
 * Capitalised words that name things common in classrooms, not people: days, months, subjects, languages,
 * classroom routines and tools. A capital on one of these in mid-sentence is not a name.
 */
const CLASSROOM_TERMS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december english spanish french chinese arabic math maths mathematics science
  history geography art music reading writing algebra geometry biology chemistry physics social studies
  literacy phonics do now exit ticket warm-up turn talk think think-pair-share pair share anchor chart word wall
  learning target targets objective objectives standard standards essential question questions unit lesson
  chapter part step station stations center centers group table level grade kindergarten period block day week
  ok okay yes no google classroom docs slides chromebook chromebooks ipad ipads kahoot desmos nearpod seesaw
  padlet quizlet powerpoint youtube smartboard eureka illustrative khan academy american african asian european
  latin latino latina hispanic native america united states earth sun moon internet web wi-fi venn frayer
  cornell socratic seminar harkness learner learners honors gifted special education i we you they`.split(
    /\s+/,
  ),
);

/**
 * Whether a word at `start` begins a sentence, a quotation, a list item or a label, where a capital proves
 * nothing: the first thing before it that is not a space is not a letter, digit or comma (an emoji or a
 * bullet counts as a start), or is a closing quote or bracket after sentence punctuation.
 */
function opensSentence(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && /[ \t]/.test(text[k]!)) k--;
  if (k < 0) return true;
  const before = text[k]!;
  if (/["”’')\]]/.test(before)) {
    const previous = k === 0 ? ' ' : text[k - 1]!;
    // A straight quote after a space opens a quotation; any closing mark ends one, or a sentence.
    if (/["']/.test(before) && /[\s(:,]/.test(previous)) return true;
    return /[.!?]/.test(previous);
  }
  return !/[\p{L}\p{N},]/u.test(before);
}

export function findIdentityWarnings(text: string, options: IdentityOptions = {}): IdentityWarning[] {
  const allowed = new Set(
    (options.allow ?? []).flatMap((term) => term.toLowerCase().split(/[^\p{L}\p{N}'’-]+/u)).filter(Boolean),
  );
  const warnings: IdentityWarning[] = [];
  // Characters already inside a room or a titled name, so a capital there is not warned about twice.
  const taken = new Uint8Array(text.length);
  const take = (start: number, end: number) => taken.fill(1, start, end);

  for (const m of text.matchAll(ROOM)) {
    take(m.index, m.index + m[0].length);
    warnings.push({
      start: m.index,
      end: m.index + m[0].length,
      found: m[0],
      kind: 'room',
      message: `"${m[0]}" identifies the classroom: rounds notes are labelled by visit number, so leave the room out.`,
    });
  }
  for (const m of text.matchAll(HONORIFIC)) {
    if (allowed.has(m[1]!.toLowerCase())) continue;
    take(m.index, m.index + m[0].length);
    warnings.push({
      start: m.index,
      end: m.index + m[0].length,
      found: m[0],
      kind: 'name',
      message: `"${m[0]}" names a person: rounds are not evaluation and notes name no one; write "the teacher" or "T".`,
    });
  }
  for (const m of text.matchAll(CAPITALISED)) {
    const start = m.index;
    const word = m[0].toLowerCase().replace(/’/g, "'");
    const base = word.replace(/'s$/, '');
    const end = start + base.length;
    // "Spanish-speaking", "Math-related": a compound is judged by its first part.
    const head = base.split('-')[0]!;
    if (taken[start] || [word, base, head].some((w) => allowed.has(w) || CLASSROOM_TERMS.has(w))) continue;
    if (opensSentence(text, start)) {
      // At the start of a sentence a capital is grammar; only a name-like word followed by what people do
      // ("Sarah said", "Marcus's answer") reads as a name there.
      if (NOT_NAMES.has(base)) continue;
      NEXT_WORD.lastIndex = start + m[0].length;
      const next = NEXT_WORD.exec(text)?.[1]?.toLowerCase();
      const possessive = word !== base;
      if (!possessive && !(next && ACTS.has(next))) continue;
    } else if (NOT_NAMES.has(base) && base.length < 3) continue;
    const found = text.slice(start, end);
    warnings.push({
      start,
      end,
      found,
      kind: 'name',
      message: `"${found}" looks like a name: notes name no one; write "a student", "S1" or "the teacher".`,
    });
  }
  return warnings.sort((a, b) => a.start - b.start);
}
