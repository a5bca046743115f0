// What each tab shows, kept in session storage under `page:<tabId>` — never in the worker's memory,
// because Chrome stops an idle service worker after about 30 seconds.
import {
  checkStoredSeenPage,
  seenPageKey,
  SEEN_PAGE_VERSION,
  type SeenPage,
  type StoredSeenPage,
} from '../../shared/browser/seen-page';
import { sessionStore } from '../platform/storage';

export async function rememberSeenPage(
  tabId: number,
  page: SeenPage,
  now = new Date(),
): Promise<StoredSeenPage> {
  const record: StoredSeenPage = { v: SEEN_PAGE_VERSION, tabId, seenAt: now.toISOString(), page };
  await sessionStore.set(seenPageKey(tabId), record);
  return record;
}

export async function forgetSeenPage(tabId: number): Promise<void> {
  await sessionStore.remove(seenPageKey(tabId));
}

export type SeenPageState =
  { state: 'none' } | { state: 'seen'; record: StoredSeenPage } | { state: 'damaged'; problem: string };

/** Reads a tab's record; a record from another Rounds version or a damaged one says so instead of throwing. */
export function toSeenPageState(stored: unknown): SeenPageState {
  if (stored === undefined || stored === null) return { state: 'none' };
  const checked = checkStoredSeenPage(stored);
  return checked.ok
    ? { state: 'seen', record: checked.value }
    : { state: 'damaged', problem: checked.problem };
}

export async function readSeenPage(tabId: number): Promise<SeenPageState> {
  return toSeenPageState(await sessionStore.get(seenPageKey(tabId)));
}
