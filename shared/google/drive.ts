// A thin, typed Drive v3 wrapper over the retrying client: the handful of calls the product makes, with
// Google's own request and response types and a configurable origin (Google, or the local sandbox).

import type { drive_v3 } from '@googleapis/drive';
import { bodyBytes } from './bytes';
import type { GoogleClient } from './client';
import { uploadMultipart, uploadResumable, MULTIPART_LIMIT } from './upload';

export type DriveFile = drive_v3.Schema$File;
export type DriveFileList = drive_v3.Schema$FileList;

export const DRIVE_ORIGIN = 'https://www.googleapis.com';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const SHORTCUT_MIME = 'application/vnd.google-apps.shortcut';
/** What the product reads back about the files it makes; Drive's default omits parents and appProperties. */
export const FILE_FIELDS = 'id,name,mimeType,parents,appProperties';
/** files.generateIds' documented ceiling per call. */
export const MAX_GENERATED_IDS = 1000;

export interface ListOptions {
  q: string;
  fields?: string;
  pageSize?: number;
  pageToken?: string;
}

export interface UploadOptions {
  /** Bytes per resumable chunk, a multiple of 256 KiB (Drive's rule). */
  chunkSize?: number;
  /** Uploads larger than this go resumable (Drive: multipart is for up to 5 MB). */
  multipartLimit?: number;
}

export class Drive {
  readonly api: string;
  readonly uploads: string;

  constructor(
    readonly client: GoogleClient,
    origin: string = DRIVE_ORIGIN,
  ) {
    const base = origin.replace(/\/+$/, '');
    this.api = `${base}/drive/v3`;
    this.uploads = `${base}/upload/drive/v3`;
  }

  list(options: ListOptions): Promise<DriveFileList> {
    const fields = options.fields ?? `nextPageToken,files(${FILE_FIELDS})`;
    const query = params({ q: options.q, fields, pageSize: options.pageSize, pageToken: options.pageToken });
    return this.client.json<DriveFileList>({ method: 'GET', url: `${this.api}/files?${query}` });
  }

  /** Every page of a query, for folders the product owns (a few hundred files at most). */
  async listAll(q: string, fileFields = FILE_FIELDS): Promise<DriveFile[]> {
    const files: DriveFile[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.list({
        q,
        fields: `nextPageToken,files(${fileFields})`,
        pageSize: 1000,
        pageToken,
      });
      files.push(...(page.files ?? []));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return files;
  }

  /**
   * Drive file ids reserved for this user (files.generateIds, at most 1,000 per call): a create that names one
   * can be checked afterwards with files.get and cannot be made twice (a second create is 409).
   * Shortcuts need ids of their own type.
   */
  async generateIds(count: number, type: 'files' | 'shortcuts' = 'files'): Promise<string[]> {
    if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED_IDS)
      throw new Error(`Drive hands out 1 to ${MAX_GENERATED_IDS} ids at a time, not ${count}.`);
    const got = await this.client.json<{ ids?: string[] }>({
      method: 'GET',
      url: `${this.api}/files/generateIds?${params({ count, space: 'drive', type })}`,
    });
    const ids = (got.ids ?? []).filter((id) => typeof id === 'string' && id !== '');
    if (ids.length === 0) throw new Error('Drive answered files.generateIds without any ids.');
    return ids;
  }

  get(fileId: string, fields = FILE_FIELDS): Promise<DriveFile> {
    return this.client.json<DriveFile>({
      method: 'GET',
      url: `${this.api}/files/${enc(fileId)}?${params({ fields })}`,
    });
  }

  async download(fileId: string): Promise<Uint8Array> {
    const res = await this.client.send({ method: 'GET', url: `${this.api}/files/${enc(fileId)}?alt=media` });
    return bodyBytes(res.body);
  }

  /** Creates a metadata-only file (folder, shortcut). Not replayed blindly: see source-files.ts. */
  create(metadata: DriveFile, fields = FILE_FIELDS): Promise<DriveFile> {
    return this.client.json<DriveFile>({
      method: 'POST',
      url: `${this.api}/files?${params({ fields })}`,
      body: metadata,
      replayAmbiguous: false,
    });
  }

  /** Renames or re-parents; callers ask the user first (the product never moves files on its own). */
  update(
    fileId: string,
    patch: DriveFile,
    options: { addParents?: string[]; removeParents?: string[]; fields?: string } = {},
  ): Promise<DriveFile> {
    const query = params({
      fields: options.fields ?? FILE_FIELDS,
      addParents: options.addParents?.join(','),
      removeParents: options.removeParents?.join(','),
    });
    return this.client.json<DriveFile>({
      method: 'PATCH',
      url: `${this.api}/files/${enc(fileId)}?${query}`,
      body: patch,
    });
  }

  /** Uploads a new file: multipart up to 5 MB, resumable (and resuming after interruptions) above. */
  upload(
    metadata: DriveFile,
    content: Uint8Array,
    mimeType: string,
    options: UploadOptions = {},
  ): Promise<DriveFile> {
    const limit = options.multipartLimit ?? MULTIPART_LIMIT;
    const upload = { uploads: this.uploads, metadata, content, mimeType, fields: FILE_FIELDS };
    if (content.length <= limit) return uploadMultipart(this.client, upload);
    return uploadResumable(this.client, { ...upload, chunkSize: options.chunkSize });
  }
}

export function enc(value: string): string {
  return encodeURIComponent(value);
}

/** A query string from the defined values, in order. */
export function params(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&');
}
