// The Drive file tree on disk: every folder a real directory, every file its real bytes, metadata in a sidecar
// ".<name>.meta.json" beside it. The in-memory index is rebuilt from the sidecars on start.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadTree } from './drive-load';
import { metaPath, safeName, uniqueName, writeAtomic, writeJsonAtomic } from './persistence';

export const FOLDER = 'application/vnd.google-apps.folder';
export const SHORTCUT = 'application/vnd.google-apps.shortcut';
export const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';

/** What the sandbox keeps about a file; `parents` and `diskName` come from where the sidecar sits. */
export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  description?: string;
  appProperties: Record<string, string>;
  properties: Record<string, string>;
  trashed: boolean;
  explicitlyTrashed: boolean;
  starred: boolean;
  createdTime: string;
  modifiedTime: string;
  version: number;
  shortcutDetails?: { targetId: string; targetMimeType: string };
  size?: number;
  md5Checksum?: string;
  originalFilename?: string;
  /** The user (email) whose token created it through the API: under drive.file only they (and picks) reach it. */
  createdBy?: string;
  diskName: string;
  /** Set by the loader when the store is damaged (bytes missing): what is wrong, said instead of serving 0 bytes. */
  damaged?: string;
}

/** Google Workspace types have no bytes of their own; the sandbox still writes something readable for them. */
const diskSuffix = (mimeType: string): string =>
  mimeType === FOLDER
    ? ''
    : mimeType === SPREADSHEET
      ? '.sheet.json'
      : mimeType === SHORTCUT
        ? '.shortcut.json'
        : mimeType.startsWith('application/vnd.google-apps.')
          ? '.gapps.json'
          : '';

export const hasBytes = (mimeType: string): boolean => !mimeType.startsWith('application/vnd.google-apps.');

export const newId = (length = 33): string =>
  ('1' + randomBytes(length).toString('base64url')).slice(0, length).replace(/^./, '1');

export class DriveStore {
  readonly rootId: string;
  private readonly files: Map<string, DriveFile>;
  /** What the loader found wrong in the store and did about it (empty for a healthy store). */
  readonly problems: string[];
  /** When each file was created in this run (wall clock), for the search lag; files loaded from disk are old. */
  private readonly born = new Map<string, number>();
  private readonly rootDir: string;

  constructor(readonly dir: string) {
    this.rootDir = join(dir, 'My Drive');
    mkdirSync(this.rootDir, { recursive: true });
    const statePath = join(dir, '.sandbox', 'state.json');
    if (existsSync(statePath)) {
      let rootId: unknown;
      try {
        rootId = (JSON.parse(readFileSync(statePath, 'utf8')) as { rootId?: unknown }).rootId;
      } catch (err) {
        throw new Error(`The sandbox's state file ${statePath} is not valid JSON: ${(err as Error).message}`);
      }
      if (typeof rootId !== 'string' || rootId === '')
        throw new Error(
          `The sandbox's state file ${statePath} has no "rootId": restore it, or start on a new --dir.`,
        );
      this.rootId = rootId;
    } else {
      this.rootId = '0A' + newId(17);
      writeJsonAtomic(statePath, { rootId: this.rootId });
    }
    // Bytes without a sidecar (an interrupted create) are ignored, never deleted; see drive-load.ts for the rest.
    const loaded = loadTree(this.rootId, this.rootDir);
    this.files = loaded.files;
    this.problems = loaded.problems;
  }

  resolveId(id: string): string {
    return id === 'root' ? this.rootId : id;
  }

  get(id: string): DriveFile | undefined {
    return this.files.get(this.resolveId(id));
  }

  /** Whether an id is taken, by its exact value (no `root` alias): the root's own id counts as taken. */
  has(id: string): boolean {
    return id === this.rootId || this.files.has(id);
  }

  bornAt(id: string): number {
    return this.born.get(id) ?? 0;
  }

  /** "My Drive" as files.get('root') shows it; it has no sidecar of its own. */
  rootFile(): DriveFile {
    const epoch = new Date(0).toISOString();
    return {
      id: this.rootId,
      name: 'My Drive',
      mimeType: FOLDER,
      parents: [],
      appProperties: {},
      properties: {},
      trashed: false,
      explicitlyTrashed: false,
      starred: false,
      createdTime: epoch,
      modifiedTime: epoch,
      version: 1,
      diskName: '',
    };
  }

  all(): DriveFile[] {
    return [...this.files.values()];
  }

  isFolder(id: string): boolean {
    const resolved = this.resolveId(id);
    return resolved === this.rootId || this.files.get(resolved)?.mimeType === FOLDER;
  }

