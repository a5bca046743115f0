// Extension storage: session storage (in memory, cleared when the browser closes: the right place for what
// a tab shows, which may include mail text, and for the sign-in token) as the state bus between worker and
// side panel, and local storage for what must outlive the browser (the filing queue, the network).
import { browserApi } from './browser';

type Area = 'session' | 'local';

/** Session storage refused a write (over its quota, say): the caller says so to the user. */
export class StorageWriteError extends Error {
  constructor(key: string, error: unknown) {
    super(`Rounds could not save ${key} (${error instanceof Error ? error.message : String(error)}).`);
    this.name = 'StorageWriteError';
  }
}

/**
 * Keeps session storage to the extension's own pages and worker: content scripts run beside Gmail's page
 * and must never read the sign-in token. Chrome's default already is this; saying it guards against a
 * change of default. Firefox before 129 has no setAccessLevel and never shares session storage anyway.
 */
export async function restrictSessionToExtension(): Promise<void> {
  const session = browserApi().storage.session as chrome.storage.StorageArea & {
    setAccessLevel?: (options: { accessLevel: string }) => Promise<void>;
  };
  try {
    await session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // A browser whose session storage has no access levels never shares it with content scripts.
  }
}

function areaStore(area: Area) {
  const storage = () => browserApi().storage[area];
  return {
    async get(key: string): Promise<unknown> {
      const found = await storage().get(key);
      return found[key];
    },
    /** Several keys in one request (the panel's first read): keys not stored are absent. */
    async getMany(keys: string[]): Promise<Record<string, unknown>> {
      return storage().get(keys);
    },
    async set(key: string, value: unknown): Promise<void> {
      try {
        await storage().set({ [key]: value });
      } catch (error) {
        throw new StorageWriteError(key, error);
      }
    },
    async remove(key: string): Promise<void> {
      await storage().remove(key);
    },
    /** Calls `listener(newValue)` whenever `key` changes in this area, until `signal` aborts. */
    watch(key: string, listener: (value: unknown) => void, signal: AbortSignal): void {
      const onChanged = (changes: Record<string, chrome.storage.StorageChange>, changed: string) => {
        if (changed === area && key in changes) listener(changes[key]!.newValue);
      };
      browserApi().storage.onChanged.addListener(onChanged);
      signal.addEventListener('abort', () => browserApi().storage.onChanged.removeListener(onChanged), {
        once: true,
      });
    },
  };
}

export const localStore = areaStore('local');

export const sessionStore = areaStore('session');
