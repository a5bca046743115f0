// The IPOP checker's signals beyond who and what: words that ground a problem in data, tie it to a strategy,
// put it outside a school's control, install a solution instead of asking, or mark a bare topic. Written
// from how problems of practice are worded in English, not fitted to any collection.
import type { WordList } from './lexicon';

/** Sources of data a problem can be grounded in (numbers are recognised separately). */
export const DATA_WORDS: WordList = [
  'data',
  'assessment',
  'assessments',
  'test',
  'tests',
  'tested',
  'scores',
  'scoring',
  'scored',
  'results',
  'survey',
  'surveys',
  'benchmark',
  'benchmarks',
  'grades',
  'rubric',
  'proficient',
  'proficiency',
  'percent',
  'percentage',
  'observed',
  'observations',
  'walkthrough',
  'walkthroughs',
  'learning walks',
  'student work',
  'work samples',
  'exit tickets',
  'we noticed',
  'we saw',
  'we found',
  'shows that',
  'show that',
  'as measured by',
  'measured',
  'only half',
  'most students',
  'few students',
  'many students',
  'some students',
  'none of',
  'rarely',
  'consistently',
];

/** A theory of action, or a tie to a wider plan: what makes the problem part of a strategy. */
export const STRATEGY_WORDS: WordList = [
  'theory of action',
  'strategy',
  'strategic',
  'school improvement plan',
  'improvement plan',
  'priority',
  'priorities',
  'goal',
  'goals',
  'initiative',
  'aligned',
  'which will result',
  'will result in',
  'so that',
  'in order to',
];

/** Causes outside a school's reach: a problem resting on these cannot be acted on in classrooms. */
export const OUTSIDE_CONTROL_WORDS: WordList = [
  'parents',
  'parent',
  'families',
  'home',
  'poverty',
  'socioeconomic',
  'funding',
  'budget',
  'legislature',
  'lack of support at home',
  'neighborhood',
  'neighbourhood',
];

/** Wording that installs a fix rather than investigating a problem. */
export const SOLUTION_WORDS: WordList = [
  'implement',
  'implementing',
  'implementation',
  'adopt',
  'adopting',
  'roll out',
  'rolled out',
  'purchase',
  'buy',
  'install',
  'introduce',
  'increase the number',
  'increase',
  'should allow',
  'should provide',
  'we will use',
  'we need to',
  'program',
  'programme',
];

/** Openings that name an area of interest rather than a problem: "how to…", "ways to…", "strategies for…". */
export const TOPIC_OPENERS: WordList = [
  'how to',
  'ways to',
  'ways of',
  'strategies for',
  'strategies to',
  'tips for',
];
