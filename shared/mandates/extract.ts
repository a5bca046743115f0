// The practical details a principal needs from a mandate: what to do (short action phrases), whom to ask
// (emails, phones, named offices and people) and where to do it (forms and district systems).

import type { SentenceReading } from './classify';
import { clip } from './text';
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

const EMAIL = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;
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
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) add('email', m[0]);
  if (MAYBE_PHONE.test(text)) for (const m of text.matchAll(PHONE)) add('phone', m[0]);
  for (const line of cueLines(text)) {
    for (const m of line.matchAll(OFFICE))
      if (!NOT_OFFICE.test(m[0])) add('office', m[0].replace(/^the\s+/i, ''));
    for (const m of line.matchAll(PERSON)) if (m[1]) add('person', m[1]);
  }
  return out;
}

// Forms: "Form 562-1", "form WCED 032", "Google form", "Application for Test Invalidation form".
const FORM =
  /\b(?:[Ff]orm[ \t]+(?:[A-Z]{1,6} ?)?(?!\d+(?:st|nd|rd|th)\b)\d[\w.-]*|(?:[A-Z][\w-]*\s){1,4}[Ff]orms?\b|(?:WCED|EF|EFT|PS)[- ]?\d[\w-]*)/g;
// Systems: a named platform ("Professional Growth System", "Education Portal") or an acronym used as a
// place you go ("enter ... into SEMS", "on CEMIS", "upload it to COLLECT", "log into NEO").
const NAMED_SYSTEM =
  /\b(?:[A-Z][\w-]*\s){0,3}(?:System|Portal|Gateway|Module|Platform|Database|Dashboard|Tracker|Survey Monkey|SurveyMonkey)\b/g;
const MAYBE_SYSTEM = /System|Portal|Gateway|Module|Platform|Database|Dashboard|Tracker|Survey ?Monkey/;
// An acronym used as a place you go: "enter ... into SEMS", "on CEMIS", "upload it to COLLECT", "log into
// NEO". Found acronym first (a fast scan for capitals), then checked for the word before and after it.
const ACRONYM = /\b(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{2,10})\b/g;
const PLACE_BEFORE = /\b(?:in|into|on|onto|via|through|using|to|log into|access|from)\s+(?:the\s+)?$/;
const PLACE_AFTER =
  /(?=\s+(?:system|portal|module|platform|data system|database|account)|\s*(?:[.,;)]|$)|\s+(?:by|before|and|or|on|to|for|when|with)\b)/y;

/** Acronyms named as a place to go, in order. */
function acronymPlaces(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ACRONYM)) {
    const at = m.index;
    if (at === 0 || !/\s/.test(text.charAt(at - 1))) continue;
    PLACE_AFTER.lastIndex = at + m[0].length;
    if (!PLACE_AFTER.test(text)) continue;
    // The words before need only a short look back, unless the spaces before the acronym run long.
    const from = Math.max(0, at - 24);
    const before = PLACE_BEFORE.exec(text.slice(from, at));
    if (before === null) continue;
    if (before.index === 0 && from > 0 && !PLACE_BEFORE.test(text.slice(0, at))) continue;
    out.push(m[0]);
  }
  return out;
}
const NOT_SYSTEM = new Set([
  'US',
  'USA',
  'UK',
  'LA',
  'HR',
  'PD',
  'AM',
  'PM',
  'ADE',
  'DOE',
  'DPI',
  'DFE',
  'TO',
  'OK',
  'FAQ',
  'PDF',
  'CEO',
  'ID',
  'IT',
  'AND',
  'THE',
  'OR',
  'SEND',
  'USDOE',
  'STA',
  'WCED',
  'LEAP',
  'MA',
  'CA',
  'NY',
  'ND',
  'UT',
  'PA',
  'NC',
  'AR',
  'MD',
  'NZ',
  'SAU',
  'SAUS',
  'LEA',
  'LEAS',
  'NCLB',
  'LCAP',
  'BPS',
  'SCUSD',
  'NDDPI',
  'NDSA',
  'EDB',
  'CBSE',
  'MOOE',
  'ACT',
  'SAT',
  'STAFF',
  'ALL',
  'PTA',
  'HTS',
  'HT',
  'DHTS',
  'SLT',
  'LBH',
]);
/** Every FORM match holds the word "form(s)" or a form code: most texts can skip the long pattern. */
const MAYBE_FORM = /\b[Ff]orms?\b|\b(?:WCED|EF|EFT|PS)[- ]?\d/;
const FORM_NOISE =
  /^(?:The|This|A|An|Your|Our|Their|Each|Any|Online|Paper|These|Those|Completed|Following)\s+forms?$/i;

/** Forms and district systems the text names. */
export function systemsFrom(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (value: string) => {
    const v = value
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(?:the|a|an|this|your|our)\s+/i, '');
    if (v.length < 2 || FORM_NOISE.test(value.trim()) || seen.has(v.toLowerCase()) || out.length >= 10)
      return;
    seen.add(v.toLowerCase());
    out.push(v);
  };
  if (MAYBE_FORM.test(text)) for (const m of text.matchAll(FORM)) add(m[0]);
  if (MAYBE_SYSTEM.test(text))
    for (const m of text.matchAll(NAMED_SYSTEM))
      if (!/^(?:The|This|Our|Your|A|An)\s/.test(m[0]) || m[0].split(' ').length > 2) add(m[0]);
  for (const name of acronymPlaces(text))
    if (!NOT_SYSTEM.has(name.toUpperCase()) && !/^[A-Z][a-z]+$/.test(name)) add(name);
  return out;
}
