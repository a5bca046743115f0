// The network's world in its own words: a Network of Schools works through inquiry Cycles of 8 Steps on an
// IPOP, visits classrooms with a Protocol of LookFors, gathers Evidence, files mail and docs (Filings),
// and buffers central-office Mandates with the ILD's Translations and Rules. Every record that crosses a
// boundary has one valibot schema here; its TypeScript type is inferred from that schema.
import * as v from 'valibot';
import { TIERS } from './mandates/types';
import { text } from './schema/fields';

const id = v.pipe(
  v.string(),
  v.minLength(1, 'an id cannot be empty'),
  v.maxLength(200, 'an id is at most 200 characters'),
);
const isoDate = v.pipe(v.string(), v.isoDate('a date is written YYYY-MM-DD'));
const isoTimestamp = v.pipe(v.string(), v.isoTimestamp('a time is an ISO timestamp'));

/** Connect builds the community; Lead works a common problem; Succeed works each leader's own. */
export const PHASES = ['connect', 'lead', 'succeed'] as const;
export type Phase = (typeof PHASES)[number];

/** The 8 steps of the inquiry cycle. Networks may rename them; the numbers and order stay. */
export const STEP_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type StepNumber = (typeof STEP_NUMBERS)[number];

export const DEFAULT_STEP_LABELS: Readonly<Record<StepNumber, string>> = {
  1: 'Identify the problem of practice',
  2: 'Initial study of research',
  3: 'Analyze individual school data',
  4: 'Examine practice at the school level',
  5: "Overview of one leader's challenge",
  6: 'School visit',
  7: 'Collaborative action planning and execution',
  8: 'Celebration and feedback',
};

export const SchoolLevelSchema = v.picklist([
  'elementary',
  'middle',
  'high',
  'k8',
  'secondary',
  'early_childhood',
]);

export const StepSchema = v.object({
  number: v.picklist(STEP_NUMBERS),
  label: v.pipe(text(120), v.minLength(1, 'a step needs a label')),
  folderId: v.optional(id),
});
export type Step = v.InferOutput<typeof StepSchema>;

export const SchoolSchema = v.object({
  id,
  name: v.pipe(text(200), v.minLength(1, 'a school needs a name')),
  level: v.optional(SchoolLevelSchema),
  principal: v.optional(text(200)),
  principalEmail: v.optional(v.pipe(v.string(), v.email('not an email address'))),
});
export type School = v.InferOutput<typeof SchoolSchema>;

export const NetworkSchema = v.object({
  id,
  name: v.pipe(text(200), v.minLength(1, 'a network needs a name')),
  /** The Drive folder the network already keeps; Rounds adopts it, never moves it. */
  rootFolderId: id,
  spreadsheetId: v.optional(id),
  ildEmail: v.optional(v.pipe(v.string(), v.email('not an email address'))),
  /** Renamed step labels; any step not listed keeps its default label. */
  stepLabels: v.optional(v.record(v.picklist(['1', '2', '3', '4', '5', '6', '7', '8']), text(120))),
});
export type Network = v.InferOutput<typeof NetworkSchema>;

/** A theory of action: If the principal ___, then teachers will ___, which will result in students ___. */
export const TheoryOfActionSchema = v.object({
  principal: text(500),
  teachers: text(500),
  students: text(500),
});

export const IpopSchema = v.object({
  id,
  /** Worded as a question about student learning. */
  question: v.pipe(text(1000), v.minLength(1, 'an IPOP needs its question')),
  schoolId: v.optional(id),
  theoryOfAction: v.optional(TheoryOfActionSchema),
  /** The data it is grounded in, in the network's words. */
  grounding: v.optional(text(2000)),
});
export type Ipop = v.InferOutput<typeof IpopSchema>;

export const CycleSchema = v.object({
  id,
  name: v.pipe(text(200), v.minLength(1, 'a cycle needs a name')),
  phase: v.picklist(PHASES, 'the phase is connect, lead or succeed'),
  /** Lead works one common problem across the network; Succeed, each leader's individual one. */
  problem: v.picklist(['common', 'individual'], 'the problem is common or individual'),
  schoolId: v.optional(id),
  ipopId: v.optional(id),
  currentStep: v.picklist(STEP_NUMBERS, 'the step is a number from 1 to 8'),
  steps: v.pipe(v.array(StepSchema), v.maxLength(8)),
  folderId: v.optional(id),
  startedOn: v.optional(isoDate),
});
export type Cycle = v.InferOutput<typeof CycleSchema>;

