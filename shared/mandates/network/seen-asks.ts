// The Mandates tab as the network's shared memory of central-office mail: each member who chooses to share
// adds one row per email they open (its Message-ID, sender, subject, opening lines, tier, first due date and
// who received it), and the ILD's panel reads the rows back into `repeatedAsks` to see one ask that several
// principals received, perhaps from several departments in other words. One row per member's copy, so two
// members sharing at once never write the same cell; readers count an email once by its Message-ID.
import type { CellValue } from '../../schema/sheet';
import type { Tier } from '../types';
import type { SeenMandate } from './network-asks';
import { cellDay, cellProblem, cellText, readRows, type SheetValues } from './sheet-rows';
import { normalizeMessageId } from './translations';

/** How much of the body is shared: enough to tell what is asked, not the whole email. */
export const SHARED_EXCERPT_CHARS = 400;

/** One member's copy of a central-office email, as shared to the Mandates tab. */
export interface SharedMandate {
  messageId: string;
  seenBy: string;
  subject: string;
  from: string;
  /** The office it came from, when the Settings tab or the sender's name says. */
  department?: string;
  /** The email's body; only its opening is kept. */
  text: string;
  /** Sent, YYYY-MM-DD. */
  sent?: string;
  tier: Tier;
  firstDue?: string;
  why?: string;
}

/** The row's id: one per email per member, so sharing the same copy twice adds nothing. */
export function sharedMandateRowId(messageId: string, seenBy: string): string {
  return `seen:${normalizeMessageId(messageId)}|${seenBy.trim().toLowerCase()}`;
}

/** The opening lines as they are shared: whitespace folded, cut at a word near the limit. */
export function openingLines(text: string, limit = SHARED_EXCERPT_CHARS): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded.length <= limit) return folded;
  const cut = folded.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${space > limit * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** A shared copy as a Mandates row's record (for recordToRow / TableAppender). */
export function sharedMandateRecord(m: SharedMandate): { id: string; record: Record<string, CellValue> } {
  const id = sharedMandateRowId(m.messageId, m.seenBy);
  return {
    id,
    record: {
      id,
      receivedAt: m.sent ?? '',
      subject: m.subject,
      from: m.from,
      tier: m.tier,
      firstDue: m.firstDue ?? '',
      reasons: m.why ?? '',
      messageId: normalizeMessageId(m.messageId),
      department: m.department ?? '',
      excerpt: openingLines(m.text),
      seenBy: m.seenBy.trim().toLowerCase(),
    },
  };
}

/**
 * The Mandates tab's shared copies, as `repeatedAsks` takes them. A row with no Message-ID (typed by hand, or
 * from before sharing) cannot be matched across mailboxes and is left out quietly; an unreadable date is
 * named and the row used without it.
 */
export function readSharedMandates(values: SheetValues | undefined): {
  seen: SeenMandate[];
  problems: string[];
} {
  const { tab, rows } = readRows('mandates', values);
  const seen: SeenMandate[] = [];
  const problems: string[] = [];
  for (const { row, record } of rows) {
    const messageId = normalizeMessageId(cellText(record.messageId));
    if (!messageId) continue;
    const rawSent = cellText(record.receivedAt);
    const sent = cellDay(record.receivedAt);
    if (rawSent && !sent)
      problems.push(
        cellProblem(tab, row, 'receivedAt', `"${rawSent}" is not a date; the row is used without it.`),
      );
    const subject = cellText(record.subject);
    const from = cellText(record.from);
    const department = cellText(record.department);
    const seenBy = cellText(record.seenBy);
    seen.push({
      messageId,
      excerpt: cellText(record.excerpt),
      ...(subject && { subject }),
      ...(from && { from }),
      ...(department && { department }),
      ...(sent && { sent }),
      ...(seenBy && { seenBy }),
    });
  }
  return { seen, problems };
}
