// Builds dist/apps-script/: appsscript.json (V8, least-privilege scopes), one Code.js (an IIFE bundle of
// apps-script/index.ts plus a generated top-level function for each of its exports, because Apps Script
// finds triggers, menu handlers and google.script.run targets only as top-level functions), and
// Sidebar.html and PickNetwork.html (the Picker dialog) with their JS and CSS inlined (HtmlService serves
// one file per page).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_ENTRY = join(ROOT, 'apps-script/index.ts');
const SIDEBAR_ENTRY = join(ROOT, 'apps-script/sidebar/main.tsx');
const PICKER_ENTRY = join(ROOT, 'apps-script/sidebar/picker/main.tsx');
const SIDEBAR_CSS = join(ROOT, 'apps-script/sidebar/sidebar.css');

/** The one global object the bundle defines; every entry point is a property of it. */
export const APPS_SCRIPT_NAMESPACE = 'Rounds';

/**
 * Least privilege: the open Doc or Sheet only, files the add-on creates or the user opens with it, and
 * the editors' UI (menus, alerts, sidebars). Nothing reads the rest of Drive, mail or the user's email.
 */
export const APPS_SCRIPT_SCOPES = [
  'https://www.googleapis.com/auth/documents.currentonly',
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/script.container.ui',
] as const;

/**
 * The manifest (https://developers.google.com/apps-script/manifest). Editor add-ons have no manifest keys
 * of their own (https://developers.google.com/workspace/add-ons/concepts/editor-manifests): the `addOns`
 * section is for Google Workspace add-ons, so it is deliberately absent.
 */
export function appsScriptManifest() {
  return {
    timeZone: 'America/New_York',
    // Collect the visit reads observers' Docs through the Drive v3 and Docs v1 APIs, which accept drive.file.
    dependencies: {
      enabledAdvancedServices: [
        { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
        { userSymbol: 'Docs', serviceId: 'docs', version: 'v1' },
      ],
    },
    exceptionLogging: 'STACKDRIVER',
    runtimeVersion: 'V8',
    oauthScopes: [...APPS_SCRIPT_SCOPES],
  };
}

export async function buildAppsScript(opts: { outDir: string; production: boolean }): Promise<void> {
  await mkdir(opts.outDir, { recursive: true });
  const [entryPoints, bundle, sidebar, picker] = await Promise.all([
    appsScriptEntryPoints(),
    bundleServer(),
    sidebarHtml(opts.production),
    pageHtml(PICKER_ENTRY, opts.production),
  ]);
  await Promise.all([
    writeFile(join(opts.outDir, 'appsscript.json'), JSON.stringify(appsScriptManifest(), null, 2) + '\n'),
    writeFile(join(opts.outDir, 'Code.js'), bundle + '\n' + entryPointStubs(entryPoints)),
    writeFile(join(opts.outDir, 'Sidebar.html'), sidebar),
    writeFile(join(opts.outDir, 'PickNetwork.html'), picker),
  ]);
}

/** The names apps-script/index.ts exports: exactly the functions Apps Script may call by name. */
export async function appsScriptEntryPoints(): Promise<string[]> {
  // esbuild reports an entry's exports only for ESM output, so this pass exists just to list them.
  const result = await esbuild.build({
    ...serverOptions(),
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'entry-points.js',
  });
  const names = Object.values(result.metafile.outputs).flatMap((o) => o.exports);
  for (const name of names) {
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || name === 'default')
      throw new Error(`apps-script/index.ts exports “${name}”, which cannot be a top-level function name.`);
    if (name === APPS_SCRIPT_NAMESPACE)
      throw new Error(`apps-script/index.ts may not export “${name}”: it is the bundle's namespace.`);
  }
  if (!names.includes('onOpen'))
    throw new Error('apps-script/index.ts must export onOpen: it builds the add-on menu.');
  return [...names].sort();
}

/** One top-level function per entry point, forwarding to the namespace (and its arguments as they come). */
export function entryPointStubs(names: readonly string[]): string {
  const lines = [
    `// Entry points Apps Script calls by name, generated from apps-script/index.ts by tools/build/apps-script.ts.`,
    ...names.map((n) => `function ${n}(...args) { return ${APPS_SCRIPT_NAMESPACE}.${n}(...args); }`),
  ];
  return lines.join('\n') + '\n';
}

function serverOptions(): esbuild.BuildOptions {
  return {
    entryPoints: [SERVER_ENTRY],
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // Apps Script's V8 runtime: ES2019 is safely inside what it runs; esbuild lowers newer syntax.
    target: 'es2019',
    absWorkingDir: ROOT,
    logLevel: 'silent',
  };
}

async function bundleServer(): Promise<string> {
  // Not minified, in production either: Apps Script's editor and its stack traces show this file as it is.
  const result = await esbuild.build({
    ...serverOptions(),
    format: 'iife',
    globalName: APPS_SCRIPT_NAMESPACE,
    write: false,
    outfile: 'Code.js',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no Code.js');
  return `// Rounds add-on for Google Docs and Sheets — built by tools/build/apps-script.ts; do not edit.\n${file.text}`;
}

/** The sidebar page with its script and stylesheet inlined. */
export function sidebarHtml(production: boolean): Promise<string> {
  return pageHtml(SIDEBAR_ENTRY, production);
}

/** A page HtmlService serves (the sidebar, the Picker dialog): its script and the sidebar's stylesheet inlined. */
async function pageHtml(entry: string, production: boolean): Promise<string> {
  const [js, css] = await Promise.all([
    esbuild.build({
      entryPoints: [entry],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      minify: production,
      define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
      write: false,
      outfile: 'sidebar.js',
      absWorkingDir: ROOT,
      logLevel: 'silent',
    }),
    readFile(SIDEBAR_CSS, 'utf8').then((text) =>
      esbuild.transform(text, { loader: 'css', minify: production }),
    ),
  ]);
  const [script] = js.outputFiles;
  if (!script) throw new Error('esbuild produced no sidebar script');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<base target="_top">',
    '<meta charset="utf-8">',
    '<title>Rounds</title>',
    `<style>${inlineSafe(css.code, 'style')}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    `<script>${inlineSafe(script.text, 'script')}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Text placed inside <script> or <style>: a literal "</script" (in a string, say) would end the element
 * early, so it becomes "<\/script", which means the same in JS strings, templates and regexes.
 */
export function inlineSafe(text: string, element: 'script' | 'style'): string {
  return text.replace(new RegExp(`</(${element})`, 'gi'), '<\\/$1');
}
