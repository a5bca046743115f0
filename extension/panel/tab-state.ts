// The panel's view of one tab: which tab it follows (the active one, or one named in `?tab=`) and what
// the worker recorded for it, kept live from session storage.
import { signal } from '@preact/signals';
import { seenPageKey } from '../../shared/browser/seen-page';
import { pageProblemKey, toSeenPageState, type SeenPageState } from '../background/seen-pages';
import { sessionStore } from '../platform/storage';
import { activeTabId, watchActiveTab } from '../platform/tabs';

export const followedTab = signal<number | undefined>(undefined);
export const seenPage = signal<SeenPageState | 'loading'>('loading');

/** `sidepanel.html?tab=12` pins the panel to one tab (used when the panel is opened as a page). */
export function pinnedTab(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

async function follow(tabId: number | undefined, signal: AbortSignal): Promise<void> {
  followedTab.value = tabId;
  if (tabId === undefined) {
    seenPage.value = { state: 'none' };
    return;
  }
  // A record the worker could not save leaves a problem line instead: the panel says so.
  let record: unknown;
  let problem: unknown;
  const show = () => {
    if (followedTab.value === tabId && !signal.aborted) seenPage.value = toSeenPageState(record, problem);
  };
  sessionStore.watch(seenPageKey(tabId), (value) => ((record = value), show()), signal);
  sessionStore.watch(pageProblemKey(tabId), (value) => ((problem = value), show()), signal);
  [record, problem] = await Promise.all([
    sessionStore.get(seenPageKey(tabId)),
    sessionStore.get(pageProblemKey(tabId)),
  ]);
  show();
}

export async function startFollowing(search: string, lifetime: AbortSignal): Promise<void> {
  const pinned = pinnedTab(search);
  if (pinned !== undefined) return follow(pinned, lifetime);
  let current = new AbortController();
  lifetime.addEventListener('abort', () => current.abort(), { once: true });
  const followActive = async () => {
    current.abort();
    current = new AbortController();
    await follow(await activeTabId(), current.signal);
  };
  watchActiveTab(() => void followActive(), lifetime);
  await followActive();
}
