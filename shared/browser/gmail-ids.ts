// Gmail's page carries message and thread ids in two spellings; this turns either into the hex id the
// Gmail API and Gmail links use, or says plainly that the id is not known yet.

/** A Gmail API id: the hex spelling of Gmail's 64-bit message or thread number. */
const HEX_ID = /^[0-9a-f]{1,16}$/;
/** `#msg-f:1783…` / `thread-f:1783…`: the decimal spelling of the same number. */
const DECIMAL_TOKEN = /^#?(?:msg|thread)-f:(\d{1,20})$/;
const MAX_ID = (1n << 64n) - 1n;

export function isGmailApiId(id: string): boolean {
  return HEX_ID.test(id);
}

/**
 * The hex id inside a `#msg-f:<decimal>` or `thread-f:<decimal>` token. A message the user has just sent
 * carries only `#msg-a:r-…`, a client-side placeholder that maps to no server id, so that (and anything
 * else) gives null: unknown until Gmail assigns one.
 */
export function hexIdFromToken(token: string): string | null {
  const match = DECIMAL_TOKEN.exec(token.trim());
  if (!match) return null;
  const value = BigInt(match[1]!);
  if (value === 0n || value > MAX_ID) return null;
  return value.toString(16);
}

/** Normalises a `data-legacy-*-id` attribute: Gmail writes it in lower-case hex; anything else is not an id. */
function legacyHex(value: string | null | undefined): string | null {
  const id = value?.trim().toLowerCase();
  return id && isGmailApiId(id) ? id : null;
}

/** A message's API id from its `data-legacy-message-id` or, failing that, its `data-message-id`. */
export function gmailMessageId(attrs: {
  legacyMessageId?: string | null;
  messageId?: string | null;
}): string | null {
  return legacyHex(attrs.legacyMessageId) ?? (attrs.messageId ? hexIdFromToken(attrs.messageId) : null);
}

/** A thread's API id from its `data-legacy-thread-id` or, failing that, its `data-thread-perm-id`. */
export function gmailThreadId(attrs: {
  legacyThreadId?: string | null;
  threadPermId?: string | null;
}): string | null {
  return legacyHex(attrs.legacyThreadId) ?? (attrs.threadPermId ? hexIdFromToken(attrs.threadPermId) : null);
}
