// Who a message is for: the roles named in its address lines ("TO:", "Attention", "Dear ...", a routing
// list), who each sentence puts a duty on, and the school levels the text states.

import { LEVELS, ROLES, type RoleDef } from './roles';
import { PhraseMatcher, wordsOf, type Sentence, type Word } from '../text/text';
import type { SchoolLevel } from '../types';
import { TEXT_LIMITS } from '../limits';

export interface RoleMention {
  role: RoleDef;
  index: number;
  text: string;
}

const ROLE_BY_PHRASE = new Map<string, RoleDef>();
for (const role of ROLES) for (const p of role.phrases) ROLE_BY_PHRASE.set(normal(p), role);
const ROLE_MATCHER = new PhraseMatcher(ROLES.flatMap((r) => r.phrases));
const MAX_ROLE_WORDS = ROLE_MATCHER.longest;
const LEVEL_BY_PHRASE = new Map<string, SchoolLevel>();
for (const l of LEVELS) for (const p of l.phrases) LEVEL_BY_PHRASE.set(normal(p), l.level);
const LEVEL_MATCHER = new PhraseMatcher(LEVELS.flatMap((l) => l.phrases));
// The same lookups keyed by the phrase exactly as the matcher reports it, so matching never re-normalises.
const ROLE_OF = new Map(
  ROLES.flatMap((r) => r.phrases.map((p) => [p, ROLE_BY_PHRASE.get(normal(p))] as const)),
);
const LEVEL_OF = new Map(
  LEVELS.flatMap((l) => l.phrases.map((p) => [p, LEVEL_BY_PHRASE.get(normal(p))] as const)),
);

function normal(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every role named in a text, in order. */
export function roleMentions(text: string, words?: readonly Word[]): RoleMention[] {
  const out: RoleMention[] = [];
  for (const m of ROLE_MATCHER.find(text, words, 40)) {
    const role = ROLE_OF.get(m.phrase);
    // "HT" and "SAU" only count in capitals: lower-case they are other words.
    if (role && !(m.phrase === m.phrase.toUpperCase() && m.text !== m.text.toUpperCase()))
      out.push({ role, index: m.start, text: m.text });
  }
  return out;
}

export interface HeaderAudience {
  /** Roles named in the address lines. */
  roles: string[];
  /** true: principals are among the addressees; false: others only; undefined: no address lines. */
  principalAddressed: boolean | undefined;
  /** The address lines, as written (for the reason). */
  evidence: string[];
  /** Roles named in the title when it names only others ("Building Staff ... Checklist"). */
  titleOthers: string[];
  /** The title (subject, else first line) those roles came from. */
  title: string;
}

const ADDRESS_LABEL =
  /^(?:to\s*[:,]|to$|attention\b|attn\b|routing\b|distribution\b|sent to\b|memo to\b|memorandum to\b|addressed to\b|audience\s*:|dear\b|other\s*:)\s*[:,;.-]?\s*/i;
const INLINE_TO =
  /(?:^|\s)(?:TO|To|Attention|ATTENTION)\s*:\s*(.{0,300}?)(?=\s+(?:[A-Z][A-Za-z]*\.?\s*){1,2}:|$)/;
const INLINE_CUE = /TO|To|Attention|ATTENTION|ROUTING/;
const INLINE_ROUTING = /\bROUTING\s+(.{0,400}?)(?=\s+[A-Z]{3,}:|$)/;
const NOT_ADDRESSEE_LABEL = /^(?:from|cc|bcc|c\.c\.|copy to|copies to|copies)\s*[:.]\s*/i;
/** The words before a role in a title that make it the addressee: "for", "to", "attention". */
const ADDRESSED_IN_TITLE = /\b(?:for|to|attention|attn)\s*:?\s*(?:all\s+|the\s+)?$/i;
const GLUE =
  /\b(?:and|all|other|public|private|school|schools|district|of|the|in|for|ordinary|special|aided|state|local|&|\/|with|a)\b/gi;

/** Address lines in the first part of a memo, and the roles they name. */
export function headerAudience(
  sentences: readonly Sentence[],
  subject?: string,
  words?: readonly Word[][],
): HeaderAudience {
  const roles = new Set<string>();
  const evidence: string[] = [];
  let principal = false;
  const head = sentences.slice(0, TEXT_LIMITS.headerSentences);
  const take = (text: string, found = roleMentions(text)) => {
    if (found.length === 0) return false;
    for (const f of found) {
      roles.add(f.role.role);
      if (f.role.principalSide) principal = true;
    }
    evidence.push(text.length > 160 ? text.slice(0, 160) + '…' : text);
    return true;
  };
  for (let i = 0; i < head.length; i++) {
    const s = head[i] as Sentence;
    const text = s.text;
    if (text.length > 300 && i > 3) continue; // address lines are short
    // The sender and the copied ("FROM:", "CC: Principals") are not the addressees: a memo to counselors
    // copied to principals is the counselors' to act on. A bare label continues on the next line.
    if (NOT_ADDRESSEE_LABEL.test(text)) {
      if (!text.replace(NOT_ADDRESSEE_LABEL, '').trim()) i++;
      continue;
    }
    const label = ADDRESS_LABEL.exec(text);
    if (label) {
      const rest = text.slice(label[0].length);
      // "Dear Colleagues" names no role; "To:" followed by a bare label line continues on the next line.
      if (rest.trim()) take(rest.slice(0, TEXT_LIMITS.addressLineChars));
      else if (head[i + 1]) take((head[i + 1] as Sentence).text.slice(0, TEXT_LIMITS.addressLineChars));
      continue;
    }
    // A routing list: short lines made only of role names ("Elementary Principals", "Co-op Directors").
    if (i < 20 && text.length < 70) {
      const found = roleMentions(text, words?.[i]);
      if (found.length > 0 && isRoleOnly(text, found)) take(text, found);
    }
  }
  // PDF extractions run the header into one line: "From : X To : Heads of Schools Ref. : ...". Both
  // patterns start with one of a few words, so most texts are passed over without joining their lines.
  if (evidence.length === 0 && head.some((s) => INLINE_CUE.test(s.text))) {
    const flat = head
      .map((s) => s.text)
      .join(' ')
      .slice(0, TEXT_LIMITS.headerChars);
    const inline = INLINE_TO.exec(flat) ?? INLINE_ROUTING.exec(flat);
    if (inline?.[1]) take(inline[1]);
  }
  const to = subject ? /\(\s*to:\s*([^)]+)\)/i.exec(subject) : null;
  if (to?.[1]) take(to[1]);
  const titleOthers: string[] = [];
  const title = subject ?? head[0]?.text ?? '';
  const firstWords = words?.[0];
  const inTitle = roleMentions(
    title,
    subject === undefined && firstWords && title.length <= TEXT_LIMITS.sentenceChars ? firstWords : undefined,
  );
  // A title that says whom it is for ("Required action for superintendents", "Standards for Teachers",
  // "Note to all principals") addresses them as plainly as a TO: line, when no address line did.
  if (evidence.length === 0) {
    const addressed = inTitle.filter((m) =>
      ADDRESSED_IN_TITLE.test(title.slice(Math.max(0, m.index - 12), m.index)),
    );
    if (addressed.length) take(title, addressed);
  }
  const addressees = inTitle.filter((m) => !isModifier(title, m));
  if (addressees.length > 0 && addressees.every((m) => !m.role.principalSide))
    titleOthers.push(...addressees.map((m) => m.role.role));
  return {
    roles: [...roles],
    principalAddressed: roles.size === 0 ? undefined : principal,
    evidence,
    titleOthers,
    title,
  };
}

