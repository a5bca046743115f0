// What the side panel's mandate views and the worker say to each other: the open central-office email as
// triaged with the network's rules (and its ILD translation, keyed by Message-ID), the Gmail list's first
// guesses, a correction's preview, and the week's digest. The worker builds these with shared/ code; the
// panel checks what arrives, so a record from another version is named, never half-shown.
import * as v from 'valibot';
import { TIERS } from '../mandates/types';
import { describeIssues } from '../schema/issues';
import { ShownTriageSchema } from './shown-triage';
import { TranslationDraftSchema } from './mandate-commands';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const tier = v.picklist(TIERS);
const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD'));

export const ShownTranslationSchema = v.object({
  ...TranslationDraftSchema.entries,
  translatedBy: v.optional(text(320)),
  translatedAt: v.optional(text(40)),
});
export type ShownTranslation = v.InferOutput<typeof ShownTranslationSchema>;

/** Who the signed-in member is in the network's Members tab: only ILDs see the translation editor. */
export const ROLES = ['ild', 'principal', 'member'] as const;

const AskSchema = v.object({ title: text(1000), sent: v.optional(text(10)) });

/** Whether this member shares the central-office mail they open with the network (the Mandates tab). */
export const SharingStateSchema = v.object({
  /** Absent until the member chooses. */
  choice: v.optional(v.picklist(['share', 'keep'])),
  /** Copies waiting to be written to the Mandates tab. */
  waiting: v.number(),
  /** Why the last write failed, until one succeeds. */
  problem: v.optional(text(1000)),
});
export type SharingState = v.InferOutput<typeof SharingStateSchema>;

export const ShownMandateSchema = v.variant('state', [
  /** The open email is not from the central office as the network's Settings tab describes it. */
  v.object({
    state: v.literal('not-central'),
    from: text(1000),
    why: text(1000),
    problems: v.array(text(1000)),
  }),
  v.object({
    state: v.literal('mandate'),
    gmailMessageId: text(16),
    messageId: v.optional(text(600)),
    subject: text(2000),
    from: text(1000),
    /** The sender's address and name, offered as the correction's "sender" and "department". */
    sender: v.object({ address: text(320), name: text(300) }),
    triage: ShownTriageSchema,
    translation: v.optional(ShownTranslationSchema),
    role: v.picklist(ROLES),
    repeatOf: v.optional(AskSchema),
    askedAgain: v.optional(v.array(AskSchema)),
    sharing: SharingStateSchema,
    /** Rules or settings rows that could not be read, each named (tab, row, column) and skipped. */
    problems: v.array(text(1000)),
  }),
]);
export type ShownMandate = v.InferOutput<typeof ShownMandateSchema>;

/** One row of Gmail's list, triaged from its subject and snippet only: a first guess until it is opened. */
export const ListedMandateSchema = v.object({
  threadId: text(16),
  subject: text(1000),
  snippet: text(1000),
  from: text(320),
  date: v.optional(text(40)),
  tier,
  check: v.optional(v.literal(true)),
  why: text(2000),
  firstDate: v.optional(text(10)),
  /** Opened in this browser: the tier is the email's full triage, not a guess from the snippet. */
  opened: v.optional(v.literal(true)),
});
export type ListedMandate = v.InferOutput<typeof ListedMandateSchema>;

export const ShownListSchema = v.object({
  rows: v.array(ListedMandateSchema),
  /** Rows left out as not from the central office. */
  notCentral: v.number(),
  problems: v.array(text(1000)),
});
export type ShownList = v.InferOutput<typeof ShownListSchema>;

export const RulePreviewSchema = v.object({
  /** How many messages Rounds has seen that the preview looked at. */
  looked: v.number(),
  changes: v.array(v.object({ title: text(1000), from: text(1000), before: tier, after: tier })),
});
export type RulePreview = v.InferOutput<typeof RulePreviewSchema>;

export const ShownDigestSchema = v.object({
  from: day,
  to: day,
  entries: v.array(
    v.object({
      title: text(1000),
      from: v.optional(text(1000)),
      tier,
      dates: v.array(v.object({ date: day, kind: text(20), text: text(2000) })),
      actions: v.array(text(2000)),
      flags: v.array(v.object({ kind: text(20), text: text(2000) })),
      /** What the entry shows of the ILD's translation (its what-to-do and by-when are the entry's own). */
      translation: v.optional(
        v.object({
          meaning: text(2000),
          effortMinutes: v.optional(v.number()),
          ipop: v.optional(text(2000)),
          skipIf: v.optional(text(2000)),
          translatedBy: v.optional(text(320)),
        }),
      ),
    }),
  ),
  forOthers: v.number(),
  seen: v.number(),
  /** The ILD's summary from the tracker: the next network meeting, the week's visits, what to celebrate. */
  summary: v.object({
    nextMeeting: v.optional(v.object({ date: day, title: text(1000), where: v.optional(text(1000)) })),
    visits: v.array(v.object({ date: day, line: text(1000) })),
    spotlight: v.array(v.object({ date: day, line: text(2000) })),
  }),
  /** For the network's ILDs: asks several members received (their shared copies in the Mandates tab). */
  networkAsks: v.optional(
    v.array(
      v.object({
        subject: text(2000),
        seenBy: v.number(),
        departments: v.number(),
        messages: v.array(
          v.object({
            subject: text(2000),
            department: v.optional(text(1000)),
            sent: v.optional(text(10)),
            relation: v.picklist(['first', 'reminder', 'extension', 'another_department']),
            seenBy: v.number(),
          }),
        ),
      }),
    ),
  ),
  /** Members who share their mail (for the ILD: how complete the network view is). */
  sharingMembers: v.optional(v.number()),
  /** Tracker or Mandates rows that could not be read, named. */
  problems: v.array(text(1000)),
  html: text(2_000_000),
  text: text(2_000_000),
});
export type ShownDigest = v.InferOutput<typeof ShownDigestSchema>;

/** The worker's answer, checked; a sentence naming what was wrong when it does not fit. */
export function checkReply<T>(
  schema: v.GenericSchema<unknown, T>,
  input: unknown,
): { ok: true; value: T } | { ok: false; problem: string } {
  const parsed = v.safeParse(schema, input);
  return parsed.success
    ? { ok: true, value: parsed.output }
    : {
        ok: false,
        problem: `Rounds' worker sent something the panel cannot show (${describeIssues(parsed.issues, 1)}).`,
      };
}
