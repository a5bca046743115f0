// Spreadsheets as Drive files: the JSON beside the Drive tree is the whole spreadsheet; writes go to a copy and are
// committed in one atomic file write, so a failed request leaves the stored spreadsheet exactly as it was.
import { GoogleError, entityNotFound } from './errors';
import { SPREADSHEET, newId, type DriveFile, type DriveStore } from './drive-store';
import { emptySpreadsheet, type StoredSpreadsheet } from './sheets-model';

export class SheetsStore {
  private readonly cache = new Map<string, { version: number; doc: StoredSpreadsheet }>();
  constructor(readonly drive: DriveStore) {}

  emptyContent(file: Pick<DriveFile, 'id' | 'name'>): Buffer {
    return Buffer.from(JSON.stringify(emptySpreadsheet(file.id, file.name), null, 2) + '\n');
  }

  /**
   * The spreadsheet's Drive file, if it exists and `canSee` lets this request reach it; otherwise Sheets' 404 (a
   * spreadsheet a drive.file user was never given looks exactly like one that does not exist).
   */
  file(spreadsheetId: string, canSee: (file: DriveFile) => boolean = () => true): DriveFile {
    let id: string;
    try {
      id = decodeURIComponent(spreadsheetId);
    } catch {
      throw entityNotFound();
    }
    const file = this.drive.get(id);
    if (!file || file.mimeType !== SPREADSHEET || file.id === this.drive.rootId || !canSee(file))
      throw entityNotFound();
    return file;
  }

  /** The current spreadsheet; callers must not change it (use `draft` for writes). */
  read(spreadsheetId: string): { file: DriveFile; doc: StoredSpreadsheet } {
    const file = this.file(spreadsheetId);
    const cached = this.cache.get(file.id);
    if (cached && cached.version === file.version) return { file, doc: cached.doc };
    let doc: StoredSpreadsheet;
    try {
      doc = JSON.parse(this.drive.readBytes(file).toString('utf8')) as StoredSpreadsheet;
    } catch {
      throw new GoogleError(
        500,
        `The stored spreadsheet ${file.id} is not valid JSON; fix or remove it under the sandbox folder.`,
        'backendError',
      );
    }
    doc.properties.title = file.name; // the Drive name is the title, whichever side renamed it
    this.cache.set(file.id, { version: file.version, doc });
    return { file, doc };
  }

  draft(spreadsheetId: string): { file: DriveFile; doc: StoredSpreadsheet } {
    const { file, doc } = this.read(spreadsheetId);
    return { file, doc: structuredClone(doc) };
  }

  /** Writes the whole spreadsheet at once; a changed title renames the Drive file too. */
  commit(file: DriveFile, doc: StoredSpreadsheet, now: string): void {
    if (doc.properties.title !== file.name) {
      const previous = { name: file.name, parentId: file.parents[0] as string };
      file.name = doc.properties.title;
      this.drive.save(file, previous, now);
    }
    this.drive.writeContent(file, Buffer.from(JSON.stringify(doc, null, 2) + '\n'), now);
    this.cache.set(file.id, { version: file.version, doc });
  }

  create(
    doc: Omit<StoredSpreadsheet, 'spreadsheetId'>,
    now: string,
    createdBy: string,
  ): { file: DriveFile; doc: StoredSpreadsheet } {
    const id = newId(44);
    const full: StoredSpreadsheet = { ...doc, spreadsheetId: id };
    const file = this.drive.create(
      {
        id,
        name: doc.properties.title,
        mimeType: SPREADSHEET,
        parents: [this.drive.rootId],
        appProperties: {},
        properties: {},
        trashed: false,
        explicitlyTrashed: false,
        starred: false,
        createdTime: now,
        modifiedTime: now,
        createdBy,
      },
      Buffer.from(JSON.stringify(full, null, 2) + '\n'),
    );
    this.cache.set(id, { version: file.version, doc: full });
    return { file, doc: full };
  }
}
