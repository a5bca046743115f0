// Reads one raw email (an .eml file or one message of a mailbox) into the message the triage reads:
// Message-ID as the id, the sender, the sent date as written, and the plain text (or the HTML made text).
import { createHash } from 'node:crypto';
import PostalMime, { type Address } from 'postal-mime';
import { normalizeSentDate, parseMessageRecord, quote } from '../../shared/mandates/input';
import { TEXT_LIMITS } from '../../shared/mandates/limits';
import type { MandateMessage } from '../../shared/mandates/types';
import { htmlToText } from './html-text';

export type EmailResult =
  { ok: true; message: MandateMessage; warnings: string[] } | { ok: false; problems: string[] };

// A header line ("Subject: …") starts with a field name of printable characters and a colon.
const HEADER_LINE = /^[!-9;-~]+:/;
const KNOWN_HEADER =
  /^(from|to|cc|subject|date|message-id|received|return-path|mime-version|content-type|delivered-to|reply-to|sender|x-[a-z0-9-]+):/im;

/**
 * Whether text starts like an email: a header block (optionally after an mbox "From " line) with at least
 * one header every real message carries. Binary junk and JSON both fail this.
 */
export function looksLikeEmail(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').replace(/^From [^\n]*\n/, '');
  const block = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const firstLine = block.split(/\r?\n/, 1)[0] ?? '';
  return HEADER_LINE.test(firstLine) && KNOWN_HEADER.test(block);
}

/** Parses one email; problems and warnings are phrases the caller prefixes with where the mail was. */
export async function parseEmail(raw: Uint8Array): Promise<EmailResult> {
  const head = Buffer.from(raw.subarray(0, 64 * 1024)).toString('latin1');
  if (!looksLikeEmail(head)) {
    return {
      ok: false,
      problems: [
        'does not look like an email: it should start with header lines such as "From:", "Subject:", "Date:"',
      ],
    };
  }
  const warnings: string[] = [];
  // Memory stays bounded on huge mail: the parser is only given the first rawMailBytes (the text parts come
  // before the attachments that make mail that large).
  if (raw.length > TEXT_LIMITS.rawMailBytes) {
    warnings.push(
      `it is ${mib(raw.length)} MiB; only its first ${mib(TEXT_LIMITS.rawMailBytes)} MiB are read (attachments are not triaged)`,
    );
    raw = raw.subarray(0, TEXT_LIMITS.rawMailBytes);
  }
  let email;
  try {
    email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    return { ok: false, problems: [`could not be read as an email (${(error as Error).message})`] };
  }

  const rawDate = email.headers.find((h) => h.key === 'date')?.value;
  const date = rawDate === undefined ? undefined : normalizeSentDate(rawDate);
  if (rawDate !== undefined && date === undefined) {
    warnings.push(`its Date header ${quote(rawDate)} is not a date, so lead times are left out`);
  }

  const plain = email.text?.trim() ? email.text : '';
  // Some senders put an empty text/plain part beside the real HTML one: prefer plain text only when it has words.
  let text = plain || (email.html ? htmlToText(email.html) : '');
  text = text.replace(/\u0000/g, '');
  const subject = email.subject?.replace(/\u0000/g, '').slice(0, 2000);
  if (!text.trim() && !subject?.trim()) {
    return { ok: false, problems: ['has neither a subject nor any readable text (attachments only?)'] };
  }

  const record: Record<string, unknown> = { id: messageId(email.messageId) ?? generatedId(raw), text };
  if (subject) record.subject = subject;
  const from = formatAddress(email.from);
  if (from) record.from = from.slice(0, 2000);
  if (date) record.date = date;
  const parsed = parseMessageRecord(record);
  return parsed.ok
    ? { ok: true, message: parsed.value, warnings: [...warnings, ...(parsed.warnings ?? [])] }
    : { ok: false, problems: parsed.problems };
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0);

function messageId(header: string | undefined): string | undefined {
  const id = header
    ?.trim()
    .replace(/^<(.*)>$/, '$1')
    .trim();
  return id && id.length <= 500 && !id.includes('\u0000') ? id : undefined;
}

/** Mail without a Message-ID gets an id from its content, so the same file gives the same id every run. */
function generatedId(raw: Uint8Array): string {
  return `sha256-${createHash('sha256').update(raw).digest('hex').slice(0, 20)}`;
}

function formatAddress(address: Address | undefined): string | undefined {
  if (!address) return undefined;
  if (address.group) return address.name || undefined;
  if (address.name && address.address) return `${address.name} <${address.address}>`;
  return address.address || address.name || undefined;
}
