// Says where the demo's filed files are: every file in the sandbox's store that Rounds wrote (it tags
// what it files with appProperties) or a Drive shortcut it added, with its path on disk.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DemoStore } from './seed';

interface StoredMeta {
  id: string;
  name: string;
  mimeType: string;
  appProperties?: Record<string, string>;
  trashed?: boolean;
}

export interface FiledFile {
  /** Path of the file's bytes on disk, inside the sandbox's store. */
  path: string;
  name: string;
  id: string;
  source?: string;
}

/** The sandbox keeps each file's metadata beside it as `.<disk name>.meta.json`. */
export function filedFiles(driveDir: string): FiledFile[] {
  const found: FiledFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.sandbox') walk(path);
        continue;
      }
      const meta = /^\.(.+)\.meta\.json$/.exec(entry.name);
      if (!meta) continue;
      const stored = JSON.parse(readFileSync(path, 'utf8')) as StoredMeta;
      const byRounds = Object.keys(stored.appProperties ?? {}).length > 0;
      const shortcut = stored.mimeType === 'application/vnd.google-apps.shortcut';
      if (stored.trashed || !(byRounds || shortcut)) continue;
      const source = stored.appProperties?.src;
      found.push({
        path: join(dir, meta[1]!),
        name: stored.name,
        id: stored.id,
        ...(source ? { source } : {}),
      });
    }
  };
  if (existsSync(driveDir)) walk(driveDir);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

export function filedReport(demo: DemoStore): string {
  const driveDir = join(demo.dir, 'drive');
  const files = filedFiles(driveDir);
  if (files.length === 0)
    return `Nothing has been filed in this store (${relative(process.cwd(), driveDir)}).`;
  return [
    `Filed by Rounds (${files.length} files, in ${relative(process.cwd(), driveDir)}):`,
    ...files.map((f) => `  ${relative(driveDir, f.path)}${f.source ? `  (from ${f.source})` : ''}`),
  ].join('\n');
}
