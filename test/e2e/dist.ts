// Where the end-to-end tests find the built extension. `npm test` builds before vitest runs; when a test
// is run on its own and the build is missing, the extension is built here (same code as `npm run build`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildExtension } from '../../tools/build/extension';
import { GOOGLE_ORIGIN } from '../../tools/build/manifest';
import { readFileSync } from 'node:fs';

export const ROOT = join(import.meta.dirname, '../..');
export const DIST_CHROME = join(ROOT, 'dist/chrome');
export const DIST_FIREFOX = join(ROOT, 'dist/firefox');

export async function ensureExtensionBuilt(): Promise<void> {
  if (existsSync(join(DIST_CHROME, 'manifest.json')) && existsSync(join(DIST_FIREFOX, 'manifest.json')))
    return;
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  await buildExtension({
    root: ROOT,
    outChrome: DIST_CHROME,
    outFirefox: DIST_FIREFOX,
    version,
    googleOrigin: GOOGLE_ORIGIN,
    production: true,
  });
}
