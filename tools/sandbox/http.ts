// Reading request bodies within a size limit and parsing JSON the way Google reports bad payloads.
import type { IncomingMessage } from 'node:http';
import { GoogleError } from './errors';

/** What every handler returns; the server decides whether it is sent, replaced by a fault, or delayed. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A Buffer is sent as-is; anything else is sent as pretty-less JSON. */
  body?: unknown;
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Reply => ({
  status,
  headers,
  body,
});

/**
 * Reads the whole body; past `maxBytes` it keeps draining (so the client can read our answer instead of a reset
 * connection) but stops storing, then throws 413.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > maxBytes;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(tooLargeError(maxBytes));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

export const tooLargeError = (maxBytes: number): GoogleError =>
  new GoogleError(
    413,
    `Request too large: the body is over the limit of ${maxBytes} bytes.`,
    'requestTooLarge',
  );

/** Parses a JSON request body; an empty body is `{}` as Google treats it. */
export function parseJsonBody(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new GoogleError(400, `Invalid JSON payload received. ${detail}`, 'parseError');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GoogleError(
      400,
      'Invalid JSON payload received. Expected an object at the top level.',
      'parseError',
    );
  }
  return value as Record<string, unknown>;
}

/** Reads an integer query parameter, rejecting junk with Google's "Invalid Value" for that parameter. */
export function intParam(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new GoogleError(400, 'Invalid Value', 'invalid', { location: name, locationType: 'parameter' });
  }
  return Math.min(n, max);
}

export function boolParam(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  return raw === 'true' || raw === '1';
}
