// The panel's view of one tab: which tab it follows (the active one, or one named in `?tab=`) and what
// the worker recorded for it, kept live from session storage. The first values come from the panel's
// first read (first-read.ts), already under way when this script runs.
import { signal } from '@preact/signals';
import { toSeenPageState, type SeenPageState } from '../background/seen-pages';
import { sessionStore } from '../platform/storage';
import { activeTabId, watchActiveTab } from '../platform/tabs';
import type { FirstRead } from './first-read';
import { tabKeys } from './stored-keys';

export { pinnedTab } from './first-read';

export const followedTab = signal<number | undefined>(undefined);
export const seenPage = signal<SeenPageState | 'loading'>('loading');

async function follow(tabId: number | undefined, signal: AbortSignal, first?: FirstRead): Promise<void> {
  followedTab.value = tabId;
  if (tabId === undefined) {
    seenPage.value = { state: 'none' };
    return;
  }
  // A record the worker could not save leaves a problem line instead: the panel says so.
  const [recordKey, problemKey] = tabKeys(tabId);
  let record: unknown;
  let problem: unknown;
  const show = () => {
    if (followedTab.value === tabId && !signal.aborted) seenPage.value = toSeenPageState(record, problem);
  };
  sessionStore.watch(recordKey, (value) => ((record = value), show()), signal);
  sessionStore.watch(problemKey, (value) => ((problem = value), show()), signal);
  const known = await Promise.all([
    first?.value('session', recordKey),
    first?.value('session', problemKey),
  ]).catch(() => []);
  [record, problem] =
    known[0] && known[1]
      ? [known[0].value, known[1].value]
      : await Promise.all([sessionStore.get(recordKey), sessionStore.get(problemKey)]);
  performance.mark('rounds:tab-read');
  show();
}

export async function startFollowing(first: FirstRead, lifetime: AbortSignal): Promise<void> {
  if (first.pinned !== undefined) return follow(first.pinned, lifetime, first);
  let current = new AbortController();
  lifetime.addEventListener('abort', () => current.abort(), { once: true });
  const followActive = async (tabId?: Promise<number | undefined>) => {
    current.abort();
    current = new AbortController();
    await follow(await (tabId ?? activeTabId()), current.signal, first);
  };
  watchActiveTab(() => void followActive(), lifetime);
  await followActive(first.tab());
}
