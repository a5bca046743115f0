// The storage keys the panel reads, and the area each lives in: the tab's own two, and one per store
// (stores.ts keeps a signal per key). first-read.ts asks for all of them in the panel's first read.
//
// The keys are spelled out rather than imported from shared/browser/: those modules build their schemas
// as they load, and this file goes into sidepanel-first.js, which must stay a few hundred bytes.
// test/extension/first-read.test.ts checks that each spelling matches the worker's.

export type Area = 'session' | 'local';

/** The worker's two keys for a tab (shared/browser/seen-page.ts seenPageKey, background/seen-pages.ts). */
export const tabKeys = (tabId: number): [record: string, problem: string] => [
  `page:${tabId}`,
  `page-problem:${tabId}`,
];

export const STORED = {
  account: { area: 'session', key: 'account' },
  network: { area: 'local', key: 'network' },
  networkStatus: { area: 'session', key: 'network-status' },
  tables: { area: 'session', key: 'network-tables' },
  adoption: { area: 'session', key: 'adoption-proposal' },
  queue: { area: 'local', key: 'filing-queue' },
  lastChoice: { area: 'local', key: 'last-choice' },
} as const satisfies Record<string, { area: Area; key: string }>;

/** The keys of one area, in the order above. */
export const storedKeys = (area: Area): string[] =>
  Object.values(STORED)
    .filter((s) => s.area === area)
    .map((s) => s.key);
