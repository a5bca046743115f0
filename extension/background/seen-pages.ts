// What each tab shows, kept in session storage under `page:<tabId>` — never in the worker's memory,
// because Chrome stops an idle service worker after about 30 seconds. A record too big for session
// storage's quota is trimmed (long bodies cut); if even that cannot be saved, a short problem line is
// saved instead, so the panel says what happened rather than "Nothing to show here".
import {
  checkStoredSeenPage,
  seenPageKey,
  SEEN_PAGE_VERSION,
  type SeenPage,
  type StoredSeenPage,
} from '../../shared/browser/seen-page';
import { sessionStore } from '../platform/storage';

export const pageProblemKey = (tabId: number) => `page-problem:${tabId}`;

/** Well under session storage's 10 MB, which every open Gmail and Docs tab shares. */
export const MAX_RECORD_CHARS = 1_000_000;

/** The record cut to fit: each message body shortened evenly, the thread marked as trimmed. */
export function trimRecord(record: StoredSeenPage, maxChars = MAX_RECORD_CHARS): StoredSeenPage {
  if (JSON.stringify(record).length <= maxChars || record.page.kind !== 'gmail-thread') return record;
  const thread = record.page.thread;
  const fixed = JSON.stringify({
    ...record,
    page: { ...record.page, thread: { ...thread, messages: [] } },
  }).length;
  const perMessage = Math.max(200, Math.floor((maxChars - fixed) / thread.messages.length) - 2000);
  const messages = thread.messages.map((m) => ({ ...m, body: m.body.slice(0, perMessage) }));
  return { ...record, page: { ...record.page, thread: { ...thread, messages, trimmed: true } } };
}

export async function rememberSeenPage(
  tabId: number,
  page: SeenPage,
  now = new Date(),
): Promise<StoredSeenPage> {
  const record = trimRecord({ v: SEEN_PAGE_VERSION, tabId, seenAt: now.toISOString(), page });
  try {
    await sessionStore.set(seenPageKey(tabId), record);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    await sessionStore.remove(seenPageKey(tabId)).catch(() => undefined);
    await sessionStore.set(pageProblemKey(tabId), problem.slice(0, 500));
    throw error;
  }
  await sessionStore.remove(pageProblemKey(tabId));
  return record;
}

export async function forgetSeenPage(tabId: number): Promise<void> {
  await sessionStore.remove(seenPageKey(tabId));
  await sessionStore.remove(pageProblemKey(tabId));
}

export type SeenPageState =
  | { state: 'none' }
  | { state: 'seen'; record: StoredSeenPage }
  | { state: 'damaged'; problem: string }
  | { state: 'unsaved'; problem: string };

/** Reads a tab's record; a record from another Rounds version or a damaged one says so instead of throwing. */
export function toSeenPageState(stored: unknown, unsaved?: unknown): SeenPageState {
  if (stored === undefined || stored === null) {
    return typeof unsaved === 'string' && unsaved
      ? { state: 'unsaved', problem: unsaved }
      : { state: 'none' };
  }
  const checked = checkStoredSeenPage(stored);
  return checked.ok
    ? { state: 'seen', record: checked.value }
    : { state: 'damaged', problem: checked.problem };
}

export async function readSeenPage(tabId: number): Promise<SeenPageState> {
  return toSeenPageState(await sessionStore.get(seenPageKey(tabId)));
}
