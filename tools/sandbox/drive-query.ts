// The Drive v3 `q` search grammar: terms like `'<id>' in parents`, `name contains 'x'`,
// `appProperties has { key='k' and value='v' }`, joined with and/or/not and parentheses.
import { GoogleError } from './errors';
import type { DriveFile } from './drive-store';

type Token =
  { kind: 'string'; value: string } | { kind: 'word'; value: string } | { kind: 'op'; value: string };

export type Query =
  | { kind: 'and' | 'or'; parts: Query[] }
  | { kind: 'not'; inner: Query }
  | { kind: 'in'; value: string; collection: string }
  | { kind: 'compare'; field: string; op: string; value: string | boolean }
  | { kind: 'has'; field: 'appProperties' | 'properties'; key: string; value: string };

const invalidQuery = (): GoogleError =>
  new GoogleError(400, 'Invalid Value', 'invalid', { location: 'q', locationType: 'parameter' });

/**
 * Parentheses and `not` may nest this deep, and a query may hold this many terms: enough for any real search,
 * and a hostile one (thousands of nested parentheses) gets a 400 instead of overflowing the parser's stack.
 */
export const MAX_QUERY_DEPTH = 64;
export const MAX_QUERY_TERMS = 1000;

const tooComplex = (what: string): GoogleError =>
  new GoogleError(400, `Invalid Value: the query ${what}.`, 'invalid', {
    location: 'q',
    locationType: 'parameter',
  });

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= q.length) throw invalidQuery();
        const d = q[i] as string;
        if (d === '\\') {
          const next = q[i + 1];
          if (next !== "'" && next !== '\\' && next !== '"') throw invalidQuery();
          value += next;
          i += 2;
        } else if (d === c) {
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      tokens.push({ kind: 'string', value });
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(q.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'word', value: m[0] });
      i += m[0].length;
    } else {
      const m = /^(!=|<=|>=|=|<|>|\(|\)|\{|\})/.exec(q.slice(i));
      if (!m) throw invalidQuery();
      tokens.push({ kind: 'op', value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

const STRING_FIELDS = new Set(['name', 'mimeType', 'fullText', 'createdTime', 'modifiedTime', 'description']);
const BOOL_FIELDS = new Set(['trashed', 'starred']);
const COLLECTIONS = new Set(['parents', 'owners', 'writers', 'readers']);

export function parseQuery(q: string): Query {
  const tokens = tokenize(q);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (t: Token | undefined, w: string): boolean =>
    t?.kind === 'word' && t.value.toLowerCase() === w;
  const expectOp = (op: string): void => {
    const t = tokens[pos++];
    if (t?.kind !== 'op' || t.value !== op) throw invalidQuery();
  };
  const expectString = (): string => {
    const t = tokens[pos++];
    if (t?.kind !== 'string') throw invalidQuery();
    return t.value;
  };

  let depth = 0;
  let terms = 0;
  const nest = (): void => {
    if (++depth > MAX_QUERY_DEPTH) throw tooComplex(`nests deeper than ${MAX_QUERY_DEPTH} levels`);
  };

  /** `a or b or c` is one node with three parts, so a long chain stays shallow for matching. */
  function or(): Query {
    const parts = [and()];
    while (isWord(peek(), 'or')) {
      pos++;
      parts.push(and());
    }
    return parts.length === 1 ? (parts[0] as Query) : { kind: 'or', parts };
  }
  function and(): Query {
    const parts = [unary()];
    while (isWord(peek(), 'and')) {
      pos++;
      parts.push(unary());
    }
    return parts.length === 1 ? (parts[0] as Query) : { kind: 'and', parts };
  }
  function unary(): Query {
    if (isWord(peek(), 'not')) {
      pos++;
      nest();
      const inner = unary();
      depth--;
      return { kind: 'not', inner };
    }
    const t = peek();
    if (t?.kind === 'op' && t.value === '(') {
      pos++;
      nest();
      const inner = or();
      depth--;
      expectOp(')');
      return inner;
    }
    if (++terms > MAX_QUERY_TERMS) throw tooComplex(`has more than ${MAX_QUERY_TERMS} terms`);
    return term();
  }
  function term(): Query {
    const t = tokens[pos++];
    if (t?.kind === 'string') {
      if (!isWord(tokens[pos++], 'in')) throw invalidQuery();
      const c = tokens[pos++];
      if (c?.kind !== 'word' || !COLLECTIONS.has(c.value)) throw invalidQuery();
      return { kind: 'in', value: t.value, collection: c.value };
    }
    if (t?.kind !== 'word') throw invalidQuery();
    if (t.value === 'appProperties' || t.value === 'properties') {
      if (!isWord(tokens[pos++], 'has')) throw invalidQuery();
      expectOp('{');
      if (!isWord(tokens[pos++], 'key')) throw invalidQuery();
      expectOp('=');
      const key = expectString();
      if (!isWord(tokens[pos++], 'and')) throw invalidQuery();
      if (!isWord(tokens[pos++], 'value')) throw invalidQuery();
      expectOp('=');
      const value = expectString();
      expectOp('}');
      return { kind: 'has', field: t.value, key, value };
    }
    const opToken = tokens[pos++];
    const op = opToken?.kind === 'op' ? opToken.value : isWord(opToken, 'contains') ? 'contains' : '';
    if (!['=', '!=', '<', '<=', '>', '>=', 'contains'].includes(op)) throw invalidQuery();
    if (BOOL_FIELDS.has(t.value)) {
      const v = tokens[pos++];
      if (!(op === '=' || op === '!=') || v?.kind !== 'word' || !/^(true|false)$/i.test(v.value))
        throw invalidQuery();
      return { kind: 'compare', field: t.value, op, value: v.value.toLowerCase() === 'true' };
    }
    if (!STRING_FIELDS.has(t.value)) throw invalidQuery();
    if (op === 'contains' && !['name', 'fullText', 'mimeType'].includes(t.value)) throw invalidQuery();
    return { kind: 'compare', field: t.value, op, value: expectString() };
  }

  if (tokens.length === 0) throw invalidQuery();
  const query = or();
  if (pos !== tokens.length) throw invalidQuery();
  return query;
}

/** Drive's `contains` on names matches the start of the name or of any word in it, ignoring case. */
function nameContains(name: string, part: string): boolean {
  const hay = name.toLowerCase();
  const needle = part.toLowerCase();
  if (hay.startsWith(needle)) return true;
  for (let i = 1; i < hay.length; i++) {
    if (/[^\p{L}\p{N}]/u.test(hay[i - 1] as string) && hay.startsWith(needle, i)) return true;
  }
  return false;
}

function compare(actual: string, op: string, wanted: string, isTime: boolean): boolean {
  const a = isTime ? Date.parse(actual) : actual;
  const b = isTime ? Date.parse(wanted) : wanted;
  if (isTime && Number.isNaN(b)) throw invalidQuery();
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return false;
  }
}

export function matches(
  query: Query,
  file: DriveFile,
  resolveId: (id: string) => string,
  content: () => string,
): boolean {
  switch (query.kind) {
    case 'and':
      return query.parts.every((part) => matches(part, file, resolveId, content));
    case 'or':
      return query.parts.some((part) => matches(part, file, resolveId, content));
    case 'not':
      return !matches(query.inner, file, resolveId, content);
    case 'in':
      // The sandbox has one user who owns and can write everything, so only `parents` narrows the search.
      return query.collection === 'parents' ? file.parents.includes(resolveId(query.value)) : true;
    case 'has':
      return file[query.field][query.key] === query.value;
    case 'compare': {
      if (typeof query.value === 'boolean') {
        const actual = query.field === 'trashed' ? file.trashed : file.starred;
        return query.op === '=' ? actual === query.value : actual !== query.value;
      }
      if (query.field === 'fullText') {
        const text = `${file.name}\n${file.description ?? ''}\n${content()}`.toLowerCase();
        return text.includes(query.value.toLowerCase());
      }
      const actual = String(
        file[query.field as 'name' | 'mimeType' | 'createdTime' | 'modifiedTime' | 'description'] ?? '',
      );
      if (query.op === 'contains') {
        return query.field === 'name' ? nameContains(actual, query.value) : actual.includes(query.value);
      }
      return compare(actual, query.op, query.value, query.field.endsWith('Time'));
    }
  }
}
