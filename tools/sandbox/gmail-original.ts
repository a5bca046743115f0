// Gmail's "show original" for the sandbox's stand-in mail: the same address shapes Gmail answers
// (`/mail/u/<n>/?view=att&th=<hex id>&attid=0&disp=comp…` — "Download original" — and
// `?view=om&permmsgid=msg-f:<decimal>` or `&th=<hex>`), served raw from `<fixtures>/mail/original/<hex>.eml`.
// The extension's content script fetches these from the page's own origin, so they live beside the
// stand-in Gmail pages under `/__fixtures/mail/`; the demo routes mail.google.com's here too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reply } from './http';

const HEX = /^[0-9a-f]{1,16}$/;

/** The hex message id an original address asks for, or null when the address is not one. */
export function originalIdOf(query: URLSearchParams): string | null {
  const view = query.get('view');
  if (view !== 'att' && view !== 'om') return null;
  const th = query.get('th');
  if (th && HEX.test(th)) return th;
  const perm = /^msg-f:(\d{1,20})$/.exec(query.get('permmsgid') ?? '');
  if (perm) return BigInt(perm[1]!).toString(16);
  return null;
}

/** True for `/__fixtures/mail/…/mail/u/<n>/` (or `/mail/`) addresses carrying an original query. */
export function isOriginalRequest(path: string, search: string): boolean {
  return /\/mail\/(?:u\/\d+\/)?$/.test(path) && originalIdOf(new URLSearchParams(search)) !== null;
}

export function serveOriginal(fixturesDir: string, search: string): Reply {
  const id = originalIdOf(new URLSearchParams(search));
  const file = id ? join(fixturesDir, 'mail', 'original', `${id}.eml`) : '';
  if (!id || !existsSync(file)) {
    // Gmail answers an unknown message with an HTML error page, not a message: so does the stand-in.
    return {
      status: 404,
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
      body: Buffer.from('<!doctype html><title>Gmail</title><p>Sorry, the message could not be found.</p>'),
    };
  }
  return {
    status: 200,
    headers: { 'Content-Type': 'message/rfc822', 'Cache-Control': 'no-store' },
    body: readFileSync(file),
  };
}

/** For the demo's browser routing of mail.google.com: the original for a Gmail address, or undefined. */
export function originalForUrl(
  fixturesDir: string,
  url: URL,
): { status: number; contentType: string; body: Buffer } | undefined {
  if (!isOriginalRequest(url.pathname, url.search.slice(1))) return undefined;
  const reply = serveOriginal(fixturesDir, url.search.slice(1));
  return {
    status: reply.status,
    contentType: reply.headers?.['Content-Type'] ?? 'message/rfc822',
    body: reply.body as Buffer,
  };
}
