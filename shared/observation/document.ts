// An observer's Doc read back as an observation form: its header, the look-fors its sections name, and each
// evidence line with the section, classroom and rating it sits beside and the named-range tags over it. The
// Doc arrives as neutral blocks, from DocumentApp (the open Doc) or the Docs API's JSON (collecting a visit).
import {
  EVIDENCE_HEADERS,
  FORM_TITLE,
  HEADER_LABELS,
  REFLECTION,
  STUDENT_REMINDER,
  lookForOfHeading,
  reflectionOfHeading,
  type FormHeader,
  type ReflectionKey,
} from './form';
import type { LookFor } from './look-fors';
import { parseNamedRangeName, resolveTags, type TagSource } from './tags';

/** A paragraph; start/end are the Docs API's indexes when known (the named ranges are matched by them). */
export interface DocParagraph {
  text: string;
  start?: number;
  end?: number;
}

export type DocBlock =
  ({ kind: 'paragraph' } & DocParagraph) | { kind: 'table'; rows: { cells: DocParagraph[][] }[] };

/** A named range: by indexes (Docs API) or by the text it covers (DocumentApp). */
export interface DocNamedRange {
  name: string;
  ranges?: { start: number; end: number }[];
  text?: string;
}

export interface FormLine {
  /** Position among the form's lines, stable while the Doc is not edited. */
  index: number;
  text: string;
  /** The look-for section the line sits in, or null. */
  section: string | null;
  reflection: ReflectionKey | null;
  classroom: string;
  rating: string;
  namedCodes: string[];
  /** Resolved: the look-fors it is tagged with and how. */
  codes: string[];
  source: TagSource | null;
  unknownTags: string[];
}

export interface ReadForm {
  header: Partial<FormHeader>;
  lookFors: LookFor[];
  lines: FormLine[];
  /** True when the Doc has Rounds' form in it (its title or a look-for section). */
  hasForm: boolean;
}

const HINTS = new Set(REFLECTION.map((r) => r.hint));
const LABEL_TO_KEY = new Map(
  (Object.entries(HEADER_LABELS) as [keyof FormHeader, string][]).map(([k, v]) => [v.toLowerCase(), k]),
);

export function readForm(blocks: readonly DocBlock[], namedRanges: readonly DocNamedRange[] = []): ReadForm {
  const header: Partial<FormHeader> = {};
  const lookFors: LookFor[] = [];
  const raw: Omit<FormLine, 'codes' | 'source' | 'unknownTags' | 'namedCodes'>[] = [];
  const spans: { start?: number; end?: number }[] = [];
  let section: string | null = null;
  let reflection: ReflectionKey | null = null;
  let hasForm = false;

  const push = (p: DocParagraph, classroom = '', rating = '') => {
    const text = p.text.replace(/\s+$/, '');
    if (!text.trim()) return;
    raw.push({ index: raw.length, text, section, reflection, classroom, rating });
    spans.push({ start: p.start, end: p.end });
  };

  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const text = block.text.trim();
      if (!text) continue;
      if (text === FORM_TITLE || text === STUDENT_REMINDER || HINTS.has(text)) {
        hasForm ||= text === FORM_TITLE;
        continue;
      }
      const lookFor = lookForOfHeading(text);
      if (lookFor) {
        hasForm = true;
        if (!lookFors.some((l) => l.code === lookFor.code)) lookFors.push(lookFor);
        section = lookFor.code;
        reflection = null;
        continue;
      }
      const key = reflectionOfHeading(text);
      if (key) {
        reflection = key;
        section = null;
        continue;
      }
      push(block);
      continue;
    }
    const first = cellText(block.rows[0]?.cells[0]).toLowerCase();
    if (LABEL_TO_KEY.has(first)) {
      // The header table: label | value, one row each.
      for (const row of block.rows) {
        const k = LABEL_TO_KEY.get(cellText(row.cells[0]).toLowerCase());
        if (k) header[k] = cellText(row.cells[1]);
      }
      continue;
    }
    const headings = block.rows[0]?.cells.map((c) => cellText(c).toLowerCase()) ?? [];
    const isEvidence = headings[0] === EVIDENCE_HEADERS.classroom.toLowerCase();
    const ratingAt = headings.indexOf(EVIDENCE_HEADERS.rating.toLowerCase());
    for (const [r, row] of block.rows.entries()) {
      if (isEvidence && r === 0) continue;
      if (isEvidence) {
        const classroom = cellText(row.cells[0]);
        const rating = ratingAt > 0 ? cellText(row.cells[ratingAt]) : '';
        for (const p of row.cells[1] ?? []) push(p, classroom, rating);
      } else for (const cell of row.cells) for (const p of cell) push(p);
    }
  }

  const known = new Set(lookFors.map((l) => l.code));
  const tags = namedRanges.flatMap((n) => {
    const parsed = parseNamedRangeName(n.name);
    return parsed ? [{ code: parsed.code, ...n }] : [];
  });
  const lines = raw.map((line, i): FormLine => {
    const span = spans[i]!;
    const namedCodes = tags
      .filter((t) =>
        t.ranges && span.start !== undefined && span.end !== undefined
          ? t.ranges.some((r) => r.start < span.end! && r.end > span.start!)
          : !!t.text?.trim() && line.text.includes(t.text.trim()),
      )
      .map((t) => t.code);
    const resolved = resolveTags({ ...line, namedCodes }, known);
    return {
      ...line,
      namedCodes,
      codes: resolved.codes,
      source: resolved.source,
      unknownTags: resolved.unknown,
    };
  });
  return { header, lookFors, lines, hasForm };
}

