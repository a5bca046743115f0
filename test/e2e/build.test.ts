// `npm run build` output: the Chrome, Firefox and Apps Script folders with the keys each store and
// browser requires, development builds that reach the sandbox, store zips, icons, and the googleapis guard.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { build } from 'esbuild';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbidGoogleapis } from '../../tools/build/guard';
import { crc32 } from '../../tools/build/png';
import { chromeManifest, firefoxManifest, GOOGLE_ORIGIN, readManifest } from '../../tools/build/manifest';
import { zipFolder } from '../../tools/build/zip';
import { DIST_CHROME, DIST_FIREFOX, ensureExtensionBuilt, ROOT } from './dist';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8'));
/** The panel's chunks (tools/build/extension.ts splits its main script). */
const panelChunks = () => readdirSync(join(DIST_CHROME, 'chunks')).map((f) => `chunks/${f}`);

beforeAll(ensureExtensionBuilt);

describe('the Chrome build (dist/chrome)', () => {
  const manifest = () => readJson(join(DIST_CHROME, 'manifest.json'));

  it('is MV3 with a side panel, a service worker and the Gmail and Docs content scripts', () => {
    const m = manifest();
    expect(m.manifest_version).toBe(3);
    expect(m.minimum_chrome_version).toBe('116');
    expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.content_scripts.map((c: Json) => c.matches)).toEqual([
      ['https://mail.google.com/*'],
      ['https://docs.google.com/*'],
    ]);
    for (const path of [
      'sidepanel.html',
      'sidepanel.js',
      'background.js',
      ...m.content_scripts.flatMap((c: Json) => c.js),
    ]) {
      expect(existsSync(join(DIST_CHROME, path)), path).toBe(true);
    }
  });

  it('asks only for what it uses: no Gmail scopes, no tabs, Google APIs as the only host', () => {
    const m = manifest();
    // alarms: wakes the worker to resume queued filings after the browser stopped it.
    expect(m.permissions).toEqual(['sidePanel', 'storage', 'identity', 'alarms']);
    expect(m.host_permissions).toEqual(['https://www.googleapis.com/*', 'https://sheets.googleapis.com/*']);
    expect(JSON.stringify(m)).not.toMatch(/gmail\.(readonly|modify|compose|send)|"tabs"/);
  });

  it('names itself from _locales/en', () => {
    const m = manifest();
    const messages = readJson(join(DIST_CHROME, '_locales/en/messages.json'));
    expect(m.default_locale).toBe('en');
    expect(m.name).toBe('__MSG_extName__');
    expect(messages.extName.message).toBe('Rounds');
    expect(messages.extDescription.message.length).toBeLessThanOrEqual(132); // Chrome Web Store limit
  });

  it('has PNG icons at 16, 32, 48 and 128 pixels', () => {
    const icons = manifest().icons as Record<string, string>;
    expect(Object.keys(icons)).toEqual(['16', '32', '48', '128']);
    for (const [size, path] of Object.entries(icons)) {
      const png = readFileSync(join(DIST_CHROME, path));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
      // The pixel data inflates to one filter byte plus RGBA per row.
      const idatLength = png.readUInt32BE(33);
      const pixels = inflateSync(png.subarray(41, 41 + idatLength));
      expect(pixels.length).toBe(Number(size) * (Number(size) * 4 + 1));
    }
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
  });

  it("loads the panel's first frame as a module with its chunks fetched beside it, and the rest as a chunk it imports", () => {
    const html = readFileSync(join(DIST_CHROME, 'sidepanel.html'), 'utf8');
    expect(html).toContain('<script type="module" src="sidepanel.js"></script>');
    const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!);
    const entry = readFileSync(join(DIST_CHROME, 'sidepanel.js'), 'utf8');
    for (const chunk of preloads) expect(entry).toContain(`"./${chunk}"`);
    expect(entry).toMatch(/import\("\.\/chunks\/later-views-[\w-]+\.js"\)/);
  });

  it('ships the same code to Firefox', () => {
    for (const file of [
      'background.js',
      'content/gmail.js',
      'content/docs.js',
      'sidepanel.js',
      ...panelChunks(),
    ]) {
      expect(readFileSync(join(DIST_FIREFOX, file)).equals(readFileSync(join(DIST_CHROME, file))), file).toBe(
        true,
      );
    }
  });

  it('talks to Google in production, with no sandbox address inside', () => {
    for (const file of ['sidepanel.js', ...panelChunks()]) {
      expect(readFileSync(join(DIST_CHROME, file), 'utf8'), file).not.toMatch(/127\.0\.0\.1|localhost/);
    }
  });
});

