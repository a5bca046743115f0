// The IPOP checker: reads a problem of practice and says, for each quality the practice asks of an IPOP,
// whether it is there and, if not, what would make the statement stronger. Pure and synchronous, so the
// sidebar, the tracker, the extension and the CLI all give the same verdict.
import {
  CONTENT_WORDS,
  FINITE_MARKERS,
  INWARD_WORDS,
  LEARNING_WORDS,
  OBSERVABLE_WORDS,
  QUESTION_OPENERS,
  STUDENT_WORDS,
  TEACHER_WORDS,
  type WordList,
} from './lexicon';
import { DATA_WORDS, OUTSIDE_CONTROL_WORDS, SOLUTION_WORDS, STRATEGY_WORDS, TOPIC_OPENERS } from './signals';

export const IPOP_CRITERIA = [
  'question',
  'studentLearning',
  'instructionalCore',
  'observable',
  'actionable',
  'grounded',
  'strategy',
] as const;
export type IpopCriterion = (typeof IPOP_CRITERIA)[number];

/** Each criterion in a principal's words, for the sidebar and the tracker's note. */
export const CRITERION_LABELS: Readonly<Record<IpopCriterion, string>> = {
  question: 'Worded as a question',
  studentLearning: 'About student learning',
  instructionalCore: 'In the instructional core',
  observable: 'Observable',
  actionable: 'Actionable',
  grounded: 'Grounded in data',
  strategy: 'Connected to a strategy',
};

export interface CriterionVerdict {
  pass: boolean;
  advice?: string;
}

export interface IpopCheck {
  /** topic: a bare area of interest ("Student talk"); statement: a clause that is not a question. */
  form: 'question' | 'statement' | 'topic';
  criteria: Record<IpopCriterion, CriterionVerdict>;
  /** The advice of every criterion that did not pass, in criterion order. */
  advice: string[];
  /** True only when every criterion passes. */
  pass: boolean;
}

/** What the tracker knows beside the question: its theory of action and the data it names. */
export interface IpopContext {
  theoryOfAction?: string;
  evidenceSources?: string;
}

export const TOPIC_ADVICE = 'This names a topic; what question about student learning do you want answered?';

export function checkIpop(statement: string, context: IpopContext = {}): IpopCheck {
  const text = statement.replace(/[\u2018\u2019]/g, "'").trim();
  const words = tokens(text);
  const form = formOf(text, words);
  const criteria: Record<IpopCriterion, CriterionVerdict> = {
    question: questionVerdict(form, words),
    studentLearning: studentLearningVerdict(words),
    instructionalCore: coreVerdict(words),
    observable: observableVerdict(words),
    actionable: actionableVerdict(words),
    grounded: groundedVerdict(text, words, context.evidenceSources),
    strategy: strategyVerdict(text, words, context.theoryOfAction),
  };
  if (form === 'topic') {
    // A topic is not yet a problem to check: nothing passes until it is a question.
    for (const key of IPOP_CRITERIA)
      if (criteria[key].pass)
        criteria[key] = {
          pass: false,
          advice: 'Write the question first; this can be checked once it is one.',
        };
  }
  const advice = [...new Set(IPOP_CRITERIA.flatMap((k) => (criteria[k].advice ? [criteria[k].advice] : [])))];
  return { form, criteria, advice, pass: IPOP_CRITERIA.every((k) => criteria[k].pass) };
}

/** A one-line summary for a tracker cell: "5/7 — needs: grounded, strategy" or "7/7". */
export function summarizeCheck(check: IpopCheck): string {
  const failed = IPOP_CRITERIA.filter((k) => !check.criteria[k].pass);
  const passed = IPOP_CRITERIA.length - failed.length;
  if (!failed.length) return `${passed}/${IPOP_CRITERIA.length}`;
  if (check.form === 'topic') return `0/${IPOP_CRITERIA.length} — a topic, not yet a question`;
  return `${passed}/${IPOP_CRITERIA.length} — needs: ${failed.map((k) => CRITERION_LABELS[k].toLowerCase()).join('; ')}`;
}

