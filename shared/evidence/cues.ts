// The grammar the evidence linter reads a note by, apart from the words of judgment (lexicon.ts): whose words
// these are (speech verbs, transcript labels, posted text), and the few places where a judging word only
// describes ("engaged in partner talk", "negative numbers", "T prepared the cards").
import { words, type WordList } from './lexicon';

/**
 * Verbs that report speech: what follows them, to the end of the clause, is what someone said, which is
 * evidence ("T said great job"), not the observer's judgment.
 */
export const SPEECH_VERBS: WordList = words(`
  said, saying, says, stated, exclaimed, shouted, yelled, whispered, remarked, commented, announced,
  called out
`);

/**
 * Verbs that report speech only when 'that' or a colon follows ("replied that …"); otherwise what follows
 * them is the observer's ("responded warmly and effectively"). Nouns of the same spelling ("answers") are
 * left out.
 */
export const RESPONSE_VERBS: WordList = words(`
  replied, responded, answered, explained, explaining, repeated, noted, noting, added, adding, admitted,
  admitting, claimed, claiming, insisted, mentioned, mentioning, shared, sharing, agreed, argued, arguing
`);

/** Verbs that report speech once someone has been named: "told the class …", "asked S3 why …". */
export const TELLING_VERBS: WordList = ['told', 'tells', 'asked', 'asks', 'reminded', 'reminds'];

/**
 * Verbs whose content follows a question word or 'that': "discussed what might happen next", "predicted
 * whether it would sink", "wrote why they agreed" report what students thought about, not the observer's view.
 */
export const CONTENT_VERBS: WordList = words(`
  discussed, discuss, discussing, debated, predicted, predict, predicting, described, wrote, writes,
  decided, talked about, argued about, brainstormed, listed, recorded, considered, wondered aloud
`);

/** Words that open a reported question after 'asked': "asked if …", "asked students what …". */
export const QUESTION_WORDS: WordList = words(`
  if, whether, what, why, how, who, when, where, which, that
`);

const ENGAGE_ACTION = ['in', 'with'];
const MATH_AFTER_SIGN = [
  'number',
  'numbers',
  'integer',
  'integers',
  'and',
  'or',
  'slope',
  'value',
  'values',
  'sign',
  'signs',
  'exponent',
  'exponents',
  'fraction',
  'fractions',
  'decimal',
  'decimals',
  'direction',
  'charge',
  'charges',
  'ions',
];

/**
 * Judging words that name an action or a quantity instead when one of these follows them: "engaged in
 * partner talk" is what students did (while "students were engaged" reads their minds), "organized into
 * groups" is an arrangement, "negative numbers" is mathematics.
 */
export const DESCRIBES_WHEN_FOLLOWED_BY: Readonly<Record<string, WordList>> = {
  engaged: ENGAGE_ACTION,
  engaging: ENGAGE_ACTION,
  engage: ENGAGE_ACTION,
  engages: ENGAGE_ACTION,
  organized: ['into', 'in', 'by', 'around', 'as', 'the', 'their', 'materials'],
  positive: MATH_AFTER_SIGN,
  negative: MATH_AFTER_SIGN,
  solid: [
    'shape',
    'shapes',
    'figure',
    'figures',
    'state',
    'states',
    'line',
    'lines',
    'and',
    'or',
    'liquid',
    'matter',
    'object',
    'objects',
    'color',
    'colors',
  ],
  success: ['criteria', 'criterion'],
  // "The mini-lesson focused on fractions" is its topic; "students were focused on …" reads their minds.
  focused: ['on'],
};

/** Of the words above, those that read a mind again after 'be' or a verb like it: "stayed focused on". */
export const STATE_AFTER_BE: WordList = ['focused'];
export const BE_LIKE: WordList = ['stayed', 'remained', 'seemed', 'appeared', 'looked', 'felt'];

/**
 * Words that judge only as the complement of 'be' ("the lesson was well structured", "students were not
 * prepared") and describe as verbs ("T prepared the cards", "T structured the groups").
 */
export const JUDGING_AFTER_BE: WordList = words(`
  prepared, unprepared, organized, structured, unstructured, differentiated, scaffolded, planned, paced
`);
export const FORMS_OF_BE: WordList = words(`
  is, was, were, are, be, been, being, isn't, wasn't, weren't, aren't
`);

/**
 * Verbs of appearance: followed by an adjective they read a state into a face ("looked vacant",
 * "sounded annoyed"); followed by one of LOOKING_AT they describe where someone looked.
 */
export const APPEARANCE_VERBS: WordList = ['looked', 'look', 'looks', 'looking', 'sounded'];
export const LOOKING_AT: WordList = words(`
  at, up, down, around, over, for, through, back, away, out, into, toward, towards, to, on, in, across,
  under, ahead, off, from, the, a, an, his, her, their, each, and, as, like
`);

/** Words that introduce text posted or handed out (sentence frames, stems): what follows is quoted. */
export const POSTED_TEXT = /\b(?:frames?|starters?|stems?|prompts?|reads?|posted)\s*:/gi;

/** Labels that open a line of transcript ("T: …", "S2: …"): the rest of the line is someone's words. */
export const SPEAKER_LABEL = /^\s*(?:t|tch|teacher|s\d*|ss|sts?|st\d+|student\s*\d*|students)\s*:/i;
