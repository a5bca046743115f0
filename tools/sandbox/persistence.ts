// Crash-safe writes and filesystem-safe names, so the store a person browses under --dir is never half-written.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Write to a temp file beside the target, then rename: readers and a restarted sandbox see old or new, never half. */
export function writeAtomic(path: string, data: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

export function writeJsonAtomic(path: string, value: unknown): void {
  writeAtomic(path, JSON.stringify(value, null, 2) + '\n');
}

/** Drive names may hold any character; disk names may not hold separators, reserved characters or a leading dot. */
export function safeName(name: string): string {
  let safe = name
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (safe === '') safe = '_';
  // Keep room for the ".<name>.meta.json" sidecar within the usual 255-byte limit.
  while (Buffer.byteLength(safe) > 200) safe = safe.slice(0, -1);
  return safe;
}

/** Picks "name", "name (2)", "name (3)"… that is free both among known items and on disk (case-insensitively). */
export function uniqueName(dir: string, wanted: string, taken: Set<string>): string {
  const ext = extname(wanted);
  const stem = ext && ext !== wanted ? wanted.slice(0, -ext.length) : wanted;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${stem} (${n})${ext}`;
    if (!taken.has(candidate.toLowerCase()) && !existsSync(join(dir, candidate))) return candidate;
  }
}

export const metaPath = (dir: string, diskName: string): string => join(dir, `.${diskName}.meta.json`);

/** Inverse of metaPath: the disk name a sidecar describes, or null for anything else in the folder. */
export function diskNameOfMeta(entry: string): string | null {
  const m = /^\.(.+)\.meta\.json$/.exec(entry);
  return m?.[1] ?? null;
}
