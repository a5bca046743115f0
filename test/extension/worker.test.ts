// The background worker: the side panel only on Gmail and Docs tabs, opened from the page's button,
// and what each tab shows kept in session storage (never in the worker's memory).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SeenPage } from '../../shared/browser/seen-page';
import { deliver, deliverRaw, installChrome, installFirefox } from './fake-extension';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const DOC = 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd/edit';
const inbox: SeenPage = { kind: 'gmail-list', url: GMAIL };

async function startWorker() {
  vi.resetModules();
  await import('../../extension/background/worker');
}

const tab = (id: number, url?: string) => ({ id, url, index: 0, windowId: 1 }) as chrome.tabs.Tab;

afterEach(() => vi.unstubAllGlobals());

describe('in Chrome', () => {
  let fake: ReturnType<typeof installChrome>;
  beforeEach(async () => {
    fake = installChrome();
    await startWorker();
  });

  it('turns the panel off everywhere when installed, and lets the toolbar button open it', async () => {
    await fake.browser.runtime.onInstalled.trigger({ reason: 'install' } as chrome.runtime.InstalledDetails);
    await vi.waitFor(() => expect(fake.sidePanel.setOptions).toHaveBeenCalledWith({ enabled: false }));
    expect(fake.sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
  });

  it('turns the panel on for a tab that loads Gmail or a Doc', async () => {
    await fake.browser.tabs.onUpdated.trigger(3, { status: 'loading' }, tab(3, GMAIL));
    await fake.browser.tabs.onUpdated.trigger(4, { url: DOC }, tab(4, DOC));
    expect(fake.sidePanel.setOptions).toHaveBeenCalledWith({
      tabId: 3,
      path: 'sidepanel.html',
      enabled: true,
    });
    expect(fake.sidePanel.setOptions).toHaveBeenCalledWith({
      tabId: 4,
      path: 'sidepanel.html',
      enabled: true,
    });
  });

  it('turns it off and forgets the page when the tab goes elsewhere', async () => {
    await deliver({ type: 'page-seen', page: inbox }, 3).reply;
    expect(await fake.browser.storage.session.get('page:3')).toHaveProperty('page:3');
    await fake.browser.tabs.onUpdated.trigger(3, { status: 'loading' }, tab(3, 'https://example.org/'));
    await vi.waitFor(async () => expect(await fake.browser.storage.session.get('page:3')).toEqual({}));
    expect(fake.sidePanel.setOptions).toHaveBeenLastCalledWith({ tabId: 3, enabled: false });
  });

  it('turns it off on a page whose address the browser hides from Rounds', async () => {
    await fake.browser.tabs.onUpdated.trigger(5, { status: 'loading' }, tab(5));
    expect(fake.sidePanel.setOptions).toHaveBeenCalledWith({ tabId: 5, enabled: false });
  });

  it("stores what a tab's content script saw, validated and stamped, and enables that tab's panel", async () => {
    const reply = await deliver({ type: 'page-seen', page: inbox }, 7).reply;
    expect(reply).toEqual({ ok: true });
    const stored = (await fake.browser.storage.session.get('page:7'))['page:7'];
    expect(stored).toMatchObject({ v: 1, tabId: 7, page: inbox });
    expect(Date.parse((stored as { seenAt: string }).seenAt)).not.toBeNaN();
    expect(fake.sidePanel.setOptions).toHaveBeenCalledWith({
      tabId: 7,
      path: 'sidepanel.html',
      enabled: true,
    });
  });

  it('refuses a malformed page record and stores nothing', async () => {
    const reply = await deliver({ type: 'page-seen', page: { kind: 'gmail-thread', url: GMAIL } }, 7).reply;
    expect(reply).toMatchObject({ ok: false });
    expect(await fake.browser.storage.session.get('page:7')).toEqual({});
  });

  it('refuses a message from a page still running an older Rounds, asking for a reload', async () => {
    const reply = await deliverRaw({ type: 'page-seen', page: inbox }, 7).reply;
    expect(reply).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/different version of Rounds.*reload the page/),
    });
    expect(await fake.browser.storage.session.get('page:7')).toEqual({});
  });

  it('refuses page records that come from no tab', async () => {
    expect(await deliver({ type: 'page-seen', page: inbox }).reply).toMatchObject({ ok: false });
  });

  it("opens the panel for the clicking tab in the same turn as the click's message", async () => {
    const { reply } = deliver({ type: 'open-panel' }, 9);
    // No await yet: Chrome only honours sidePanel.open() while the user gesture is live.
    expect(fake.sidePanel.open).toHaveBeenCalledWith({ tabId: 9 });
    expect(await reply).toEqual({ ok: true });
  });

  it('forgets a tab when it closes', async () => {
    await deliver({ type: 'page-seen', page: inbox }, 8).reply;
    await fake.browser.tabs.onRemoved.trigger(8, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await fake.browser.storage.session.get('page:8')).toEqual({}));
  });
});

describe('in Firefox', () => {
  it('opens the sidebar when allowed, and explains the toolbar button when not', async () => {
    const fake = installFirefox();
    await startWorker();
    expect(await deliver({ type: 'open-panel' }, 2).reply).toEqual({ ok: true });
    expect(fake.sidebarAction.open).toHaveBeenCalledTimes(1);

    fake.sidebarAction.open.mockRejectedValueOnce(
      new Error('sidebarAction.open may only be called from a user input handler'),
    );
    expect(await deliver({ type: 'open-panel' }, 2).reply).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/toolbar button/),
    });
  });

  it('toggles the sidebar from the toolbar button', async () => {
    const fake = installFirefox();
    await startWorker();
    await fake.browser.action.onClicked.trigger(tab(1, GMAIL));
    expect(fake.sidebarAction.toggle).toHaveBeenCalledTimes(1);
  });
});
