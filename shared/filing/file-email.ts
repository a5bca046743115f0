// The Drive half of filing an email: its .eml and each attachment as its own file in the step folder, each
// created under the Drive id set aside for it in the job, so a retry or a resumed job finds its files by id.

import { utf8Encode } from '../google/bytes';
import type { Drive } from '../google/drive';
import { createWithId } from '../google/source-files';
import type { FiledFile, FilingJob } from './filing-job';
import { normalizeMessageId, messageIdOf } from './filing-job';
import { driveLink } from './filing-row';

/** An attachment as postal-mime parses it (`filename`, `mimeType`, `content`), or already as bytes. */
export interface EmailAttachment {
  filename?: string | null;
  mimeType?: string;
  content: Uint8Array | ArrayBuffer | string;
}

/** What the extension fetches when a job runs: the raw message (Gmail's "show original") and its parts. */
export interface EmailContent {
  raw: Uint8Array;
  attachments?: readonly EmailAttachment[];
}

export const EML_MIME = 'message/rfc822';

/** The files an email becomes, by slot: the .eml, then 'attachment:1', 'attachment:2'… in the message's order. */
export function emailSlots(content: EmailContent): string[] {
  return ['eml', ...(content.attachments ?? []).map((_, i) => `attachment:${i + 1}`)];
}

/** Refuses content that is not the queued message, so a mix-up in the extension cannot file the wrong mail. */
export function checkContent(job: FilingJob, content: EmailContent): void {
  if (job.what.kind !== 'email') return;
  if (!(content.raw instanceof Uint8Array) || content.raw.length === 0)
    throw new Error(`The message "${job.what.subject}" came back empty or unreadable, so nothing was filed.`);
  const found = messageIdOf(content.raw);
  if (found !== undefined && normalizeMessageId(found) !== normalizeMessageId(job.what.messageId))
    throw new Error(
      `The message fetched for "${job.what.subject}" is a different email (its Message-ID is ${found}); nothing was filed.`,
    );
}

export async function storeEmail(drive: Drive, job: FilingJob, content: EmailContent): Promise<FiledFile[]> {
  if (job.what.kind !== 'email') throw new Error('storeEmail files emails only.');
  const messageId = job.what.messageId;
  const folderId = job.target.stepFolderId;
  const maybeMade = job.runs > 1;
  const parts = [
    {
      slot: 'eml',
      srcId: messageId,
      name: `${fileName(job.what.subject, 'Email')}.eml`,
      mimeType: EML_MIME,
      bytes: content.raw,
    },
    ...(content.attachments ?? []).map((a, i) => ({
      slot: `attachment:${i + 1}`,
      srcId: `${messageId}/attachment/${i + 1}`,
      name: fileName(a.filename ?? '', `Attachment ${i + 1}`),
      mimeType: a.mimeType || 'application/octet-stream',
      bytes: asBytes(a.content),
    })),
  ];
  const filed: FiledFile[] = [];
  for (const part of parts) {
    const id = job.driveIds[part.slot];
    if (!id) throw new Error(`No Drive id was set aside for ${part.slot} of "${job.what.subject}".`);
    const { file } = await createWithId(drive, {
      id,
      folderId,
      source: { src: 'gmail', srcId: part.srcId },
      metadata: { name: part.name, mimeType: part.mimeType },
      create: (m) => drive.upload(m, part.bytes, part.mimeType),
      maybeMade,
    });
    const driveId = file.id ?? id;
    filed.push({ slot: part.slot, name: file.name ?? part.name, driveId, link: driveLink(driveId) });
  }
  return filed;
}

function asBytes(content: Uint8Array | ArrayBuffer | string): Uint8Array {
  if (content instanceof Uint8Array) return content;
  if (typeof content === 'string') return utf8Encode(content);
  return new Uint8Array(content);
}

/** A name people can download: no path separators or control characters, not absurdly long. */
export function fileName(text: string, fallback: string): string {
  const cleaned = text
    .replace(/[\u0000-\u001f\u007f/\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (cleaned || fallback).slice(0, 180);
}
