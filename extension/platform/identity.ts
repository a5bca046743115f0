// Sign-in with Google through the browser's identity API: launchWebAuthFlow in Chrome and Firefox (the
// implicit grant, see docs/extension.md for why), with Chrome's getAuthToken as a fast path when the
// build carries a Chrome-extension OAuth client. Returns the token to the worker only; nothing here
// stores it or hands it to a page.
import { browserApi } from './browser';
import { authorizationEndpoint, oauthClientId } from './google-origin';

/** Least privilege: per-file Drive access plus who the user is; never a Gmail scope. */
export const SCOPES = ['https://www.googleapis.com/auth/drive.file', 'openid', 'email'] as const;

export interface Grant {
  token: string;
  /** Epoch ms when Google said the token stops working. */
  expiresAt: number;
  scopes: string[];
}

/** Sign-in did not give a token; `reason` is a sentence for the user. */
export class SignInFailed extends Error {
  constructor(
    readonly reason: string,
    /** True when only the user can fix it (cancelled, consent needed): a silent retry will not help. */
    readonly needsUser: boolean,
  ) {
    super(reason);
    this.name = 'SignInFailed';
  }
}

function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function consentUrl(options: {
  clientId: string;
  redirectUri: string;
  state: string;
  interactive: boolean;
  loginHint?: string;
}): string {
  const query = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'token',
    scope: SCOPES.join(' '),
    state: options.state,
    include_granted_scopes: 'true',
  });
  // A silent renewal must never show a page; Google answers error=interaction_required instead.
  if (!options.interactive) query.set('prompt', 'none');
  if (options.loginHint) query.set('login_hint', options.loginHint);
  return `${authorizationEndpoint}?${query}`;
}

/** Reads Google's redirect (`…#access_token=…&expires_in=…&state=…` or `#error=…`). */
export function readRedirect(redirect: string, state: string, now = Date.now()): Grant {
  const hash = redirect.includes('#') ? redirect.slice(redirect.indexOf('#') + 1) : '';
  const fields = new URLSearchParams(hash || (redirect.split('?')[1] ?? ''));
  const error = fields.get('error');
  if (error) {
    const needsUser = ['interaction_required', 'login_required', 'consent_required', 'access_denied'];
    throw new SignInFailed(
      error === 'access_denied' ? 'Sign-in was cancelled.' : `Google did not sign you in (${error}).`,
      needsUser.includes(error),
    );
  }
  if (fields.get('state') !== state) {
    throw new SignInFailed('The sign-in answer did not match the request; try again.', true);
  }
  const token = fields.get('access_token');
  if (!token) throw new SignInFailed('Google answered without a token; try again.', true);
  const seconds = Number(fields.get('expires_in') ?? '3600');
  return {
    token,
    expiresAt: now + (Number.isFinite(seconds) && seconds > 0 ? seconds : 3600) * 1000,
    scopes: (fields.get('scope') ?? SCOPES.join(' ')).split(/\s+/).filter(Boolean),
  };
}

interface ChromeOAuth2Manifest {
  oauth2?: { client_id?: string };
}

/**
 * Google Chrome only, and only when the manifest names a Chrome-extension OAuth client: no page at all.
 * Chromium and Firefox lack it or refuse it, and then the web flow below runs.
 */
async function fromGetAuthToken(interactive: boolean): Promise<Grant | undefined> {
  const identity = browserApi().identity;
  const manifest = browserApi().runtime.getManifest() as ChromeOAuth2Manifest;
  if (!identity?.getAuthToken || !manifest.oauth2?.client_id) return undefined;
  try {
    const result = (await identity.getAuthToken({ interactive, scopes: [...SCOPES] })) as
      { token?: string; grantedScopes?: string[] } | string | undefined;
    const token = typeof result === 'string' ? result : result?.token;
    if (!token) return undefined;
    // Chrome caches and renews these itself; an hour is Google's usual lifetime.
    return { token, expiresAt: Date.now() + 55 * 60_000, scopes: [...SCOPES] };
  } catch {
    return undefined;
  }
}

export async function launchSignIn(interactive: boolean, loginHint?: string): Promise<Grant> {
  const fast = await fromGetAuthToken(interactive);
  if (fast) return fast;
  if (!oauthClientId) {
    throw new SignInFailed(
      'This build of Rounds has no Google sign-in client: build it with ROUNDS_OAUTH_CLIENT_ID set.',
      true,
    );
  }
  const identity = browserApi().identity;
  if (!identity?.launchWebAuthFlow) {
    throw new SignInFailed('This browser does not let extensions sign in to Google.', true);
  }
  const state = randomState();
  const url = consentUrl({
    clientId: oauthClientId,
    redirectUri: identity.getRedirectURL(),
    state,
    interactive,
    loginHint,
  });
  let redirect: string | undefined;
  try {
    redirect = await identity.launchWebAuthFlow({
      url,
      interactive,
      // Chrome 113+: a silent renewal gives up quickly instead of hanging on a page that waits for a click.
      ...(interactive ? {} : { abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: 10_000 }),
    } as chrome.identity.WebAuthFlowDetails);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SignInFailed(
      interactive ? `Sign-in did not finish (${detail}).` : 'Your Google sign-in needs renewing.',
      true,
    );
  }
  if (!redirect) throw new SignInFailed('Sign-in was cancelled.', true);
  return readRedirect(redirect, state);
}

/** Tells Google to forget the token (sign out). Failure is fine: the token is dropped locally anyway. */
export async function forgetToken(token: string): Promise<void> {
  const identity = browserApi().identity;
  try {
    await identity?.removeCachedAuthToken?.({ token });
  } catch {
    // Not a getAuthToken token: nothing cached by the browser.
  }
}
