// The forms and district systems a message names ("Form TR-7", "the Staff Census form", "enter it into
// SEMS"), told apart from the organisations, places and plain words that look the same in capitals.

import { ROLES } from './rules/roles';

// Forms: the word form with a code ("Form 562-1", "form ABC 032", "Form TR-7"; not "form 03.04.2019",
// a date), a capitalised name and the word form ("Application for Test Invalidation form"), or a code
// with digits right before the word form ("the ABC 034 form").
const FORM =
  /\b(?:[Ff]orm[ \t]+(?:[A-Z]{1,6}[- ]?)?(?!\d+(?:st|nd|rd|th)\b)(?!\d{1,2}[./]\d{1,2}[./]\d{2,4}\b)\d[\w.-]*|(?:[A-Z][\w-]*\s){1,4}[Ff]orms?\b|[A-Z]{1,6}[- ]?\d[\w-]*(?=\s+[Ff]orms?\b))/g;
/** A form code (capitals with digits) after a verb that fills one in: "complete the AB-12", "return PQ7". */
const CODE_AFTER_VERB =
  /\b(?:[Cc]omplete|[Ss]ubmit|[Rr]eturn|[Ss]ign|[Ff]ill (?:in|out))\s+(?:(?:the|a|an|your|this)\s+)?([A-Z]{1,6}[- ]?\d[\w-]*)/g;
/** A form code given in brackets after a document's name: "Annual Data Report (XY-24)". */
const CODE_AFTER_NAME =
  /\b(?:Form|Report|Return|Survey|Application|Request|Template|Checklist|Declaration)s?\s*\(([A-Z]{1,6}[- ]?\d[\w-]*)\)/g;
/** Every form match holds the word form(s) or a capital next to a digit: most texts skip the patterns. */
const MAYBE_FORM = /\b[Ff]orms?\b/;
const MAYBE_CODE = /[A-Z][- ]?\d/;
const FORM_NOISE =
  /^(?:The|This|A|An|Your|Our|Their|Each|Any|Online|Paper|These|Those|Completed|Following)\s+forms?$/i;

// Systems: a named platform ("Professional Growth System", "Education Portal") or an acronym used as a
// place you go ("enter ... into SEMS", "on CEMIS", "upload it to COLLECT", "log into NEO").
const NAMED_SYSTEM =
  /\b(?:[A-Z][\w-]*\s){0,3}(?:System|Portal|Gateway|Module|Platform|Database|Dashboard|Tracker|Survey Monkey|SurveyMonkey)\b/g;
const MAYBE_SYSTEM = /System|Portal|Gateway|Module|Platform|Database|Dashboard|Tracker|Survey ?Monkey/;
// Found acronym first (a fast scan for capitals), then checked for the word before and after it.
const ACRONYM = /\b(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{2,10})\b/g;
const PLACE_BEFORE = /\b(?:in|into|on|onto|via|through|using|to|log into|access|from)\s+(?:the\s+)?$/;
const PLACE_AFTER =
  /(?=\s+(?:system|portal|module|platform|data system|database|account)|\s*(?:[.,;)]|$)|\s+(?:by|before|and|or|on|to|for|when|with)\b)/y;
/** An acronym that runs on into an address ("DEPT.Audit@...", "ABC@...") is part of the address. */
const IN_ADDRESS = /[.@]\w/y;

/** Acronyms named as a place to go, in order. */
function acronymPlaces(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ACRONYM)) {
    const at = m.index;
    if (at === 0 || !/\s/.test(text.charAt(at - 1))) continue;
    PLACE_AFTER.lastIndex = at + m[0].length;
    if (!PLACE_AFTER.test(text)) continue;
    IN_ADDRESS.lastIndex = at + m[0].length;
    if (IN_ADDRESS.test(text)) continue;
    // The words before need only a short look back, unless the spaces before the acronym run long.
    const from = Math.max(0, at - 24);
    const before = PLACE_BEFORE.exec(text.slice(from, at));
    if (before === null) continue;
    if (before.index === 0 && from > 0 && !PLACE_BEFORE.test(text.slice(0, at))) continue;
    out.push(m[0]);
  }
  return out;
}

