// Keeps the worker told what the page shows: reads it once the page settles after each change (Gmail
// and Docs are single-page apps that rebuild the view without loading), and sends only what changed.
import type { Reply, ToContent } from '../../shared/browser/extension-messages';
import type { SeenPage } from '../../shared/browser/seen-page';
import { isOrphaned, onContentMessage, sendToWorker } from '../platform/messaging';

/** Gmail mutates the page constantly; reading after a quiet spell keeps the cost to one read per view. */
export const SETTLE_MS = 400;
/** ...but a page that never goes quiet (a ticking clock, an animation) is still read this often. */
export const MAX_WAIT_MS = 2000;

/** Answers the worker's other requests to this page (Gmail's original message, its list). */
export type PageRequests = (message: Exclude<ToContent, { type: 'read-again' }>) => Promise<Reply>;

const noOtherRequests: PageRequests = async () => ({
  ok: false,
  problem: 'This page cannot do that.',
});

export function watchPage(
  read: () => SeenPage,
  signal: AbortSignal,
  answer: PageRequests = noOtherRequests,
): void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waitingSince: number | undefined;

  /** Reads the page and tells the worker if it changed (or if forced); resolves to the worker's reply. */
  const report = async (force: boolean): Promise<Reply> => {
    waitingSince = undefined;
    if (isOrphaned()) {
      stop();
      return { ok: false, problem: 'Rounds was reloaded: reload this page.' };
    }
    const page = read();
    const serialized = JSON.stringify(page);
    if (!force && serialized === last) return { ok: true };
    last = serialized;
    const reply = await sendToWorker({ type: 'page-seen', page });
    // Not delivered: send it again on the next change rather than believing the worker has it.
    if (!reply.ok) last = '';
    if (isOrphaned()) stop();
    return reply;
  };
  const soon = () => {
    const now = Date.now();
    waitingSince ??= now;
    if (now - waitingSince >= MAX_WAIT_MS && timer !== undefined) return; // let the pending read run
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void report(false);
    }, SETTLE_MS);
  };

  const observer = new MutationObserver(soon);
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  window.addEventListener('hashchange', soon, { signal });
  window.addEventListener('popstate', soon, { signal });
  const unlisten = onContentMessage((message) => {
    if (message.type === 'read-again') {
      return report(true).then(({ ok }) =>
        ok ? { ok } : { ok, problem: 'The page could not tell Rounds.' },
      );
    }
    return answer(message);
  });
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    unlisten();
  };
  signal.addEventListener('abort', stop, { once: true });
  void report(true);
}
