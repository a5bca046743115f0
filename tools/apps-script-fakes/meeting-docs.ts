// Apps Script's advanced Drive v3 (Files.create, Files.copy) and Docs v1 (Documents.get, batchUpdate)
// services as the meeting commands use them: in-memory Docs whose body is one text with paragraph styles
// and bullets by index, each call counted, honouring drive.file (a template Rounds was never given cannot
// be copied).
import { CallLog } from './calls';

export interface FakeMeetingDoc {
  id: string;
  name: string;
  parents: string[];
  /** The body's text; body index i is text[i - 1], and it always ends with the final paragraph's "\n". */
  text: string;
  /** Paragraph styles by the paragraph's start index. */
  styles: Map<number, string>;
  bullets: Map<number, string>;
  copiedFrom: string | null;
}

interface Range {
  startIndex: number;
  endIndex: number;
}

export class FakeMeetingDocs {
  readonly docs = new Map<string, FakeMeetingDoc>();
  /** Docs a drive.file token cannot reach (the network's template, until someone gives it to Rounds). */
  readonly hidden = new Set<string>();
  private made = 0;

  constructor(readonly log = new CallLog()) {}

  withDoc(id: string, name: string, text: string, parents: string[] = []): FakeMeetingDoc {
    const doc: FakeMeetingDoc = {
      id,
      name,
      parents,
      text: text.endsWith('\n') ? text : `${text}\n`,
      styles: new Map(),
      bullets: new Map(),
      copiedFrom: null,
    };
    this.docs.set(id, doc);
    return doc;
  }

  /** The Doc's paragraphs with their style and bullet, as a person reads them. */
  paragraphs(id: string): { text: string; style: string; bullet: string | null }[] {
    const doc = this.docOf(id);
    const out: { text: string; style: string; bullet: string | null }[] = [];
    let start = 1;
    for (const text of doc.text.slice(0, -1).split('\n')) {
      out.push({
        text,
        style: doc.styles.get(start) ?? 'NORMAL_TEXT',
        bullet: doc.bullets.get(start) ?? null,
      });
      start += text.length + 1;
    }
    return out;
  }

  private docOf(id: string): FakeMeetingDoc {
    const doc = this.docs.get(id);
    if (!doc || this.hidden.has(id))
      throw new Error(`GoogleJsonResponseException: API call failed with error: File not found: ${id}.`);
    return doc;
  }

  readonly Files = {
    create: (resource: Record<string, unknown>) => {
      this.log.record('Drive.Files.create', 'drive', 'write');
      if (resource.mimeType !== 'application/vnd.google-apps.document')
        throw new Error('the fake only makes Docs');
      const doc = this.withDoc(
        `made-doc-${++this.made}`,
        String(resource.name),
        '',
        (resource.parents as string[]) ?? [],
      );
      return { id: doc.id };
    },
    copy: (resource: Record<string, unknown>, fileId: string) => {
      this.log.record('Drive.Files.copy', 'drive', 'write');
      const source = this.docOf(fileId);
      const doc = this.withDoc(
        `made-doc-${++this.made}`,
        String(resource.name),
        source.text,
        (resource.parents as string[]) ?? [],
      );
      doc.copiedFrom = fileId;
      return { id: doc.id };
    },
  };

  readonly Documents = {
    get: (documentId: string) => {
      this.log.record('Docs.Documents.get', 'docs', 'read');
      const doc = this.docOf(documentId);
      return { documentId, title: doc.name, body: { content: [{ endIndex: doc.text.length + 1 }] } };
    },
    batchUpdate: (resource: { requests: Record<string, unknown>[] }, documentId: string) => {
      this.log.record('Docs.Documents.batchUpdate', 'docs', 'write');
      const doc = this.docOf(documentId);
      for (const request of resource.requests) this.apply(doc, request);
      return { documentId, replies: resource.requests.map(() => ({})) };
    },
  };

  private apply(doc: FakeMeetingDoc, request: Record<string, unknown>): void {
    const [kind, body] = Object.entries(request)[0] as [string, Record<string, unknown>];
    if (kind === 'insertText') {
      const text = String(body.text);
      const location = body.location as { index: number } | undefined;
      const index = location ? location.index : doc.text.length;
      if (index < 1 || index > doc.text.length)
        throw new Error(
          `Invalid requests[0].insertText: Index ${index} must be less than the end index of the referenced segment, ${doc.text.length + 1}.`,
        );
      doc.text = doc.text.slice(0, index - 1) + text + doc.text.slice(index - 1);
      return;
    }
    if (kind === 'replaceAllText') {
      const find = String((body.containsText as { text: string }).text);
      const escaped = find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      doc.text = doc.text.replace(new RegExp(escaped, 'gi'), () => String(body.replaceText));
      return;
    }
    const range = body.range as Range;
    if (!range || range.endIndex > doc.text.length + 1 || range.startIndex < 1)
      throw new Error(`Invalid ${kind}: the range is outside the document.`);
    if (kind === 'updateParagraphStyle')
      doc.styles.set(
        range.startIndex,
        String((body.paragraphStyle as { namedStyleType: string }).namedStyleType),
      );
    else if (kind === 'createParagraphBullets') doc.bullets.set(range.startIndex, String(body.bulletPreset));
    else throw new Error(`the fake does not know the ${kind} request`);
  }
}
