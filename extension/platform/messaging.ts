// Runtime messaging between the content scripts, the worker and the side panel. Every message and reply
// is checked against shared/extension-messages on arrival.
import {
  checkToContent,
  checkToWorker,
  ReplySchema,
  stamped,
  type Reply,
  type ToContent,
  type ToWorker,
} from '../../shared/browser/extension-messages';
import * as v from 'valibot';
import { browserApi } from './browser';

function asReply(response: unknown): Reply {
  const parsed = v.safeParse(ReplySchema, response);
  return parsed.success
    ? parsed.output
    : { ok: false, problem: 'Rounds got no answer; reload the page and try again.' };
}

/** A reply, or why none came; `unreachable` means nobody is listening any more. */
export type SendResult = Reply | { ok: false; problem: string; unreachable: true };

async function send(run: () => Promise<unknown>): Promise<SendResult> {
  try {
    return asReply(await run());
  } catch (error) {
    // Chrome rejects when nobody listens ("Receiving end does not exist"): the other side is gone, e.g.
    // the extension was updated or reloaded under this page, whose content script is now orphaned.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: `Rounds could not reach its other half (${detail}). Reload the page.`,
      unreachable: true,
    };
  }
}

/**
 * True in a content script whose extension was reloaded, updated or removed: Chrome clears
 * `runtime.id` there, and nothing it sends will ever arrive.
 */
export function isOrphaned(): boolean {
  try {
    return !browserApi().runtime.id;
  } catch {
    return true;
  }
}

export const sendToWorker = (message: ToWorker) =>
  send(() => browserApi().runtime.sendMessage(stamped(message)));

export const sendToTab = (tabId: number, message: ToContent) =>
  send(() => browserApi().tabs.sendMessage(tabId, stamped(message)));

/** Who sent a message: the tab (content scripts, or an extension page open in a tab) and whether it is Rounds' own page. */
export interface Sender {
  tabId: number | undefined;
  /** True for the side panel and other pages of the extension itself; false for content scripts. */
  extensionPage: boolean;
}

type Handler<T> = (message: T, tabId: number | undefined, sender: Sender) => Reply | Promise<Reply>;

function isExtensionPage(sender: chrome.runtime.MessageSender): boolean {
  const own = browserApi().runtime.getURL('');
  return (
    typeof sender.url === 'string' && sender.url.startsWith(own) && sender.id === browserApi().runtime.id
  );
}

function listen<T>(
  check: (input: unknown) => { ok: true; value: T } | { ok: false; problem: string },
  handle: Handler<T>,
) {
  const listener = (
    input: unknown,
    sender: chrome.runtime.MessageSender,
    sendResponse: (reply: Reply) => void,
  ): boolean => {
    const checked = check(input);
    if (!checked.ok) {
      sendResponse({ ok: false, problem: checked.problem });
      return false;
    }
    // The handler runs synchronously so that a user gesture carried by the message is still live when
    // it calls sidePanel.open(). Chrome before 148 ignores a Promise returned from an onMessage listener
    // (crbug.com/1185241), so the reply goes through sendResponse and `return true` keeps the channel
    // open (Firefox accepts this too). Can go when minimum_chrome_version reaches 148.
    const from: Sender = { tabId: sender.tab?.id, extensionPage: isExtensionPage(sender) };
    Promise.resolve(handle(checked.value, sender.tab?.id, from)).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, problem: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  browserApi().runtime.onMessage.addListener(listener);
  return () => browserApi().runtime.onMessage.removeListener(listener);
}

/** In the worker: handles messages from content scripts (with the sending tab) and the side panel. */
export const onWorkerMessage = (handle: Handler<ToWorker>) => listen(checkToWorker, handle);

/** In a content script: handles messages from the side panel or worker. */
export const onContentMessage = (handle: Handler<ToContent>) => listen(checkToContent, handle);
