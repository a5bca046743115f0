// An email's original as Gmail gives it, fetched through the Gmail tab's content script (same origin,
// no Gmail API scope) and parsed with postal-mime into the .eml and its attachments. The last few are
// kept in the worker's memory so "look it up" then "file it" reads Gmail once; after the worker stops
// they are simply fetched again.
import PostalMime from 'postal-mime';
import type { EmailContent } from '../../shared/filing/file-email';
import { sendToTab } from '../platform/messaging';

export interface Original {
  raw: Uint8Array;
  messageId?: string;
  subject: string;
  from: string;
  date: string;
  attachments: { filename: string; mimeType: string; content: Uint8Array }[];
}

const KEEP = 30;
const cache = new Map<string, Original>();

/** Why an original could not be had, in a sentence; `gmailTab` when the Gmail tab is gone or was reloaded. */
export class OriginalUnavailable extends Error {
  constructor(
    message: string,
    readonly gmailTab: boolean,
  ) {
    super(message);
    this.name = 'OriginalUnavailable';
  }
  /** The filer keeps a job with a retryable failure queued: a reopened Gmail tab lets it continue. */
  get retryable(): boolean {
    return this.gmailTab;
  }
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function parseOriginal(raw: Uint8Array): Promise<Original> {
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  const from = email.from
    ? email.from.name && email.from.address
      ? `${email.from.name} <${email.from.address}>`
      : (email.from.address ?? email.from.name)
    : '';
  return {
    raw,
    messageId: email.messageId,
    subject: email.subject ?? '',
    from,
    date: email.date ?? '',
    attachments: email.attachments.map((a, i) => ({
      filename: a.filename || `Attachment ${i + 1}`,
      mimeType: a.mimeType || 'application/octet-stream',
      content:
        typeof a.content === 'string'
          ? new TextEncoder().encode(a.content)
          : a.content instanceof Uint8Array
            ? a.content
            : new Uint8Array(a.content),
    })),
  };
}

export async function fetchOriginal(tabId: number | undefined, gmailMessageId: string): Promise<Original> {
  const kept = cache.get(gmailMessageId);
  if (kept) return kept;
  if (tabId === undefined) {
    throw new OriginalUnavailable('Open Gmail in a tab so Rounds can read this email.', true);
  }
  const reply = await sendToTab(tabId, { type: 'fetch-original', gmailMessageId });
  if (!reply.ok) throw new OriginalUnavailable(reply.problem, 'unreachable' in reply);
  const base64 = (reply.data as { base64?: unknown } | undefined)?.base64;
  if (typeof base64 !== 'string') throw new OriginalUnavailable('Gmail gave Rounds nothing to file.', false);
  const original = await parseOriginal(fromBase64(base64));
  cache.set(gmailMessageId, original);
  if (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  return original;
}

export function contentOf(original: Original): EmailContent {
  return {
    raw: original.raw,
    attachments: original.attachments.map((a) => ({
      filename: a.filename,
      mimeType: a.mimeType,
      content: a.content,
    })),
  };
}
