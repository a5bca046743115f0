// The panel's first read (extension/panel/first-read.ts): the tab and the stores read in one request per
// area before the panel's main script runs, with nothing lost to changes made while it was in flight.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT_KEY } from '../../shared/browser/account';
import { QUEUE_KEY } from '../../shared/browser/filing-queue';
import {
  LAST_CHOICE_KEY,
  NETWORK_KEY,
  NETWORK_STATUS_KEY,
  NETWORK_TABLES_KEY,
} from '../../shared/browser/network-state';
import { seenPageKey } from '../../shared/browser/seen-page';
import { ADOPTION_KEY } from '../../extension/background/network';
import { pageProblemKey } from '../../extension/background/seen-pages';
import { leaveFirstRead, startFirstRead, takeFirstRead } from '../../extension/panel/first-read';
import { account, queue, startStores } from '../../extension/panel/stores';
import { STORED, storedKeys, tabKeys } from '../../extension/panel/stored-keys';
import { followedTab, seenPage, startFollowing } from '../../extension/panel/tab-state';
import { installChrome } from './fake-extension';

let browser: ReturnType<typeof installChrome>['browser'];
const lifetimes: AbortController[] = [];
const lifetime = () => {
  const controller = new AbortController();
  lifetimes.push(controller);
  return controller.signal;
};

beforeEach(() => {
  browser = installChrome().browser;
});
afterEach(() => {
  for (const l of lifetimes.splice(0)) l.abort();
  vi.unstubAllGlobals();
});

const record = (tabId: number, subject: string) => ({
  v: 1,
  tabId,
  seenAt: '2025-11-05T07:31:00.000Z',
  page: {
    kind: 'gmail-thread',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJrHxGwZlkDcTqSsVvWpXb',
    thread: {
      id: null,
      subject,
      collapsed: 0,
      messages: [
        {
          id: null,
          from: { name: 'Pat Okafor', email: 'p.okafor@example.org' },
          to: [],
          date: { text: 'Wed, Nov 5, 2025, 7:30 AM' },
          body: 'Attached.',
          attachments: [],
        },
      ],
    },
  },
});

describe('the keys the first read asks for', () => {
  it('are spelled as the worker writes them', () => {
    expect(tabKeys(12)).toEqual([seenPageKey(12), pageProblemKey(12)]);
    expect(STORED.account.key).toBe(ACCOUNT_KEY);
    expect(STORED.network.key).toBe(NETWORK_KEY);
    expect(STORED.networkStatus.key).toBe(NETWORK_STATUS_KEY);
    expect(STORED.tables.key).toBe(NETWORK_TABLES_KEY);
    expect(STORED.adoption.key).toBe(ADOPTION_KEY);
    expect(STORED.queue.key).toBe(QUEUE_KEY);
    expect(STORED.lastChoice.key).toBe(LAST_CHOICE_KEY);
    expect(storedKeys('local')).toEqual([NETWORK_KEY, QUEUE_KEY, LAST_CHOICE_KEY]);
  });
});

describe('startFirstRead', () => {
  it('asks each area once for the pinned tab and every store, and answers from that', async () => {
    await browser.storage.session.set({ 'page:7': record(7, 'Look-fors'), account: { state: 'signed-out' } });
    const sessionGet = vi.spyOn(browser.storage.session, 'get');
    const localGet = vi.spyOn(browser.storage.local, 'get');
    const read = startFirstRead('?tab=7');
    expect(read.pinned).toBe(7);
    expect(await read.tab()).toBe(7);
    expect((await read.value('session', 'page:7'))?.value).toMatchObject({ tabId: 7 });
    expect(await read.value('session', 'page-problem:7')).toEqual({ value: undefined });
    expect(await read.value('session', 'page:8')).toBeUndefined();
    expect(sessionGet).toHaveBeenCalledTimes(1);
    expect(sessionGet).toHaveBeenCalledWith(['page:7', 'page-problem:7', ...storedKeys('session')]);
    expect(localGet).toHaveBeenCalledTimes(1);
    expect(localGet).toHaveBeenCalledWith(storedKeys('local'));
    read.stop();
  });

  it('keeps a change made after the answer and before the panel looks, until stopped', async () => {
    const read = startFirstRead('?tab=7');
    await read.value('session', 'page:7');
    await browser.storage.session.set({ 'page:7': record(7, 'Changed since') });
    expect((await read.value('session', 'page:7'))?.value).toMatchObject({
      page: { thread: { subject: 'Changed since' } },
    });
    read.stop();
    await browser.storage.session.set({ 'page:7': record(7, 'After stop') });
    expect((await read.value('session', 'page:7'))?.value).toMatchObject({
      page: { thread: { subject: 'Changed since' } },
    });
  });

  it('follows the active tab when none is pinned, and a tab activated since', async () => {
    const window = (await browser.windows.create({ focused: true }))!;
    const first = await browser.tabs.create({
      url: 'https://mail.google.com/mail/u/0/',
      active: true,
      windowId: window.id!,
    });
    const read = startFirstRead('');
    expect(read.pinned).toBeUndefined();
    expect(await read.tab()).toBe(first.id);
    const second = await browser.tabs.create({
      url: 'https://docs.google.com/',
      active: true,
      windowId: window.id!,
    });
    expect(await read.tab()).toBe(second.id);
    read.stop();
  });

  it('is handed from the first script to the main one once', () => {
    const read = startFirstRead('?tab=3');
    leaveFirstRead(read);
    expect(takeFirstRead()).toBe(read);
    expect(takeFirstRead()).toBeUndefined();
    read.stop();
  });
});

describe('the panel on its first read', () => {
  it('shows the tab and the stores from it, and the changes that come after', async () => {
    await browser.storage.session.set({
      'page:7': record(7, 'Look-fors'),
      account: { state: 'signed-in', email: 'rosa@example.org' },
    });
    const read = startFirstRead('?tab=7');
    await Promise.all([startStores(read, lifetime()), startFollowing(read, lifetime())]);
    read.stop();
    expect(followedTab.value).toBe(7);
    expect(seenPage.value).toMatchObject({
      state: 'seen',
      record: { page: { thread: { subject: 'Look-fors' } } },
    });
    expect(account.value).toMatchObject({ state: 'signed-in' });
    expect(queue.value.entries).toEqual([]);
    // The panel's own watchers carry on after the first read stops.
    await browser.storage.session.set({ 'page:7': record(7, 'Read again') });
    expect(seenPage.value).toMatchObject({ record: { page: { thread: { subject: 'Read again' } } } });
  });

  it('reads a tab the first read did not cover by itself', async () => {
    const window = (await browser.windows.create({ focused: true }))!;
    const tab = await browser.tabs.create({
      url: 'https://mail.google.com/mail/u/0/',
      active: true,
      windowId: window.id!,
    });
    await browser.storage.session.set({ [`page:${tab.id}`]: record(tab.id!, 'Active tab') });
    const read = startFirstRead('');
    await read.tab();
    // Another tab is activated after the first read asked: the panel follows it and reads it itself.
    const other = await browser.tabs.create({
      url: 'https://mail.google.com/mail/u/1/',
      active: true,
      windowId: window.id!,
    });
    await browser.storage.session.set({ [`page:${other.id}`]: record(other.id!, 'Other tab') });
    await startFollowing(read, lifetime());
    read.stop();
    expect(followedTab.value).toBe(other.id);
    expect(seenPage.value).toMatchObject({ record: { page: { thread: { subject: 'Other tab' } } } });
  });
});
