// Session storage (in memory, cleared when the browser closes: the right place for what a tab shows, which
// may include mail text) as the state bus between worker and side panel.
import { browserApi } from './browser';

export const sessionStore = {
  async get(key: string): Promise<unknown> {
    const found = await browserApi().storage.session.get(key);
    return found[key];
  },
  async set(key: string, value: unknown): Promise<void> {
    await browserApi().storage.session.set({ [key]: value });
  },
  async remove(key: string): Promise<void> {
    await browserApi().storage.session.remove(key);
  },
  /** Calls `listener(newValue)` whenever `key` changes in session storage, until `signal` aborts. */
  watch(key: string, listener: (value: unknown) => void, signal: AbortSignal): void {
    const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'session' && key in changes) listener(changes[key]!.newValue);
    };
    browserApi().storage.onChanged.addListener(onChanged);
    signal.addEventListener('abort', () => browserApi().storage.onChanged.removeListener(onChanged), {
      once: true,
    });
  },
};
