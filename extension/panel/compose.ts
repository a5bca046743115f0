// A Gmail compose window the user sends themselves: Gmail's own compose address with the subject and body
// as URL parameters, opened in a new tab — no Gmail API scope, nothing sent without the user.
import { openTab } from '../platform/tabs';

/** Addresses much longer than this are refused by some browsers and servers; the body is cut to fit. */
const MAX_BODY = 6000;

export function gmailComposeUrl({
  to = '',
  subject,
  body,
}: {
  to?: string;
  subject: string;
  body: string;
}): string {
  const cut = body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}\n…` : body;
  const query = new URLSearchParams({ view: 'cm', fs: '1', to, su: subject, body: cut });
  return `https://mail.google.com/mail/?${query.toString()}`;
}

export function openCompose(message: { to?: string; subject: string; body: string }): Promise<void> {
  return openTab(gmailComposeUrl(message));
}
