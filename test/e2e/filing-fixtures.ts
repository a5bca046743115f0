// Invented mail for the filing end-to-end tests, written as the sandbox serves it: stand-in Gmail pages
// (a conversation per mailbox, a list of many) under <dir>/mail/mail/u/<n>/ and each message's original
// under <dir>/mail/original/<hex id>.eml — the same address shapes Gmail itself answers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FixtureMessage {
  /** Gmail's legacy hex id in this mailbox. */
  hex: string;
  messageId: string;
  subject: string;
  fromName: string;
  fromEmail: string;
  body: string;
  attachment?: { name: string; mimeType: string; content: Buffer };
}

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** RFC 5322 header text: non-ASCII as an RFC 2047 encoded word. */
const header = (text: string) =>
  /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

export function rawMessage(m: FixtureMessage): Buffer {
  const boundary = 'rounds-e2e-boundary';
  const lines = [
    `Message-ID: <${m.messageId}>`,
    `From: ${header(m.fromName)} <${m.fromEmail}>`,
    'To: Pat Okafor <p.okafor@example.org>',
    `Subject: ${header(m.subject)}`,
    'Date: Wed, 03 Dec 2025 09:14:00 -0800',
    'MIME-Version: 1.0',
  ];
  if (!m.attachment) {
    lines.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '');
    lines.push(Buffer.from(m.body, 'utf8').toString('base64'));
  } else {
    const name = header(m.attachment.name);
    lines.push(`Content-Type: multipart/mixed; boundary="${boundary}"`, '', `--${boundary}`);
    lines.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '');
    lines.push(Buffer.from(m.body, 'utf8').toString('base64'), `--${boundary}`);
    lines.push(
      `Content-Type: ${m.attachment.mimeType}; name="${name}"`,
      `Content-Disposition: attachment; filename="${name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      m.attachment.content.toString('base64'),
      `--${boundary}--`,
    );
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

/** A stand-in Gmail page with one open conversation of one message, as the Gmail adapter reads it. */
export function threadPage(m: FixtureMessage): string {
  const attachment = m.attachment
    ? `<div class="aQH"><span class="aZo"><span class="aV3">${esc(m.attachment.name)}</span></span></div>`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(m.subject)} - Mail</title></head>
<body><div role="main"><div class="nH"><div class="ha"><h2 class="hP" data-legacy-thread-id="${m.hex}">${esc(m.subject)}</h2></div>
<div class="adn ads" data-message-id="#msg-f:${BigInt('0x' + m.hex).toString()}" data-legacy-message-id="${m.hex}">
<div class="gE"><span class="gD" email="${esc(m.fromEmail)}" name="${esc(m.fromName)}">${esc(m.fromName)}</span>
<span class="g3" title="Wed, Dec 3, 2025, 9:14\u202fAM">Dec 3</span></div>
<div class="hb"><span email="p.okafor@example.org" name="Pat Okafor">Pat Okafor</span></div>
<div class="a3s">${esc(m.body)}</div>${attachment}</div></div></div></body></html>`;
}

/** A stand-in Gmail list: one row per message (single-message conversations), all ticked when `ticked`. */
export function listPage(messages: readonly FixtureMessage[], ticked: boolean): string {
  const rows = messages
    .map(
      (m) => `<tr class="zA zE"><td><div role="checkbox" aria-checked="${ticked}"></div></td>
<td><span class="yP" email="${esc(m.fromEmail)}" name="${esc(m.fromName)}">${esc(m.fromName)}</span></td>
<td><span class="bog" data-legacy-thread-id="${m.hex}">${esc(m.subject)}</span></td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inbox - Mail</title></head>
<body><div role="main"><table class="F cf zt"><tbody>${rows}</tbody></table></div></body></html>`;
}

/** Writes a mailbox page at mail/mail/u/<n>/ and every message's original. */
export function writeMailbox(
  dir: string,
  mailbox: number,
  page: string,
  messages: readonly FixtureMessage[],
): void {
  const pageDir = join(dir, 'mail', 'mail', 'u', String(mailbox));
  mkdirSync(pageDir, { recursive: true });
  writeFileSync(join(pageDir, 'index.html'), page);
  const originals = join(dir, 'mail', 'original');
  mkdirSync(originals, { recursive: true });
  for (const m of messages) writeFileSync(join(originals, `${m.hex}.eml`), rawMessage(m));
}

/** A small valid-looking PDF, so the attachment has real bytes to compare. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
