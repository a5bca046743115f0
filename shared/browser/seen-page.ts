// What Rounds sees on a tab — the open Gmail conversation, a Doc, or why it can't tell — as one validated
// record: the content script writes it, the worker stores it per tab, the side panel shows it.
import * as v from 'valibot';
import { text } from '../schema/fields';
import { describeIssues } from '../schema/issues';

/** Bodies are cut here: enough for triage and filing decisions, small enough for session storage. */
export const MAX_BODY_CHARS = 50_000;
export const SEEN_PAGE_VERSION = 1;

const hexId = v.pipe(v.string(), v.regex(/^[0-9a-f]{1,16}$/, 'a Gmail id is hexadecimal'));
const address = v.pipe(v.string(), v.maxLength(4000), v.regex(/^https?:\/\//, 'an http(s) address'));

export const PersonSchema = v.object({ name: text(300), email: text(320) });
export type Person = v.InferOutput<typeof PersonSchema>;

export const GmailAttachmentSchema = v.object({ name: v.pipe(text(500), v.minLength(1)) });

export const GmailMessageSchema = v.object({
  /** The Gmail API id, or null for a just-sent message Gmail has not numbered yet. */
  id: v.nullable(hexId),
  from: PersonSchema,
  to: v.array(PersonSchema),
  date: v.object({ text: text(200), local: v.optional(v.pipe(v.string(), v.isoDateTime())) }),
  body: text(MAX_BODY_CHARS),
  attachments: v.array(GmailAttachmentSchema),
});
export type GmailMessage = v.InferOutput<typeof GmailMessageSchema>;

export const GmailThreadSchema = v.object({
  id: v.nullable(hexId),
  subject: text(1000),
  messages: v.pipe(v.array(GmailMessageSchema), v.minLength(1, 'a conversation has at least one message')),
  /** Messages Gmail shows collapsed: their content is not on the page until the user expands them. */
  collapsed: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Set when the bodies were cut so the record fits in session storage (a very long conversation). */
  trimmed: v.optional(v.boolean()),
});
export type GmailThread = v.InferOutput<typeof GmailThreadSchema>;

export const SeenPageSchema = v.variant('kind', [
  v.object({ kind: v.literal('gmail-thread'), url: address, thread: GmailThreadSchema }),
  /** Gmail with no conversation open (the inbox, a label, search results). */
  v.object({ kind: v.literal('gmail-list'), url: address }),
  /** A conversation is open but the page no longer has the parts Rounds reads: Gmail changed. */
  v.object({ kind: v.literal('gmail-unreadable'), url: address, missing: v.array(text(200)) }),
  v.object({
    kind: v.literal('doc'),
    url: address,
    docId: v.pipe(v.string(), v.regex(/^[\w-]{25,}$/)),
    name: text(1000),
  }),
  v.object({ kind: v.literal('doc-published'), url: address }),
  v.object({ kind: v.literal('docs-other'), url: address }),
]);
export type SeenPage = v.InferOutput<typeof SeenPageSchema>;

/** The stored form, one per tab in session storage. */
export const StoredSeenPageSchema = v.object({
  v: v.literal(SEEN_PAGE_VERSION),
  tabId: v.pipe(v.number(), v.integer()),
  seenAt: v.pipe(v.string(), v.isoTimestamp()),
  page: SeenPageSchema,
});
export type StoredSeenPage = v.InferOutput<typeof StoredSeenPageSchema>;

export const seenPageKey = (tabId: number) => `page:${tabId}`;

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

export function checkSeenPage(input: unknown): Checked<SeenPage> {
  const parsed = v.safeParse(SeenPageSchema, input);
  return parsed.success
    ? { ok: true, value: parsed.output }
    : { ok: false, problem: describeIssues(parsed.issues, 3) };
}

export function checkStoredSeenPage(input: unknown): Checked<StoredSeenPage> {
  const parsed = v.safeParse(StoredSeenPageSchema, input);
  return parsed.success
    ? { ok: true, value: parsed.output }
    : { ok: false, problem: describeIssues(parsed.issues, 3) };
}
