// The only code that reaches Drive and the Docs API (through Apps Script's advanced Drive v3 and Docs v1
// services): the Google Docs in a visit's folder, one list call per 1,000 files, and each Doc's content and
// named ranges in one call. Both APIs accept drive.file, so Rounds sees only the Docs it created or was
// given, never the rest of anyone's Drive.
import type { DocsDocumentJson } from '../../shared/observation/document';

export interface DriveFilesLike {
  list(optionalArgs: Record<string, unknown>): {
    files?: { id?: string; name?: string }[];
    nextPageToken?: string;
  };
}

export interface DocsDocumentsLike {
  get(documentId: string): DocsDocumentJson;
}

const DOC_MIME = 'application/vnd.google-apps.document';

export function visitDocsOf(files: DriveFilesLike, documents: DocsDocumentsLike) {
  return {
    /** The Docs directly in the folder (not in trash), by name. */
    listDocs(folderId: string): { id: string; name: string }[] {
      const found: { id: string; name: string }[] = [];
      let pageToken: string | undefined;
      do {
        const page = files.list({
          q: `'${folderId.replace(/['\\]/g, '')}' in parents and mimeType = '${DOC_MIME}' and trashed = false`,
          fields: 'nextPageToken, files(id, name)',
          pageSize: 1000,
          orderBy: 'name',
          supportsAllDrives: true,
          includeItemsFromAllDrives: true,
          ...(pageToken ? { pageToken } : {}),
        });
        for (const f of page.files ?? []) if (f.id) found.push({ id: f.id, name: f.name ?? f.id });
        pageToken = page.nextPageToken || undefined;
      } while (pageToken);
      return found;
    },

    /** A Doc's content and named ranges, or the reason it could not be read (named for the person). */
    readDoc(id: string): { doc: DocsDocumentJson } | { error: string } {
      try {
        return { doc: documents.get(id) };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

export type VisitDocs = ReturnType<typeof visitDocsOf>;

/** Drive and Docs as the add-on's manifest enables them; a clear message when they are not. */
export function activeVisitDocs(): VisitDocs {
  const drive = typeof Drive === 'undefined' ? undefined : Drive;
  const docs = typeof Docs === 'undefined' ? undefined : Docs;
  if (!drive?.Files || !docs?.Documents)
    throw new Error(
      'This copy of Rounds cannot read Docs: its manifest must enable the advanced Drive (v3) and Docs (v1) services. Deploy it again with npm run deploy:apps-script.',
    );
  return visitDocsOf(
    drive.Files as unknown as DriveFilesLike,
    docs.Documents as unknown as DocsDocumentsLike,
  );
}
