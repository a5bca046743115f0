// The content scripts' reporting loop: the worker hears about the page once it settles, hears again only
// when something changed, and hears on demand when the panel asks the page to read again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, SETTLE_MS, watchPage } from '../../extension/content/page-watch';
import type { SeenPage } from '../../shared/browser/seen-page';
import { deliver, installChrome } from './fake-extension';

const URL_ = 'https://mail.google.com/mail/u/0/#inbox';
let sent: SeenPage[];
let lifetime: AbortController;

/** Reads the page the way a content script would: here, whether a subject is on it. */
const read = (): SeenPage =>
  document.querySelector('h2')
    ? { kind: 'gmail-unreadable', url: URL_, missing: [document.querySelector('h2')!.textContent ?? ''] }
    : { kind: 'gmail-list', url: URL_ };

const tick = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const { browser } = installChrome();
  sent = [];
  // Stands in for the worker: records what the page reports.
  browser.runtime.onMessage.addListener(
    (message: { type: string; page: SeenPage }, _sender, sendResponse) => {
      if (message.type !== 'page-seen') return false;
      sent.push(message.page);
      sendResponse({ ok: true });
      return true;
    },
  );
  document.body.innerHTML = '';
  lifetime = new AbortController();
});

afterEach(() => {
  lifetime.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('watching the page', () => {
  it('reports the page at once, then again only after it changes and settles', async () => {
    watchPage(read, lifetime.signal);
    await tick(0);
    expect(sent).toEqual([{ kind: 'gmail-list', url: URL_ }]);

    document.body.innerHTML = '<h2>Visit plan</h2>';
    await tick(SETTLE_MS - 50);
    expect(sent).toHaveLength(1);
    await tick(100);
    expect(sent.at(-1)).toMatchObject({ missing: ['Visit plan'] });

    // A change that leaves what Rounds reads the same sends nothing.
    document.body.append(document.createElement('span'));
    await tick(SETTLE_MS * 2);
    expect(sent).toHaveLength(2);
  });

  it('still reads a page that never stops changing', async () => {
    watchPage(read, lifetime.signal);
    await tick(0);
    document.body.innerHTML = '<h2>Busy page</h2>';
    // A mutation every 100 ms never leaves a quiet spell of SETTLE_MS.
    for (let t = 0; t < MAX_WAIT_MS + SETTLE_MS; t += 100) {
      document.body.append(document.createElement('i'));
      await tick(100);
    }
    expect(sent.at(-1)).toMatchObject({ missing: ['Busy page'] });
  });

  it('reads again when the panel asks, even if nothing changed', async () => {
    watchPage(read, lifetime.signal);
    await tick(0);
    const { reply } = deliver({ type: 'read-again' });
    expect(await reply).toEqual({ ok: true });
    expect(sent).toHaveLength(2);
  });

  it('stops when the content script is cut off from a reloaded extension', async () => {
    watchPage(read, lifetime.signal);
    await tick(0);
    // Chrome clears runtime.id in a content script whose extension was reloaded.
    vi.spyOn(chrome.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    document.body.innerHTML = '<h2>After reload</h2>';
    await tick(SETTLE_MS * 2);
    expect(sent).toHaveLength(1);
  });
});
