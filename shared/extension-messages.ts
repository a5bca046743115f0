// The messages the extension's parts send each other (content script ↔ worker ↔ side panel), validated on
// arrival: a message from an older or damaged sender is refused with a reason, never half-handled.
import * as v from 'valibot';
import { SeenPageSchema, type Checked } from './seen-page';

export const ToWorkerSchema = v.variant('type', [
  /** A content script read its page. */
  v.object({ type: v.literal('page-seen'), page: SeenPageSchema }),
  /** The user clicked Rounds' button on the page (a user gesture the worker needs to open the panel). */
  v.object({ type: v.literal('open-panel') }),
]);
export type ToWorker = v.InferOutput<typeof ToWorkerSchema>;

export const ToContentSchema = v.variant('type', [
  /** The side panel asks the page to read itself again (after the user expanded messages, say). */
  v.object({ type: v.literal('read-again') }),
]);
export type ToContent = v.InferOutput<typeof ToContentSchema>;

export const ReplySchema = v.variant('ok', [
  v.object({ ok: v.literal(true) }),
  v.object({ ok: v.literal(false), problem: v.string() }),
]);
export type Reply = v.InferOutput<typeof ReplySchema>;

function check<T>(schema: v.GenericSchema<unknown, T>, input: unknown, what: string): Checked<T> {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return { ok: true, value: parsed.output };
  return { ok: false, problem: `not a Rounds ${what}: ${parsed.issues[0]?.message ?? 'unknown shape'}` };
}

export const checkToWorker = (input: unknown) => check(ToWorkerSchema, input, 'message for the worker');
export const checkToContent = (input: unknown) => check(ToContentSchema, input, 'message for the page');
