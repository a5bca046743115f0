// Drive uploads: one multipart/related request for small files, and a resumable session for large ones
// that, when a chunk is interrupted, asks Drive how much arrived (`bytes */TOTAL`) and carries on from there.

import type { drive_v3 } from '@googleapis/drive';
import { bodyText, concatBytes, utf8Encode } from './bytes';
import type { GoogleClient } from './client';
import { GoogleApiError } from './errors';
import { RetryableFailure, backoffDelay } from './retry';
import type { HttpResponse } from './transport';

type DriveFile = drive_v3.Schema$File;

/** Drive's documented ceiling for a multipart upload. */
export const MULTIPART_LIMIT = 5 * 1024 * 1024;
/** Resumable chunks must be multiples of 256 KiB, except the last. */
export const CHUNK_UNIT = 256 * 1024;
export const DEFAULT_CHUNK_SIZE = 16 * CHUNK_UNIT;

export interface Upload {
  /** `<origin>/upload/drive/v3` */
  uploads: string;
  metadata: DriveFile;
  content: Uint8Array;
  mimeType: string;
  fields: string;
}

export async function uploadMultipart(client: GoogleClient, upload: Upload): Promise<DriveFile> {
  const boundary = pickBoundary(upload.content, () => client.clock.random());
  const head = utf8Encode(
    `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${JSON.stringify(upload.metadata)}\r\n` +
      `--${boundary}\r\nContent-Type: ${upload.mimeType}\r\n\r\n`,
  );
  const tail = utf8Encode(`\r\n--${boundary}--\r\n`);
  const res = await client.send({
    method: 'POST',
    url: `${upload.uploads}/files?uploadType=multipart&fields=${encodeURIComponent(upload.fields)}`,
    headers: { 'content-type': `multipart/related; boundary=${boundary}` },
    body: concatBytes([head, upload.content, tail]),
    replayAmbiguous: false,
  });
  return JSON.parse(bodyText(res.body)) as DriveFile;
}

export async function uploadResumable(
  client: GoogleClient,
  upload: Upload & { chunkSize?: number },
): Promise<DriveFile> {
  const chunkSize = upload.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (chunkSize <= 0 || chunkSize % CHUNK_UNIT !== 0)
    throw new Error('Resumable chunks must be a multiple of 256 KiB.');
  const total = upload.content.length;
  // Opening a session creates nothing in Drive, so it may be replayed freely.
  const opened = await client.send({
    method: 'POST',
    url: `${upload.uploads}/files?uploadType=resumable&fields=${encodeURIComponent(upload.fields)}`,
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      'x-upload-content-type': upload.mimeType,
      'x-upload-content-length': String(total),
    },
    body: JSON.stringify(upload.metadata),
  });
  const session = opened.headers['location'];
  if (!session) throw invalid('Drive opened an upload session without a Location');

  let offset = 0;
  for (let interruptions = 0; ;) {
    const end = Math.min(offset + chunkSize, total);
    let res: HttpResponse;
    try {
      res = await client.send({
        method: 'PUT',
        url: session,
        headers: { 'content-range': total === 0 ? 'bytes */0' : `bytes ${offset}-${end - 1}/${total}` },
        body: upload.content.subarray(offset, end),
        accept: [308],
        replayAmbiguous: false,
      });
    } catch (error) {
      if (!(error instanceof GoogleApiError) || !error.retryable) throw expired(error);
      interruptions++;
      if (interruptions >= client.policy.maxAttempts) throw error;
      await client.clock.sleep(backoffDelay(interruptions, client.policy, () => client.clock.random()));
      res = await askProgress(client, session, total);
    }
    if (res.status === 200 || res.status === 201) return JSON.parse(bodyText(res.body)) as DriveFile;
    offset = receivedBytes(res);
  }
}

/** "How much of this did you get?" — an empty PUT with `Content-Range: bytes *\/TOTAL`. */
async function askProgress(client: GoogleClient, session: string, total: number): Promise<HttpResponse> {
  try {
    return await client.send({
      method: 'PUT',
      url: session,
      headers: { 'content-range': `bytes */${total}` },
      body: new Uint8Array(0),
      accept: [308],
    });
  } catch (error) {
    throw expired(error);
  }
}

/** A 308's Range header says what Drive holds ("bytes=0-N"); none means nothing yet. */
export function receivedBytes(res: HttpResponse): number {
  const match = /bytes=0-(\d+)/.exec(res.headers['range'] ?? '');
  return match ? Number(match[1]) + 1 : 0;
}

/** A session Drive forgot (404/410) can't be resumed: the whole upload starts over after a fresh look. */
function expired(error: unknown): unknown {
  if (!(error instanceof GoogleApiError) || (error.status !== 404 && error.status !== 410)) return error;
  return new RetryableFailure({
    status: error.status,
    reason: 'uploadSessionExpired',
    message: 'The upload session expired before the file was complete',
    attempts: 1,
    retryable: true,
    ambiguous: true,
  });
}

function pickBoundary(content: Uint8Array, random: () => number): string {
  for (;;) {
    let boundary = 'rounds_';
    for (let i = 0; i < 24; i++) boundary += Math.floor(random() * 36).toString(36);
    if (!contains(content, utf8Encode(boundary))) return boundary;
  }
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (
    let i = haystack.indexOf(first!);
    i !== -1 && i <= haystack.length - needle.length;
    i = haystack.indexOf(first!, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function invalid(message: string): GoogleApiError {
  return new GoogleApiError({ status: 0, reason: 'invalidResponse', message, attempts: 1, retryable: false });
}