  /** The folder's directory, walking up to the root iteratively; a loop in the parents is an error, not a hang. */
  folderPath(folderId: string): string {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let id = folderId; id !== this.rootId;) {
      const folder = this.files.get(id);
      if (!folder || folder.mimeType !== FOLDER) throw new Error(`not a folder: ${id}`);
      if (seen.has(id)) throw new Error(`the folders above ${folderId} loop back on ${id}`);
      seen.add(id);
      names.unshift(folder.diskName);
      id = folder.parents[0] ?? this.rootId;
    }
    return join(this.rootDir, ...names);
  }

  bytesPath(file: DriveFile): string {
    return join(this.folderPath(file.parents[0] ?? this.rootId), file.diskName);
  }

  private pickDiskName(parentId: string, name: string, mimeType: string, self?: string): string {
    const taken = new Set(
      this.all()
        .filter((f) => f.parents[0] === parentId && f.id !== self)
        .map((f) => f.diskName.toLowerCase()),
    );
    return uniqueName(this.folderPath(parentId), safeName(name) + diskSuffix(mimeType), taken);
  }

  private writeMeta(file: DriveFile): void {
    const { parents: _p, diskName: _d, damaged: _x, ...stored } = file;
    writeJsonAtomic(metaPath(this.folderPath(file.parents[0] ?? this.rootId), file.diskName), stored);
  }

  /** Creates the item on disk (bytes first, sidecar last: the sidecar is what makes it exist). */
  create(
    init: Omit<DriveFile, 'diskName' | 'version' | 'size' | 'md5Checksum'>,
    content?: Buffer,
  ): DriveFile {
    const parentId = init.parents[0] ?? this.rootId;
    const file: DriveFile = {
      ...init,
      parents: [parentId],
      version: 1,
      diskName: this.pickDiskName(parentId, init.name, init.mimeType),
    };
    const path = this.bytesPath(file);
    if (file.mimeType === FOLDER) mkdirSync(path, { recursive: true });
    else if (hasBytes(file.mimeType)) this.setBytes(file, content ?? Buffer.alloc(0));
    else writeAtomic(path, content ?? JSON.stringify(file.shortcutDetails ?? {}, null, 2) + '\n');
    this.writeMeta(file);
    this.files.set(file.id, file);
    this.born.set(file.id, Date.now());
    return file;
  }

  private setBytes(file: DriveFile, content: Buffer): void {
    writeAtomic(this.bytesPath(file), content);
    file.size = content.length;
    file.md5Checksum = createHash('md5').update(content).digest('hex');
  }

  readBytes(file: DriveFile): Buffer {
    const path = this.bytesPath(file);
    return existsSync(path) && statSync(path).isFile() ? readFileSync(path) : Buffer.alloc(0);
  }

  /** Replaces the bytes (or, for a spreadsheet, its JSON) and bumps version and modifiedTime. */
  writeContent(file: DriveFile, content: Buffer, now: string): void {
    if (hasBytes(file.mimeType)) this.setBytes(file, content);
    else writeAtomic(this.bytesPath(file), content);
    this.touch(file, now);
  }

  /** Saves changed metadata; a new name or parent moves the bytes (or the directory) first, then the sidecar. */
  save(file: DriveFile, previous: { name: string; parentId: string }, now: string): void {
    const oldDir = this.folderPath(previous.parentId);
    const oldDisk = file.diskName;
    const parentId = file.parents[0] ?? this.rootId;
    if (file.name !== previous.name || parentId !== previous.parentId) {
      const diskName = this.pickDiskName(parentId, file.name, file.mimeType, file.id);
      const from = join(oldDir, oldDisk);
      const to = join(this.folderPath(parentId), diskName);
      if (from !== to) {
        // New record first, then the bytes, then the old record: a crash at any point leaves a record whose bytes
        // exist (the loader keeps that one and removes the other), never a record pointing at nothing.
        file.diskName = diskName;
        this.touch(file, now);
        if (existsSync(from)) renameSync(from, to);
        rmSync(metaPath(oldDir, oldDisk), { force: true });
        return;
      }
    }
    this.touch(file, now);
  }

  private touch(file: DriveFile, now: string): void {
    file.modifiedTime = now;
    file.version += 1;
    this.writeMeta(file);
  }

  /** Removes the item and, for a folder, everything under it (Drive deletes a folder's descendants too). */
  delete(file: DriveFile): void {
    const dir = this.folderPath(file.parents[0] ?? this.rootId);
    rmSync(metaPath(dir, file.diskName), { force: true });
    rmSync(join(dir, file.diskName), { recursive: true, force: true });
    const gone = [file.id];
    while (gone.length) {
      const id = gone.pop() as string;
      this.files.delete(id);
      for (const child of this.all()) if (child.parents[0] === id) gone.push(child.id);
    }
  }

  /** Whether ancestorId is above id; walks with a visited set so a loop in the parents cannot spin forever. */
  isAncestor(ancestorId: string, id: string): boolean {
    const seen = new Set<string>();
    for (let cur = this.files.get(id); cur && !seen.has(cur.id); cur = this.files.get(cur.parents[0] ?? '')) {
      seen.add(cur.id);
      if (cur.parents[0] === ancestorId) return true;
    }
    return false;
  }
}
