// The only code that touches DocumentApp: the open Doc as an observation form — drawing the form's blocks
// at the end of the body, reading its paragraphs and tables back, its `rounds:lf:*` named ranges, and tagging
// the selected text. The *Like interfaces name exactly the calls used, so the fakes can count them.
import type { DocBlock, DocNamedRange } from '../../shared/observation/document';
import type { FormBlock } from '../../shared/observation/form';
import { NAMED_RANGE_PREFIX } from '../../shared/observation/tags';

export interface TextHolderLike {
  getText(): string;
}

export interface ParagraphLike extends TextHolderLike {
  setHeading(heading: never): unknown;
  setItalic(italic: boolean): unknown;
}

export interface TableLike {
  getNumRows(): number;
  getRow(rowIndex: number): { getNumCells(): number; getCell(cellIndex: number): TextHolderLike };
}

export interface ElementLike {
  getType(): unknown;
  asParagraph(): TextHolderLike;
  asListItem(): TextHolderLike;
  asTable(): TableLike;
}

export interface BodyLike {
  getNumChildren(): number;
  getChild(childIndex: number): ElementLike;
  appendParagraph(text: string): ParagraphLike;
  appendTable(cells: string[][]): unknown;
}

export interface RangeElementLike {
  /** A partial element is always Text; a whole one may be a paragraph, a list item, Text or something else. */
  getElement(): Pick<ElementLike, 'getType' | 'asParagraph' | 'asListItem'> & { asText(): TextHolderLike };
  isPartial(): boolean;
  getStartOffset(): number;
  getEndOffsetInclusive(): number;
}

export interface DocRangeLike {
  getRangeElements(): RangeElementLike[];
}

export interface DocumentLike {
  getName(): string;
  getBody(): BodyLike;
  getNamedRanges(): { getName(): string; getRange(): DocRangeLike }[];
  getSelection(): DocRangeLike | null;
  addNamedRange(name: string, range: never): unknown;
}

/** DocumentApp's enums as the form uses them: DocumentApp itself in production. */
export interface DocumentEnums {
  elementTypes: { paragraph: unknown; listItem: unknown; table: unknown; text: unknown };
  headings: { title: unknown; heading2: unknown; heading3: unknown };
}

export function observationDocOf(doc: DocumentLike, enums: DocumentEnums) {
  return {
    name: () => doc.getName(),

    /** The form's blocks at the end of the Doc: the observer's own text above it is left as it is. */
    drawForm(blocks: readonly FormBlock[]): void {
      const body = doc.getBody();
      const heading = (text: string, level: unknown) => body.appendParagraph(text).setHeading(level as never);
      for (const b of blocks) {
        if (b.type === 'title') heading(b.text, enums.headings.title);
        else if (b.type === 'header') body.appendTable(b.rows.map((r) => [...r]));
        else if (b.type === 'reminder') body.appendParagraph(b.text).setItalic(true);
        else if (b.type === 'look-for') {
          heading(b.heading, enums.headings.heading2);
          body.appendTable([
            b.columns,
            ...Array.from({ length: b.emptyRows }, () => b.columns.map(() => '')),
          ]);
        } else {
          heading(b.heading, enums.headings.heading3);
          body.appendParagraph(b.hint).setItalic(true);
        }
      }
    },

    /** The body as blocks: paragraphs and list items, and tables cell by cell (a cell's paragraphs split on new lines). */
    readBlocks(): DocBlock[] {
      const body = doc.getBody();
      const blocks: DocBlock[] = [];
      const count = body.getNumChildren();
      for (let i = 0; i < count; i++) {
        const child = body.getChild(i);
        const type = child.getType();
        if (type === enums.elementTypes.paragraph)
          blocks.push({ kind: 'paragraph', text: child.asParagraph().getText() });
        else if (type === enums.elementTypes.listItem)
          blocks.push({ kind: 'paragraph', text: child.asListItem().getText() });
        else if (type === enums.elementTypes.table) {
          const table = child.asTable();
          const rows: { cells: { text: string }[][] }[] = [];
          for (let r = 0; r < table.getNumRows(); r++) {
            const row = table.getRow(r);
            const cells: { text: string }[][] = [];
            for (let c = 0; c < row.getNumCells(); c++)
              cells.push(
                row
                  .getCell(c)
                  .getText()
                  .split('\n')
                  .map((text) => ({ text })),
              );
            rows.push({ cells });
          }
          blocks.push({ kind: 'table', rows });
        }
      }
      return blocks;
    },

    /** Rounds' named ranges, each with the text it covers now (it moves with that text as the Doc is edited). */
    readTags(): DocNamedRange[] {
      return doc
        .getNamedRanges()
        .filter((n) => n.getName().startsWith(NAMED_RANGE_PREFIX))
        .map((n) => ({ name: n.getName(), text: textOf(n.getRange(), enums) }));
    },

    /** Tags the selected text with a named range; the text it covers, or null when nothing is selected. */
    tagSelection(name: string): string | null {
      const selection = doc.getSelection();
      if (!selection) return null;
      const covered = textOf(selection, enums);
      if (!covered.trim()) return null;
      doc.addNamedRange(name, selection as never);
      return covered;
    },
  };
}

export type ObservationDoc = ReturnType<typeof observationDocOf>;

/** The text a range covers. Elements are cast by their type, as DocumentApp requires (asText on a Paragraph throws). */
function textOf(range: DocRangeLike, enums: DocumentEnums): string {
  return range
    .getRangeElements()
    .map((e) => {
      const element = e.getElement();
      if (e.isPartial())
        return element
          .asText()
          .getText()
          .slice(e.getStartOffset(), e.getEndOffsetInclusive() + 1);
      const type = element.getType();
      if (type === enums.elementTypes.paragraph) return element.asParagraph().getText();
      if (type === enums.elementTypes.listItem) return element.asListItem().getText();
      if (type === enums.elementTypes.text) return element.asText().getText();
      return '';
    })
    .filter(Boolean)
    .join('\n');
}

/** The open Doc, or null when the add-on runs in a spreadsheet. */
export function activeObservationDoc(): ObservationDoc | null {
  const doc = DocumentApp.getActiveDocument();
  if (!doc) return null;
  return observationDocOf(doc as unknown as DocumentLike, {
    elementTypes: {
      paragraph: DocumentApp.ElementType.PARAGRAPH,
      listItem: DocumentApp.ElementType.LIST_ITEM,
      table: DocumentApp.ElementType.TABLE,
      text: DocumentApp.ElementType.TEXT,
    },
    headings: {
      title: DocumentApp.ParagraphHeading.TITLE,
      heading2: DocumentApp.ParagraphHeading.HEADING2,
      heading3: DocumentApp.ParagraphHeading.HEADING3,
    },
  });
}
