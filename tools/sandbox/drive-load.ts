// Rebuilding the Drive index from the sidecars on disk at start, safely: a damaged or hand-edited store (an item
// holding the root's id, two records of one id, bytes that disagree with their record, a folder loop) is
// reported and made consistent, never loaded into a state that loops forever or serves a file as empty.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDER, hasBytes, type DriveFile } from './drive-store';
import { diskNameOfMeta, metaPath, writeJsonAtomic } from './persistence';

/** Deeper than any real Drive tree; a directory loop on disk (a symlink) stops here instead of recursing forever. */
const MAX_DEPTH = 200;

export interface LoadedTree {
  files: Map<string, DriveFile>;
  /** What was wrong and what the loader did about it, one sentence each, for the console and for tests. */
  problems: string[];
}

const bytesExist = (path: string): boolean => existsSync(path) && statSync(path).isFile();

/** Writes a record back as the store keeps it (without the fields that come from where it sits). */
function rewrite(file: DriveFile, folderPath: string): void {
  const { parents: _p, diskName: _d, damaged: _x, ...stored } = file;
  writeJsonAtomic(metaPath(folderPath, file.diskName), stored);
}

export function loadTree(rootId: string, rootDir: string): LoadedTree {
  const files = new Map<string, DriveFile>();
  /** Where each loaded record sits, so a duplicate can be told apart and a stale one removed. */
  const dirOf = new Map<string, string>();
  const problems: string[] = [];

  const exists = (file: DriveFile, dir: string): boolean => {
    const path = join(dir, file.diskName);
    return file.mimeType === FOLDER ? existsSync(path) : bytesExist(path);
  };

  function load(folderId: string, path: string, depth: number): void {
    if (depth > MAX_DEPTH) {
      problems.push(
        `${path} is nested deeper than ${MAX_DEPTH} folders (a loop on disk?); not loaded further.`,
      );
      return;
    }
    for (const entry of readdirSync(path).sort()) {
      const diskName = diskNameOfMeta(entry);
      if (!diskName) continue;
      const where = join(path, entry);
      let stored: Partial<DriveFile>;
      try {
        stored = JSON.parse(readFileSync(where, 'utf8')) as Partial<DriveFile>;
      } catch {
        problems.push(`${where} is not valid JSON; the item is left out.`);
        continue;
      }
      if (typeof stored.id !== 'string' || stored.id === '' || typeof stored.mimeType !== 'string') {
        problems.push(`${where} has no id or mimeType; the item is left out.`);
        continue;
      }
      if (stored.id === rootId || stored.id === 'root') {
        // An item claiming the root's id would make the root its own parent: every walk up the tree would loop.
        problems.push(`${where} claims the root folder's id ${stored.id}; the item is left out.`);
        continue;
      }
      const file = { ...stored, parents: [folderId], diskName } as DriveFile;
      const earlier = files.get(file.id);
      if (earlier) {
        // Two records of one id: a move interrupted between writing the new record and removing the old one.
        // The record whose bytes (or folder) exist is the file; the other is stale and removed.
        const earlierDir = dirOf.get(file.id) as string;
        if (!exists(earlier, earlierDir) && exists(file, path)) {
          rmSync(metaPath(earlierDir, earlier.diskName), { force: true });
          problems.push(`Two records of ${file.id}: kept ${where}, removed the stale one in ${earlierDir}.`);
        } else {
          rmSync(where, { force: true });
          problems.push(`Two records of ${file.id}: kept the one in ${earlierDir}, removed ${where}.`);
          continue;
        }
      }
      const bytesPath = join(path, diskName);
      files.set(file.id, file);
      dirOf.set(file.id, path);
      if (file.mimeType === FOLDER && existsSync(bytesPath)) load(file.id, bytesPath, depth + 1);
    }
  }

  load(rootId, rootDir, 0);
  // Bytes are checked once duplicates are settled, so only the records that stay are judged.
  for (const file of files.values()) {
    if (!hasBytes(file.mimeType)) continue;
    const dir = dirOf.get(file.id) as string;
    const bytesPath = join(dir, file.diskName);
    if (!bytesExist(bytesPath)) {
      file.damaged = `its bytes are missing (expected ${bytesPath})`;
      problems.push(
        `${file.id} (${file.name}): ${file.damaged}; downloads answer an error, not an empty file.`,
      );
      continue;
    }
    const bytes = readFileSync(bytesPath);
    const md5 = createHash('md5').update(bytes).digest('hex');
    if (file.size !== bytes.length || file.md5Checksum !== md5) {
      // Bytes are written before their record, so after a crash the bytes are the newer truth.
      file.size = bytes.length;
      file.md5Checksum = md5;
      rewrite(file, dir);
      problems.push(
        `${file.id} (${file.name}): its record disagreed with its bytes; updated from the bytes.`,
      );
    }
  }
  return { files, problems };
}
