// Filing an email: its .eml (and each attachment) lands in the step folder tagged {src:'gmail', srcId},
// then one row goes to the Filings tab. Every step finds what an earlier attempt made instead of copying.

import type { Filing, StepNumber } from '../domain';
import type { Drive } from '../google/drive';
import { ensureUpload } from '../google/source-files';
import type { TableRow } from '../google/table-rows';
import { checkFiling, filingId, filingRow } from './filing-row';

export interface Attachment {
  name: string;
  mimeType: string;
  content: Uint8Array;
}

export interface EmailToFile {
  /** Gmail API message id (hex): the idempotency key in Drive. */
  messageId: string;
  subject: string;
  from?: string;
  /** The raw message (RFC 822), as Gmail's "show original" gives it. */
  raw: Uint8Array;
  attachments?: readonly Attachment[];
  cycleId: string;
  step: StepNumber;
  stepFolderId: string;
}

/** Where a filing's row goes: straight to the sheet, or into a RowBatcher shared by many filings. */
export interface RowSink {
  add(row: TableRow): Promise<void>;
}

export interface FilingContext {
  drive: Drive;
  rows: RowSink;
  /** ISO timestamp for "Filed at". */
  now: () => string;
  filedBy?: string;
}

export const EML_MIME = 'message/rfc822';

/** The Drive half: the files exist exactly once afterwards; returns the Filing to record. */
export async function storeEmail(ctx: Omit<FilingContext, 'rows'>, email: EmailToFile): Promise<Filing> {
  const draft = checkFiling({
    id: filingId('email', email.messageId, email.cycleId, email.step),
    kind: 'email',
    cycleId: email.cycleId,
    step: email.step,
    title: email.subject.slice(0, 500),
    sourceId: email.messageId,
    from: email.from?.slice(0, 320),
    filedAt: ctx.now(),
    filedBy: ctx.filedBy,
  });
  const eml = await ensureUpload(ctx.drive, {
    folderId: email.stepFolderId,
    source: { src: 'gmail', srcId: email.messageId },
    name: `${fileName(email.subject, 'Email')}.eml`,
    mimeType: EML_MIME,
    content: email.raw,
  });
  for (const [n, attachment] of (email.attachments ?? []).entries()) {
    await ensureUpload(ctx.drive, {
      folderId: email.stepFolderId,
      source: { src: 'gmail', srcId: `${email.messageId}/attachment/${n + 1}` },
      name: fileName(attachment.name, `Attachment ${n + 1}`),
      mimeType: attachment.mimeType || 'application/octet-stream',
      content: attachment.content,
    });
  }
  return { ...draft, driveFileId: eml.file.id ?? undefined };
}

export async function fileEmail(ctx: FilingContext, email: EmailToFile): Promise<Filing> {
  const filing = await storeEmail(ctx, email);
  await ctx.rows.add(filingRow(filing));
  return filing;
}

/** A name people can download: no path separators or control characters, not absurdly long. */
export function fileName(text: string, fallback: string): string {
  const cleaned = text
    .replace(/[\u0000-\u001f\u007f/\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (cleaned || fallback).slice(0, 180);
}
