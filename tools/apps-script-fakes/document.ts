// A small in-memory Google Doc implementing exactly the DocumentApp calls services/documents.ts makes
// (body paragraphs and tables, named ranges, the selection), logging each call. The same Doc can be read
// as the Docs API's JSON (documents.get), with consistent indexes, for collecting a visit.
import type { DocsDocumentJson } from '../../shared/observation/document';
import { CallLog } from './calls';

export class FakeParagraph {
  heading: string | null = null;
  italic = false;
  constructor(
    public text: string,
    private readonly log: CallLog,
  ) {}
  getText(): string {
    this.log.record('Paragraph.getText', 'document', 'read');
    return this.text;
  }
  setHeading(heading: never): this {
    this.log.record('setHeading', 'document', 'write');
    this.heading = String(heading);
    return this;
  }
  setItalic(italic: boolean): this {
    this.log.record('setItalic', 'document', 'write');
    this.italic = italic;
    return this;
  }
}

/** A table cell: its paragraphs (a cell always has at least one). */
export class FakeCell {
  constructor(
    readonly paragraphs: FakeParagraph[],
    private readonly log: CallLog,
  ) {}
  getText(): string {
    this.log.record('TableCell.getText', 'document', 'read');
    return this.paragraphs.map((p) => p.text).join('\n');
  }
}

export class FakeTable {
  constructor(
    readonly rows: FakeCell[][],
    private readonly log: CallLog,
  ) {}
  getNumRows(): number {
    this.log.record('getNumRows', 'document', 'read');
    return this.rows.length;
  }
  getRow(r: number) {
    const cells = this.rows[r];
    if (!cells)
      throw new Error(`Exception: Child index (${r}) must be less than the number of child elements.`);
    return {
      getNumCells: () => {
        this.log.record('getNumCells', 'document', 'read');
        return cells.length;
      },
      getCell: (c: number) => {
        const cell = cells[c];
        if (!cell)
          throw new Error(`Exception: Child index (${c}) must be less than the number of child elements.`);
        return cell;
      },
    };
  }
}

type Child = FakeParagraph | FakeTable;

/** Part of a paragraph: [start, endInclusive] offsets into its text, as DocumentApp's RangeElement gives them. */
export interface FakeSpan {
  paragraph: FakeParagraph;
  start: number;
  endInclusive: number;
}

export class FakeDocRange {
  constructor(readonly spans: FakeSpan[]) {}
  getRangeElements() {
    return this.spans.map((s) => ({
      // DocumentApp hands back Text for part of a paragraph and the Paragraph itself for all of it.
      getElement: () => {
        const whole = s.start === 0 && s.endInclusive >= s.paragraph.text.length - 1;
        const wrong = (kind: string) => () => {
          throw new Error(`Exception: This element is not a ${kind}.`);
        };
        return {
          getType: () => (whole ? 'PARAGRAPH' : 'TEXT'),
          asParagraph: whole ? () => s.paragraph : wrong('Paragraph'),
          asListItem: wrong('ListItem'),
          asTable: wrong('Table'),
          asText: whole ? wrong('Text') : () => ({ getText: () => s.paragraph.text }),
        };
      },
      isPartial: () => s.start > 0 || s.endInclusive < s.paragraph.text.length - 1,
      getStartOffset: () => s.start,
      getEndOffsetInclusive: () => s.endInclusive,
    }));
  }
}

export const DOCUMENT_ENUMS = {
  ElementType: { PARAGRAPH: 'PARAGRAPH', LIST_ITEM: 'LIST_ITEM', TABLE: 'TABLE', TEXT: 'TEXT' },
  ParagraphHeading: { TITLE: 'TITLE', HEADING2: 'HEADING2', HEADING3: 'HEADING3' },
};

export class FakeDocument {
  readonly children: Child[] = [];
  readonly namedRanges: { name: string; range: FakeDocRange }[] = [];
  selection: FakeDocRange | null = null;

  constructor(
    public name = 'Visit notes',
    readonly id = 'doc-1',
    readonly log = new CallLog(),
  ) {}

  getName(): string {
    this.log.record('getName', 'document', 'read');
    return this.name;
  }

  getBody() {
    this.log.record('getBody', 'document', 'structure');
    return {
      getNumChildren: () => {
        this.log.record('getNumChildren', 'document', 'read');
        return this.children.length;
      },
      getChild: (i: number) => {
        const child = this.children[i];
        if (!child)
          throw new Error(`Exception: Child index (${i}) must be less than the number of child elements.`);
        return {
          getType: () => (child instanceof FakeTable ? 'TABLE' : 'PARAGRAPH'),
          asParagraph: () => asKind(child, FakeParagraph),
          asListItem: () => asKind(child, FakeParagraph),
          asTable: () => asKind(child, FakeTable),
        };
      },
      appendParagraph: (text: string) => {
        this.log.record('appendParagraph', 'document', 'write');
        return this.paragraph(text);
      },
      appendTable: (cells: string[][]) => {
        this.log.record('appendTable', 'document', 'write');
        return this.table(cells);
      },
    };
  }

