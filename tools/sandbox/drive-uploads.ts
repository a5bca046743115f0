// Drive media uploads: multipart/related bodies, and resumable sessions kept on disk so an interrupted upload
// (or a restarted sandbox) resumes from the byte Google says it has.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { GoogleError } from './errors';
import { parseJsonBody } from './http';
import { newId } from './drive-store';
import { writeJsonAtomic } from './persistence';

/** Google persists non-final chunks only in whole multiples of this; clients must read the Range it returns. */
export const CHUNK_GRANULARITY = 256 * 1024;

export interface Multipart {
  metadata: Record<string, unknown>;
  content: Buffer;
  contentType: string;
}

const boundaryOf = (contentType: string): string | null => {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
};

/** Splits a multipart/related body into the JSON metadata part and the media part. */
export function parseMultipart(body: Buffer, contentType: string): Multipart {
  const boundary = boundaryOf(contentType);
  if (!/^multipart\/related/i.test(contentType) || !boundary) {
    throw new GoogleError(
      400,
      'Multipart uploads need Content-Type: multipart/related with a boundary.',
      'badContent',
    );
  }
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: string; body: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    const part = body.subarray(afterDelimiter, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) throw new GoogleError(400, 'Malformed multipart body.', 'badContent');
    let content = part.subarray(headerEnd + 4);
    if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
    parts.push({ headers: part.subarray(0, headerEnd).toString('utf8'), body: content });
    start = next;
  }
  const [meta, media] = parts;
  if (!meta || !media || parts.length !== 2) {
    throw new GoogleError(
      400,
      'Multipart uploads need exactly two parts: metadata, then media.',
      'badContent',
    );
  }
  const mediaType =
    /content-type:\s*([^\r\n]+)/i.exec(media.headers)?.[1]?.trim() ?? 'application/octet-stream';
  return { metadata: parseJsonBody(meta.body), content: media.body, contentType: mediaType };
}

/** X-Upload-Content-Length: absent, or a whole number of bytes; anything else is refused before a session exists. */
export function uploadLength(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const text = Array.isArray(header) ? header.join(',') : header;
  if (!/^\d{1,15}$/.test(text.trim()))
    throw new GoogleError(
      400,
      `Invalid X-Upload-Content-Length header: ${JSON.stringify(text)} is not a number of bytes.`,
      'badContent',
    );
  return Number(text.trim());
}

export interface UploadSession {
  id: string;
  /** Set when the session updates an existing file's content rather than creating one. */
  fileId?: string;
  metadata: Record<string, unknown>;
  contentType: string;
  total?: number;
  received: number;
  /** Set once complete, so a status query after a lost response returns the file instead of 404. */
  doneFileId?: string;
}

export type Progress = { done: false; received: number } | { done: true; content: Buffer };

/** Resumable sessions: `<id>.json` (progress) and `<id>.bin` (bytes so far) under .sandbox/uploads. */
export class UploadSessions {
  private readonly dir: string;
  constructor(root: string) {
    this.dir = join(root, '.sandbox', 'uploads');
    mkdirSync(this.dir, { recursive: true });
  }

  private jsonPath = (id: string): string => join(this.dir, `${id.replace(/[^A-Za-z0-9_-]/g, '')}.json`);
  private binPath = (id: string): string => join(this.dir, `${id.replace(/[^A-Za-z0-9_-]/g, '')}.bin`);

  start(init: Omit<UploadSession, 'id' | 'received'>): UploadSession {
    const session: UploadSession = { ...init, id: newId(40), received: 0 };
    writeJsonAtomic(this.jsonPath(session.id), session);
    return session;
  }

  get(id: string): UploadSession {
    const path = this.jsonPath(id);
    if (!existsSync(path)) throw new GoogleError(404, 'No upload session with this upload_id.', 'notFound');
    let session: UploadSession;
    try {
      session = JSON.parse(readFileSync(path, 'utf8')) as UploadSession;
    } catch {
      throw new GoogleError(
        404,
        'No usable upload session with this upload_id (its record is damaged): start a new upload.',
        'notFound',
      );
    }
    // Bytes appended after the last recorded progress were never acknowledged: drop them.
    const bin = this.binPath(id);
    if (existsSync(bin) && statSync(bin).size > session.received) truncateSync(bin, session.received);
    return session;
  }

  /** Applies one PUT: a status query (bytes STAR/TOTAL), a chunk `bytes a-b/TOTAL`, or the whole body at once. */
  put(session: UploadSession, contentRange: string | undefined, chunk: Buffer): Progress {
    if (session.doneFileId) return { done: true, content: Buffer.alloc(0) };
    const range = parseContentRange(contentRange, chunk.length);
    if (range.total !== undefined) {
      if (session.total !== undefined && session.total !== range.total) {
        throw new GoogleError(400, 'The upload size does not match the size given before.', 'badContent');
      }
      session.total = range.total;
    }
    if (range.start !== undefined) {
      if (range.start > session.received) {
        throw new GoogleError(
          400,
          `Invalid request. According to the Content-Range header, the upload offset is ${range.start} byte(s), which exceeds already uploaded size of ${session.received} byte(s).`,
          'badContent',
        );
      }
      // Bytes past the declared size are refused whole (and none of them kept): the session stays where it was,
      // so a client that sends the right bytes next still finishes with exactly the declared size.
      if (session.total !== undefined && range.start + chunk.length > session.total) {
        throw new GoogleError(
          400,
          `Invalid request. The upload was declared as ${session.total} byte(s); this chunk would end at byte ${range.start + chunk.length}.`,
          'badContent',
        );
      }
      let fresh = chunk.subarray(session.received - range.start);
      const end = session.received + fresh.length;
      const final = session.total !== undefined && end >= session.total;
      if (!final)
        fresh = fresh.subarray(0, Math.floor(end / CHUNK_GRANULARITY) * CHUNK_GRANULARITY - session.received);
      if (fresh.length > 0) {
        appendFileSync(this.binPath(session.id), fresh);
        session.received += fresh.length;
        writeJsonAtomic(this.jsonPath(session.id), session);
      }
    }
    if (session.total !== undefined && session.received >= session.total) {
      const bin = this.binPath(session.id);
      return { done: true, content: existsSync(bin) ? readFileSync(bin) : Buffer.alloc(0) };
    }
    return { done: false, received: session.received };
  }

  finish(session: UploadSession, fileId: string): void {
    session.doneFileId = fileId;
    writeJsonAtomic(this.jsonPath(session.id), session);
    rmSync(this.binPath(session.id), { force: true });
  }
}

/** "bytes 0-99/200", "bytes 0-99/STAR" or "bytes STAR/200" (STAR = an asterisk); no header means the body is the whole file. */
function parseContentRange(header: string | undefined, length: number): { start?: number; total?: number } {
  if (!header) return { start: 0, total: length };
  const m = /^bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)$/.exec(header.trim());
  if (!m) throw new GoogleError(400, `Invalid Content-Range header: ${header}`, 'badContent');
  const total = m[3] === '*' ? undefined : Number(m[3]);
  if (m[1] === undefined) return { total };
  const start = Number(m[1]);
  if (Number(m[2]) - start + 1 !== length) {
    throw new GoogleError(400, 'The Content-Range does not match the number of bytes sent.', 'badContent');
  }
  return { start, total };
}
