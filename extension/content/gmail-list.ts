// The conversations of Gmail's message list: the ones ticked with Gmail's own checkboxes, or every one
// shown (the current search's results). Read from `tr.zA` rows and their `data-legacy-thread-id`, the
// list markup the big Gmail SDKs rely on; the tick is read from the row's ARIA checkbox.
import { isGmailApiId } from '../../shared/browser/gmail-ids';
import { readGmailDate } from '../../shared/browser/gmail-dates';

export interface ListedConversation {
  /** The legacy hex thread id: also the id of its first message, which is the one filed. */
  threadId: string;
  subject: string;
  from: string;
  /** The sender's name as the list shows it (a department rule matches on it). */
  fromName: string;
  /** Gmail's snippet (`.y2`): the opening words, all the list shows of the body. */
  snippet: string;
  /** The row's date as a local day (YYYY-MM-DD), when Gmail's title on it reads as one. */
  date?: string;
}

function isShown(element: Element): boolean {
  for (let at: Element | null = element; at; at = at.parentElement) {
    if (at.hasAttribute('hidden') || (at as HTMLElement).style?.display === 'none') return false;
  }
  return true;
}

export function listConversations(doc: Document, scope: 'selected' | 'all'): ListedConversation[] {
  const seen = new Set<string>();
  const out: ListedConversation[] = [];
  for (const row of Array.from(doc.querySelectorAll('tr.zA'))) {
    if (!isShown(row)) continue;
    if (scope === 'selected' && !row.querySelector('[role="checkbox"][aria-checked="true"]')) continue;
    const threadId =
      row.querySelector('[data-legacy-thread-id]')?.getAttribute('data-legacy-thread-id') ?? '';
    if (!isGmailApiId(threadId) || seen.has(threadId)) continue;
    seen.add(threadId);
    const sender = row.querySelector('span[email]');
    out.push({
      threadId,
      subject: (row.querySelector('[data-legacy-thread-id]')?.textContent ?? '').trim().slice(0, 1000),
      from: (sender?.getAttribute('email') ?? '').slice(0, 320),
      fromName: (sender?.getAttribute('name') ?? '').slice(0, 300),
      snippet: (row.querySelector('.y2')?.textContent ?? '')
        .replace(/^\s*-\s*/, '')
        .trim()
        .slice(0, 1000),
      date: readGmailDate(row.querySelector('.xW [title]')?.getAttribute('title') ?? '').local?.slice(0, 10),
    });
  }
  return out;
}
