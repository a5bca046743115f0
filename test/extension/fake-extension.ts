// Test helper: fake-browser's in-memory extension API, plus the panel APIs it leaves unmocked (Chrome's
// sidePanel, Firefox's sidebarAction) as recording fakes, installed as the `chrome` global.
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';
import { stamped } from '../../shared/browser/extension-messages';

export function installChrome() {
  fakeBrowser.reset();
  const sidePanel = {
    setOptions: vi.fn(async (_options: chrome.sidePanel.PanelOptions) => undefined),
    setPanelBehavior: vi.fn(async (_behavior: chrome.sidePanel.PanelBehavior) => undefined),
    open: vi.fn(async (_options: chrome.sidePanel.OpenOptions) => undefined),
  };
  const api = Object.assign(Object.create(fakeBrowser) as object, { sidePanel });
  vi.stubGlobal('chrome', api);
  vi.stubGlobal('browser', undefined);
  return { browser: fakeBrowser, sidePanel };
}

export function installFirefox() {
  fakeBrowser.reset();
  const sidebarAction = {
    open: vi.fn(async () => undefined),
    toggle: vi.fn(async () => undefined),
    setPanel: vi.fn(async () => undefined),
  };
  // Firefox has no sidePanel at all; fake-browser's stub would throw, so hide it.
  const api = Object.assign(Object.create(fakeBrowser) as object, { sidebarAction, sidePanel: undefined });
  vi.stubGlobal('browser', api);
  return { browser: fakeBrowser, sidebarAction };
}

/** Delivers a runtime message as if sent from `tabId` and waits for the listener's reply. */
/** Delivers a message as another part of Rounds would send it: stamped with this version. */
export function deliver(
  message: object,
  tabId?: number,
): { reply: Promise<unknown>; returned: Promise<unknown[]> } {
  return deliverRaw(stamped(message), tabId);
}

/** Delivers exactly what is given, as a page from an older Rounds (or anything else) might. */
export function deliverRaw(
  message: unknown,
  tabId?: number,
): { reply: Promise<unknown>; returned: Promise<unknown[]> } {
  let resolve!: (value: unknown) => void;
  const reply = new Promise((r) => (resolve = r));
  const sender = tabId === undefined ? {} : { tab: { id: tabId } };
  const returned = fakeBrowser.runtime.onMessage.trigger(
    message,
    sender as chrome.runtime.MessageSender,
    resolve,
  );
  return { reply, returned };
}