// What an acronym in a place position can be other than a system, as data.
/** Words written in capitals for emphasis or as headings, not names. */
const PLAIN_WORDS = (
  'A AN AND THE OR NOR BUT TO OF IN ON AT BY FOR FROM WITH ALL ANY EACH EVERY NO NOT YES NEW NOW NOTE ONLY ' +
  'PLEASE DUE URGENT IMPORTANT REMINDER ACTION REQUIRED INFORMATION UPDATE STAFF SEND OK ACT SAT THIS THAT ' +
  'YOUR OUR WE YOU US IT IS ARE BE WILL MUST SHALL AM PM'
).split(' ');
/** Abbreviations every school office uses for file formats, departments, roles and bodies. */
const GENERAL_ABBREVIATIONS = (
  'PDF DOC DOCX XLS XLSX CSV PPT URL FAQ FAQS ID IDS IT HR PD CEO CFO PTA PTO SLT SMT TV ICT PE RE EU ' +
  'SEN SEND SENCO LEA LEAS SEA SEAS NCLB ESSA IDEA FERPA HIPAA'
).split(' ');
/** US state and territory codes, ISO 3166 country codes, and the few country abbreviations in use. */
const PLACE_CODES = (
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND ' +
  'OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI AS MP ' +
  'AD AE AF AG AI AM AO AQ AT AU AW AX BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CC ' +
  'CD CF CG CH CI CK CL CM CN CR CU CV CW CX CY CZ DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GW GY HK HM HN HR HT HU IE IL IM IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LB LC LI LK LR LS LT LU LV LY MC MF MG MH MK ML MM MO MQ MR MU MV ' +
  'MW MX MY MZ NA NF NG NI NL NO NP NR NU NZ OM PE PF PG PH PK PL PM PN PS PT PW PY QA RE RO RS RU RW SA ' +
  'SB SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TO TR TT TV TW TZ UA ' +
  'UG UM US UY UZ VC VE VG VN VU WF WS YE YT ZA ZM ZW UK USA UAE'
).split(' ');
/** Roles written as acronyms ("HTs", "SAU", "LEAs") name people or districts, not systems. */
const ROLE_ACRONYMS = ROLES.flatMap((r) => r.phrases).filter((p) => /^[A-Z][A-Za-z]*[A-Z]s?$/.test(p));
const NOT_A_SYSTEM = new Set(
  [...PLAIN_WORDS, ...GENERAL_ABBREVIATIONS, ...PLACE_CODES, ...ROLE_ACRONYMS].map((w) => w.toUpperCase()),
);
/**
 * The way education agencies abbreviate themselves: a department of education (..DOE, ..DE, ..ED, ..DPI,
 * "DfE", "MoE": small letters for "for"/"of"), a school district (..USD, ..ISD, ..SD) or public schools
 * (..PS).
 */
const AGENCY_FORM = /^(?:[A-Z]{0,5}(?:DOE|DPI|DE|ED|USD|ISD|CSD|SD|PS)S?|[A-Z]+(?:f|o|of)[A-Z]+)$/;
/** A name for an organisation ends in one of these (or holds it before "of": "Department of ..."). */
const ORGANISATION_WORD =
  /\b(?:Schools?|District|Department|Office|Authority|Council|Board|Agency|Ministry|Division|Unified|Borough|County|Trust|Directorate|Bureau|Commission|Federation|Association|Union|Academy|Government|Services?|Centre|Center|Institute|Plan|Act|Law|Policy|Programme|Program)\b/;
/** "Riverbend Unified School District (RUSD)": a name of capitalised words, then its acronym in brackets. */
const DEFINITION =
  /((?:[A-Z][\w&'.-]*|of|and|for|the|&)(?:[ \t]+(?:[A-Z][\w&'.-]*|of|and|for|the|&)){0,9})[ \t]*\([ \t]*([A-Z][A-Za-z]{1,9})[ \t]*\)/g;

/** Acronyms the text defines as the name of an organisation (or of a plan or law). */
function organisationsDefined(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.includes('(')) return out;
  for (const m of text.matchAll(DEFINITION))
    if (ORGANISATION_WORD.test(m[1] as string)) out.add((m[2] as string).toUpperCase());
  return out;
}

/** The words of the sender's name and the labels of their address ("RUSD News <news@rusd.org>"). */
function senderWords(from: string | undefined): Set<string> {
  return new Set(
    (from ?? '')
      .toUpperCase()
      .split(/[^A-Z0-9]+/)
      .filter((w) => w.length >= 2),
  );
}

/** Forms and district systems the text names; `from` (the sender) names organisations too. */
export function systemsFrom(text: string, from?: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (value: string) => {
    const v = value
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^(?:the|a|an|this|your|our)\s+/i, '')
      // A code at the end of a sentence keeps its own dots ("Form 12.3") but not the full stop.
      .replace(/[.,;:]+$/, '');
    if (v.length < 2 || FORM_NOISE.test(value.trim()) || seen.has(v.toLowerCase()) || out.length >= 10)
      return;
    seen.add(v.toLowerCase());
    out.push(v);
  };
  if (MAYBE_FORM.test(text)) for (const m of text.matchAll(FORM)) add(m[0]);
  if (MAYBE_CODE.test(text))
    for (const codes of [CODE_AFTER_VERB, CODE_AFTER_NAME])
      for (const m of text.matchAll(codes)) add(m[1] as string);
  if (MAYBE_SYSTEM.test(text))
    for (const m of text.matchAll(NAMED_SYSTEM))
      if (!/^(?:The|This|Our|Your|A|An)\s/.test(m[0]) || m[0].split(' ').length > 2) add(m[0]);
  const places = acronymPlaces(text);
  if (places.length === 0) return out;
  const organisations = organisationsDefined(text);
  const sender = senderWords(from);
  for (const name of places) {
    const upper = name.toUpperCase();
    if (/^[A-Z][a-z]+$/.test(name) || NOT_A_SYSTEM.has(upper) || AGENCY_FORM.test(name)) continue;
    if (organisations.has(upper) || sender.has(upper)) continue;
    add(name);
  }
  return out;
}
