// The raw message (RFC 5322) of one Gmail message, from Gmail's own "show original" download on the
// same origin as the page — no Gmail API scope needed. The address is undocumented, so it is built and
// checked here and nowhere else; when Gmail answers with anything but a message, Rounds says so and
// files nothing.

/** The `/mail/u/<n>/` part of the page's address (the account), kept with whatever precedes it. */
export function mailboxBase(location: { origin: string; pathname: string }): string | null {
  const match = /^(.*\/mail\/u\/\d+\/)/.exec(location.pathname) ?? /^(.*?\/mail\/)/.exec(location.pathname);
  return match ? `${location.origin}${match[1]}` : null;
}

/** Gmail's "Download original" address for a message (legacy hex id), with the page's `ik` key if known. */
export function originalUrl(base: string, gmailMessageId: string, ik?: string): string {
  const query = new URLSearchParams({
    ...(ik ? { ik } : {}),
    view: 'att',
    th: gmailMessageId,
    attid: '0',
    disp: 'comp',
    safe: '1',
  });
  return `${base}?${query}&zw`;
}

/** Gmail's per-account key, when the page's boot script names it; the download works without it too. */
export function pageIk(doc: Document): string | undefined {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const found = /GLOBALS\s*=\s*\[(?:[^,\]]*,){9}\s*"([0-9a-f]{6,16})"/.exec(script.textContent ?? '');
    if (found) return found[1];
  }
  return undefined;
}

/** A message starts with header fields and has a blank line before its body; Gmail's error pages don't. */
export function looksLikeMessage(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
  const end = head.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const header = head.slice(0, end);
  if (/^\s*</.test(header)) return false;
  return /^(from|message-id|date|received|return-path|mime-version|delivered-to|subject):/im.test(header);
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * The bytes copied into an array of the content script's own. In a Firefox content script the fetched
 * buffer can belong to the page's compartment, and methods that look up `constructor` on it
 * (`subarray`, `slice`) throw "Permission denied to access property"; indexed reads are allowed.
 */
export function ownCopy(foreign: Uint8Array): Uint8Array {
  const own = new Uint8Array(foreign.length);
  for (let i = 0; i < foreign.length; i++) own[i] = foreign[i]!;
  return own;
}

export type Original = { ok: true; base64: string } | { ok: false; problem: string };

export async function fetchOriginal(doc: Document, gmailMessageId: string): Promise<Original> {
  const base = mailboxBase(doc.location);
  if (!base) return { ok: false, problem: "This page's address is not a Gmail mailbox." };
  let res: Response;
  try {
    res = await fetch(originalUrl(base, gmailMessageId, pageIk(doc)), { credentials: 'include' });
  } catch (error) {
    return { ok: false, problem: `Gmail could not be reached (${(error as Error).message}).` };
  }
  if (!res.ok) return { ok: false, problem: `Gmail would not give the original message (${res.status}).` };
  const bytes = ownCopy(new Uint8Array(await res.arrayBuffer()));
  if (!looksLikeMessage(bytes)) {
    return {
      ok: false,
      problem: 'Gmail\'s "show original" did not give a message: Rounds can\'t read this one.',
    };
  }
  return { ok: true, base64: toBase64(bytes) };
}