/** The check as a cell note: each criterion with a tick or its advice. */
export function checkNote(check: IpopCheck): string {
  return IPOP_CRITERIA.map((k) => {
    const v = check.criteria[k];
    return v.pass ? `✓ ${CRITERION_LABELS[k]}` : `✗ ${CRITERION_LABELS[k]}: ${v.advice ?? ''}`;
  }).join('\n');
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9%'\s-]+/g, ' ')
    .split(/[\s-]+/)
    .map((w) => w.replace(/^'+/, ''))
    .filter(Boolean);
}

/** The entries of `list` found in the words: single words as tokens, phrases as runs of tokens. */
function found(words: readonly string[], list: WordList): string[] {
  const joined = ` ${words.join(' ')} `;
  const set = new Set(words);
  return list.filter((entry) => (entry.includes(' ') ? joined.includes(` ${entry} `) : set.has(entry)));
}

const has = (words: readonly string[], list: WordList) => found(words, list).length > 0;

/** Plural subjects and pronouns that, followed by a verb, make a clause ("students rarely cite"). */
const SUBJECTS = new Set([
  'students',
  'learners',
  'children',
  'pupils',
  'kids',
  'teachers',
  'we',
  'they',
  'i',
  'els',
  'ells',
  'readers',
  'writers',
  'staff',
]);
const ADVERBS = new Set([
  'also',
  'often',
  'rarely',
  'still',
  'not',
  'only',
  'never',
  'always',
  'seldom',
  'sometimes',
]);
const VERBS = new Set([
  ...LEARNING_WORDS,
  ...OBSERVABLE_WORDS,
  'struggle',
  'lack',
  'rely',
  'score',
  'perform',
  'pass',
  'fail',
  'receive',
  'get',
  'make',
  'show',
  'find',
  'see',
  'want',
  'try',
  'tend',
  'avoid',
]);

function hasClause(words: readonly string[]): boolean {
  if (has(words, FINITE_MARKERS)) return true;
  for (let i = 0; i < words.length - 1; i++) {
    if (!SUBJECTS.has(words[i]!) && !words[i]!.endsWith('graders')) continue;
    let j = i + 1;
    while (j < words.length && ADVERBS.has(words[j]!)) j++;
    const next = words[j];
    if (next && !next.endsWith('ing') && (VERBS.has(next) || /[a-z]{3,}ed$/.test(next))) return true;
  }
  return false;
}

const IMPERATIVE_OPENERS = new Set([
  'increase',
  'improve',
  'raise',
  'develop',
  'build',
  'implement',
  'ensure',
]);

function formOf(text: string, words: readonly string[]): IpopCheck['form'] {
  if (text.includes('?')) return 'question';
  const opening = words.slice(0, 3).join(' ');
  if (TOPIC_OPENERS.some((o) => opening.startsWith(o))) return 'topic';
  if (QUESTION_OPENERS.some((o) => opening === o || opening.startsWith(`${o} `)) && hasClause(words))
    return 'question';
  if (IMPERATIVE_OPENERS.has(words[0] ?? '')) return 'statement';
  return hasClause(words) ? 'statement' : 'topic';
}

function questionVerdict(form: IpopCheck['form'], words: readonly string[]): CriterionVerdict {
  if (form === 'question') return { pass: true };
  if (form === 'topic') return { pass: false, advice: TOPIC_ADVICE };
  if (IMPERATIVE_OPENERS.has(words[0] ?? ''))
    return {
      pass: false,
      advice:
        'This states a goal; what question about student learning stands behind it (for example, "Why do students …?")',
    };
  return {
    pass: false,
    advice:
      'This is a statement; turn it into the question you will investigate (for example, "How do students …?" or "To what extent …?").',
  };
}

/** Students are the subject and something they learn or do is named near them. */
function studentLearningVerdict(words: readonly string[]): CriterionVerdict {
  const studentAt = words.flatMap((w, i) => (STUDENT_WORDS.includes(w) || w.endsWith('graders') ? [i] : []));
  if (has(words, ['english learners'])) studentAt.push(words.indexOf('learners'));
  if (!studentAt.length)
    return {
      pass: false,
      advice: 'It does not mention students; what should students understand or be able to do?',
    };
  const learning = new Set(LEARNING_WORDS);
  const near = studentAt.some((i) => words.slice(Math.max(0, i - 3), i + 9).some((w) => learning.has(w)));
  if (near) return { pass: true };
  return {
    pass: false,
    advice:
      'Students are mentioned, but not their learning: what should they understand, explain or be able to do?',
  };
}

function coreVerdict(words: readonly string[]): CriterionVerdict {
  const student = has(words, STUDENT_WORDS) || words.some((w) => w.endsWith('graders'));
  const teacher = has(words, TEACHER_WORDS);
  const content = has(words, CONTENT_WORDS);
  if (student && (teacher || content)) return { pass: true };
  const missing = [
    student ? null : 'the students',
    teacher ? null : 'what teachers do',
    content ? null : 'the content or task',
  ].filter((m): m is string => m !== null);
  return {
    pass: false,
    advice: `Place it in the instructional core: name ${missing.join(' and ')} (the core is teacher, student and content together).`,
  };
}

function observableVerdict(words: readonly string[]): CriterionVerdict {
  if (has(words, OBSERVABLE_WORDS)) return { pass: true };
  const inward = found(words, INWARD_WORDS);
  if (inward.length)
    return {
      pass: false,
      advice: `“${inward[0]}” cannot be seen in a classroom; what would students say, write or do that shows it?`,
    };
  return {
    pass: false,
    advice: 'Name something an observer could see or hear in a classroom: what students say, write or do.',
  };
}

function actionableVerdict(words: readonly string[]): CriterionVerdict {
  const outside = found(words, OUTSIDE_CONTROL_WORDS);
  if (outside.length)
    return {
      pass: false,
      advice: `“${outside[0]}” is outside the school's control; what happens in classrooms that the school can change?`,
    };
  const solution = found(words, SOLUTION_WORDS);
  if (solution.length)
    return {
      pass: false,
      advice: `This reads as a solution to install (“${solution[0]}”); what problem in student learning would it solve? Investigate that first.`,
    };
  if (has(words, STUDENT_WORDS) || has(words, TEACHER_WORDS)) return { pass: true };
  return {
    pass: false,
    advice: "Say where it plays out in the school's own classrooms, so the school can act on it.",
  };
}

/** A share or a count: "40%", "12 percent", "3 of 20", "half of our students". */
const DATA_PATTERN =
  /\d+(\.\d+)?\s*%|\b\d+\s+(of|out of)\s+\d+\b|\b\d+(\.\d+)?\s*(percent|per cent|out of|of (the |our )?students)\b|\b(half|a third|a quarter|two thirds)\b/i;

function groundedVerdict(text: string, words: readonly string[], sources?: string): CriterionVerdict {
  if (sources && sources.trim()) return { pass: true };
  if (DATA_PATTERN.test(text) || has(words, DATA_WORDS)) return { pass: true };
  return {
    pass: false,
    advice:
      'It does not say what data it rests on; add what you saw or measured (for example, "on the fall benchmark, 40% …" or "in our walkthroughs, few students …").',
  };
}

const IF_THEN = /\bif\b[^.?!]*\bthen\b/i;

function strategyVerdict(text: string, words: readonly string[], theoryOfAction?: string): CriterionVerdict {
  if (IF_THEN.test(text) || has(words, STRATEGY_WORDS)) return { pass: true };
  if (theoryOfAction && theoryOfAction.trim()) {
    if (IF_THEN.test(theoryOfAction)) return { pass: true };
    return {
      pass: false,
      advice:
        'Write the theory of action as its stem: If the principal …, then teachers will …, which will result in students ….',
    };
  }
  return {
    pass: false,
    advice:
      "Connect it to the school's strategy: add a theory of action — If the principal …, then teachers will …, which will result in students ….",
  };
}
