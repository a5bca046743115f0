// The worker's sign-in: gets a token through the identity API, learns the account's address, keeps the
// token in session storage (restricted to the extension's own pages, never a content script), and lends
// it to the Google client. When it expires it is renewed silently; when that fails the account says
// "Sign in again" and queued work waits for it.
import {
  ACCOUNT_KEY,
  AUTH_KEY,
  readAccount,
  readStoredAuth,
  type Account,
  type StoredAuth,
} from '../../shared/browser/account';
import { SignInRequiredError } from '../../shared/google/errors';
import type { TokenProvider } from '../../shared/google/transport';
import { launchSignIn, forgetToken, SignInFailed } from '../platform/identity';
import { userinfoEndpoint } from '../platform/google-origin';
import { sessionStore } from '../platform/storage';

/** Renew this long before Google's stated expiry, so a request never leaves with a dying token. */
const EARLY_MS = 60_000;

async function setAccount(account: Account): Promise<void> {
  await sessionStore.set(ACCOUNT_KEY, account);
}

export async function currentAccount(): Promise<Account> {
  return readAccount(await sessionStore.get(ACCOUNT_KEY));
}

async function emailOf(token: string): Promise<string> {
  const res = await fetch(userinfoEndpoint, {
    headers: { authorization: `Bearer ${token}` },
    credentials: 'omit',
  });
  if (!res.ok) throw new SignInFailed(`Google did not say who you are (${res.status}).`, true);
  const body = (await res.json()) as { email?: unknown };
  if (typeof body.email !== 'string') throw new SignInFailed('Google did not say who you are.', true);
  return body.email;
}

async function store(token: string, expiresAt: number, scopes: string[]): Promise<StoredAuth> {
  const email = await emailOf(token);
  const auth: StoredAuth = { v: 1, token, expiresAt, email, scopes };
  await sessionStore.set(AUTH_KEY, auth);
  await setAccount({ state: 'signed-in', email });
  return auth;
}

/** The user clicked "Sign in": shows Google's consent page. */
export async function signIn(): Promise<Account> {
  const before = await currentAccount();
  await setAccount({ state: 'signing-in' });
  try {
    const hint = before.state === 'needs-sign-in' ? before.email : undefined;
    const grant = await launchSignIn(true, hint);
    await store(grant.token, grant.expiresAt, grant.scopes);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    await setAccount(
      before.state === 'needs-sign-in' ? { ...before, problem } : { state: 'failed', problem },
    );
  }
  return currentAccount();
}

export async function signOut(): Promise<void> {
  const auth = readStoredAuth(await sessionStore.get(AUTH_KEY));
  await sessionStore.remove(AUTH_KEY);
  await setAccount({ state: 'signed-out' });
  if (auth) await forgetToken(auth.token);
}

/** Thrown to the queue when there is no usable token: it keeps the work and waits for a sign-in. */
export class NotSignedIn extends SignInRequiredError {
  constructor(message = 'Sign in to Google to file.') {
    super(message);
    this.name = 'NotSignedIn';
  }
}

async function renewSilently(): Promise<StoredAuth> {
  const stale = readStoredAuth(await sessionStore.get(AUTH_KEY));
  try {
    const grant = await launchSignIn(false, stale?.email);
    return await store(grant.token, grant.expiresAt, grant.scopes);
  } catch (error) {
    const problem =
      error instanceof SignInFailed ? error.reason : 'Your Google sign-in ended; sign in again.';
    await sessionStore.remove(AUTH_KEY);
    const account = await currentAccount();
    const email =
      stale?.email ??
      (account.state === 'signed-in' || account.state === 'needs-sign-in' ? account.email : '');
    if (email) await setAccount({ state: 'needs-sign-in', email, problem });
    else await setAccount({ state: 'signed-out' });
    throw new NotSignedIn(problem);
  }
}

/** The token provider shared/google's client asks on every request (and on a 401). */
export const workerTokens: TokenProvider & { email(): Promise<string | undefined> } = {
  async getToken() {
    const auth = readStoredAuth(await sessionStore.get(AUTH_KEY));
    if (auth && auth.expiresAt - EARLY_MS > Date.now()) return auth.token;
    const account = await currentAccount();
    // Never signed in: nothing to renew, and no page may pop up from a background job.
    if (!auth && account.state !== 'signed-in') throw new NotSignedIn();
    return (await renewSilently()).token;
  },
  async refresh() {
    return (await renewSilently()).token;
  },
  async email() {
    return readStoredAuth(await sessionStore.get(AUTH_KEY))?.email;
  },
};
