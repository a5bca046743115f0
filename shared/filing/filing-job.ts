// A filing job as plain JSON — what to file, where, the Drive ids set aside for its files and, once run, its
// result — so the extension can keep a queue of them in storage.local, show each one's outcome, and resume
// after the worker is stopped without ever choosing new ids for files that may already exist.
//
//   const job = emailJob({ messageId, subject, from, gmailMessageId, gmailThreadId }, target, { note })
//   jobs stored → filer.run(jobs, io) (filer.ts) → each job comes back with `result` → stored again
//   parseFilingJob(JSON.parse(text)) checks a stored job and says what is wrong with it.

import * as v from 'valibot';
import { STEP_NUMBERS, type StepNumber } from '../domain';
import { describeIssues } from '../schema/issues';

export const FILING_JOB_VERSION = 1;

/** Where a filing goes: a cycle's step folder (and the school it is about, when there is one). */
export interface FilingTarget {
  /** The Cycles tab's id for the cycle. */
  cycleId: string;
  step: StepNumber;
  /** The step folder in the network's Drive. */
  stepFolderId: string;
  /** The school's name as the Schools tab has it. */
  school?: string;
}

export interface EmailToFile {
  kind: 'email';
  /** The RFC 5322 Message-ID header: the same in every member's mailbox, so it is the key across the network. */
  messageId: string;
  subject: string;
  from?: string;
  /** When it was sent, ISO 8601. */
  date?: string;
  gmailMessageId?: string;
  gmailThreadId?: string;
}

export interface DocToFile {
  kind: 'doc';
  /** The Drive file id from the Doc's URL. */
  docId: string;
  title: string;
}

export interface FiledFile {
  /** 'eml', 'attachment:1'…, or 'shortcut'. */
  slot: string;
  name: string;
  driveId: string;
  link: string;
}

export type FilingResult =
  | { status: 'filed'; filedAt: string; filedBy: string; files: FiledFile[] }
  /** A Doc Rounds cannot see in Drive: the Filings row links to it and `reason` says why, in a sentence. */
  | { status: 'linked'; filedAt: string; filedBy: string; link: string; reason: string }
  /** Someone (maybe the user, earlier or elsewhere) filed it before: nothing was uploaded this time. */
  | {
      status: 'already-filed';
      filedAt: string;
      filedBy: string;
      byYou: boolean;
      cycleId: string;
      step?: number;
      school?: string;
      links: string[];
    }
  /** `retryable`: trying later may work (offline, Google busy); `signInRequired`: ask the user to sign in. */
  | { status: 'failed'; message: string; retryable: boolean; signInRequired?: boolean };

export interface FilingJob {
  version: typeof FILING_JOB_VERSION;
  /** The filing's identity and its Filings row id: `email:<Message-ID>` or `doc:<id>:<cycle>:<step>`. */
  key: string;
  what: EmailToFile | DocToFile;
  target: FilingTarget;
  note?: string;
  queuedAt: string;
  /** Drive ids set aside for this filing's files, by slot; once given, never changed. */
  driveIds: Record<string, string>;
  /** Runs started on this job: from the second on, its files may already exist, so Drive is asked first. */
  runs: number;
  result?: FilingResult;
}

/** The Message-ID without its angle brackets or folding whitespace; throws a sentence when it is not one. */
export function normalizeMessageId(messageId: string): string {
  const bare = messageId
    .replace(/\s+/g, '')
    .replace(/^<(.*)>$/, '$1')
    .trim();
  if (bare === '')
    throw new Error('This email has no Message-ID, so Rounds cannot tell it apart from others.');
  if (bare.length > 500 || /[<>\s]/.test(bare))
    throw new Error(`"${messageId.slice(0, 80)}" is not a Message-ID.`);
  return bare;
}

/** The Message-ID header of a raw message (RFC 5322), or undefined; folded header lines are joined. */
export function messageIdOf(raw: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < raw.length && i < 256 * 1024; i++) {
    const c = raw[i]!;
    head += String.fromCharCode(c);
    if (c === 10 && (head.endsWith('\n\n') || head.endsWith('\r\n\r\n'))) break;
  }
  const match = /^message-id:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(head);
  if (!match) return undefined;
  const value = match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim();
  return value === '' ? undefined : value;
}

