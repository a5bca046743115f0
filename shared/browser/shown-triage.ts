// The part of a mandate triage the side panel shows, as the worker sends it: the engine runs in the
// worker so the panel's script stays small and opens fast, and the panel checks what arrives.
import * as v from 'valibot';
import { TIERS } from '../mandates/types';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const tier = v.picklist(TIERS);

export const ShownTriageSchema = v.object({
  tier,
  confidence: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  check: v.optional(v.literal(true)),
  checkReason: v.optional(text(2000)),
  deadlines: v.array(
    v.object({
      date: v.optional(text(10)),
      monthDay: text(5),
      kind: v.picklist(['due', 'event', 'window_start', 'window_end', 'recurring']),
      text: text(2000),
    }),
  ),
  actions: v.array(text(2000)),
  items: v.optional(v.array(v.object({ id: text(200), tier, title: text(2000) }))),
  reasons: v.array(v.object({ rule: text(200), explanation: text(2000), matched: v.array(text(2000)) })),
});
export type ShownTriage = v.InferOutput<typeof ShownTriageSchema>;

/** The triage, or a sentence saying what was wrong with it. */
export function checkShownTriage(
  input: unknown,
): { ok: true; triage: ShownTriage } | { ok: false; problem: string } {
  const parsed = v.safeParse(ShownTriageSchema, input);
  if (parsed.success) return { ok: true, triage: parsed.output };
  const issue = parsed.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return {
    ok: false,
    problem: `The triage Rounds worked out could not be shown (${where}: ${issue.message}).`,
  };
}
