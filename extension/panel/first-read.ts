// The panel's first read: which tab it opened beside, what the worker recorded for that tab, and the
// stores the views follow, asked of storage in one request per area. sidepanel.html runs this from a
// small script of its own (sidepanel-first.js, read-first.ts) ahead of the panel's main script, so the
// answer is on its way while the browser still loads and compiles the views; main.tsx picks it up.
//
// Changes made while the first read is in flight are not lost: a change that arrives before the answer
// is already in it (storage answers and change events reach the page in the order they happened), and
// one that arrives after it is applied on top, until the panel's own watchers take over (stop()).
import { localStore, sessionStore } from '../platform/storage';
import { activeTabId, watchActiveTab } from '../platform/tabs';
import { storedKeys, tabKeys, type Area } from './stored-keys';

export interface FirstRead {
  /** The tab named in `?tab=`, which the panel stays on; undefined when it follows the active tab. */
  pinned: number | undefined;
  /** The tab the panel is beside as of now: the first answer, or a tab activated since. */
  tab(): Promise<number | undefined>;
  /**
   * `key`'s value as of now (the answer with any change since), once the area has answered; undefined
   * when the first read did not ask for the key (the caller reads it itself). Rejects if the read failed.
   */
  value(area: Area, key: string): Promise<{ value: unknown } | undefined>;
  /** Stops following changes: call once the panel's own watchers are in place. */
  stop(): void;
}

/** `sidepanel.html?tab=12` pins the panel to one tab (used when the panel is opened as a page). */
export function pinnedTab(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

const stores = { session: sessionStore, local: localStore };

export function startFirstRead(search: string): FirstRead {
  const listening = new AbortController();
  const pinned = pinnedTab(search);
  const latest = { session: new Map<string, unknown>(), local: new Map<string, unknown>() };
  const answered = { session: false, local: false };
  const keep = (area: Area, key: string) =>
    stores[area].watch(
      key,
      (value) => {
        if (answered[area]) latest[area].set(key, value);
      },
      listening.signal,
    );
  const ask = (area: Area, keys: string[]) => {
    for (const key of keys) keep(area, key);
    return stores[area].getMany(keys).then((found) => {
      for (const key of keys) latest[area].set(key, found[key]);
      answered[area] = true;
    });
  };

  let tabNow: number | undefined;
  let tabAnswered = false;
  if (pinned === undefined) {
    watchActiveTab((tabId) => {
      if (tabAnswered) tabNow = tabId;
    }, listening.signal);
  }
  const tab = (pinned !== undefined ? Promise.resolve(pinned) : activeTabId()).then((tabId) => {
    tabAnswered = true;
    tabNow = tabId;
    return tabId;
  });
  const local = ask('local', storedKeys('local'));
  // The session keys of the stores are watched from now; the tab's own once the tab is known.
  const sessionStored = storedKeys('session');
  for (const key of sessionStored) keep('session', key);
  const session = tab.then((tabId) =>
    ask('session', [...(tabId === undefined ? [] : tabKeys(tabId)), ...sessionStored]),
  );
  // Nobody may be waiting yet: a failed read is reported to whoever asks for a value.
  session.catch(() => undefined);
  local.catch(() => undefined);

  return {
    pinned,
    tab: () => tab.then(() => tabNow),
    async value(area, key) {
      await (area === 'session' ? session : local);
      return latest[area].has(key) ? { value: latest[area].get(key) } : undefined;
    },
    stop: () => listening.abort(),
  };
}

/** Where read-first.ts leaves the first read for main.tsx (two scripts of one page share its window). */
const HANDOFF = 'roundsFirstRead';

export function leaveFirstRead(read: FirstRead): void {
  (globalThis as Record<string, unknown>)[HANDOFF] = read;
}

/** The first read sidepanel-first.js started, if it ran (taken once). */
export function takeFirstRead(): FirstRead | undefined {
  const scope = globalThis as Record<string, unknown>;
  const read = scope[HANDOFF] as FirstRead | undefined;
  delete scope[HANDOFF];
  return read;
}
