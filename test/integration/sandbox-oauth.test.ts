// The sandbox's stand-in Google sign-in, over HTTP as the browser meets it: the consent page, the implicit
// answer in the redirect's fragment, the code flow whose token endpoint checks the PKCE S256 verifier, the
// signed-in address from userinfo, and a token that ends is refused by Drive from then on.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
let sandbox: Sandbox;
let dir: string;

const auth = (extra: Record<string, string>) =>
  new URLSearchParams({
    client_id: 'rounds-sandbox-client',
    redirect_uri: REDIRECT,
    scope: 'https://www.googleapis.com/auth/drive.file openid email',
    state: 'st',
    ...extra,
  });

async function allow(params: URLSearchParams, email: string): Promise<URL> {
  const form = new URLSearchParams(params);
  form.set('email', email);
  form.set('decision', 'allow');
  const res = await fetch(`${sandbox.url}/o/oauth2/v2/auth`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rounds-oauth-'));
  sandbox = await startSandbox({ dir, port: 0 });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the stand-in Google sign-in', () => {
  it('shows a consent page naming the scopes, and refuses a redirect that is not an extension', async () => {
    const page = await fetch(`${sandbox.url}/o/oauth2/v2/auth?${auth({ response_type: 'token' })}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('https://www.googleapis.com/auth/drive.file');
    const evil = auth({ response_type: 'token', redirect_uri: 'https://evil.example/' });
    expect((await fetch(`${sandbox.url}/o/oauth2/v2/auth?${evil}`)).status).toBe(400);
  });

  it('answers the implicit flow in the fragment; userinfo names the user; an ended token gets 401 from Drive', async () => {
    const back = await allow(auth({ response_type: 'token' }), 'dana@example.org');
    const fragment = new URLSearchParams(back.hash.slice(1));
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(fragment.get('state')).toBe('st');
    const token = fragment.get('access_token')!;
    const me = await fetch(`${sandbox.url}/oauth2/v3/userinfo`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await me.json()).toMatchObject({ email: 'dana@example.org' });
    const list = () =>
      fetch(`${sandbox.url}/drive/v3/files?q=trashed%3Dfalse`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await list()).status).toBe(200);
    await fetch(`${sandbox.url}/__oauth/expire?user=dana%40example.org`, { method: 'POST' });
    expect((await list()).status).toBe(401);
  });

  it('trades a code for a token only with the matching PKCE verifier, once', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const back = await allow(
      auth({ response_type: 'code', code_challenge: challenge, code_challenge_method: 'S256' }),
      'pat@example.org',
    );
    const code = back.searchParams.get('code')!;
    const exchange = (v: string, c = code) =>
      fetch(`${sandbox.url}/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: c,
          code_verifier: v,
          client_id: 'rounds-sandbox-client',
          redirect_uri: REDIRECT,
        }),
      });
    expect((await exchange('wrong-verifier-wrong-verifier-wrong-verifier')).status).toBe(400);
    // The failed try used the code up, as Google does: a fresh consent gives a fresh code.
    const again = await allow(
      auth({ response_type: 'code', code_challenge: challenge, code_challenge_method: 'S256' }),
      'pat@example.org',
    );
    const good = await exchange(verifier, again.searchParams.get('code')!);
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect((await exchange(verifier, again.searchParams.get('code')!)).status).toBe(400);
  });

  it('renews silently only for someone who agreed before', async () => {
    const silent = (hint: string) =>
      fetch(
        `${sandbox.url}/o/oauth2/v2/auth?${auth({ response_type: 'token', prompt: 'none', login_hint: hint })}`,
        {
          redirect: 'manual',
        },
      );
    const known = new URL((await silent('pat@example.org')).headers.get('location')!);
    expect(new URLSearchParams(known.hash.slice(1)).get('access_token')).toBeTruthy();
    const stranger = new URL((await silent('nobody@example.org')).headers.get('location')!);
    expect(new URLSearchParams(stranger.hash.slice(1)).get('error')).toBe('interaction_required');
  });
});
