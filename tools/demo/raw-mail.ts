// Turns the demo's invented emails into raw RFC 5322 messages (what Gmail's "show original" returns),
// with Gmail-style ids: the demo's Gmail pages and its "show original" replies are both made from these.
import { Buffer } from 'node:buffer';
import { DEMO_DOMAIN } from './network';

export interface DemoPerson {
  name: string;
  email: string;
}

export interface DemoAttachment {
  name: string;
  mimeType: 'application/pdf' | 'text/csv' | 'text/plain';
  /** Lines of text: a PDF shows them on one page, a CSV or text file holds them as its lines. */
  lines: string[];
}

export interface DemoEmail {
  /** Stable short name, used for ids and by the tour ("file this one"). */
  key: string;
  /** Messages of one conversation share a thread key (the first message's key). */
  thread?: string;
  from: DemoPerson;
  to: DemoPerson[];
  /** ISO date-time with offset, e.g. 2025-11-17T09:14:00-08:00. */
  date: string;
  subject: string;
  body: string[];
  attachments?: DemoAttachment[];
}

/** Gmail's ids for one message: the hex API id and the decimal form its page carries. */
export interface GmailIds {
  hex: string;
  decimal: string;
}

// Gmail ids are 64-bit numbers; the demo derives them from the message's position so they never change
// between runs (idempotent seeding) and look like the real thing (16 hex digits).
const ID_BASE = 0x19ab3c5d7e900000n;
export function gmailIdsFor(index: number): GmailIds {
  const n = ID_BASE + BigInt(index) * 0x1f3a7b5n;
  return { hex: n.toString(16), decimal: n.toString(10) };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  offset: string;
}

/** The wall-clock parts of an ISO date-time as written (the sender's local time), not converted. */
export function localTime(iso: string): LocalTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?([+-]\d{2}):?(\d{2})$/.exec(iso);
  if (!m) throw new Error(`demo mail: "${iso}" is not an ISO date-time with an offset`);
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as number[];
  const weekday = new Date(Date.UTC(year!, month! - 1, day!)).getUTCDay();
  return {
    year: year!,
    month: month!,
    day: day!,
    weekday,
    hour: hour!,
    minute: minute!,
    offset: m[6]! + m[7]!,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 Date header: "Mon, 17 Nov 2025 09:14:00 -0800". */
export function rfc5322Date(iso: string): string {
  const t = localTime(iso);
  return `${DAYS[t.weekday]}, ${t.day} ${MONTHS[t.month - 1]} ${t.year} ${two(t.hour)}:${two(t.minute)}:00 ${t.offset}`;
}

/** How Gmail titles a message's date: "Mon, Nov 17, 2025, 9:14 AM" (U+202F before AM/PM, as Gmail writes it). */
export function gmailDateTitle(iso: string): string {
  const t = localTime(iso);
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const meridiem = t.hour < 12 ? 'AM' : 'PM';
  return `${DAYS[t.weekday]}, ${MONTHS[t.month - 1]} ${t.day}, ${t.year}, ${hour12}:${two(t.minute)}\u202f${meridiem}`;
}

/** Short date for the list and the message header ("Nov 17"). */
export function gmailShortDate(iso: string): string {
  const t = localTime(iso);
  return `${MONTHS[t.month - 1]} ${t.day}`;
}

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);
const encodedWord = (s: string) => (isAscii(s) ? s : `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`);
const mailbox = (p: DemoPerson) => `${isAscii(p.name) ? `"${p.name}"` : encodedWord(p.name)} <${p.email}>`;

/** A one-page PDF showing the lines in Helvetica: real bytes a PDF reader opens, small enough for mail. */
export function pdfOf(lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
  const text = lines.map((l, i) => `BT /F1 11 Tf 56 ${760 - i * 16} Td (${escape(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export function attachmentBytes(a: DemoAttachment): Buffer {
  return a.mimeType === 'application/pdf' ? pdfOf(a.lines) : Buffer.from(a.lines.join('\r\n') + '\r\n');
}

/** Base64 in 76-character lines, as MIME asks. */
const base64Lines = (bytes: Buffer) => (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');

export function messageIdHeader(email: DemoEmail): string {
  return `<demo-${email.key}@mail.${DEMO_DOMAIN}>`;
}

/** The raw RFC 5322 message, CRLF line ends; plain text, or multipart/mixed when it has attachments. */
export function rawMessage(email: DemoEmail, inReplyTo?: DemoEmail): Buffer {
  const body = email.body.join('\r\n\r\n') + '\r\n';
  const headers = [
    `From: ${mailbox(email.from)}`,
    `To: ${email.to.map(mailbox).join(', ')}`,
    `Subject: ${encodedWord(email.subject)}`,
    `Date: ${rfc5322Date(email.date)}`,
    `Message-ID: ${messageIdHeader(email)}`,
    ...(inReplyTo
      ? [`In-Reply-To: ${messageIdHeader(inReplyTo)}`, `References: ${messageIdHeader(inReplyTo)}`]
      : []),
    'MIME-Version: 1.0',
  ];
  const textPart = ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit'];
  if (!email.attachments?.length) {
    return Buffer.from([...headers, ...textPart, '', body].join('\r\n'));
  }
  const boundary = `demo-boundary-${email.key}`;
  const parts = [
    [...textPart, '', body].join('\r\n'),
    ...email.attachments.map((a) =>
      [
        `Content-Type: ${a.mimeType}; name="${a.name}"`,
        `Content-Disposition: attachment; filename="${a.name}"`,
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(attachmentBytes(a)),
      ].join('\r\n'),
    ),
  ];
  return Buffer.from(
    [
      ...headers,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      ...parts.map((p) => `--${boundary}\r\n${p}`),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}
