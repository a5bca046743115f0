// The messages the extension's parts send each other (content script ↔ worker ↔ side panel), validated on
// arrival: a message from an older or damaged sender is refused with a reason, never half-handled.
import * as v from 'valibot';
import { describeIssues } from '../schema/issues';
import { SeenPageSchema, type Checked } from './seen-page';

/**
 * Every message carries this version. After an update, a tab can still run the old content script until
 * it is reloaded; a message from a different version is refused with a reason instead of misread.
 */
export const MESSAGE_VERSION = 1;

/** A message as it travels: the message itself plus the version of Rounds that sent it. */
export const stamped = <T extends object>(message: T): T & { v: typeof MESSAGE_VERSION } => ({
  ...message,
  v: MESSAGE_VERSION,
});

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
  const version = typeof input === 'object' && input !== null ? (input as { v?: unknown }).v : undefined;
  if (version !== MESSAGE_VERSION) {
    return {
      ok: false,
      problem: `a ${what} from a different version of Rounds (${JSON.stringify(version ?? null)}, this is ${MESSAGE_VERSION}): reload the page`,
    };
  }
  const parsed = v.safeParse(schema, input);
  if (parsed.success) return { ok: true, value: parsed.output };
  return {
    ok: false,
    problem: `not a Rounds ${what}: ${describeIssues(parsed.issues, 1) || 'unknown shape'}`,
  };
}

export const checkToWorker = (input: unknown) => check(ToWorkerSchema, input, 'message for the worker');
export const checkToContent = (input: unknown) => check(ToContentSchema, input, 'message for the page');
