// Invented central-office mail for the Mandates end-to-end test, written as the sandbox serves it: one
// stand-in Gmail conversation per mailbox page (mail/mail/u/<n>/), a Gmail list with snippets, and each
// message's original under mail/original/<hex>.eml. Every message carries its own sending date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MandateFixture {
  hex: string;
  messageId: string;
  subject: string;
  fromName: string;
  fromEmail: string;
  /** RFC 5322 date, e.g. "Mon, 01 Dec 2025 08:00:00 -0800". */
  date: string;
  /** Gmail's title on the date, e.g. "Mon, Dec 1, 2025, 8:00 AM". */
  gmailDate: string;
  body: string;
}

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const header = (text: string) =>
  /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

export function rawMandate(m: MandateFixture): Buffer {
  const name = /^[\w .-]*$/.test(m.fromName) ? m.fromName : `"${m.fromName.replace(/["\\]/g, '')}"`;
  return Buffer.from(
    [
      `Message-ID: <${m.messageId}>`,
      `From: ${header(name)} <${m.fromEmail}>`,
      'To: Principals <principals@district.example.org>',
      `Subject: ${header(m.subject)}`,
      `Date: ${m.date}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(m.body, 'utf8').toString('base64'),
      '',
    ].join('\r\n'),
    'utf8',
  );
}

export function mandatePage(m: MandateFixture): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mail</title></head>
<body><div role="main"><div class="nH"><h2 class="hP" data-legacy-thread-id="${m.hex}">${esc(m.subject)}</h2>
<div class="adn ads" data-message-id="#msg-f:${BigInt('0x' + m.hex).toString()}" data-legacy-message-id="${m.hex}">
<div class="gE"><span class="gD" email="${esc(m.fromEmail)}" name="${esc(m.fromName)}">${esc(m.fromName)}</span>
<span class="g3" title="${m.gmailDate.replace(' AM', '\u202fAM').replace(' PM', '\u202fPM')}">${esc(m.gmailDate)}</span></div>
<div class="hb"><span email="principals@district.example.org" name="Principals">Principals</span></div>
<div class="a3s">${esc(m.body)}</div></div></div></div></body></html>`;
}

/** Gmail's list: sender, subject and snippet (`.y2`) per row, as the list shows them. */
export function mandateListPage(messages: readonly MandateFixture[]): string {
  const rows = messages
    .map(
      (m) => `<tr class="zA zE"><td><div role="checkbox" aria-checked="false"></div></td>
<td><span class="yP" email="${esc(m.fromEmail)}" name="${esc(m.fromName)}">${esc(m.fromName)}</span></td>
<td><span class="bog"><span data-legacy-thread-id="${m.hex}">${esc(m.subject)}</span></span><span class="y2"> - ${esc(m.body.slice(0, 120))}</span></td>
<td class="xW"><span title="${m.gmailDate}">${esc(m.gmailDate)}</span></td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Inbox - Mail</title></head>
<body><div role="main"><table class="F cf zt"><tbody>${rows}</tbody></table></div></body></html>`;
}

/** Writes a page at mail/mail/u/<n>/ and the originals of `messages`. */
export function writeMandateMailbox(
  dir: string,
  mailbox: number,
  page: string,
  messages: readonly MandateFixture[],
): void {
  const pageDir = join(dir, 'mail', 'mail', 'u', String(mailbox));
  mkdirSync(pageDir, { recursive: true });
  writeFileSync(join(pageDir, 'index.html'), page);
  const originals = join(dir, 'mail', 'original');
  mkdirSync(originals, { recursive: true });
  for (const m of messages) writeFileSync(join(originals, `${m.hex}.eml`), rawMandate(m));
}
