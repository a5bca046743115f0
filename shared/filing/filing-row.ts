// A filing as the network spreadsheet keeps it: one row in the Filings tab whose Rounds ID is the job's key
// (so a retried or repeated filing is the same row), with who, when, where, what and links to the files.

import type { TableRow } from '../google/table-rows';
import type { FiledFile, FilingJob } from './filing-job';

export function driveLink(fileId: string): string {
  return `https://drive.google.com/file/d/${encodeURIComponent(fileId)}/view`;
}

export function docLink(docId: string): string {
  return `https://docs.google.com/document/d/${encodeURIComponent(docId)}/edit`;
}

/** Links in one cell, one per line: the Filings tab is read by people first. */
export const LINK_SEPARATOR = '\n';

export function filingRow(
  job: FilingJob,
  filed: { filedAt: string; filedBy: string; files: readonly FiledFile[]; links: readonly string[] },
): TableRow {
  const what = job.what;
  const main = filed.files[0];
  return {
    id: job.key,
    record: {
      filedAt: filed.filedAt,
      kind: what.kind,
      cycle: job.target.cycleId,
      step: job.target.step,
      school: job.target.school,
      title: what.kind === 'email' ? what.subject : what.title,
      from: what.kind === 'email' ? what.from : undefined,
      sourceId: what.kind === 'email' ? (what.gmailMessageId ?? what.messageId) : what.docId,
      messageId: what.kind === 'email' ? what.messageId : undefined,
      gmailThreadId: what.kind === 'email' ? what.gmailThreadId : undefined,
      driveFileId: main?.driveId,
      links: filed.links.join(LINK_SEPARATOR),
      note: job.note,
      filedBy: filed.filedBy,
    },
  };
}
