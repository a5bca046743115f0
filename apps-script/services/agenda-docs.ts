// The only code that writes meeting Docs (through Apps Script's advanced Drive v3 and Docs v1 services,
// which accept drive.file): a new agenda Doc in the meeting's folder — a copy of the network's template
// when Rounds can open it, else an empty Doc — filled in one batchUpdate, and notes added at a Doc's end.
import { docsRequests, type DocLine } from '../../shared/year-tabs/agenda-doc';

export interface AgendaDriveFilesLike {
  create(
    resource: Record<string, unknown>,
    mediaData?: unknown,
    optionalArgs?: Record<string, unknown>,
  ): { id?: string };
  copy(
    resource: Record<string, unknown>,
    fileId: string,
    optionalArgs?: Record<string, unknown>,
  ): { id?: string };
}

export interface AgendaDocumentsLike {
  get(
    documentId: string,
    optionalArgs?: Record<string, unknown>,
  ): { body?: { content?: { endIndex?: number }[] } };
  batchUpdate(resource: { requests: unknown[] }, documentId: string): unknown;
}

const DOC_MIME = 'application/vnd.google-apps.document';

export interface AgendaDocs {
  /** A copy of the template, named and placed; or the reason Rounds could not copy it. */
  copyTemplate(templateId: string, name: string, folderId: string | null): { id: string } | { error: string };
  /** A new empty Google Doc, named and placed. */
  createDoc(name: string, folderId: string | null): string;
  /** One batchUpdate of the given requests. */
  update(documentId: string, requests: unknown[]): void;
  /** Lines added at the end of a Doc, in one batchUpdate. */
  appendLines(documentId: string, lines: readonly DocLine[]): void;
}

export function agendaDocsOf(files: AgendaDriveFilesLike, documents: AgendaDocumentsLike): AgendaDocs {
  const parents = (folderId: string | null) => (folderId ? { parents: [folderId] } : {});
  return {
    copyTemplate(templateId, name, folderId) {
      try {
        const copy = files.copy({ name, ...parents(folderId) }, templateId, {
          supportsAllDrives: true,
          fields: 'id',
        });
        if (!copy.id) return { error: 'Drive did not say where the copy is' };
        return { id: copy.id };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },
    createDoc(name, folderId) {
      const made = files.create({ name, mimeType: DOC_MIME, ...parents(folderId) }, undefined, {
        supportsAllDrives: true,
        fields: 'id',
      });
      if (!made.id)
        throw new Error('Drive made the agenda Doc but did not say where. Look in the meeting folder.');
      return made.id;
    },
    update(documentId, requests) {
      if (requests.length) documents.batchUpdate({ requests }, documentId);
    },
    appendLines(documentId, lines) {
      // Styles go by index, so Rounds asks where the body ends (one read), then writes in one batch.
      const content = documents.get(documentId, { fields: 'body.content.endIndex' }).body?.content ?? [];
      const end = content.at(-1)?.endIndex ?? 2;
      documents.batchUpdate({ requests: docsRequests(lines, end - 1, end > 2) }, documentId);
    },
  };
}

/** Drive and Docs as the add-on's manifest enables them; a clear message when they are not. */
export function activeAgendaDocs(): AgendaDocs {
  const drive = typeof Drive === 'undefined' ? undefined : Drive;
  const docs = typeof Docs === 'undefined' ? undefined : Docs;
  if (!drive?.Files || !docs?.Documents)
    throw new Error(
      'This copy of Rounds cannot write Docs: its manifest must enable the advanced Drive (v3) and Docs (v1) services. Deploy it again with npm run deploy:apps-script.',
    );
  return agendaDocsOf(
    drive.Files as unknown as AgendaDriveFilesLike,
    docs.Documents as unknown as AgendaDocumentsLike,
  );
}
