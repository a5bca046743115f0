// Work the sidebar could not get to Google yet (a tag being applied on a school's weak Wi-Fi): kept in the
// sidebar — and in its session storage, when the page allows it — and tried again when the browser is back
// online, every 20 seconds, or when the person asks. A server's own refusal is not retried: it is shown.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export interface PendingTag {
  id: number;
  code: string;
}

const STORAGE_KEY = 'rounds.pendingTags';
const RETRY_MS = 20_000;

/** Failures that mean "Google could not be reached", not "the server said no". */
export function isConnectionFailure(message: string, online = true): boolean {
  return (
    !online ||
    /network|connection|HTTP 0|timed? ?out|failed to fetch|unreachable|could not (?:reach|connect)|did not answer/i.test(
      message,
    )
  );
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    // A sandboxed iframe may refuse storage altogether: the queue then lives in memory only.
    return null;
  }
}

function loadQueue(): PendingTag[] {
  try {
    const raw = storage()?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed)
      ? parsed.filter((p): p is PendingTag => typeof p?.id === 'number' && typeof p?.code === 'string')
      : [];
  } catch {
    return [];
  }
}

function saveQueue(queue: readonly PendingTag[]): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(queue));
  } catch {
    // Full or refused storage: the queue is still in memory.
  }
}

export type SendOutcome<T> = { ok: true; value: T } | { ok: false; message: string; offline: boolean };

/**
 * A queue of tags: `add` keeps one and tries it at once; each is sent in order by `send`; a connection
 * failure leaves it (and the rest) queued and marks the sidebar offline until a try succeeds.
 */
export function usePendingTags<T>(
  send: (tag: PendingTag) => Promise<T>,
  onDone: (value: T, tag: PendingTag) => void,
  onRefused: (message: string, tag: PendingTag) => void,
) {
  const [queue, setQueue] = useState<PendingTag[]>(loadQueue);
  const [offline, setOffline] = useState<string | null>(null);
  const busy = useRef(false);
  const latest = useRef(queue);
  latest.current = queue;

  const update = (next: PendingTag[]) => {
    latest.current = next;
    saveQueue(next);
    setQueue(next);
  };

  const flush = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      while (latest.current.length) {
        const tag = latest.current[0]!;
        try {
          const value = await send(tag);
          update(latest.current.filter((t) => t.id !== tag.id));
          setOffline(null);
          onDone(value, tag);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const online = typeof navigator === 'undefined' ? true : navigator.onLine !== false;
          if (isConnectionFailure(message, online)) {
            setOffline(message);
            return;
          }
          update(latest.current.filter((t) => t.id !== tag.id));
          onRefused(message, tag);
        }
      }
    } finally {
      busy.current = false;
    }
  }, [send, onDone, onRefused]);

  const add = useCallback(
    (code: string) => {
      update([...latest.current, { id: Date.now() + Math.random(), code }]);
      void flush();
    },
    [flush],
  );

  // Try again when the browser says it is back online; and, only while something waits, every 20 seconds.
  const waiting = queue.length > 0;
  useEffect(() => {
    const retry = () => void flush();
    window.addEventListener('online', retry);
    if (!waiting) return () => window.removeEventListener('online', retry);
    const timer = window.setInterval(retry, RETRY_MS);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [flush, waiting]);

  // Tags kept from before the sidebar was reloaded are tried once it opens.
  useEffect(() => {
    if (latest.current.length) void flush();
  }, [flush]);

  return { queue, offline, add, retry: flush };
}
