// Stand-in Google sign-in pages, at the paths Google uses, so the extension's whole sign-in runs offline in
// tests and the demo: the consent page (`/o/oauth2/v2/auth`, implicit `response_type=token` or
// `code` with PKCE S256), the token endpoint (`/token`, code + code_verifier) and OpenID userinfo
// (`/oauth2/v3/userinfo`). A test double, never a production path: there are no passwords, the
// "account" is whatever address the person types on the consent page.
import { createHash, randomBytes } from 'node:crypto';
import type { Reply } from './http';

/** What a finished consent hands to the sandbox's token registry (tools/sandbox/auth.ts). */
export interface OAuthGrant {
  token: string;
  user: string;
  scopes: string[];
  /** Epoch ms. */
  expiresAt: number;
}

export interface TokenIssuer {
  grant(grant: OAuthGrant): void;
  revoke(token: string): void;
  expire(token: string): void;
}

export interface OAuthRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

/** Redirect targets a browser extension's identity API intercepts: Chrome's and Firefox's. */
const EXTENSION_REDIRECT = /^https:\/\/[a-z0-9-]+\.(chromiumapp\.org|extensions\.allizom\.org)\/[^#]*$/;

const TOKEN_SECONDS = 3600;
const KNOWN_SCOPES = new Set(['openid', 'email', 'profile']);
const SCOPE_PREFIX = 'https://www.googleapis.com/auth/';

const html = (status: number, body: string): Reply => ({
  status,
  headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  body: Buffer.from(body),
});
const jsonReply = (status: number, body: unknown): Reply => ({
  status,
  headers: { 'Cache-Control': 'no-store' },
  body,
});
const redirect = (location: string): Reply => ({ status: 302, headers: { Location: location } });

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  user: string;
  scopes: string[];
  expiresAt: number;
}

export class OAuthPages {
  /** Who agreed to which client: a `prompt=none` renewal succeeds only for them. */
  private readonly consented = new Map<string, Set<string>>();
  private readonly codes = new Map<string, PendingCode>();
  /** Live tokens and their users, for userinfo and for expiring a user's tokens in tests. */
  private readonly tokens = new Map<string, OAuthGrant>();

  constructor(
    private readonly issuer: TokenIssuer,
    private readonly defaultUser = 'principal@example.org',
  ) {}

  handles(path: string): boolean {
    return (
      path === '/o/oauth2/v2/auth' ||
      path === '/token' ||
      path === '/oauth2/v3/userinfo' ||
      path === '/__oauth/expire'
    );
  }

  handle(req: OAuthRequest): Reply {
    if (req.path === '/o/oauth2/v2/auth' && req.method === 'GET') return this.consentPage(req.query);
    if (req.path === '/o/oauth2/v2/auth' && req.method === 'POST')
      return this.approve(new URLSearchParams(req.body.toString('utf8')));
    if (req.path === '/token' && req.method === 'POST')
      return this.exchange(new URLSearchParams(req.body.toString('utf8')));
    if (req.path === '/oauth2/v3/userinfo') return this.userinfo(req.headers.authorization);
    if (req.path === '/__oauth/expire' && req.method === 'POST') return this.expireAll(req.query);
    return jsonReply(404, { error: 'not_found' });
  }

