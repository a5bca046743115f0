// The filing queue as the extension keeps it in storage.local: what the user asked to file (one open
// email, a Doc, or conversations from Gmail's list), each becoming a filing job once its message is read,
// with its state and result. It outlives the worker being stopped and the browser restarting; a damaged
// entry is kept aside with its reason instead of being dropped or blocking the rest.
import * as v from 'valibot';
import { FilingJobSchema, type FilingJob } from '../filing/filing-job';
import { describeIssues } from '../schema/issues';
import { FilingChoiceSchema } from './panel-commands';

export const QUEUE_KEY = 'filing-queue';

export const ENTRY_STATES = ['waiting', 'filing', 'done', 'failed', 'cancelled'] as const;

export const QueueEntrySchema = v.object({
  /** Stable within the queue: `gmail:<message id>` or `doc:<id>:<cycle>:<step>`. */
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(700)),
  /** The tab that can fetch the message from Gmail (emails); may be gone by the time it runs. */
  tabId: v.optional(v.number()),
  gmailMessageId: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{1,16}$/))),
  /** What the list or page showed, until the message itself is read. */
  label: v.pipe(v.string(), v.maxLength(1000)),
  choice: FilingChoiceSchema,
  state: v.picklist(ENTRY_STATES),
  /** Whole tries that ended in something retryable (offline, Google busy). */
  tries: v.pipe(v.number(), v.integer(), v.minValue(0)),
  problem: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  job: v.optional(FilingJobSchema),
  queuedAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type QueueEntry = Omit<v.InferOutput<typeof QueueEntrySchema>, 'job'> & { job?: FilingJob };

export const QueueStateSchema = v.object({
  v: v.literal(1),
  paused: v.boolean(),
  /** Why waiting work is not moving, in the user's terms; cleared when it moves again. */
  blocked: v.optional(v.picklist(['sign-in', 'network', 'offline', 'gmail-tab'])),
  /** Google calls that failed and were tried again during the current run (429s, 5xx, dropped). */
  retries: v.pipe(v.number(), v.integer(), v.minValue(0)),
  entries: v.array(v.unknown()),
});

export interface QueueState {
  v: 1;
  paused: boolean;
  blocked?: 'sign-in' | 'network' | 'offline' | 'gmail-tab';
  retries: number;
  entries: QueueEntry[];
  /** Entries that could not be read back, with why (kept out of `entries`, shown to the user). */
  damaged: string[];
}

export const emptyQueue = (): QueueState => ({ v: 1, paused: false, retries: 0, entries: [], damaged: [] });

export function readQueue(input: unknown): QueueState {
  if (input === undefined || input === null) return emptyQueue();
  const parsed = v.safeParse(QueueStateSchema, input);
  if (!parsed.success) {
    return { ...emptyQueue(), damaged: [`The saved queue is damaged: ${describeIssues(parsed.issues, 2)}`] };
  }
  const entries: QueueEntry[] = [];
  const damaged: string[] = [];
  for (const [i, raw] of parsed.output.entries.entries()) {
    const entry = v.safeParse(QueueEntrySchema, raw);
    if (entry.success) entries.push(entry.output as QueueEntry);
    else damaged.push(`Queue item ${i + 1}: ${describeIssues(entry.issues, 1)}`);
  }
  const { blocked, paused, retries } = parsed.output;
  return { v: 1, paused, blocked, retries, entries, damaged };
}

/** The stored form: damaged entries are not written back (their reasons were shown once). */
export function writeQueue(state: QueueState): unknown {
  const { damaged: _damaged, ...rest } = state;
  return rest;
}

export interface QueueCounts {
  waiting: number;
  done: number;
  failed: number;
  cancelled: number;
  total: number;
}

export function countQueue(entries: readonly QueueEntry[]): QueueCounts {
  const counts = { waiting: 0, done: 0, failed: 0, cancelled: 0, total: entries.length };
  for (const e of entries) {
    if (e.state === 'waiting' || e.state === 'filing') counts.waiting++;
    else counts[e.state]++;
  }
  return counts;
}
