// The sandbox's own endpoints under /__sandbox/: request counts, and what tests do to the world around the app —
// a user picking a file in the Google Picker, a token minted, revoked or expiring mid-batch.
import type { DriveAccess } from './access';
import { checkGrant, expireToken, grantToken, revokeToken, type TokenRegistry } from './auth';
import { GoogleError, badRequest } from './errors';
import { parseJsonBody, type Reply } from './http';
import type { StatsCounter } from './stats';

export interface ControlDeps {
  counter: StatsCounter;
  tokens: TokenRegistry;
  access: DriveAccess;
}

const tokenOf = (body: Record<string, unknown>): string => {
  if (typeof body.token !== 'string' || body.token === '')
    throw badRequest('The body needs "token": the access token to change.', 'required');
  return body.token;
};

/**
 * Answers a /__sandbox/ request, or null when the path is not one of them.
 *   GET  /__sandbox/stats                 request counts (POST /__sandbox/reset zeroes them)
 *   POST /__sandbox/pick   {user, fileId} the user picked this file for the app (drive.file grant)
 *   POST /__sandbox/tokens {token, scopes, user, expiresAt?}  mint a token (works without a tokens file)
 *   POST /__sandbox/expire {token}        the token expires now: 401 from the next request on
 *   POST /__sandbox/revoke {token}        the token is revoked: 401 from the next request on
 */
export function control(method: string, path: string, body: Buffer, deps: ControlDeps): Reply | null {
  if (!path.startsWith('/__sandbox/')) return null;
  const ok = (value: unknown): Reply => ({ status: 200, body: value });
  try {
    if (path === '/__sandbox/stats' && method === 'GET') return ok(deps.counter.snapshot());
    if (method !== 'POST') throw new GoogleError(404, `Not Found: ${method} ${path}`, 'notFound');
    switch (path) {
      case '/__sandbox/reset':
        deps.counter.reset();
        return ok({});
      case '/__sandbox/pick':
        return ok(deps.access.pick(parseJsonBody(body)));
      case '/__sandbox/tokens': {
        let grant;
        try {
          grant = checkGrant(parseJsonBody(body), 'A token');
        } catch (err) {
          if (err instanceof GoogleError) throw err;
          throw badRequest((err as Error).message, 'invalid');
        }
        grantToken(deps.tokens, grant);
        return ok({ token: grant.token, user: grant.user, scopes: grant.scopes });
      }
      case '/__sandbox/expire': {
        const token = tokenOf(parseJsonBody(body));
        expireToken(deps.tokens, token);
        return ok({ token, expired: true });
      }
      case '/__sandbox/revoke': {
        const token = tokenOf(parseJsonBody(body));
        return ok({ token, revoked: true, wasKnown: revokeToken(deps.tokens, token) });
      }
      default:
        throw new GoogleError(404, `Not Found: ${method} ${path}`, 'notFound');
    }
  } catch (err) {
    if (err instanceof GoogleError) return { status: err.code, headers: err.headers, body: err.body() };
    throw err;
  }
}
