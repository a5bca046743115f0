// A Gmail compose window opened by URL (no Gmail API scope): https://mail.google.com/mail/?view=cm&fs=1 with
// `to`, `su` (the subject) and `body` (plain text only: Gmail puts it in as text). The body goes in the URL,
// so it is bounded: Google documents no figure for these links, and very long request lines are refused by
// servers (HTTP 414), so Rounds keeps the whole URL under COMPOSE_URL_LIMIT characters. A longer body is cut
// at a line break and ends with a note saying so and pointing to "Copy as HTML" for the whole digest.

export const GMAIL_COMPOSE_BASE = 'https://mail.google.com/mail/';

/** Rounds' own bound on a compose URL's length, in characters (a conservative choice, not a Google figure). */
export const COMPOSE_URL_LIMIT = 8000;

export const TRUNCATED_NOTE =
  '[Shortened to fit a Gmail link. The whole text is in Rounds: use "Copy as HTML" and paste it here.]';

export interface ComposeInput {
  /** Recipients, comma-separated (optional: the user picks them in Gmail). */
  to?: string;
  subject: string;
  body: string;
  /** The Gmail account to open, as "u/1" takes it: an index or an email (optional). */
  account?: string | number;
}

export interface ComposeLink {
  url: string;
  /** Whether the body was cut to fit, with TRUNCATED_NOTE at its end. */
  truncated: boolean;
  /** Characters of the original body kept. */
  bodyKept: number;
}

/** encodeURIComponent that never splits a surrogate pair: a lone half is dropped instead of throwing. */
function encode(text: string): string {
  return encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ''),
  );
}

function build(input: ComposeInput, body: string): string {
  const account =
    input.account === undefined || input.account === '' ? '' : `u/${encode(String(input.account))}/`;
  const params = ['view=cm', 'fs=1'];
  if (input.to?.trim()) params.push(`to=${encode(input.to.trim())}`);
  params.push(`su=${encode(input.subject)}`);
  params.push(`body=${encode(body)}`);
  return `${GMAIL_COMPOSE_BASE}${account}?${params.join('&')}`;
}

/** The compose link; a body too long for `limit` is cut at a line break and ends with TRUNCATED_NOTE. */
export function gmailComposeUrl(input: ComposeInput, limit = COMPOSE_URL_LIMIT): ComposeLink {
  const whole = build(input, input.body);
  if (whole.length <= limit) return { url: whole, truncated: false, bodyKept: input.body.length };
  const withNote = (n: number) => `${input.body.slice(0, n).trimEnd()}\n\n${TRUNCATED_NOTE}`;
  // The longest prefix whose link fits (encoding makes length grow with the prefix, so search for it).
  let lo = 0;
  let hi = input.body.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(input, withNote(mid)).length <= limit) lo = mid;
    else hi = mid - 1;
  }
  // Back to the last line break, so no line is cut in the middle (unless there is none to go back to).
  const lineEnd = input.body.lastIndexOf('\n', lo);
  const kept = lineEnd > 0 ? lineEnd : lo;
  const url = build(input, withNote(kept));
  if (url.length > limit) {
    // Even the note and subject alone do not fit: the link carries the subject and the note only.
    return { url: build(input, TRUNCATED_NOTE), truncated: true, bodyKept: 0 };
  }
  return { url, truncated: true, bodyKept: kept };
}
