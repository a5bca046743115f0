// The shape every API route shares, so the server can authorize, rate-limit, fault and count them alike.
import type { IncomingHttpHeaders } from 'node:http';
import type { Api, Principal } from './auth';
import { GoogleError } from './errors';
import type { Reply } from './http';

export interface Ctx {
  method: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The sandbox's own origin, for Location headers of resumable uploads. */
  baseUrl: string;
  now: string;
  /** Who is asking: their user, scopes, and so which files they may reach. */
  principal: Principal;
}

export interface Route {
  /** Google's method name, e.g. "drive.files.list": the key of per-route stats. */
  name: string;
  method: string;
  /** Matched against the raw (still percent-encoded) path; groups are decoded by the handler. */
  pattern: RegExp;
  api: Api;
  write: boolean;
  handle(ctx: Ctx, groups: string[]): Reply;
}

export const unknownField = (key: string, where: string): GoogleError =>
  new GoogleError(
    400,
    `Invalid JSON payload received. Unknown name "${key}"${where ? ` at '${where}'` : ''}: Cannot find field.`,
    'invalid',
  );

/** Rejects request-body keys the resource does not define, as Google does ("Unknown name ... Cannot find field."). */
export function rejectUnknownKeys(body: object, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw unknownField(key, where);
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