/**
 * A singular role word followed by another word in a title names a thing, not an audience: "Teacher
 * Leader Summit", "Student Needs Assessment", "Parent Survey Results" (compare "Teachers: ..." or "Notice
 * to Building Staff").
 */
function isModifier(title: string, m: RoleMention): boolean {
  const plural = /s$/i.test(m.text) || /\b(?:staff|personnel)$/i.test(m.text);
  return !plural && /^[-\s]+[A-Za-z]/.test(title.slice(m.index + m.text.length));
}

function isRoleOnly(line: string, found: readonly RoleMention[]): boolean {
  if (found.length === 0) return false;
  let rest = line;
  for (const f of found) rest = rest.replace(f.text, ' ');
  for (const l of LEVEL_MATCHER.find(rest)) rest = rest.replace(l.text, ' ');
  rest = rest.replace(GLUE, ' ');
  rest = rest.replace(
    /\b(?:elementary|middle|high|secondary|primary|co-op|federal|programs?|testing|test)\b/gi,
    ' ',
  );
  return rest.replace(/[^A-Za-z]/g, '').length <= 3;
}

/** School levels stated in the opening of the text (address lines, grade tags, "all secondary schools"). */
export function levelsOf(words: readonly Word[]): SchoolLevel[] {
  const found = new Set<SchoolLevel>();
  for (const m of LEVEL_MATCHER.findIn(words)) {
    const level = LEVEL_OF.get(m.phrase);
    if (level) found.add(level);
  }
  return [...found];
}

/** Who a sentence's ask is on: the first role named before the ask word. */
export function actorBefore(
  text: string,
  askIndex: number,
  words: readonly Word[] = wordsOf(text),
): RoleMention | undefined {
  // Only the words before the ask (and enough after to finish a role name) can name its doer.
  let n = 0;
  while (n < words.length && (words[n] as Word).start < askIndex) n++;
  for (const m of roleMentions(text, words.slice(0, n + MAX_ROLE_WORDS))) {
    if (m.index >= askIndex) break;
    return m;
  }
  return undefined;
}
