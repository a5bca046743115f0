// Google's `fields` partial-response selector: "files(id,name,appProperties),nextPageToken", "a/b", "sheets.properties".
import { GoogleError } from './errors';

/** A selection: each key maps to `true` (the whole value) or a nested selection. */
export type Selection = Map<string, Selection | true>;

const fieldError = (fields: string): GoogleError =>
  new GoogleError(400, `Invalid field selection ${fields}`, 'invalidParameter', {
    location: 'fields',
    locationType: 'parameter',
  });

/** Real field masks nest a few levels; a hostile one thousands deep gets a 400, not a stack overflow. */
const MAX_FIELDS_DEPTH = 32;

export function parseFields(text: string): Selection {
  let pos = 0;
  let depth = 0;
  const peek = (): string => text[pos] ?? '';

  function list(): Selection {
    const out: Selection = new Map();
    for (;;) {
      item(out);
      while (peek() === ' ') pos++;
      if (peek() !== ',') return out;
      pos++;
    }
  }

  function item(into: Selection): void {
    while (peek() === ' ') pos++;
    const path: string[] = [];
    for (;;) {
      const m = /^(\*|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(pos));
      if (!m?.[1]) throw fieldError(text);
      path.push(m[1]);
      pos += m[1].length;
      if (peek() === '/' || peek() === '.') pos++;
      else break;
    }
    let leaf: Selection | true = true;
    if (peek() === '(') {
      pos++;
      if (++depth > MAX_FIELDS_DEPTH) throw fieldError(text.length > 200 ? `${text.slice(0, 200)}…` : text);
      leaf = list();
      depth--;
      if (peek() !== ')') throw fieldError(text);
      pos++;
    }
    let node = into;
    path.forEach((key, i) => {
      if (i === path.length - 1) {
        const existing = node.get(key);
        node.set(
          key,
          existing instanceof Map && leaf instanceof Map
            ? merge(existing, leaf)
            : existing === true
              ? true
              : leaf,
        );
        return;
      }
      let next = node.get(key);
      if (next === true) return; // already selected whole
      if (!next) node.set(key, (next = new Map()));
      node = next;
    });
  }

  const selection = list();
  if (pos !== text.length) throw fieldError(text);
  return selection;
}

function merge(a: Selection, b: Selection): Selection {
  for (const [k, v] of b) {
    const cur = a.get(k);
    a.set(k, cur instanceof Map && v instanceof Map ? merge(cur, v) : cur === true || v === true ? true : v);
  }
  return a;
}

/** Keeps only the selected parts of a response; arrays are projected element by element. */
export function project(value: unknown, selection: Selection): unknown {
  if (Array.isArray(value)) return value.map((v) => project(v, selection));
  if (value === null || typeof value !== 'object') return value;
  if (selection.has('*') && selection.size === 1) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of selection) {
    if (key === '*') {
      Object.assign(out, source);
      continue;
    }
    if (source[key] === undefined) continue;
    out[key] = sub === true ? source[key] : project(source[key], sub);
  }
  return out;
}

/** Rejects selections naming fields the resource does not have, as Google does with 400 invalidParameter. */
export function checkFields(
  selection: Selection,
  known: Record<string, Set<string> | true>,
  text: string,
): void {
  for (const [key, sub] of selection) {
    if (key === '*') continue;
    const allowed = known[key];
    if (!allowed) throw fieldError(text);
    if (sub instanceof Map && allowed instanceof Set) {
      for (const inner of sub.keys()) if (inner !== '*' && !allowed.has(inner)) throw fieldError(text);
    }
  }
}
