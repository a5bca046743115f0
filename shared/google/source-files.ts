// Idempotent creates: every file the product makes carries appProperties {src, srcId}, and before making
// one it looks in the target folder for that pair, so a retry after a lost answer or a crash, or a second
// click, finds the first copy instead of making another.

import type { Drive, DriveFile } from './drive';
import { FOLDER_MIME, SHORTCUT_MIME } from './drive';
import { NOT_TRASHED, allOf, hasAppProperty, inFolder } from './drive-query';

/** Where a file came from: `src` names the kind ('gmail', 'docs', 'rounds'), `srcId` the thing within it. */
export interface Source {
  src: string;
  srcId: string;
}

export interface Ensured {
  file: DriveFile;
  /** False when an earlier attempt (or an earlier click) had already made it. */
  created: boolean;
}

export function sourceQuery(folderId: string, source: Source): string {
  return allOf(inFolder(folderId), hasAppProperty('srcId', source.srcId), NOT_TRASHED);
}

/** The product's file for this source in this folder, if there is one (the oldest when a race made two). */
export async function findBySource(
  drive: Drive,
  folderId: string,
  source: Source,
): Promise<DriveFile | undefined> {
  const page = await drive.list({ q: sourceQuery(folderId, source), pageSize: 10 });
  return (page.files ?? []).find((f) => f.appProperties?.src === source.src);
}

/**
 * Looks, then creates; when the create's answer is lost the whole look-then-create runs again, so the
 * file exists exactly once. `create` receives the metadata with parents and appProperties filled in.
 */
export function ensureBySource(
  drive: Drive,
  folderId: string,
  source: Source,
  metadata: DriveFile,
  create: (metadata: DriveFile) => Promise<DriveFile>,
): Promise<Ensured> {
  const full: DriveFile = {
    ...metadata,
    parents: [folderId],
    appProperties: { ...metadata.appProperties, src: source.src, srcId: source.srcId },
  };
  return drive.client.sequence(async () => {
    const existing = await findBySource(drive, folderId, source);
    if (existing) return { file: existing, created: false };
    return { file: await create(full), created: true };
  });
}

export function ensureUpload(
  drive: Drive,
  input: {
    folderId: string;
    source: Source;
    name: string;
    mimeType: string;
    content: Uint8Array;
    chunkSize?: number;
  },
): Promise<Ensured> {
  return ensureBySource(
    drive,
    input.folderId,
    input.source,
    { name: input.name, mimeType: input.mimeType },
    (m) => drive.upload(m, input.content, input.mimeType, { chunkSize: input.chunkSize }),
  );
}

/** A shortcut to a Doc (or any file): the target stays where it is, the step folder gets a pointer. */
export function ensureShortcut(
  drive: Drive,
  input: { folderId: string; source: Source; name: string; targetId: string },
): Promise<Ensured> {
  const metadata: DriveFile = {
    name: input.name,
    mimeType: SHORTCUT_MIME,
    shortcutDetails: { targetId: input.targetId },
  };
  return ensureBySource(drive, input.folderId, input.source, metadata, (m) => drive.create(m));
}

export function ensureFolder(
  drive: Drive,
  input: { parentId: string; source: Source; name: string },
): Promise<Ensured> {
  return ensureBySource(
    drive,
    input.parentId,
    input.source,
    { name: input.name, mimeType: FOLDER_MIME },
    (m) => drive.create(m),
  );
}
