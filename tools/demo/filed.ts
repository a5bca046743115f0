// Says where the demo's filed files are: every file in the sandbox's store that Rounds wrote (it tags what
// it files with appProperties {src, srcId}) with its path on disk, the folders it created, and the rows of
// the network spreadsheet's Filings tab — what a second run on the same store must leave unchanged.
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
  /** Where it came from: gmail, docs, or rounds for the folders Rounds made. */
  source: string;
  folder: boolean;
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
      const source = stored.appProperties?.src;
      if (stored.trashed || !source) continue;
      found.push({
        path: join(dir, meta[1]!),
        name: stored.name,
        id: stored.id,
        source,
        folder: stored.mimeType === 'application/vnd.google-apps.folder',
      });
    }
  };
  if (existsSync(driveDir)) walk(driveDir);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** The Filings tab's rows (header left out), read through the sandbox's Sheets API as the ILD. */
export async function filingsRows(demo: DemoStore, token: string): Promise<string[][]> {
  const res = await fetch(`${demo.sandbox.url}/v4/spreadsheets/${demo.drive.spreadsheetId}/values/Filings`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new Error(`the Filings tab could not be read: ${res.status} ${await res.text()}`);
  const { values = [] } = (await res.json()) as { values?: string[][] };
  return values.slice(1).filter((row) => row.some((cell) => cell !== ''));
}

export async function filedReport(demo: DemoStore, token: string): Promise<string> {
  const driveDir = join(demo.dir, 'drive');
  const where = relative(process.cwd(), driveDir);
  const all = filedFiles(driveDir);
  const files = all.filter((f) => !f.folder);
  const folders = all.filter((f) => f.folder);
  const rows = await filingsRows(demo, token);
  const lines = [
    files.length === 0
      ? `Nothing has been filed in this store (${where}).`
      : `Filed by Rounds: ${files.length} files in ${where}:`,
    ...files.map((f) => `  ${relative(driveDir, f.path)}  (from ${f.source})`),
  ];
  if (folders.length) {
    lines.push(`Folders Rounds created (${folders.length}; every other folder was adopted as it was):`);
    lines.push(...folders.map((f) => `  ${relative(driveDir, f.path)}`));
  }
  lines.push(`Filings tab of the network spreadsheet: ${rows.length} rows`);
  return lines.join('\n');
}
