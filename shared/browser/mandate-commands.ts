// What the panel asks of the worker about central-office mail: a correction (a rule) and an ILD's
// translation. Kept apart from the answers' shapes (mandate-panel.ts) because every content script checks
// panel commands' schema too and must stay small.
import * as v from 'valibot';
import { TIERS } from '../mandates/types';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const tier = v.picklist(TIERS);

/** A correction as the user makes it: one of sender, department or phrase (or more) means this tier. */
export const RuleDraftSchema = v.pipe(
  v.object({
    match: v.object({
      sender: v.optional(text(320)),
      department: v.optional(text(300)),
      phrase: v.optional(text(300)),
    }),
    tier,
    note: v.optional(text(500)),
  }),
  v.check(
    (r) => [r.match.sender, r.match.department, r.match.phrase].some((m) => (m ?? '').trim() !== ''),
    'a rule names a sender, a department or a phrase',
  ),
);
export type RuleDraft = v.InferOutput<typeof RuleDraftSchema>;

/** What the ILD writes about one mandate; who wrote it and when are added by the worker. */
export const TranslationDraftSchema = v.object({
  messageId: v.pipe(text(600), v.minLength(1, 'the email has no Message-ID')),
  subject: v.optional(text(1000)),
  meaning: v.pipe(v.string(), v.trim(), v.minLength(1, 'say what this means'), v.maxLength(2000)),
  todo: v.pipe(v.string(), v.trim(), v.maxLength(2000)),
  byWhen: v.optional(text(100)),
  effortMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10_000))),
  ipop: v.optional(text(2000)),
  skipIf: v.optional(text(2000)),
  tier: v.optional(tier),
});
export type TranslationDraft = v.InferOutput<typeof TranslationDraftSchema>;