/** A look-for: one of the few focused things the host principal asks observers to watch for. */
export const LookForSchema = v.object({
  id,
  text: v.pipe(text(300), v.minLength(1, 'a look-for needs words')),
});
export type LookFor = v.InferOutput<typeof LookForSchema>;

export const ProtocolSchema = v.object({
  id,
  cycleId: v.optional(id),
  /** A few, not a long list: a long list defeats the purpose of a focused walkthrough. */
  lookFors: v.pipe(
    v.array(LookForSchema),
    v.minLength(1, 'a protocol needs a look-for'),
    v.maxLength(6, 'keep a protocol to six look-fors or fewer'),
  ),
});
export type Protocol = v.InferOutput<typeof ProtocolSchema>;

/** A school visit; classrooms are labelled by visit and room number, never by teacher name. */
export const VisitSchema = v.object({
  id,
  number: v.pipe(v.number(), v.integer(), v.minValue(1)),
  hostSchoolId: id,
  cycleId: v.optional(id),
  protocolId: v.optional(id),
  date: v.optional(isoDate),
});
export type Visit = v.InferOutput<typeof VisitSchema>;

export const EvidenceSchema = v.object({
  id,
  visitId: id,
  /** "Room 2", "Classroom B": de-identified by default. */
  classroom: text(60),
  lookForId: v.optional(id),
  text: v.pipe(text(4000), v.minLength(1, 'evidence needs words')),
  observer: v.optional(text(200)),
  recordedAt: v.optional(isoTimestamp),
});
export type Evidence = v.InferOutput<typeof EvidenceSchema>;

export const FilingSchema = v.object({
  id,
  kind: v.picklist(['email', 'doc'], 'a filing is an email or a doc'),
  cycleId: id,
  step: v.picklist(STEP_NUMBERS),
  title: text(500),
  /** Gmail message id (hex) or Docs file id: with the kind, the idempotency key. */
  sourceId: id,
  from: v.optional(text(320)),
  driveFileId: v.optional(id),
  filedAt: isoTimestamp,
  filedBy: v.optional(text(320)),
});
export type Filing = v.InferOutput<typeof FilingSchema>;

export const TierSchema = v.picklist(TIERS, 'the tier is must_do, action, fyi or not_for_principals');

/** A central-office message as Rounds remembers it, keyed by its Message-ID header (same for every recipient). */
export const MandateSchema = v.object({
  messageId: id,
  subject: text(1000),
  from: v.optional(text(320)),
  receivedAt: v.optional(isoTimestamp),
  tier: TierSchema,
  firstDue: v.optional(isoDate),
});
export type Mandate = v.InferOutput<typeof MandateSchema>;

/** The ILD's re-framing of a mandate: what this means for you, what to do, by when, skip if. */
export const TranslationSchema = v.object({
  messageId: id,
  tier: TierSchema,
  meaning: text(2000),
  todo: text(2000),
  byWhen: v.optional(isoDate),
  skipIf: v.optional(text(1000)),
  translatedBy: v.optional(text(320)),
  translatedAt: isoTimestamp,
});
export type Translation = v.InferOutput<typeof TranslationSchema>;

/** A correction turned into a rule: by sender, department or phrase, to a tier. Plain data. */
export const RuleSchema = v.pipe(
  v.object({
    id,
    match: v.object({
      sender: v.optional(text(320)),
      department: v.optional(text(200)),
      phrase: v.optional(text(300)),
    }),
    tier: TierSchema,
    note: v.optional(text(500)),
  }),
  v.check(
    (rule) => Boolean(rule.match.sender || rule.match.department || rule.match.phrase),
    'a rule needs a sender, department or phrase to match',
  ),
);
export type Rule = v.InferOutput<typeof RuleSchema>;

/** The step's label in this network: its renamed label if it has one, else the default. */
export function stepLabel(network: Pick<Network, 'stepLabels'>, step: StepNumber): string {
  return network.stepLabels?.[String(step) as `${StepNumber}`] ?? DEFAULT_STEP_LABELS[step];
}
