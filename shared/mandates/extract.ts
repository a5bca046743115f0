// The practical details a principal needs from a mandate: what to do (short action phrases), whom to ask
// (emails, phones, named offices and people) and where to do it (forms and district systems, systems.ts).

import type { SentenceReading } from './rules/classify';
import { clip } from './text/text';
import type { Contact } from './types';

const MAX_ACTIONS = 6;

/** Short "what to do" phrases from the sentences that ask something of the school. */
export function actionsFrom(readings: readonly SentenceReading[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of readings) {
    if (out.length >= MAX_ACTIONS) break;
    if (!r.duty.length && !r.request.length) continue;
    let text = r.text.replace(/^[\s•●Ø*·-]+|^\d+(?:\.\d+)*[.)]?\s+/g, '');
    // "Principals, please complete ..." → "complete ..."; "are requested to share ..." → "share ...".
    const lead =
      /^(?:[^.]{0,80}?\b)?(?:please|kindly|are requested to|is requested to|are asked to|is asked to|are required to|is required to|requesting that you|we ask (?:that )?(?:you )?(?:to )?|we request (?:that )?(?:you )?)\s+/i.exec(
        text,
      );
    if (lead) text = text.slice(lead[0].length);
    text = text.replace(/^(?:to\s+)/i, '');
    const phrase = clip(text.replace(/[.;:]+$/, ''), 110);
    if (phrase.length < 6) continue;
    const key = phrase.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(phrase.charAt(0).toLowerCase() === phrase.charAt(0) ? phrase : lowerFirstWord(phrase));
  }
  return out;
}

function lowerFirstWord(s: string): string {
  // Keep acronyms and names ("SARs must ...", "CEMIS ...") as written; lower an ordinary first word.
  const first = s.split(/\s/)[0] ?? '';
  return /^[A-Z][a-z]+$/.test(first) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** An address read from where it starts (see emailsIn). */
const EMAIL_AT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/y;
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
/** A character an address's local part may hold: letters, digits and . _ % + - */
const isLocalChar = (c: number) => isWordChar(c) || c === 46 || c === 37 || c === 43 || c === 45;

/**
 * The email addresses in a text, in order: what the pattern `\b[local chars]+@domain` finds scanning the
 * whole text, but read from each "@" outward. An address holds exactly one "@" and its local part is the
 * run of local characters before it, so the match for an "@" starts at the first word boundary in that
 * run (not before the end of the previous address), and whether it matches does not depend on where.
 */
function emailsIn(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at < last) continue;
    let start = at;
    while (start > last && isLocalChar(text.charCodeAt(start - 1))) start--;
    // A word boundary: a word character on one side of the position only.
    const boundary = (p: number) =>
      (p > 0 && isWordChar(text.charCodeAt(p - 1))) !== isWordChar(text.charCodeAt(p));
    while (start < at && !boundary(start)) start++;
    if (start >= at) continue;
    EMAIL_AT.lastIndex = start;
    const m = EMAIL_AT.exec(text);
    if (!m) continue;
    out.push(m[0]);
    last = start + m[0].length;
  }
  return out;
}
const PHONE =
  /(?<![\w/-])(?:\+?\d{1,3}[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s./-])\d{3}[\s.-]\d{4}(?![\w/-])|(?<![\w/-])\d{3}-\d{4}(?![\w/-])/g;
const OFFICE =
  /\b(?:(?:the\s+)?(?:Office|Department|Division|Directorate|Bureau|Branch|Unit) of (?:the\s+)?(?:[A-Z][\w&'-]*\s?){1,5}|(?:[A-Z][\w&'-]*\s){1,4}(?:Office|Department|Team|Unit|Division|Services|Branch|Helpdesk|Help Desk|Desk|Centre|Center|Directorate))\b/g;
/** Every phone number ends in three digits, a separator and four digits. */
const MAYBE_PHONE = /\d{3}[\s.-]\d{4}/;
const CONTACT_CUE =
  /\b(?:contact|e-?mail|call|questions?|enquir|inquir|assistance|help|reach|directed to|forward(?:ed)? to|submit(?:ted)? to|return(?:ed)? to|send to|sent to)\b/i;
const CONTACT_CUES = new RegExp(CONTACT_CUE.source, 'gi');
const SPACE = /\s/;
const isStop = (c: string) => c === '.' || c === '!' || c === '?';

/**
 * The lines holding a contact cue, in order, where a line ends at a line break or after a sentence's
 * closing . ! ? and the spaces that follow: one pass over the text finds the cues, and only their lines
 * are cut out.
 */
function cueLines(text: string): string[] {
  const out: string[] = [];
  CONTACT_CUES.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CONTACT_CUES.exec(text))) {
    let a = m.index;
    while (a > 0) {
      const c = text.charAt(a - 1);
      if (c === '\n') break;
      if (!SPACE.test(c)) {
        a--;
        continue;
      }
      let r = a - 1;
      while (r > 0 && text.charAt(r - 1) !== '\n' && SPACE.test(text.charAt(r - 1))) r--;
      if (r > 0 && isStop(text.charAt(r - 1))) break;
      a = r;
    }
    let b = m.index;
    while (b < text.length) {
      const c = text.charAt(b);
      if (c === '\n') break;
      b++;
      if (isStop(c) && b < text.length && SPACE.test(text.charAt(b))) break;
    }
    out.push(text.slice(a, b));
    CONTACT_CUES.lastIndex = Math.max(CONTACT_CUES.lastIndex, b);
  }
  return out;
}

const PERSON =
  /\b(?:contact|e-?mail|call)\s+((?:(?:Dr|Mr|Mrs|Ms)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-zA-Z'-]+)/g;
const NOT_OFFICE = /^(?:The|This|Our|Your|A|An|Please|For|All)\s*$/;

/** Emails, phone numbers, and the offices or people named where the text says whom to contact. */
export function contactsFrom(text: string): Contact[] {
  const out: Contact[] = [];
  const seen = new Set<string>();
  const add = (kind: Contact['kind'], value: string) => {
    const v = value
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.,;:]+$/, '');
    const key = `${kind}|${v.toLowerCase()}`;
    if (v.length < 3 || seen.has(key) || out.length >= 12) return;
    seen.add(key);
    out.push({ kind, value: v });
  };
  // Cheap tests first: most messages have no address, no phone number, or no contact line at all.
  if (text.includes('@')) for (const address of emailsIn(text)) add('email', address);
  if (MAYBE_PHONE.test(text)) for (const m of text.matchAll(PHONE)) add('phone', m[0]);
  for (const line of cueLines(text)) {
    for (const m of line.matchAll(OFFICE))
      if (!NOT_OFFICE.test(m[0])) add('office', m[0].replace(/^the\s+/i, ''));
    for (const m of line.matchAll(PERSON)) if (m[1]) add('person', m[1]);
  }
  return out;
}

// Forms and systems are read in systems.ts; the triage takes all the practical details from here.
export { systemsFrom } from './systems';