  getNamedRanges() {
    this.log.record('getNamedRanges', 'document', 'read');
    return this.namedRanges.map((n) => ({ getName: () => n.name, getRange: () => n.range }));
  }

  getSelection(): FakeDocRange | null {
    this.log.record('getSelection', 'document', 'read');
    return this.selection;
  }

  addNamedRange(name: string, range: never): unknown {
    this.log.record('addNamedRange', 'document', 'write');
    this.namedRanges.push({ name, range: range as FakeDocRange });
    return this;
  }

  // ---- Test helpers (not logged): what an observer types and selects. ----

  paragraph(text: string): FakeParagraph {
    const p = new FakeParagraph(text, this.log);
    this.children.push(p);
    return p;
  }

  table(cells: string[][]): FakeTable {
    const t = new FakeTable(
      cells.map((row) =>
        row.map(
          (c) =>
            new FakeCell(
              c.split('\n').map((t) => new FakeParagraph(t, this.log)),
              this.log,
            ),
        ),
      ),
      this.log,
    );
    this.children.push(t);
    return t;
  }

  /** The paragraphs of the body in order, tables' cells included. */
  paragraphs(): FakeParagraph[] {
    return this.children.flatMap((c) =>
      c instanceof FakeTable ? c.rows.flatMap((r) => r.flatMap((cell) => cell.paragraphs)) : [c],
    );
  }

  /** Selects `words` in the first paragraph that contains them. */
  select(words: string): void {
    const paragraph = this.paragraphs().find((p) => p.text.includes(words));
    if (!paragraph) throw new Error(`no paragraph contains “${words}”`);
    const start = paragraph.text.indexOf(words);
    this.selection = new FakeDocRange([{ paragraph, start, endInclusive: start + words.length - 1 }]);
  }

  /** Types into an evidence table's cell (row 1 is the first row under the headings). */
  fillCell(tableIndex: number, row: number, column: number, text: string): void {
    const tables = this.children.filter((c): c is FakeTable => c instanceof FakeTable);
    const cell = tables[tableIndex]?.rows[row]?.[column];
    if (!cell) throw new Error(`no cell ${tableIndex}/${row}/${column}`);
    cell.paragraphs.splice(
      0,
      cell.paragraphs.length,
      ...text.split('\n').map((t) => new FakeParagraph(t, this.log)),
    );
  }

  /** Types a whole evidence row (row 1 is the first under the headings), adding rows as Tab in the last cell does. */
  fillRow(tableIndex: number, row: number, cells: readonly string[]): void {
    const table = this.children.filter((c): c is FakeTable => c instanceof FakeTable)[tableIndex];
    if (!table) throw new Error(`no table ${tableIndex}`);
    while (table.rows.length <= row)
      table.rows.push(cells.map(() => new FakeCell([new FakeParagraph('', this.log)], this.log)));
    cells.forEach((text, column) => this.fillCell(tableIndex, row, column, text));
  }

  /** Types a paragraph right after the paragraph whose text is `after` (or after the paragraphs already typed there). */
  typeAfter(after: string, text: string): FakeParagraph {
    const at = this.children.findIndex((c) => c instanceof FakeParagraph && c.text === after);
    if (at < 0) throw new Error(`no paragraph “${after}”`);
    const p = new FakeParagraph(text, this.log);
    this.children.splice(at + 1, 0, p);
    return p;
  }

  /** The Doc as the Docs API's documents.get returns it: body content with indexes, and named ranges. */
  toDocsJson(): DocsDocumentJson {
    let index = 1;
    const starts = new Map<FakeParagraph, number>();
    const para = (p: FakeParagraph) => {
      const startIndex = index;
      starts.set(p, startIndex);
      index += p.text.length + 1;
      return {
        startIndex,
        endIndex: index,
        paragraph: { elements: [{ textRun: { content: `${p.text}\n` } }] },
      };
    };
    const content = this.children.map((c) => {
      if (c instanceof FakeParagraph) return para(c);
      const startIndex = index++;
      const tableRows = c.rows.map((row) => {
        index++;
        return {
          tableCells: row.map((cell) => {
            index++;
            return { content: cell.paragraphs.map(para) };
          }),
        };
      });
      return { startIndex, endIndex: index, table: { tableRows } };
    });
    const namedRanges: NonNullable<DocsDocumentJson['namedRanges']> = {};
    for (const n of this.namedRanges) {
      const group = (namedRanges[n.name] ??= { name: n.name, namedRanges: [] });
      group.namedRanges!.push({
        ranges: n.range.spans.map((s) => ({
          startIndex: starts.get(s.paragraph)! + s.start,
          endIndex: starts.get(s.paragraph)! + s.endInclusive + 1,
        })),
      });
    }
    return { documentId: this.id, title: this.name, body: { content }, namedRanges };
  }
}

function asKind<T>(child: Child, kind: new (...args: never[]) => T): T {
  if (!(child instanceof kind))
    throw new Error(`Exception: This element is not a ${kind.name.replace('Fake', '')}.`);
  return child;
}
