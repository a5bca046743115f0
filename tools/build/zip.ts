// Zips a built extension folder for store upload (the manifest at the root of the archive, as both stores expect).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Writes `zipPath` holding every file under `dir`, source maps excluded (they only help a developer). */
export async function zipFolder(dir: string, zipPath: string): Promise<number> {
  const files: Zippable = {};
  const paths = (await listFiles(dir)).filter((p) => !p.endsWith('.map')).sort();
  for (const path of paths) {
    // Store paths with forward slashes whatever the OS: both stores reject backslashes.
    files[relative(dir, path).split(sep).join('/')] = [await readFile(path), { level: 9 }];
  }
  const zipped = zipSync(files);
  await writeFile(zipPath, zipped);
  return zipped.length;
}
