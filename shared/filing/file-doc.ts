// The Drive half of filing a Google Doc: the Doc stays where it is and the step folder gets a shortcut to it,
// when Rounds can see the Doc (under drive.file, a Doc the member made or opened with Rounds). Otherwise the
// Filings row links to the Doc and a plain sentence says why: never a failure.

import type { Drive } from '../google/drive';
import { GoogleApiError } from '../google/errors';
import { createWithId, getIfThere } from '../google/source-files';
import type { FiledFile, FilingJob } from './filing-job';
import { fileName } from './file-email';
import { docLink, driveLink } from './filing-row';

export const NOT_VISIBLE_REASON =
  "Rounds can't see this Doc in Drive (it was not made or opened with Rounds), so the step folder has no shortcut to it; the Filings tab links to the Doc instead.";

export type StoredDoc = { files: FiledFile[] } | { reason: string; link: string };

/**
 * `shortcutId` is asked for only once the Doc is known to be visible: it returns the job's id for the shortcut,
 * setting one aside (and having the job saved) the first time.
 */
export async function storeDoc(
  drive: Drive,
  job: FilingJob,
  shortcutId: () => Promise<string>,
): Promise<StoredDoc> {
  if (job.what.kind !== 'doc') throw new Error('storeDoc files Docs only.');
  const docId = job.what.docId;
  const linked = { reason: NOT_VISIBLE_REASON, link: docLink(docId) };
  if (!(await visible(drive, docId))) return linked;
  const id = await shortcutId();
  try {
    const { file } = await createWithId(drive, {
      id,
      folderId: job.target.stepFolderId,
      source: { src: 'docs', srcId: docId },
      metadata: {
        name: fileName(job.what.title, 'Document'),
        mimeType: 'application/vnd.google-apps.shortcut',
        shortcutDetails: { targetId: docId },
      },
      create: (m) => drive.create(m),
      maybeMade: job.runs > 1,
    });
    const driveId = file.id ?? id;
    return {
      files: [{ slot: 'shortcut', name: file.name ?? job.what.title, driveId, link: driveLink(driveId) }],
    };
  } catch (error) {
    // Google refuses a shortcut to a target the app may not use; the link row still records the filing.
    if (error instanceof GoogleApiError && !error.retryable && (error.status === 403 || error.status === 404))
      return linked;
    throw error;
  }
}

async function visible(drive: Drive, docId: string): Promise<boolean> {
  try {
    return (await getIfThere(drive, docId)) !== undefined;
  } catch (error) {
    if (error instanceof GoogleApiError && error.status === 403 && !error.retryable) return false;
    throw error;
  }
}
