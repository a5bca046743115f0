// Bundles the extension once (worker, content scripts, side panel) and writes the same code into the
// Chrome and Firefox folders, each with its own manifest.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { forbidGoogleapis } from './guard';
import { iconFiles, iconManifest } from './icons';
import { chromeManifest, firefoxManifest, messageKeys, readManifest, type Manifest } from './manifest';

export interface ExtensionBuild {
  root: string;
  outChrome: string;
  outFirefox: string;
  version: string;
  googleOrigin: string;
  production: boolean;
}

/** Classic-script entry points, keyed by their output path inside the extension. */
const ENTRIES: Record<string, string> = {
  background: 'extension/background/worker.ts',
  'content/gmail': 'extension/content/gmail.ts',
  'content/docs': 'extension/content/docs.ts',
  // The panel's first script starts its storage reads while the browser loads the main one.
  'sidepanel-first': 'extension/panel/read-first.ts',
};

/**
 * The panel's main script, an ES module split into chunks: sidepanel.js holds what the first frame draws
 * (the account, the conversation, a Doc), and the views below those come in a chunk it imports once that
 * frame is drawn (extension/panel/views/index.ts). Extension pages run module scripts in Chrome and
 * Firefox alike.
 */
const PANEL_ENTRY = { sidepanel: 'extension/panel/main.tsx' };
const PANEL_CHUNKS = 'chunks/[name]-[hash]';

/** Static files copied as they are. */
const STATIC_FILES: Record<string, string> = {
  '_locales/en/messages.json': 'extension/_locales/en/messages.json',
};

/**
 * The panel bundles its words from _locales (extension/platform/i18n.ts); the translators' descriptions
 * stay in the file for the browser and the store, not in the code that ships them.
 */
const messagesOnly: Plugin = {
  name: 'rounds-messages-only',
  setup(b) {
    b.onLoad({ filter: /_locales[\\/][^\\/]+[\\/]messages\.json$/ }, async (args) => {
      const all = JSON.parse(await readFile(args.path, 'utf8')) as Record<string, { message: string }>;
      const messages = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, { message: v.message }]));
      return { loader: 'json', contents: JSON.stringify(messages) };
    });
  },
};

const entryPoints = (root: string, entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).map(([out, src]) => [out, join(root, src)]));

export function bundleOptions(build: ExtensionBuild): BuildOptions {
  return {
    absWorkingDir: build.root,
    entryPoints: entryPoints(build.root, ENTRIES),
    outdir: join(build.root, 'dist/.bundle'),
    bundle: true,
    // Content scripts and a classic service worker/event page cannot be ES modules in both browsers.
    format: 'iife',
    target: ['chrome116', 'firefox140'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: build.production,
    sourcemap: build.production ? false : 'linked',
    // Keep non-ASCII escaped: Chrome refuses content scripts that are not valid UTF-8, and escaping sidesteps it.
    charset: 'ascii',
    define: {
      ROUNDS_GOOGLE_ORIGIN: JSON.stringify(build.googleOrigin),
      // The Google OAuth client ("Web application", redirect https://<extension id>.chromiumapp.org/) is the
      // publisher's, not the code's: given at build time, empty in a build that only talks to the sandbox.
      ROUNDS_OAUTH_CLIENT_ID: JSON.stringify(process.env.ROUNDS_OAUTH_CLIENT_ID ?? ''),
    },
    plugins: [forbidGoogleapis, messagesOnly],
    write: false,
    logLevel: 'silent',
  };
}

/** The panel's build: the same options as a module with chunks, and the metafile that says which file loads which. */
export function panelBundleOptions(build: ExtensionBuild): BuildOptions {
  return {
    ...bundleOptions(build),
    entryPoints: entryPoints(build.root, PANEL_ENTRY),
    format: 'esm',
    splitting: true,
    chunkNames: PANEL_CHUNKS,
    metafile: true,
  };
}

async function writeInto(dirs: string[], path: string, contents: Uint8Array | string): Promise<void> {
  for (const dir of dirs) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), contents);
  }
}

/** The Chrome Web Store rejects a longer manifest description. */
const MAX_DESCRIPTION = 132;

