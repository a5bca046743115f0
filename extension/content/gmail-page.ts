// Reads the open Gmail conversation from the page, using only the class names and data attributes that
// have stayed stable since Gmail's 2018 redesign (see architecture.md). Every query is scoped to the
// conversation, because in reading-pane mode the message list shares the page. When the parts Rounds
// relies on are gone, it says which ones instead of guessing.
import { readGmailDate } from '../../shared/browser/gmail-dates';
import { gmailMessageId, gmailThreadId } from '../../shared/browser/gmail-ids';
import {
  MAX_BODY_CHARS,
  type GmailMessage,
  type Person,
  type SeenPage,
} from '../../shared/browser/seen-page';
import { readableText } from './page-text';

const SUBJECT = 'h2.hP';
const EXPANDED = 'div.adn.ads';
const COLLAPSED = '.adf.ads';
const ANY_MESSAGE = `${EXPANDED}, ${COLLAPSED}, [data-message-id], .a3s`;

/** Gmail keeps earlier conversations in the page, hidden; only the one on screen counts. */
function isShown(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (at.hasAttribute('hidden') || (at as HTMLElement).style?.display === 'none') return false;
  }
  return true;
}

/** The nearest ancestor of the subject that also holds the messages: the conversation view. */
function conversationOf(subject: Element): Element | null {
  for (let at = subject.parentElement; at; at = at.parentElement) {
    if (at.querySelector(ANY_MESSAGE)) return at;
  }
  return null;
}

function person(element: Element): Person {
  return {
    name: (element.getAttribute('name') ?? element.textContent ?? '').trim(),
    email: element.getAttribute('email') ?? '',
  };
}

/** Gmail's address hash ("#inbox/FMfcgz…") is an opaque token; its shape alone says a conversation is open. */
function hashNamesConversation(url: string): boolean {
  const hash = url.split('#')[1] ?? '';
  return /^[^/]+(?:\/[^/]+)*\/[A-Za-z0-9_-]{16,}$/.test(hash);
}

/**
 * Only Gmail's own chrome counts: an HTML email can contain anything, including markup shaped like
 * Gmail's attachment chips or recipient list, so nothing inside the message body (.a3s) is read as one.
 */
function outsideBody(found: NodeListOf<Element>): Element[] {
  return Array.from(found).filter((element) => !element.closest('.a3s'));
}

function readMessage(element: Element, missing: Set<string>): GmailMessage | null {
  const sender = element.querySelector('span.gD[email]');
  const date = element.querySelector('span.g3[title]');
  if (!sender) missing.add('the sender of a message (span.gD[email])');
  if (!date) missing.add('the date of a message (span.g3[title])');
  if (!sender || !date) return null;
  const body = element.querySelector('.a3s');
  const seen = new Set<string>();
  const to = outsideBody(element.querySelectorAll('.hb span[email]'))
    .map(person)
    .filter((p) => p.email && !seen.has(p.email) && seen.add(p.email));
  const attachments = outsideBody(element.querySelectorAll('span.aZo'))
    .map((a) => (a.querySelector('.aV3')?.textContent ?? '').trim())
    .filter((name) => name.length > 0)
    .map((name) => ({ name: name.slice(0, 500) }));
  return {
    id: gmailMessageId({
      legacyMessageId: element.getAttribute('data-legacy-message-id'),
      messageId: element.getAttribute('data-message-id'),
    }),
    from: person(sender),
    to,
    date: readGmailDate(date.getAttribute('title') ?? ''),
    body: body ? readableText(body, MAX_BODY_CHARS) : '',
    attachments,
  };
}

export function readGmailPage(doc: Document, url: string): SeenPage {
  const subject = Array.from(doc.querySelectorAll(SUBJECT)).find(isShown);
  if (!subject) {
    const looksOpen =
      Array.from(doc.querySelectorAll(ANY_MESSAGE)).some(isShown) || hashNamesConversation(url);
    return looksOpen
      ? { kind: 'gmail-unreadable', url, missing: ['the subject of the conversation (h2.hP)'] }
      : { kind: 'gmail-list', url };
  }
  const conversation = conversationOf(subject);
  const expanded = conversation
    ? Array.from(conversation.querySelectorAll(`${EXPANDED}[data-message-id]`))
    : [];
  if (expanded.length === 0) {
    return {
      kind: 'gmail-unreadable',
      url,
      missing: ['the messages of the conversation (div.adn.ads[data-message-id])'],
    };
  }
  const missing = new Set<string>();
  const messages = expanded.map((element) => readMessage(element, missing));
  if (missing.size > 0) return { kind: 'gmail-unreadable', url, missing: [...missing] };
  return {
    kind: 'gmail-thread',
    url,
    thread: {
      id: gmailThreadId({
        legacyThreadId: subject.getAttribute('data-legacy-thread-id'),
        threadPermId: subject.getAttribute('data-thread-perm-id'),
      }),
      subject: (subject.textContent ?? '').trim().slice(0, 1000),
      messages: messages as GmailMessage[],
      collapsed: conversation!.querySelectorAll(COLLAPSED).length,
    },
  };
}
