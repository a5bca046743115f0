// The words of judgment the evidence linter listens for, grouped by what they do to a note: they judge the
// practice (evaluative) or they read minds and causes into what was seen (inference). Written from how
// English expresses judgment in general — evaluative adjectives and adverbs, intensifiers, hedges,
// mental-state words, the modal 'should', comparisons to an ideal — not fitted to any collection of notes.
// Entries are lower case; an entry with spaces is a phrase matched word by word. Curly apostrophes are read
// as straight ones.

export type WordList = readonly string[];

/** A list written as running text: entries separated by commas, a phrase being words with spaces. */
export function words(text: string): WordList {
  return text
    .split(',')
    .map((entry) => entry.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** Judgments of quality: the observer grading what happened. */
export const EVALUATIVE_WORDS: WordList = [
  // adjectives of quality
  ...words(`
    good, great, excellent, outstanding, exceptional, exemplary, superb, superior, wonderful, amazing,
    awesome, fantastic, fabulous, terrific, impressive, remarkable, brilliant, beautiful, lovely, nice,
    perfect, ideal, best, worst, better, worse, bad, poor, weak, strong, terrible, awful, horrible,
    dreadful, mediocre, adequate, inadequate, sufficient, insufficient, appropriate, inappropriate,
    effective, ineffective, efficient, inefficient, successful, unsuccessful, engaging, meaningful,
    meaningless, purposeful, powerful, thoughtful, creative, innovative, dynamic, skilled, skillful,
    talented, competent, incompetent, high-quality, low-quality, clear, unclear, confusing, boring, dull,
    tedious, well-planned, well planned, well-paced, productive, unproductive, valuable, worthwhile, useful,
    useless, helpful, unhelpful, relevant, irrelevant, fun, exciting, interesting, smooth, seamless,
    problematic, concerning, unacceptable, acceptable, lacking, hard-working, hardworking, working hard,
    worked hard, work hard, unnecessary, unnecessarily, strategic, strategically, intentional, authentic,
    solid, vague, precise, imprecise, unsafe, crisp, knowledgeable, consistent, inconsistent, consistently,
    inconsistently, cohesive, coherent, incoherent, logical, illogical, improved, concern, concerns,
    success, than expected, as expected, seriously, constructive
  `),
  // the observer's liking and advice
  ...words(`
    i liked, i like, i loved, i love, i enjoyed, i appreciated, i appreciate, wow, kudos, consider,
    recommend, recommended, recommendation, needs, need more
  `),
  // pace, design and level of the work
  ...words(`
    slow, rushed, brisk, sluggish, lengthy, excessive, excessively, minimal, shallow, superficial,
    student-centered, teacher-centered, teacher-directed, higher-order, higher order, high-level,
    high level, low level, lower-level, low-level, age-appropriate, developmentally appropriate, aligned,
    misaligned, well-aligned, demanding, undemanding, cognitively, challenging, rigorous, rigor, rich,
    robust, thorough, thoroughly, repetitive, redundant, monotonous, optimal, suboptimal, high expectations,
    low expectations, hard, easy, difficult, simplistic, sophisticated
  `),
  // manner, tone and climate
  ...words(`
    sarcastic, sarcasm, harsh, harshly, stern, sternly, gentle, gently, kindly, friendly, unfriendly, warm,
    caring, supportive, welcoming, nurturing, patient, impatient, professional, unprofessional, passionate,
    lively, energetic, positive, negative, respectful, disrespectful, polite, rude, conducive, favors,
    favored, favoritism, fair, unfair
  `),
  // order and behaviour
  ...words(`
    chaotic, chaos, disorganized, organized, well-organized, well organized, well-managed, well managed,
    well-behaved, messy, mess, neat, tidy, orderly, disorderly, sloppy, careless, carelessly, lazy, lazily,
    disruptive, unruly, out of control, in control, under control, lost control, noisy, disaster
  `),
  // British spellings and phrasing of the words above
  ...words(`
    skilful, skilfully, organised, well-organised, disorganised, favours, favoured, favouritism,
    requires improvement, secure, probing, inspiring, uninspiring, inspired, afterthought
  `),
  // adverbs of quality
  ...words(`
    well, effectively, ineffectively, efficiently, appropriately, inappropriately, nicely, poorly,
    beautifully, successfully, skillfully, masterfully, brilliantly, wonderfully, properly, improperly,
    thoughtfully, creatively, unfortunately, fortunately, sadly, impressively, cooperatively,
    collaboratively, respectfully, disrespectfully, productively, purposefully, meaningfully, diligently,
    patiently, actively, passively
  `),
  // nouns and verbs that pass judgment
  ...words(`
    strength, strengths, weakness, weaknesses, lack of, lacked, lacks, failed to, fails to, failure,
    missed opportunity, missed opportunities, wasted, waste of time, misbehaved, misbehaving, misbehavior,
    needs improvement, area for growth, not enough, enough, excellence
  `),
  // the modal of the ideal: what ought to have happened instead of what did
  ...words(`
    should, should have, should've, shouldn't, should not, ought to, needs to, need to, needed to,
    could have, would, could've, would have been, would be better, next time
  `),
];

/**
 * Mental states, understanding and motives read into what was seen, plus hedges and causal links: the
 * observer's interpretation rather than what a camera would record.
 */
export const INFERENCE_WORDS: WordList = [
  // feelings and dispositions
  ...words(`
    keen, lost interest, losing interest,
    bored, boredom, confused, confusion, frustrated, frustration, excited, excitement, interested,
    uninterested, disinterested, enjoyed, enjoying, enjoy, enjoys, loved, liked, happy, unhappy, sad, upset,
    angry, anxious, nervous, comfortable, uncomfortable, confident, unsure, curious, motivated, unmotivated,
    eager, enthusiastic, enthusiasm, focused, unfocused, distracted, attentive, inattentive, restless,
    tired, sleepy, clueless, overwhelmed, proud, invested, engaged, disengaged, engagement, willing,
    unwilling, reluctant, hesitant, struggled, struggling, struggle, respect, respects, respected,
    care about, cares about, cared about, ownership, mindset, joy, joyful, flustered, embarrassed, ashamed,
    scared, afraid, fearful, worried, stressed, relaxed, satisfied, pleased, disappointed, annoyed,
    irritated, uneasy, shy, timid, relieved, surprised, puzzled, perplexed, apathetic, indifferent, passive,
    compliant, defiant, lonely, hurt, offended, lethargic, alert, determined, persevered, persevering,
    persistent, resilient, dependent on, rely on, relies on, relied on, motivation, confidence, effort,
    on task, on-task, off task, off-task, challenged, unchallenged, love, loves, enthusiastically, eagerly,
    happily, confidently, reluctantly, willingly, excitedly, attentively, carefully
  `),
  // understanding and knowledge
  ...words(`
    understood, understand, understands, misunderstood, knew, know, knows, learned, grasped, grasp,
    mastered, mastery, comprehend, comprehended, realized, aware, unaware, able to, capable, incapable,
    capable of, got it, get it, gets it, paying attention, pay attention, paid attention, deeply,
    deep thinking, critical thinking, rapport, unable to, thinks, believe, believes, believed, assume,
    assumes, assumed, expects, hope, hoped, hopes, wondered, remembered, forgot, forgotten, figured out,
    made sense, makes sense, knowledge, smart, intelligent, bright, behind, high-achieving, low-achieving
  `),
  // intentions and motives
  ...words(`
    wanted to, wanted, want to, wants, wants to, tried to, ignored, pretended, deliberately, intentionally,
    purposely, on purpose, in order to, because, since they, due to, trying to, try to, intended, intends,
    meant to, in an effort to, in an attempt to
  `),
  // hedges and the observer's own view
  ...words(`
    seemed, seems, seem, seemingly, appeared, appears, appear, apparently, looked like, looks like,
    look like, as if, as though, probably, likely, unlikely, perhaps, maybe, might, may have, must have,
    must be, clearly, obviously, evidently, evident, i think, i thought, i feel, i felt, i believe,
    in my opinion, felt, feel, feels, genuine, genuinely, obvious, a lot, lots of
  `),
  // conclusions drawn from what was seen
  ...words(`
    shows that, showed that, showing that, demonstrated that, demonstrating that,
    demonstrated understanding, indicating that, indicates that, suggests that, suggesting that,
    evidence of
  `),
];

/**
 * Verbs of mind: each is read in all its regular forms ("realize", "realizes", "realized", "realizing");
 * the irregular ones ("understood", "felt", "forgot") are listed above.
 */
export const MIND_VERBS: WordList = words(`
  realize, realise, understand, misunderstand, believe, assume, expect, hope, want, wish, enjoy, love, hate, dislike,
  prefer, fear, worry, struggle, intend, guess, pretend, ignore, forget, remember, grasp, master,
  comprehend, appreciate, feel, seem, appear, care, wonder, hesitate, resent, panic
`);

/**
 * Idioms of judgment and of mind-reading that no single word above gives away ("zoned out", "spot on").
 * Each is [phrase, 'inference' | 'evaluative'].
 */
export const IDIOMS: ReadonlyArray<readonly [string, 'inference' | 'evaluative']> = [
  ['zoned out', 'inference'],
  ['zoning out', 'inference'],
  ['spaced out', 'inference'],
  ['tuned out', 'inference'],
  ['showing off', 'inference'],
  ['showed off', 'inference'],
  ['show off', 'inference'],
  ['goofing off', 'inference'],
  ['goofing around', 'inference'],
  ['messing around', 'inference'],
  ['fooling around', 'inference'],
  ['horsing around', 'inference'],
  ['on autopilot', 'inference'],
  ['over their heads', 'inference'],
  ['over his head', 'inference'],
  ['over her head', 'inference'],
  ['went over', 'inference'],
  ['off track', 'inference'],
  ['spot on', 'evaluative'],
  ['on point', 'evaluative'],
  ['nailed it', 'evaluative'],
  ['nailed', 'evaluative'],
  ['hit the mark', 'evaluative'],
  ['missed the mark', 'evaluative'],
  ['fell flat', 'evaluative'],
  ['busywork', 'evaluative'],
  ['busy work', 'evaluative'],
  ['a model of', 'evaluative'],
  ['model lesson', 'evaluative'],
  ['textbook example', 'evaluative'],
  ['gold standard', 'evaluative'],
  ['top-notch', 'evaluative'],
  ['first-rate', 'evaluative'],
  ['subpar', 'evaluative'],
  ['below par', 'evaluative'],
  ['up to par', 'evaluative'],
  ['a delight', 'evaluative'],
  ['delightful', 'evaluative'],
  ['a pleasure', 'evaluative'],
  ['all over the place', 'evaluative'],
  ['out of hand', 'evaluative'],
  ['off the charts', 'evaluative'],
  ['hit or miss', 'evaluative'],
  // only before 'more', 'better' or a comparative (see the linter): passives ('could be answered') describe
  ['could be', 'evaluative'],
  ['could use', 'evaluative'],
  ['room for growth', 'evaluative'],
  ['room for improvement', 'evaluative'],
];

/**
 * Words of degree: with the word after them they turn a description into a judgment ("very loud",
 * "too long", "highly engaged"). 'too' counts only before another word ("me too." is not a judgment).
 */
export const INTENSIFIERS: WordList = words(`
  very, really, extremely, highly, incredibly, super, quite, truly, overly, exceptionally, remarkably,
  especially, fairly, somewhat, pretty, too, so much, so many
`);