async function checkLocales(root: string, manifest: Manifest): Promise<void> {
  const messages = JSON.parse(await readFile(join(root, STATIC_FILES['_locales/en/messages.json']!), 'utf8'));
  const missing = messageKeys(manifest).filter((key) => !(key in messages));
  const description = messages.extDescription?.message as string | undefined;
  if (description && description.length > MAX_DESCRIPTION) {
    throw new Error(
      `extension/_locales/en/messages.json: extDescription is ${description.length} characters; the Chrome Web Store takes at most ${MAX_DESCRIPTION}`,
    );
  }
  if (missing.length > 0) {
    throw new Error(
      `manifest.json uses __MSG_ keys missing from extension/_locales/en/messages.json: ${missing.join(', ')}`,
    );
  }
}

/**
 * sidepanel.html with its style sheet written into the page (one file fewer for the browser to fetch
 * before the panel's scripts may run; extension pages' default policy restricts scripts, not styles) and
 * the chunks sidepanel.js imports statically preloaded, so they are fetched beside it, not after it.
 */
export async function panelPage(root: string, preload: string[] = []): Promise<string> {
  const html = await readFile(join(root, 'extension/panel/sidepanel.html'), 'utf8');
  const css = await readFile(join(root, 'extension/panel/sidepanel.css'), 'utf8');
  const link = '<link rel="stylesheet" href="sidepanel.css" />';
  if (!html.includes(link)) throw new Error(`extension/panel/sidepanel.html: expected ${link}`);
  const preloads = preload.map((path) => `<link rel="modulepreload" href="${path}" />\n    `).join('');
  return html.replace(link, () => `${preloads}<style>\n${css.replace(/<\//g, '<\\/')}</style>`);
}

/** The chunks the panel's entry imports statically (what its first frame needs), from esbuild's metafile. */
function firstFrameChunks(metafile: Metafile, bundleDir: string, root: string): string[] {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === PANEL_ENTRY.sidepanel)!;
  const seen = new Set<string>();
  const visit = (path: string) => {
    for (const imported of outputs[path]!.imports) {
      if (imported.kind !== 'import-statement' || seen.has(imported.path)) continue;
      seen.add(imported.path);
      visit(imported.path);
    }
  };
  visit(entry);
  const prefix = relative(root, bundleDir) + '/';
  return [...seen].map((path) => path.slice(prefix.length));
}

export async function buildExtension(options: ExtensionBuild): Promise<{ files: number }> {
  const source = await readManifest(join(options.root, 'manifest.json'));
  await checkLocales(options.root, source);
  const chrome = chromeManifest(
    { ...source, icons: iconManifest() },
    { version: options.version, googleOrigin: options.googleOrigin },
  );
  const firefox = firefoxManifest(chrome);

  const [result, panel] = await Promise.all([
    build(bundleOptions(options)),
    build(panelBundleOptions(options)),
  ]);
  const outDirs = [options.outChrome, options.outFirefox];
  const bundleDir = join(options.root, 'dist/.bundle');
  let files = 0;
  for (const file of [...(result.outputFiles ?? []), ...(panel.outputFiles ?? [])]) {
    await writeInto(outDirs, file.path.slice(bundleDir.length + 1), file.contents);
    files++;
  }
  for (const [out, src] of Object.entries(STATIC_FILES)) {
    for (const dir of outDirs) {
      await mkdir(dirname(join(dir, out)), { recursive: true });
      await copyFile(join(options.root, src), join(dir, out));
    }
    files++;
  }
  const preload = firstFrameChunks(panel.metafile!, bundleDir, options.root);
  await writeInto(outDirs, 'sidepanel.html', await panelPage(options.root, preload));
  files++;
  for (const [path, png] of iconFiles()) {
    await writeInto(outDirs, path, png);
    files++;
  }
  await writeFile(join(options.outChrome, 'manifest.json'), JSON.stringify(chrome, null, 2) + '\n');
  await writeFile(join(options.outFirefox, 'manifest.json'), JSON.stringify(firefox, null, 2) + '\n');
  return { files: files + 1 };
}