describe('the Firefox build (dist/firefox)', () => {
  it('has a sidebar, an event page and the Gecko settings AMO requires', () => {
    const m = readJson(join(DIST_FIREFOX, 'manifest.json'));
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.side_panel).toBeUndefined();
    expect(m.permissions).not.toContain('sidePanel');
    expect(m.browser_specific_settings.gecko).toEqual({
      id: expect.stringMatching(/^rounds@/),
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
  });
});

describe('the Apps Script build (dist/apps-script)', () => {
  it('is there after `npm run build`', () => {
    // Built by tools/build/apps-script.ts; its contents are tested with the add-on (test/apps-script).
    expect(existsSync(join(ROOT, 'dist/apps-script/appsscript.json'))).toBe(true);
  });
});

describe('a development build', () => {
  it('may also reach the sandbox, on any port, and nothing else', async () => {
    const source = await readManifest(join(ROOT, 'manifest.json'));
    const dev = chromeManifest(source, { version: '1.2.3', googleOrigin: 'http://127.0.0.1:8787' });
    expect(dev.host_permissions).toEqual([
      'https://www.googleapis.com/*',
      'https://sheets.googleapis.com/*',
      'http://127.0.0.1/*',
    ]);
    expect(dev.version).toBe('1.2.3');
    // Its content scripts also run on the sandbox's stand-ins for Gmail and Docs (the demo's pages).
    expect(dev.content_scripts!.map((c) => c.matches)).toEqual([
      ['https://mail.google.com/*', 'http://127.0.0.1/__fixtures/mail/*'],
      ['https://docs.google.com/*', 'http://127.0.0.1/__fixtures/docs/*'],
    ]);
    expect(firefoxManifest(dev).host_permissions).toEqual(dev.host_permissions);
    expect(
      chromeManifest(source, { version: '1.2.3', googleOrigin: GOOGLE_ORIGIN }).host_permissions,
    ).toEqual(['https://www.googleapis.com/*', 'https://sheets.googleapis.com/*']);
  });
});

describe('store packages', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'rounds-zip-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('zip the build with the manifest at the root and no source maps', async () => {
    const zip = join(dir, 'rounds-chrome.zip');
    await zipFolder(DIST_CHROME, zip);
    const entries = Object.keys(unzipSync(readFileSync(zip)));
    expect(entries).toContain('manifest.json');
    expect(entries).toContain('_locales/en/messages.json');
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
  });
});

describe('the googleapis guard', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'rounds-guard-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const bundle = (source: string) => {
    writeFileSync(join(dir, 'entry.ts'), source);
    return build({
      entryPoints: [join(dir, 'entry.ts')],
      bundle: true,
      write: false,
      logLevel: 'silent',
      plugins: [forbidGoogleapis],
    });
  };

  it('fails a browser bundle that imports googleapis, saying why', async () => {
    await expect(bundle("import { google } from 'googleapis';\nconsole.log(google);")).rejects.toThrow(
      /googleapis is for Node-side tests and tools only/,
    );
    await expect(bundle("import { drive } from '@googleapis/drive';\nconsole.log(drive);")).rejects.toThrow(
      /Node-side/,
    );
  });

  it('lets type-only imports through, since they vanish from the bundle', async () => {
    const result = await bundle(
      "import type { drive_v3 } from '@googleapis/drive';\nexport const f: drive_v3.Schema$File = {};",
    );
    expect(result.errors).toEqual([]);
  });
});