export function emailKey(messageId: string): string {
  return `email:${normalizeMessageId(messageId)}`;
}

/** A Doc may be filed to several steps (a data analysis reused later); each step holds one shortcut. */
export function docKey(docId: string, target: Pick<FilingTarget, 'cycleId' | 'step'>): string {
  return `doc:${docId}:${target.cycleId}:${target.step}`;
}

export function emailJob(
  email: Omit<EmailToFile, 'kind'>,
  target: FilingTarget,
  options: { note?: string; now: string },
): FilingJob {
  const what: EmailToFile = {
    kind: 'email',
    ...email,
    messageId: `<${normalizeMessageId(email.messageId)}>`,
  };
  return checked({
    version: FILING_JOB_VERSION,
    key: emailKey(email.messageId),
    what,
    target,
    note: options.note,
    queuedAt: options.now,
    driveIds: {},
    runs: 0,
  });
}

export function docJob(
  doc: Omit<DocToFile, 'kind'>,
  target: FilingTarget,
  options: { note?: string; now: string },
): FilingJob {
  return checked({
    version: FILING_JOB_VERSION,
    key: docKey(doc.docId, target),
    what: { kind: 'doc', ...doc },
    target,
    note: options.note,
    queuedAt: options.now,
    driveIds: {},
    runs: 0,
  });
}

const id = v.pipe(v.string(), v.minLength(1, 'cannot be empty'), v.maxLength(600, 'is too long'));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `at most ${max} characters`));
const when = v.pipe(v.string(), v.isoTimestamp('a time is an ISO timestamp'));

const FiledFileSchema = v.object({ slot: id, name: text(500), driveId: id, link: text(2000) });

/** Someone in the network filed it already (from the Filings tab): who, when, where, and the links. */
export const AlreadyFiledSchema = v.object({
  status: v.literal('already-filed'),
  filedAt: text(100),
  filedBy: text(320),
  byYou: v.boolean(),
  cycleId: text(600),
  step: v.optional(v.number()),
  school: v.optional(text(500)),
  links: v.array(text(2000)),
});

const FilingResultSchema = v.variant('status', [
  v.object({
    status: v.literal('filed'),
    filedAt: when,
    filedBy: text(320),
    files: v.array(FiledFileSchema),
  }),
  v.object({
    status: v.literal('linked'),
    filedAt: when,
    filedBy: text(320),
    link: text(2000),
    reason: text(1000),
  }),
  AlreadyFiledSchema,
  v.object({
    status: v.literal('failed'),
    message: text(2000),
    retryable: v.boolean(),
    signInRequired: v.optional(v.boolean()),
  }),
]);

export const FilingJobSchema = v.object({
  version: v.literal(FILING_JOB_VERSION, 'this job was queued by another version of Rounds'),
  key: id,
  what: v.variant('kind', [
    v.object({
      kind: v.literal('email'),
      messageId: id,
      subject: text(2000),
      from: v.optional(text(1000)),
      date: v.optional(text(100)),
      gmailMessageId: v.optional(id),
      gmailThreadId: v.optional(id),
    }),
    v.object({ kind: v.literal('doc'), docId: id, title: text(2000) }),
  ]),
  target: v.object({
    cycleId: id,
    step: v.picklist(STEP_NUMBERS, 'the step is a number from 1 to 8'),
    stepFolderId: id,
    school: v.optional(text(500)),
  }),
  note: v.optional(text(2000)),
  queuedAt: when,
  driveIds: v.record(id, id),
  runs: v.pipe(v.number(), v.integer(), v.minValue(0)),
  result: v.optional(FilingResultSchema),
});

/** A job read back from storage (or a message), checked; the error says what is wrong in a sentence. */
export function parseFilingJob(value: unknown): FilingJob {
  const parsed = v.safeParse(FilingJobSchema, value);
  if (!parsed.success) throw new Error(`This filing job cannot be used: ${describeIssues(parsed.issues)}`);
  return parsed.output as FilingJob;
}

function checked(job: FilingJob): FilingJob {
  const parsed = parseFilingJob(job);
  if (parsed.what.kind === 'email') emailKey(parsed.what.messageId);
  return parsed;
}
