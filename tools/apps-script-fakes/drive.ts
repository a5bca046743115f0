// Apps Script's advanced Drive v3 (Files.list) and Docs v1 (Documents.get) services over a set of fake
// folders of FakeDocuments, counting each call and honouring drive.file: a Doc Rounds cannot see is neither
// listed nor readable.
import { CallLog } from './calls';
import type { FakeDocument } from './document';

export class FakeDrive {
  readonly folders = new Map<string, FakeDocument[]>();
  /** Docs a drive.file token cannot reach (made by someone else and never opened with Rounds). */
  readonly hidden = new Set<string>();
  /** Page size the fake answers with, whatever pageSize asks (Drive may return short pages). */
  pageMax = 1000;

  constructor(readonly log = new CallLog()) {}

  withFolder(folderId: string, docs: FakeDocument[]): this {
    this.folders.set(folderId, docs);
    return this;
  }

  readonly Files = {
    list: (args: Record<string, unknown>) => {
      this.log.record('Drive.Files.list', 'drive', 'read');
      const q = String(args.q ?? '');
      const folderId = /^'([^']+)' in parents/.exec(q)?.[1];
      if (!folderId) throw new Error('GoogleJsonResponseException: Invalid Value (q)');
      if (!q.includes("mimeType = 'application/vnd.google-apps.document'"))
        throw new Error('the fake only lists Docs');
      const docs = (this.folders.get(folderId) ?? []).filter((d) => !this.hidden.has(d.id));
      const from = Number(args.pageToken ?? 0);
      const size = Math.min(Number(args.pageSize ?? 100), this.pageMax);
      const page = docs.slice(from, from + size);
      return {
        files: page.map((d) => ({ id: d.id, name: d.name })),
        ...(from + size < docs.length ? { nextPageToken: String(from + size) } : {}),
      };
    },
  };

  readonly Documents = {
    get: (documentId: string) => {
      this.log.record('Docs.Documents.get', 'docs', 'read');
      for (const docs of this.folders.values())
        for (const d of docs) if (d.id === documentId && !this.hidden.has(d.id)) return d.toDocsJson();
      throw new Error(
        `GoogleJsonResponseException: API call to docs.documents.get failed with error: Requested entity was not found.`,
      );
    },
  };
}
