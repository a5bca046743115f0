// Who is signed in to Google, as the extension keeps it: the token record only the worker reads, and the
// account state the side panel shows ("Signed in as…", "Sign in again"). Validated when read back, so a
// record from another version or a damaged one means "signed out", never a crash.
import * as v from 'valibot';

export const AUTH_KEY = 'auth';
export const ACCOUNT_KEY = 'account';

/** The token record: session storage, worker only (never sent to a page or a content script). */
export const StoredAuthSchema = v.object({
  v: v.literal(1),
  token: v.pipe(v.string(), v.minLength(1)),
  /** Epoch ms. */
  expiresAt: v.number(),
  email: v.pipe(v.string(), v.maxLength(320)),
  scopes: v.array(v.string()),
});
export type StoredAuth = v.InferOutput<typeof StoredAuthSchema>;

/** What the panel may know: no token. */
export const AccountSchema = v.variant('state', [
  v.object({ state: v.literal('signed-out') }),
  v.object({ state: v.literal('signing-in') }),
  v.object({ state: v.literal('signed-in'), email: v.string() }),
  /** The token expired or was revoked and could not be renewed silently: queued work waits. */
  v.object({ state: v.literal('needs-sign-in'), email: v.string(), problem: v.string() }),
  v.object({ state: v.literal('failed'), problem: v.string() }),
]);
export type Account = v.InferOutput<typeof AccountSchema>;

export function readStoredAuth(input: unknown): StoredAuth | undefined {
  const parsed = v.safeParse(StoredAuthSchema, input);
  return parsed.success ? parsed.output : undefined;
}

export function readAccount(input: unknown): Account {
  const parsed = v.safeParse(AccountSchema, input);
  return parsed.success ? parsed.output : { state: 'signed-out' };
}
