// The readable text of a piece of page, with line breaks where the eye sees them (roughly what innerText
// gives, which content scripts cannot rely on for detached or hidden nodes). textContent runs paragraphs
// together ("…Friday.Please…"), which breaks the triage's sentence and date rules.

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'OL',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
/** Paragraphs and headings are set apart by a blank line, as their margins show on screen. */
const SPACED = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** A "line break wanted here" of 1 or 2 lines: runs of them collapse into the largest. */
type Piece = string | { lines: 1 | 2 };

function collect(root: Node, maxChars: number): Piece[] {
  const pieces: Piece[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    if (length > maxChars) return;
    if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').replace(/[ \t\n\r\f\u00a0]+/g, ' ');
      pieces.push(text);
      length += text.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName;
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      pieces.push('\n');
      return;
    }
    const lines = SPACED.has(tag) ? 2 : BLOCKS.has(tag) ? 1 : 0;
    if (lines) pieces.push({ lines });
    if (tag === 'TD' || tag === 'TH') pieces.push('\t');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (lines) pieces.push({ lines });
  };
  walk(root);
  return pieces;
}

export function readableText(root: Node, maxChars: number): string {
  let out = '';
  let wanted = 0;
  for (const piece of collect(root, maxChars)) {
    if (typeof piece !== 'string') {
      wanted = Math.max(wanted, piece.lines);
      continue;
    }
    // Spaces at a line's edges are layout, not text.
    const text = out === '' || out.endsWith('\n') || wanted > 0 ? piece.replace(/^ +/, '') : piece;
    if (text === '') continue;
    if (wanted > 0 && out !== '') {
      out = out.replace(/ +$/, '');
      // A <br> already ended the line: it counts toward the break wanted.
      const have = /\n*$/.exec(out)![0].length;
      out += '\n'.repeat(Math.max(0, wanted - have));
    }
    wanted = 0;
    out += text;
  }
  return out.replace(/ +\n/g, '\n').trim().slice(0, maxChars);
}
