// The messages the extension's parts send each other (content script ↔ worker ↔ side panel), validated on
// arrival: a message from an older or damaged sender is refused with a reason, never half-handled.
import * as v from 'valibot';
import { describeIssues } from '../schema/issues';
import { SeenPageSchema, type Checked } from './seen-page';
import { PanelCommandSchema } from './panel-commands';

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
  // From the side panel (not a tab): the worker does the Google work, the panel watches storage.
  v.object({ type: v.literal('sign-in') }),
  v.object({ type: v.literal('sign-out') }),
  v.object({ type: v.literal('panel-command'), command: PanelCommandSchema }),
]);
export type ToWorker = v.InferOutput<typeof ToWorkerSchema>;

export const ToContentSchema = v.variant('type', [
  /** The side panel asks the page to read itself again (after the user expanded messages, say). */
  v.object({ type: v.literal('read-again') }),
  /** The worker asks Gmail's page for one message as Gmail's "show original" gives it. */
  v.object({
    type: v.literal('fetch-original'),
    gmailMessageId: v.pipe(v.string(), v.regex(/^[0-9a-f]{1,16}$/)),
  }),
  /** The worker asks Gmail's list for the conversations to file: those ticked, or every one shown. */
  v.object({ type: v.literal('list-conversations'), scope: v.picklist(['selected', 'all']) }),
]);
export type ToContent = v.InferOutput<typeof ToContentSchema>;

export const ReplySchema = v.variant('ok', [
  /** `data` is checked by whoever asked for it (each request has its own answer shape). */
  v.object({ ok: v.literal(true), data: v.optional(v.unknown()) }),
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
