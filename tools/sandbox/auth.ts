// Bearer tokens, their users and OAuth scopes: who is asking and what their scopes let them reach.
//
// Two modes. With a tokens file (closed) only listed or minted tokens are accepted. Without one (open, the default)
// any bearer token is accepted as one default user with every scope, as before users existed; tokens minted
// through grantToken (the stand-in OAuth pages do) still carry their own user and scopes in open mode.
// A revoked or expired token is refused with 401 in both modes.
import { readFileSync } from 'node:fs';
import { GoogleError } from './errors';

export interface TokenGrant {
  token: string;
  scopes: string[];
  /** The Google account the token acts for (an email); DEFAULT_USER when left out. */
  user?: string;
  /** ISO date or epoch milliseconds; past it the token is expired (401). */
  expiresAt?: string | number;
}

/** Who a request acts for, as the handlers see it. */
export interface Principal {
  token: string;
  user: string;
  scopes: string[];
  /** Whose quota a request uses: the user for known tokens; each unknown token of an open sandbox on its own. */
  quotaKey: string;
  /** Drive calls see every file (drive, drive.readonly, drive.metadata…); false under drive.file alone. */
  seesAllDrive: boolean;
  /** Sheets calls reach every spreadsheet (spreadsheets, spreadsheets.readonly, drive, drive.readonly). */
  seesAllSheets: boolean;
}

export type Api = 'drive' | 'sheets';

/** The one user of an open sandbox: every unknown token acts for them. */
export const DEFAULT_USER = 'sandbox-user@example.com';

const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

/** Which scopes let a request through, as Google documents per method (drive.file covers Sheets files too). */
const ALLOWED: Record<Api, { read: string[]; write: string[] }> = {
  drive: {
    read: [
      'drive',
      'drive.file',
      'drive.readonly',
      'drive.metadata.readonly',
      'drive.metadata',
      'drive.appdata',
    ],
    write: ['drive', 'drive.file', 'drive.appdata'],
  },
  sheets: {
    read: ['spreadsheets', 'spreadsheets.readonly', 'drive', 'drive.file', 'drive.readonly'],
    write: ['spreadsheets', 'drive', 'drive.file'],
  },
};

/** Scopes that reach every file of the user rather than only those the app created or was given. */
const ALL_DRIVE = ['drive', 'drive.readonly', 'drive.metadata.readonly', 'drive.metadata'];
const ALL_SHEETS = ['spreadsheets', 'spreadsheets.readonly', 'drive', 'drive.readonly'];

export const shortScope = (scope: string): string =>
  scope.startsWith(SCOPE_PREFIX) ? scope.slice(SCOPE_PREFIX.length) : scope;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The sandbox's tokens: from the tokens file, minted at run time, revoked or expired by tests. */
export class TokenRegistry {
  readonly grants = new Map<string, TokenGrant>();
  /** Tokens refused from now on although open mode would accept them (revoked or expired without a grant). */
  readonly refused = new Set<string>();
  /** Closed: only known tokens pass. Open: unknown tokens act for DEFAULT_USER with every scope. */
  constructor(readonly closed: boolean) {}
}

/** Checks one grant the way the tokens file and minting both need; throws a message naming what is wrong. */
export function checkGrant(entry: unknown, where: string): TokenGrant {
  const e = (entry ?? {}) as Partial<TokenGrant>;
  if (typeof e.token !== 'string' || e.token === '' || /\s/.test(e.token))
    throw new Error(`${where} needs a non-empty "token" without spaces.`);
  if (!Array.isArray(e.scopes) || e.scopes.some((s) => typeof s !== 'string'))
    throw new Error(`${where} needs a "scopes" array of strings.`);
  if (e.user !== undefined && (typeof e.user !== 'string' || !EMAIL.test(e.user)))
    throw new Error(`${where}: "user" must be an email address, got ${JSON.stringify(e.user)}.`);
  if (
    e.expiresAt !== undefined &&
    (!['string', 'number'].includes(typeof e.expiresAt) || Number.isNaN(new Date(e.expiresAt).getTime()))
  )
    throw new Error(`${where}: "expiresAt" must be an ISO date or epoch milliseconds.`);
  return { token: e.token, scopes: e.scopes.map(String), user: e.user, expiresAt: e.expiresAt };
}

