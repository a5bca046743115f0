// What the triage accepts from outside (a JSON Lines record, a user-rules file) and the plain-English
// messages it gives back when a record is wrong, so the CLI, the extension and the add-on reject bad input
// the same way and say exactly which field to fix.
import * as v from 'valibot';
import { TEXT_LIMITS } from './limits';
import { TIERS, type MandateMessage, type Tier, type UserRule } from './types';

const MAX_ID_CHARS = 500;
const MAX_HEADER_CHARS = 2_000;

// With the u flag a well-formed surrogate pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Checks shared by every string field: no NUL (binary data) and no broken Unicode. */
function cleanText(field: string, maxChars = Infinity) {
  return [
    v.check<string, string>(
      (s) => !s.includes('\u0000'),
      `"${field}" contains a NUL character (binary data?)`,
    ),
    v.check<string, string>(
      (s) => !LONE_SURROGATE.test(s),
      `"${field}" contains broken Unicode (a lone surrogate)`,
    ),
    v.check(
      (s: string) => s.length <= maxChars,
      (issue: v.CheckIssue<string>) =>
        `"${field}" is too long (${thousands(issue.input.length)} characters; the limit is ${thousands(maxChars)})`,
    ),
  ] as const;
}

const optionalHeader = (field: string) =>
  v.nullish(v.pipe(v.string(`"${field}" must be a string`), ...cleanText(field, MAX_HEADER_CHARS)));

const DATE_HINT = 'a date like 2026-12-04, 2026-12-04T09:30:00-05:00 or "Fri, 4 Dec 2026 09:30:00 -0500"';

/** One input record: `{id, subject?, from?, date?, text}`; a `version` field and unknown fields are tolerated. */
export const MessageRecordSchema = v.object(
  {
    version: v.optional(v.unknown()),
    id: v.pipe(
      v.string('"id" must be a string'),
      v.check((s) => s.trim() !== '', '"id" must not be empty'),
      ...cleanText('id', MAX_ID_CHARS),
    ),
    subject: optionalHeader('subject'),
    from: optionalHeader('from'),
    // Optional, so an unreadable date is a warning (see parseMessageRecord), never a reason to lose the message.
    date: v.nullish(v.unknown()),
    // No length limit here: a longer text is cut to what the engine reads, with a warning.
    text: v.pipe(v.string('"text" must be a string'), ...cleanText('text')),
  },
  'a record must be a JSON object like {"id": "m1", "text": "..."}',
);

export type ParseResult<T> = { ok: true; value: T; warnings?: string[] } | { ok: false; problems: string[] };

/**
 * Validates one decoded JSON value as a message; the problems are sentences naming the field. A bad
 * optional field (a "date" that is not a date) and an over-long text are warnings: the message is still
 * triaged (without lead time; on its opening), so no item is lost for them.
 */
export function parseMessageRecord(input: unknown): ParseResult<MandateMessage> {
  if (Array.isArray(input) || input === null || typeof input !== 'object') {
    return {
      ok: false,
      problems: [
        `a record must be a JSON object like {"id": "m1", "text": "..."} (got ${describeValue(input)})`,
      ],
    };
  }
  const result = v.safeParse(MessageRecordSchema, input);
  if (!result.success) return { ok: false, problems: result.issues.map(describeIssue) };
  const { id, subject, from, date, text } = result.output;
  const warnings: string[] = [];
  const message: MandateMessage = { id, text: text.slice(0, TEXT_LIMITS.readChars) };
  if (text.length > TEXT_LIMITS.readChars)
    warnings.push(
      `its text is ${thousands(text.length)} characters long; only the first ${thousands(TEXT_LIMITS.readChars)} are read`,
    );
  if (subject != null) message.subject = subject;
  if (from != null) message.from = from;
  if (date != null) {
    const sent = typeof date === 'string' ? normalizeSentDate(date) : undefined;
    if (sent) message.date = sent;
    else
      warnings.push(
        `"date" is not ${DATE_HINT} (got ${typeof date === 'string' ? quote(date) : describeValue(date)}), so it is triaged without lead time`,
      );
  }
  return warnings.length ? { ok: true, value: message, warnings } : { ok: true, value: message };
}

const TIER_LIST = TIERS.join(', ');

const optionalMatch = (field: string) =>
  v.optional(
    v.pipe(
      v.string(`"match.${field}" must be a string`),
      v.check((s) => s.trim() !== '', `"match.${field}" must not be empty`),
      ...cleanText(`match.${field}`, MAX_HEADER_CHARS),
    ),
  );