  /** Checks the request the way Google's endpoint does; returns an error page or the parsed request. */
  private readRequest(q: URLSearchParams): { problem: Reply } | { ok: ParsedAuth } {
    const clientId = q.get('client_id') ?? '';
    const redirectUri = q.get('redirect_uri') ?? '';
    const responseType = q.get('response_type') ?? '';
    const scopes = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
    const fail = (why: string) => ({ problem: html(400, errorPage(why)) });
    if (!clientId) return fail('Missing required parameter: client_id');
    if (!EXTENSION_REDIRECT.test(redirectUri))
      return fail(`redirect_uri_mismatch: ${redirectUri || '(none)'} is not an extension redirect address`);
    if (responseType !== 'token' && responseType !== 'code')
      return fail(`unsupported_response_type: ${responseType || '(none)'}`);
    const challenge = q.get('code_challenge') ?? '';
    if (responseType === 'code' && (q.get('code_challenge_method') !== 'S256' || challenge.length < 43))
      return fail('invalid_request: the code flow needs code_challenge_method=S256 and a code_challenge');
    const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s) && !s.startsWith(SCOPE_PREFIX));
    if (scopes.length === 0 || unknown.length > 0)
      return fail(`invalid_scope: ${unknown.join(' ') || '(none)'}`);
    return {
      ok: {
        clientId,
        redirectUri,
        responseType,
        scopes,
        state: q.get('state') ?? '',
        challenge,
        prompt: q.get('prompt') ?? '',
        loginHint: q.get('login_hint') ?? '',
      },
    };
  }

  private consentPage(q: URLSearchParams): Reply {
    const parsed = this.readRequest(q);
    if ('problem' in parsed) return parsed.problem;
    const auth = parsed.ok;
    if (auth.prompt === 'none') {
      // Silent renewal: only for someone who agreed before; otherwise Google says interaction_required.
      const user = auth.loginHint || [...this.consented.keys()].find((u) => this.agreed(u, auth.clientId));
      if (!user || !this.agreed(user, auth.clientId))
        return redirect(this.answer(auth, { error: 'interaction_required' }));
      return redirect(this.answer(auth, this.issue(auth, user)));
    }
    const hidden = [...q.entries()]
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
      .join('');
    const scopes = auth.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
    return html(
      200,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts (sandbox)</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:420px;margin:40px auto;padding:0 16px}
button{font:inherit;padding:6px 16px}label{display:block;margin:12px 0 4px}input[type=email]{width:100%;font:inherit}</style></head>
<body><main><h1>Sign in to continue to Rounds</h1>
<p>This is the local sandbox standing in for Google's consent page. Rounds asks for:</p><ul>${scopes}</ul>
<form method="post" action="/o/oauth2/v2/auth">${hidden}
<label for="email">Google account</label>
<input id="email" name="email" type="email" required value="${escapeHtml(auth.loginHint || this.defaultUser)}">
<p><button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" formnovalidate>Cancel</button></p></form></main></body></html>`,
    );
  }

  private approve(form: URLSearchParams): Reply {
    const parsed = this.readRequest(form);
    if ('problem' in parsed) return parsed.problem;
    const auth = parsed.ok;
    if (form.get('decision') !== 'allow') return redirect(this.answer(auth, { error: 'access_denied' }));
    const user = (form.get('email') ?? '').trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(user)) return html(400, errorPage('Enter an email address.'));
    let agreed = this.consented.get(user);
    if (!agreed) this.consented.set(user, (agreed = new Set()));
    agreed.add(auth.clientId);
    return redirect(this.answer(auth, this.issue(auth, user)));
  }

  private agreed(user: string, clientId: string): boolean {
    return this.consented.get(user)?.has(clientId) ?? false;
  }

  /** Implicit: a token now. Code: a one-use code the token endpoint trades for a token (PKCE S256). */
  private issue(auth: ParsedAuth, user: string): Record<string, string> {
    if (auth.responseType === 'code') {
      const code = base64url(randomBytes(24));
      this.codes.set(code, {
        clientId: auth.clientId,
        redirectUri: auth.redirectUri,
        challenge: auth.challenge,
        user,
        scopes: auth.scopes,
        expiresAt: Date.now() + 5 * 60_000,
      });
      return { code, scope: auth.scopes.join(' ') };
    }
    const grant = this.mint(user, auth.scopes);
    return {
      access_token: grant.token,
      token_type: 'Bearer',
      expires_in: String(TOKEN_SECONDS),
      scope: auth.scopes.join(' '),
    };
  }

  private mint(user: string, scopes: string[]): OAuthGrant {
    const grant: OAuthGrant = {
      token: `ya29.sandbox-${base64url(randomBytes(24))}`,
      user,
      scopes,
      expiresAt: Date.now() + TOKEN_SECONDS * 1000,
    };
    this.tokens.set(grant.token, grant);
    this.issuer.grant(grant);
    return grant;
  }

  /** Google puts the implicit answer in the fragment and the code answer in the query. */
  private answer(auth: ParsedAuth, fields: Record<string, string>): string {
    const params = new URLSearchParams({ ...fields, ...(auth.state ? { state: auth.state } : {}) });
    return auth.responseType === 'token'
      ? `${auth.redirectUri}#${params}`
      : `${auth.redirectUri}${auth.redirectUri.includes('?') ? '&' : '?'}${params}`;
  }

  private exchange(form: URLSearchParams): Reply {
    const bad = (error: string, description: string) =>
      jsonReply(400, { error, error_description: description });
    if (form.get('grant_type') !== 'authorization_code')
      return bad('unsupported_grant_type', 'Only authorization_code is served here.');
    const code = form.get('code') ?? '';
    const pending = this.codes.get(code);
    // A code is good once: a replayed one is refused even when the first exchange succeeded.
    this.codes.delete(code);
    if (!pending || pending.expiresAt < Date.now()) return bad('invalid_grant', 'Malformed auth code.');
    if (form.get('client_id') !== pending.clientId)
      return bad('invalid_client', 'The OAuth client was not found.');
    if (form.get('redirect_uri') !== pending.redirectUri) return bad('redirect_uri_mismatch', 'Bad Request');
    const verifier = form.get('code_verifier') ?? '';
    const expected = base64url(createHash('sha256').update(verifier).digest());
    if (!verifier || expected !== pending.challenge) return bad('invalid_grant', 'Invalid code verifier.');
    const grant = this.mint(pending.user, pending.scopes);
    return jsonReply(200, {
      access_token: grant.token,
      expires_in: TOKEN_SECONDS,
      token_type: 'Bearer',
      scope: pending.scopes.join(' '),
    });
  }

  private userinfo(authorization: string | string[] | undefined): Reply {
    const token = /^Bearer\s+(\S+)$/i.exec(String(authorization ?? ''))?.[1] ?? '';
    const grant = this.tokens.get(token);
    if (!grant || grant.expiresAt <= Date.now())
      return jsonReply(401, { error: 'invalid_request', error_description: 'Invalid Credentials' });
    if (!grant.scopes.includes('email') && !grant.scopes.includes('openid'))
      return jsonReply(403, { error: 'insufficient_scope' });
    return jsonReply(200, { sub: `sandbox-${grant.user}`, email: grant.user, email_verified: true });
  }

  /**
   * Test hook: ends the tokens of one user (`?user=`) or of everyone, as an hour passing does, and with
   * `&forget=1` also forgets their consent, so a silent renewal fails and the user must sign in again.
   */
  private expireAll(q: URLSearchParams): Reply {
    const user = q.get('user');
    let expired = 0;
    for (const grant of this.tokens.values()) {
      if (user && grant.user !== user) continue;
      grant.expiresAt = Date.now();
      this.issuer.expire(grant.token);
      expired++;
    }
    if (q.get('forget') === '1') {
      if (user) this.consented.delete(user);
      else this.consented.clear();
    }
    return jsonReply(200, { expired });
  }
}

interface ParsedAuth {
  clientId: string;
  redirectUri: string;
  responseType: 'token' | 'code' | string;
  scopes: string[];
  state: string;
  challenge: string;
  prompt: string;
  loginHint: string;
}

function errorPage(why: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error 400</title></head><body><main><h1>Access blocked: this request is invalid</h1><p>${escapeHtml(why)}</p></main></body></html>`;
}
