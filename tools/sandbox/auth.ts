// Bearer tokens and OAuth scopes: any token by default, or only those listed in a tokens file with their scopes.
import { readFileSync } from 'node:fs';
import { GoogleError } from './errors';

export interface TokenGrant {
  token: string;
  scopes: string[];
  /** ISO date or epoch milliseconds; past it the token is expired (401). */
  expiresAt?: string | number;
}

export type Api = 'drive' | 'sheets';

const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** Which scopes let a request through, as Google documents per method (drive.file covers Sheets files too). */
const ALLOWED: Record<Api, { read: string[]; write: string[] }> = {
  drive: {
    read: ['drive', 'drive.file', 'drive.readonly', 'drive.metadata.readonly', 'drive.appdata'],
    write: ['drive', 'drive.file', 'drive.appdata'],
  },
  sheets: {
    read: ['spreadsheets', 'spreadsheets.readonly', 'drive', 'drive.file', 'drive.readonly'],
    write: ['spreadsheets', 'drive', 'drive.file'],
  },
};

const shortScope = (scope: string): string =>
  scope.startsWith(SCOPE_PREFIX) ? scope.slice(SCOPE_PREFIX.length) : scope;

export function loadTokens(file: string): TokenGrant[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`The tokens file ${file} could not be read as JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed))
    throw new Error(`The tokens file ${file} must hold a JSON array of {token, scopes}.`);
  return parsed.map((entry, i) => {
    const e = entry as Partial<TokenGrant>;
    if (typeof e.token !== 'string' || e.token === '' || !Array.isArray(e.scopes)) {
      throw new Error(`The tokens file ${file}: entry ${i} needs a non-empty "token" and a "scopes" array.`);
    }
    return { token: e.token, scopes: e.scopes.map(String), expiresAt: e.expiresAt };
  });
}

const unauthenticated = (): GoogleError =>
  new GoogleError(
    401,
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    'authError',
    {
      location: 'Authorization',
      locationType: 'header',
      headers: { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' },
    },
  );

/** Returns the token (the per-user key for rate limits) or throws Google's 401/403. */
export function authorize(
  authorization: string | undefined,
  api: Api,
  write: boolean,
  grants: TokenGrant[] | undefined,
  now: number,
): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) throw unauthenticated();
  const token = match[1];
  if (!grants) return token;
  const grant = grants.find((g) => g.token === token);
  if (!grant) throw unauthenticated();
  if (grant.expiresAt !== undefined && new Date(grant.expiresAt).getTime() <= now) throw unauthenticated();
  const allowed = ALLOWED[api][write ? 'write' : 'read'];
  if (!grant.scopes.some((s) => allowed.includes(shortScope(s)))) {
    throw new GoogleError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions');
  }
  return token;
}
