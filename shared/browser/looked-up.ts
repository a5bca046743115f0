// What the worker learned about the open email or Doc for the panel: the message as Gmail's original
// gives it (what will be filed: subject, sender, date, each attachment) and whether anyone in the network
// filed it already (from the Filings tab), kept in session storage under `looked-up:<source id>`.
import * as v from 'valibot';
import { AlreadyFiledSchema } from '../filing/filing-job';

export const lookedUpKey = (sourceId: string) => `looked-up:${sourceId}`;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** The filing found in the Filings tab: the Filer's own already-filed result, without its status. */
export const PriorSchema = v.omit(AlreadyFiledSchema, ['status']);
export type Prior = v.InferOutput<typeof PriorSchema>;

export const LookedUpSchema = v.variant('state', [
  v.object({ state: v.literal('looking') }),
  v.object({ state: v.literal('failed'), problem: text(2000) }),
  v.object({
    state: v.literal('found'),
    /** Emails: the RFC 5322 Message-ID; absent for Docs. */
    messageId: v.optional(text(600)),
    subject: text(2000),
    from: text(1000),
    date: text(100),
    attachments: v.array(v.object({ name: text(500), size: v.number() })),
    prior: v.optional(PriorSchema),
  }),
]);
export type LookedUp = v.InferOutput<typeof LookedUpSchema>;

export function readLookedUp(input: unknown): LookedUp | undefined {
  const parsed = v.safeParse(LookedUpSchema, input);
  return parsed.success ? parsed.output : undefined;
}
