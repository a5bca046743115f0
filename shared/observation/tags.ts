// How an evidence line is tied to a look-for: a `#code` written in the line, a named range
// `rounds:lf:<code>:<id>` over text the observer selected (it moves with the text as the Doc is edited), or
// the look-for section of the form the line sits in. Written tags win over position.

const NAMED_RANGE = /^rounds:lf:([a-z][a-z0-9-]{0,23}):([A-Za-z0-9_-]{1,64})$/;
const HASH_TAG = /(^|[^\w&#/])#([A-Za-z][A-Za-z0-9-]{0,23})\b/g;

export const NAMED_RANGE_PREFIX = 'rounds:lf:';

/** The named range that tags a selection with a look-for. */
export function namedRangeName(code: string, id: string): string {
  const name = `${NAMED_RANGE_PREFIX}${code}:${id.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64)}`;
  if (!NAMED_RANGE.test(name)) throw new Error(`“${code}” is not a look-for code.`);
  return name;
}

export function parseNamedRangeName(name: string): { code: string; id: string } | null {
  const m = NAMED_RANGE.exec(name);
  return m ? { code: m[1]!, id: m[2]! } : null;
}

/** Every `#code` written in a line, lower case, in order, each once (`#1`, `C#` and `&#39;` are not tags). */
export function hashTags(line: string): string[] {
  const found: string[] = [];
  for (const m of line.matchAll(HASH_TAG)) {
    const code = m[2]!.toLowerCase();
    if (!found.includes(code)) found.push(code);
  }
  return found;
}

export type TagSource = 'hash' | 'named' | 'section';

/** The look-fors a line belongs to and how Rounds knows; unknown `#codes` are returned to be named. */
export function resolveTags(
  line: { text: string; section: string | null; namedCodes: readonly string[] },
  known: ReadonlySet<string>,
): { codes: string[]; source: TagSource | null; unknown: string[] } {
  const written = hashTags(line.text);
  const unknown = written.filter((c) => !known.has(c));
  const hash = written.filter((c) => known.has(c));
  if (hash.length) return { codes: hash, source: 'hash', unknown };
  const named = [...new Set(line.namedCodes.filter((c) => known.has(c)))];
  if (named.length) return { codes: named, source: 'named', unknown };
  if (line.section && known.has(line.section)) return { codes: [line.section], source: 'section', unknown };
  return { codes: [], source: null, unknown };
}
