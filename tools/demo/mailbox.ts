// The demo mailbox as Gmail would hold it: conversations of raw messages, each with Gmail's ids and the
// opaque address token Gmail puts in the URL hash (#inbox/<token>) when a conversation is open.
import { DEMO_MAIL } from './mail';
import { gmailIdsFor, messageIdHeader, rawMessage, type DemoEmail, type GmailIds } from './raw-mail';

export interface DemoMessage {
  email: DemoEmail;
  ids: GmailIds;
  messageId: string;
  raw: Buffer;
}

export interface DemoThread {
  key: string;
  /** Gmail's thread id is the id of its first message. */
  ids: GmailIds;
  /** What follows "#inbox/" in Gmail's address for this conversation. */
  token: string;
  subject: string;
  messages: DemoMessage[];
}

/** Gmail's tokens are 32 letters; this one is derived from the thread id so it never changes. */
function tokenFor(ids: GmailIds): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let n = BigInt(`0x${ids.hex}`) * 0x9e3779b97f4a7c15n;
  let token = 'FMfcgz';
  while (token.length < 32) {
    token += letters[Number(n % 52n)];
    n = n / 52n + 0x5bd1e995n * BigInt(token.length);
  }
  return token;
}

/** Conversations newest first (by their latest message), messages oldest first, as Gmail shows them. */
export function demoMailbox(mail: readonly DemoEmail[] = DEMO_MAIL): DemoThread[] {
  const threads = new Map<string, DemoThread>();
  const byKey = new Map(mail.map((m) => [m.key, m]));
  mail.forEach((email, index) => {
    const threadKey = email.thread ?? email.key;
    if (!byKey.has(threadKey)) throw new Error(`demo mail "${email.key}" replies to unknown "${threadKey}"`);
    const ids = gmailIdsFor(index);
    const parent = email.thread ? byKey.get(email.thread) : undefined;
    const message = { email, ids, messageId: messageIdHeader(email), raw: rawMessage(email, parent) };
    const thread = threads.get(threadKey);
    if (thread) thread.messages.push(message);
    else
      threads.set(threadKey, {
        key: threadKey,
        ids,
        token: tokenFor(ids),
        subject: email.subject,
        messages: [message],
      });
  });
  const latest = (t: DemoThread) => Math.max(...t.messages.map((m) => Date.parse(m.email.date)));
  const list = [...threads.values()];
  for (const t of list) t.messages.sort((a, b) => Date.parse(a.email.date) - Date.parse(b.email.date));
  return list.sort((a, b) => latest(b) - latest(a));
}

/** Finds a message by its hex Gmail id or its decimal "msg-f:" id (the two ways Gmail's URLs name one). */
export function findMessage(threads: readonly DemoThread[], id: string): DemoMessage | undefined {
  const wanted = id.replace(/^#?msg-f:/, '');
  for (const thread of threads) {
    for (const message of thread.messages) {
      if (message.ids.hex === wanted || message.ids.decimal === wanted) return message;
    }
  }
  return undefined;
}
