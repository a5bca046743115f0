// Static fixture pages for the mail.google.com and docs.google.com routes the e2e tests and the demo use.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reply } from './http';

export const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.eml': 'message/rfc822',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

const notFound = (path: string): Reply => ({
  status: 404,
  headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  body: Buffer.from(`No fixture at ${path}\n`),
});

/** Serves `/__fixtures/<mail|docs>/<path>` from the fixtures folder; a folder serves its index.html. */
export function serveFixture(root: string, urlPath: string): Reply {
  const m = /^\/__fixtures\/(mail|docs)(\/.*)?$/.exec(urlPath);
  if (!m) return notFound(urlPath);
  let relative: string;
  try {
    relative = decodeURIComponent(`${m[1]}${m[2] ?? '/'}`);
  } catch {
    return notFound(urlPath);
  }
  const base = resolve(root, m[1] as string);
  let path = resolve(resolve(root), relative);
  // Never serve anything outside mail/ or docs/, whatever ".." or encoded separators the URL holds.
  if (path !== base && !path.startsWith(base + sep)) return notFound(urlPath);
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  if (!existsSync(path) || !statSync(path).isFile()) return notFound(urlPath);
  const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return {
    status: 200,
    headers: { 'Content-Type': type, 'Cache-Control': 'no-store' },
    body: readFileSync(path),
  };
}
