// Idempotent creates: every file the product makes carries appProperties {src, srcId}. Given a pre-generated
// id (id-pool.ts) the create names it, so a lost answer is settled with files.get on that id and a replay is
// Drive's 409, never a second copy; without one, the product looks in the folder for the pair first (which
// relies on Drive's search being complete and up to date, so filings always come with ids).

import type { Drive, DriveFile } from './drive';
import { FOLDER_MIME, SHORTCUT_MIME } from './drive';
import { NOT_TRASHED, allOf, hasAppProperty, inFolder } from './drive-query';
import { utf8Encode } from './bytes';
import { GoogleApiError } from './errors';

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

/** Drive allows 124 bytes per app property, key and value together (UTF-8). */
const PROPERTY_BYTES = 124;

/**
 * The srcId as Drive can keep it: as is when it fits beside its key, otherwise its start and a 64-bit FNV-1a
 * hash of the whole (a long Message-ID, an attachment of one), the same every time for the same source.
 */
export function storedSrcId(srcId: string): string {
  const room = PROPERTY_BYTES - 'srcId'.length;
  if (utf8Encode(srcId).length <= room) return srcId;
  const hash = `#${fnv1a64(srcId)}`;
  let head = srcId.slice(0, room - hash.length);
  while (utf8Encode(head).length > room - hash.length) head = head.slice(0, -1);
  return head + hash;
}

function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of utf8Encode(text)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

export function sourceQuery(folderId: string, source: Source): string {
  return allOf(inFolder(folderId), hasAppProperty('srcId', storedSrcId(source.srcId)), NOT_TRASHED);
}

/** The product's file for this source in this folder, if there is one (the oldest when a race made two). */
export async function findBySource(
  drive: Drive,
  folderId: string,
  source: Source,
): Promise<DriveFile | undefined> {
  // Every page: Google may answer with fewer files than asked and a nextPageToken, even an empty first page.
  const files = await drive.listAll(sourceQuery(folderId, source));
  return files.find((f) => f.appProperties?.src === source.src);
}

/** files.get, with "not there (or not visible to this app)" as undefined rather than an error. */
export async function getIfThere(drive: Drive, fileId: string): Promise<DriveFile | undefined> {
  try {
    return await drive.get(fileId);
  } catch (error) {
    if (error instanceof GoogleApiError && error.status === 404) return undefined;
    throw error;
  }
}

export interface CreateWithId {
  /** A pre-generated id (files.generateIds), kept with the job so every retry names the same file. */
  id: string;
  folderId: string;
  source: Source;
  metadata: DriveFile;
  /** Receives the metadata with id, parents and appProperties filled in. */
  create: (metadata: DriveFile) => Promise<DriveFile>;
  /** An earlier run may have made it (a resumed job): look with files.get before sending any bytes. */
  maybeMade?: boolean;
}

/**
 * Creates the file under its pre-generated id exactly once. A lost answer is settled with files.get on the id;
 * a create that meets 409 (the id is taken) checks that the file there is this source's and counts it as made.
 */
export function createWithId(drive: Drive, input: CreateWithId): Promise<Ensured> {
  const full = withSource(input.metadata, input.folderId, input.source);
  full.id = input.id;
  return drive.client.sequence(async (attempt) => {
    if (attempt > 1 || input.maybeMade) {
      const found = await getIfThere(drive, input.id);
      if (found) return { file: ours(found, input), created: false };
    }
    try {
      return { file: await input.create(full), created: true };
    } catch (error) {
      if (!(error instanceof GoogleApiError) || error.status !== 409) throw error;
      const found = await getIfThere(drive, input.id);
      if (!found) throw taken(input, 'Rounds cannot see it');
      return { file: ours(found, input), created: false };
    }
  });
}

function ours(file: DriveFile, input: CreateWithId): DriveFile {
  const props = file.appProperties ?? {};
  if (props.src !== input.source.src || props.srcId !== storedSrcId(input.source.srcId))
    throw taken(input, `it holds "${file.name ?? 'another file'}"`);
  return file;
}

function taken(input: CreateWithId, why: string): GoogleApiError {
  return new GoogleApiError({
    status: 409,
    reason: 'fileIdTaken',
    message: `Drive already has a file under the id set aside for ${input.source.srcId}, and ${why}. Nothing was overwritten.`,
    attempts: 1,
    retryable: false,
  });
}

function withSource(metadata: DriveFile, folderId: string, source: Source): DriveFile {
  return {
    ...metadata,
    parents: [folderId],
    appProperties: { ...metadata.appProperties, src: source.src, srcId: storedSrcId(source.srcId) },
  };
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
  const full = withSource(metadata, folderId, source);
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
    /** A pre-generated id: the create names it instead of searching first (see createWithId). */
    id?: string;
    maybeMade?: boolean;
  },
): Promise<Ensured> {
  const metadata = { name: input.name, mimeType: input.mimeType };
  const create = (m: DriveFile) =>
    drive.upload(m, input.content, input.mimeType, { chunkSize: input.chunkSize });
  return ensure(drive, input.folderId, input.source, metadata, create, input);
}

/** With an id, create by id; without, look first (folders adopted or made by hand have no id of ours). */
function ensure(
  drive: Drive,
  folderId: string,
  source: Source,
  metadata: DriveFile,
  create: (metadata: DriveFile) => Promise<DriveFile>,
  by: { id?: string; maybeMade?: boolean },
): Promise<Ensured> {
  if (by.id === undefined) return ensureBySource(drive, folderId, source, metadata, create);
  return createWithId(drive, { id: by.id, folderId, source, metadata, create, maybeMade: by.maybeMade });
}

/** A shortcut to a Doc (or any file): the target stays where it is, the step folder gets a pointer. */
export function ensureShortcut(
  drive: Drive,
  input: {
    folderId: string;
    source: Source;
    name: string;
    targetId: string;
    /** Generated with type 'shortcuts' (Drive's rule for shortcut ids). */
    id?: string;
    maybeMade?: boolean;
  },
): Promise<Ensured> {
  const metadata: DriveFile = {
    name: input.name,
    mimeType: SHORTCUT_MIME,
    shortcutDetails: { targetId: input.targetId },
  };
  return ensure(drive, input.folderId, input.source, metadata, (m) => drive.create(m), input);
}

export function ensureFolder(
  drive: Drive,
  input: { parentId: string; source: Source; name: string; id?: string; maybeMade?: boolean },
): Promise<Ensured> {
  const metadata = { name: input.name, mimeType: FOLDER_MIME };
  return ensure(drive, input.parentId, input.source, metadata, (m) => drive.create(m), input);
}