/** Evidence lines no look-for claims (reflection lines are not evidence, so they are never "untagged"). */
export function untaggedLines(form: ReadForm): FormLine[] {
  return form.lines.filter((l) => !l.codes.length && !l.reflection);
}

function cellText(cell: readonly DocParagraph[] | undefined): string {
  return (cell ?? [])
    .map((p) => p.text.trim())
    .filter(Boolean)
    .join(' ');
}

// ---- The Docs API's document JSON (documents.get), as collecting a visit reads each observer's Doc. ----

interface DocsTextRun {
  textRun?: { content?: string };
}
interface DocsParagraphJson {
  elements?: DocsTextRun[];
}
interface DocsStructuralElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: DocsParagraphJson;
  table?: { tableRows?: { tableCells?: { content?: DocsStructuralElement[] }[] }[] };
}
export interface DocsDocumentJson {
  documentId?: string;
  title?: string;
  body?: { content?: DocsStructuralElement[] };
  namedRanges?: Record<
    string,
    { name?: string; namedRanges?: { ranges?: { startIndex?: number; endIndex?: number }[] }[] }
  >;
}

function paragraphOf(e: DocsStructuralElement): DocParagraph {
  const text = (e.paragraph?.elements ?? []).map((r) => r.textRun?.content ?? '').join('');
  return { text: text.replace(/\n$/, ''), start: e.startIndex, end: e.endIndex };
}

/** A Docs API document as blocks and named ranges (other element kinds — page breaks, images — are skipped). */
export function blocksOfDocsJson(doc: DocsDocumentJson): {
  blocks: DocBlock[];
  namedRanges: DocNamedRange[];
} {
  const blocks: DocBlock[] = [];
  for (const e of doc.body?.content ?? []) {
    if (e.paragraph) blocks.push({ kind: 'paragraph', ...paragraphOf(e) });
    else if (e.table)
      blocks.push({
        kind: 'table',
        rows: (e.table.tableRows ?? []).map((row) => ({
          cells: (row.tableCells ?? []).map((cell) =>
            (cell.content ?? []).filter((c) => c.paragraph).map(paragraphOf),
          ),
        })),
      });
  }
  const namedRanges: DocNamedRange[] = [];
  for (const [name, group] of Object.entries(doc.namedRanges ?? {}))
    for (const range of group.namedRanges ?? [])
      namedRanges.push({
        name: group.name ?? name,
        ranges: (range.ranges ?? []).map((r) => ({ start: r.startIndex ?? 0, end: r.endIndex ?? 0 })),
      });
  return { blocks, namedRanges };
}
