// Tab events and lookups, without the "tabs" permission: the worker sees the address only of tabs on
// hosts the extension may run on (Gmail and Docs through the content scripts), which is all it needs.
import { browserApi } from './browser';

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browserApi().tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Calls back when a tab starts loading or changes address; `url` is undefined on pages Rounds can't see. */
export function onTabNavigated(listener: (tabId: number, url: string | undefined) => void): void {
  browserApi().tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading' || change.url !== undefined) listener(tabId, change.url ?? tab.url);
  });
}

export function onTabClosed(listener: (tabId: number) => void): void {
  browserApi().tabs.onRemoved.addListener((tabId) => listener(tabId));
}

/** Calls back when the user switches tabs, until `signal` aborts (the side panel follows the active tab). */
export function watchActiveTab(listener: (tabId: number) => void, signal: AbortSignal): void {
  const onActivated = (info: chrome.tabs.OnActivatedInfo) => listener(info.tabId);
  browserApi().tabs.onActivated.addListener(onActivated);
  signal.addEventListener('abort', () => browserApi().tabs.onActivated.removeListener(onActivated), {
    once: true,
  });
}

/** Opens an address in a new tab (a Gmail compose window): tabs.create needs no "tabs" permission. */
export async function openTab(url: string): Promise<void> {
  await browserApi().tabs.create({ url });
}
