// Filing a Google Doc: the Doc stays where it is; the step folder gets a Drive shortcut to it, tagged
// {src:'docs', srcId:<file id>}, and the Filings tab gets one row.

import type { Filing, StepNumber } from '../domain';
import { ensureShortcut } from '../google/source-files';
import type { FilingContext } from './file-email';
import { fileName } from './file-email';
import { checkFiling, filingId, filingRow } from './filing-row';

export interface DocToFile {
  /** The Drive file id from the Doc's URL (`/document/d/<id>/`). */
  docId: string;
  title: string;
  cycleId: string;
  step: StepNumber;
  stepFolderId: string;
}

export async function storeDoc(ctx: Omit<FilingContext, 'rows'>, doc: DocToFile): Promise<Filing> {
  const draft = checkFiling({
    id: filingId('doc', doc.docId, doc.cycleId, doc.step),
    kind: 'doc',
    cycleId: doc.cycleId,
    step: doc.step,
    title: doc.title.slice(0, 500),
    sourceId: doc.docId,
    filedAt: ctx.now(),
    filedBy: ctx.filedBy,
  });
  const shortcut = await ensureShortcut(ctx.drive, {
    folderId: doc.stepFolderId,
    source: { src: 'docs', srcId: doc.docId },
    name: fileName(doc.title, 'Document'),
    targetId: doc.docId,
  });
  return { ...draft, driveFileId: shortcut.file.id ?? undefined };
}

export async function fileDoc(ctx: FilingContext, doc: DocToFile): Promise<Filing> {
  const filing = await storeDoc(ctx, doc);
  await ctx.rows.add(filingRow(filing));
  return filing;
}
