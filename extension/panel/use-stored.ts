// A component's live copy of one session-storage key the worker writes.
import { useEffect, useState } from 'preact/hooks';
import { sessionStore } from '../platform/storage';

export function useStored<T>(key: string | undefined, read: (value: unknown) => T): T {
  const [value, setValue] = useState<T>(() => read(undefined));
  useEffect(() => {
    setValue(read(undefined));
    if (!key) return;
    const lifetime = new AbortController();
    sessionStore.watch(key, (v) => setValue(read(v)), lifetime.signal);
    void sessionStore.get(key).then((v) => {
      if (!lifetime.signal.aborted) setValue(read(v));
    });
    return () => lifetime.abort();
  }, [key]);
  return value;
}