export const UserRuleSchema = v.object(
  {
    id: v.pipe(
      v.string('"id" must be a string'),
      v.check((s) => s.trim() !== '', '"id" must not be empty'),
      ...cleanText('id', MAX_ID_CHARS),
    ),
    match: v.pipe(
      v.object(
        {
          sender: optionalMatch('sender'),
          department: optionalMatch('department'),
          phrase: optionalMatch('phrase'),
        },
        '"match" must be an object like {"sender": "…"}, {"department": "…"} or {"phrase": "…"}',
      ),
      v.check(
        (m) => m.sender !== undefined || m.department !== undefined || m.phrase !== undefined,
        '"match" needs at least one of "sender", "department" or "phrase"',
      ),
    ),
    tier: v.picklist(TIERS as Tier[], `"tier" must be one of ${TIER_LIST}`),
    note: v.optional(v.pipe(v.string('"note" must be a string'), ...cleanText('note', MAX_HEADER_CHARS))),
  },
  'a rule must be a JSON object like {"id": "r1", "match": {"phrase": "…"}, "tier": "fyi"}',
);

/** Validates a whole rules file (a JSON array of rules); every problem names the rule by number and id. */
export function parseUserRules(input: unknown): ParseResult<UserRule[]> {
  if (!Array.isArray(input)) {
    return {
      ok: false,
      problems: [`the rules file must hold a JSON array of rules (got ${describeValue(input)})`],
    };
  }
  const problems: string[] = [];
  const rules: UserRule[] = [];
  const seen = new Map<string, number>();
  input.forEach((raw: unknown, index) => {
    const label = `rule ${index + 1}`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push(`${label}: a rule must be a JSON object (got ${describeValue(raw)})`);
      return;
    }
    const result = v.safeParse(UserRuleSchema, raw);
    if (!result.success) {
      const id = (raw as { id?: unknown }).id;
      const named = typeof id === 'string' ? `${label} (${quote(id)})` : label;
      for (const issue of result.issues) problems.push(`${named}: ${describeIssue(issue)}`);
      return;
    }
    const earlier = seen.get(result.output.id);
    if (earlier !== undefined) {
      problems.push(`${label}: id ${quote(result.output.id)} is already used by rule ${earlier}`);
      return;
    }
    seen.set(result.output.id, index + 1);
    const { id, match, tier, note } = result.output;
    const rule: UserRule = { id, match: {}, tier };
    if (match.sender !== undefined) rule.match.sender = match.sender;
    if (match.department !== undefined) rule.match.department = match.department;
    if (match.phrase !== undefined) rule.match.phrase = match.phrase;
    if (note !== undefined) rule.note = note;
    rules.push(rule);
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: rules };
}

type Issue = v.BaseIssue<unknown>;

function describeIssue(issue: Issue): string {
  const path = issue.path?.map((item) => String(item.key)).join('.');
  // valibot reports a missing key as an issue of the enclosing object; say it the way a person would.
  if (issue.type === 'object' && path && issue.input === undefined) return `"${path}" is missing`;
  if (issue.kind === 'schema' && issue.type !== 'object' && issue.type !== 'picklist') {
    return `${issue.message} (got ${describeValue(issue.input)})`;
  }
  if (issue.type === 'picklist') return `${issue.message} (got ${describeValue(issue.input)})`;
  return issue.message;
}

/** A short, terminal-safe description of a value someone put in the wrong place. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/**
 * Quotes user-supplied text for a message: JSON-escaped (so control characters and escape sequences cannot
 * reach the terminal raw) and cut to a readable length.
 */
export function quote(text: string, max = 60): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut).replace(
    /[\u007f-\u009f\u2028\u2029]|[\uD800-\uDFFF]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
// RFC 5322 dates as mail headers carry them, e.g. "Fri, 4 Dec 2026 09:30:00 -0500".
const RFC5322 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|UT|GMT|Z|[A-Z]{1,5})?(?:\s*\(.*\))?$/;

/**
 * Turns a sent date into ISO form, keeping the sender's own clock and offset: converting to UTC would move
 * an evening message to the next day and shift every relative deadline. Returns undefined for a non-date.
 */
export function normalizeSentDate(raw: string): string | undefined {
  const text = raw.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    if (!validDay(Number(y), Number(mo), Number(d))) return undefined;
    if (h === undefined) return `${y}-${mo}-${d}`;
    if (!validTime(Number(h), Number(mi), Number(s ?? 0))) return undefined;
    return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${formatZone(zone)}`;
  }
  const mail = RFC5322.exec(text);
  if (mail) {
    const [, d, monthName, y, h, mi, s, zone] = mail;
    const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
    if (month === 0 || !validDay(Number(y), month, Number(d))) return undefined;
    if (!validTime(Number(h), Number(mi), Number(s ?? 0))) return undefined;
    const date = `${y}-${pad(month)}-${pad(Number(d))}`;
    return `${date}T${pad(Number(h))}:${mi}:${s ?? '00'}${formatZone(zone)}`;
  }
  return undefined;
}

function formatZone(zone: string | undefined): string {
  if (!zone) return '';
  if (/^(z|ut|gmt)$/i.test(zone)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  return m ? `${m[1]}${m[2]}:${m[3]}` : ''; // obsolete zone names (EST…) are dropped: the local time still holds
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function validTime(h: number, m: number, s: number): boolean {
  return h <= 23 && m <= 59 && s <= 60;
}

const pad = (n: number) => String(n).padStart(2, '0');
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