export function loadTokens(file: string): TokenGrant[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`The tokens file ${file} could not be read as JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed))
    throw new Error(`The tokens file ${file} must hold a JSON array of {token, scopes, user}.`);
  return parsed.map((entry, i) => checkGrant(entry, `The tokens file ${file}: entry ${i}`));
}

/** A registry from the tokens file (closed), or an open one when there is none. */
export function tokenRegistry(grants: TokenGrant[] | undefined): TokenRegistry {
  const registry = new TokenRegistry(grants !== undefined);
  for (const g of grants ?? []) registry.grants.set(g.token, g);
  return registry;
}

/** Adds (or replaces) a token: what a finished consent + token exchange does. Accepted in open and closed mode. */
export function grantToken(registry: TokenRegistry, grant: TokenGrant): void {
  const checked = checkGrant(grant, 'grantToken');
  registry.refused.delete(checked.token);
  registry.grants.set(checked.token, checked);
}

/** Makes a token unusable from now on (401), as a user removing the app's access does. True if it was known. */
export function revokeToken(registry: TokenRegistry, token: string): boolean {
  const known = registry.grants.delete(token);
  registry.refused.add(token);
  return known;
}

/** Expires a token at `now` (401 from then on, as an hour-old Google access token); it keeps its user. */
export function expireToken(registry: TokenRegistry, token: string, now = Date.now()): void {
  const grant = registry.grants.get(token);
  if (grant) grant.expiresAt = now;
  else registry.refused.add(token);
}

/** Google's 401; Sheets adds an ErrorInfo saying why (missing, expired or unknown credentials). */
const unauthenticated = (
  why: 'CREDENTIALS_MISSING' | 'ACCESS_TOKEN_EXPIRED' | 'ACCESS_TOKEN_TYPE_UNSUPPORTED',
): GoogleError =>
  new GoogleError(
    401,
    why === 'CREDENTIALS_MISSING'
      ? 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.'
      : 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    'authError',
    {
      location: 'Authorization',
      locationType: 'header',
      headers: { 'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/"' },
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: why,
          domain: 'googleapis.com',
          metadata: { service: 'sheets.googleapis.com' },
        },
      ],
    },
  );

function principal(token: string, user: string, scopes: string[], quotaKey: string): Principal {
  const short = scopes.map(shortScope);
  return {
    token,
    user,
    quotaKey,
    scopes: short,
    seesAllDrive: short.some((s) => ALL_DRIVE.includes(s)),
    seesAllSheets: short.some((s) => ALL_SHEETS.includes(s)),
  };
}

/** Who is asking, or Google's 401 (no, unknown, revoked or expired token) / 403 (no scope for this call). */
export function authorize(
  registry: TokenRegistry,
  authorization: string | undefined,
  api: Api,
  write: boolean,
  now: number,
): Principal {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) throw unauthenticated('CREDENTIALS_MISSING');
  const token = match[1];
  if (registry.refused.has(token)) throw unauthenticated('ACCESS_TOKEN_EXPIRED');
  const grant = registry.grants.get(token);
  if (!grant) {
    if (registry.closed) throw unauthenticated('ACCESS_TOKEN_TYPE_UNSUPPORTED');
    return principal(token, DEFAULT_USER, ['drive', 'spreadsheets'], token);
  }
  if (grant.expiresAt !== undefined && new Date(grant.expiresAt).getTime() <= now)
    throw unauthenticated('ACCESS_TOKEN_EXPIRED');
  const allowed = ALLOWED[api][write ? 'write' : 'read'];
  if (!grant.scopes.some((s) => allowed.includes(shortScope(s)))) {
    throw new GoogleError(403, 'Request had insufficient authentication scopes.', 'insufficientPermissions');
  }
  const user = grant.user ?? DEFAULT_USER;
  return principal(token, user, grant.scopes, user);
}

/** The registry as the stand-in OAuth pages (./oauth.ts) use it: mint on consent, revoke, expire. */
export function tokenIssuer(registry: TokenRegistry): {
  grant(grant: { token: string; user: string; scopes: string[]; expiresAt?: number }): void;
  revoke(token: string): void;
  expire(token: string): void;
} {
  return {
    grant: (grant) => grantToken(registry, grant),
    revoke: (token) => void revokeToken(registry, token),
    expire: (token) => expireToken(registry, token),
  };
}
