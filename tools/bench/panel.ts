// `npm run bench:panel`: what the panel costs a principal. Builds the production extension into a temp
// folder, prints the gzipped size of the panel's JS, every file it can load (target ≤ 60 KB), and of each
// content script (≤ 10 KB), then loads the panel 10 times in headless Chromium on an open demo conversation and prints
// the median time from navigation start to the conversation on screen (≤ 100 ms), step by step, beside
// a blank extension page opened the same way (the browser's own floor). Exits 1 on a miss.
//
//   --chrome DIR    measure a Chrome folder already built instead of building the working tree
//   --against DIR   also measure a second build (a baseline) in the same browser, load for load
//   --loads N       loads per page (10)
//   --signed-in     open the panel signed in, before a network is connected (its first frame then also
//                   waits for the chunk of the views it draws beside the email: here, Connect)
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Worker } from 'playwright-core';
import { ROOT } from '../build/build';
import { buildExtension } from '../build/extension';
import { GOOGLE_ORIGIN } from '../build/manifest';
import { CHROMIUM, chromiumArgs } from '../demo/browser';
import { renderMailboxPage } from '../demo/gmail-html';
import { demoMailbox } from '../demo/mailbox';

const LOADS = 10;
const TARGETS = { panelKB: 60, contentKB: 10, firstRenderMs: 100 };

/** gzip -9, as a store or server would compress it. */
const gzippedKB = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

interface Manifest {
  content_scripts: Array<{ js: string[] }>;
}

/** A JS file's imports of other files of the extension: static (`from "./x.js"`) and dynamic (`import("./x.js")`). */
function importsOf(chromeDir: string, script: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(join(chromeDir, script), 'utf8');
  const resolve = (path: string) => posix.join(posix.dirname(script), path);
  return {
    static: [...code.matchAll(/(?:\bfrom|\bimport)\s*"(\.\.?\/[^"]+)"/g)].map((m) => resolve(m[1]!)),
    dynamic: [...code.matchAll(/\bimport\s*\(\s*"(\.\.?\/[^"]+)"\s*\)/g)].map((m) => resolve(m[1]!)),
  };
}

/**
 * The panel's JS: the scripts sidepanel.html names and every file they import, counted together; and the
 * part its first frame waits for (the scripts and what they import statically, not `import()`s).
 */
function panelScripts(chromeDir: string): { all: string[]; firstFrame: string[] } {
  const html = readFileSync(join(chromeDir, 'sidepanel.html'), 'utf8');
  const named = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  const reach = (withDynamic: boolean) => {
    const found = new Set<string>();
    const visit = (script: string) => {
      if (found.has(script)) return;
      found.add(script);
      const imports = importsOf(chromeDir, script);
      for (const next of [...imports.static, ...(withDynamic ? imports.dynamic : [])]) visit(next);
    };
    named.forEach(visit);
    return [...found];
  };
  return { all: reach(true), firstFrame: reach(false) };
}

function sizes(chromeDir: string): {
  rows: Array<[string, number, number]>;
  firstFrame: { files: number; kb: number };
  missed: boolean;
} {
  const manifest = JSON.parse(readFileSync(join(chromeDir, 'manifest.json'), 'utf8')) as Manifest;
  const scripts = panelScripts(chromeDir);
  const kb = (files: string[]) => files.reduce((sum, script) => sum + gzippedKB(join(chromeDir, script)), 0);
  const panelKB = kb(scripts.all);
  const rows: Array<[string, number, number]> = [
    [`the panel's JS, ${scripts.all.length} files`, panelKB, TARGETS.panelKB],
  ];
  for (const script of new Set(manifest.content_scripts.flatMap((c) => c.js))) {
    rows.push([script, gzippedKB(join(chromeDir, script)), TARGETS.contentKB]);
  }
  return {
    rows,
    firstFrame: { files: scripts.firstFrame.length, kb: kb(scripts.firstFrame) },
    missed: rows.some(([, kb, target]) => kb > target),
  };
}

/** A blank extension page with a one-line script, opened the same way: the browser's own floor. */
const BLANK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>blank</title></head>' +
  '<body><script src="bench-blank.js"></script></body></html>\n';
const BLANK_JS = 'window.firstRender = performance.now();\n';
/**
 * The panel's own page without the element it draws into: its scripts load and run (the panel does
 * nothing without #app), then the blank page's line, as a module if the panel's script is one.
 */
function scriptOnlyHtml(panelHtml: string): string {
  const module = /<script type="module" src="sidepanel\.js"/.test(panelHtml);
  return panelHtml
    .replace(/<main id="app"[^>]*><\/main>/, '')
    .replace('</body>', `<script${module ? ' type="module"' : ''} src="bench-blank.js"></script></body>`);
}

/**
 * One load's moments, each in ms from navigation start, read inside the page: the Navigation and Resource
 * Timing entries, the panel's own marks (extension/panel/main.tsx, tab-state.ts) and the moment the
 * conversation's subject heading first exists (a MutationObserver installed before any script).
 */
interface PanelLoad {
  /** the page's HTML received */
  responseEnd: number;
  /** the new document made (Playwright's init script runs) */
  documentMade: number;
  /** the HTML parser reached the page's main script tag (sidepanel.js, or the blank page's) */
  scriptTag: number;
  /** the panel's script evaluated (all its modules), before its first render */
  scriptRan: number | null;
  /** the first preact render returned (drawn once storage has answered, or after 50 ms without it) */
  firstRender: number | null;
  /** storage answered with what the worker recorded for the tab */
  tabRead: number | null;
  /** the chunk of views the first frame does without has run (builds that split the panel) */
  laterViews: number | null;
  /** the end: the open conversation's subject heading in the page (for the blank page, its script ran) */
  rendered: number;
}

const STEPS: Array<[keyof PanelLoad, string]> = [
  ['responseEnd', 'HTML received (responseEnd)'],
  ['documentMade', 'document created'],
  ['scriptTag', 'parser reached the main <script> tag'],
  ['scriptRan', 'script evaluated'],
  ['tabRead', 'tab record read from storage'],
  ['firstRender', 'first preact render'],
  ['rendered', 'conversation heading on screen'],
  ['laterViews', 'later views loaded (not waited for)'],
];

const READ_LOAD = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
  return {
    responseEnd: nav.responseEnd,
    documentMade: window.documentMade,
    scriptTag: window.scriptTag,
    scriptRan: mark('rounds:panel-script'),
    firstRender: mark('rounds:panel-rendered'),
    tabRead: mark('rounds:tab-read'),
    laterViews: mark('rounds:later-views'),
    rendered: window.firstRender,
  };
})()`;

/** A build to measure: its label in the output and its Chrome folder. */
interface Build {
  label: string;
  dir: string;
}

/**
 * Loads the panel of each build `loads` times, each in a fresh tab for a tab showing a demo conversation,
 * taking turns with the blank page so all see the same machine (the builds are installed side by side in
 * one browser). Only the Gmail tab is routed (to the demo's page): routing the whole context would send
 * each of the panel's own files through Playwright's process, a detour no principal's browser takes.
 */
/**
 * A member who has signed in but not yet connected a network: the Connect view (a later chunk's) is drawn
 * above the email, so the first frame waits for that chunk. Nothing then asks Google for anything.
 */
const SIGNED_IN = { account: { state: 'signed-in', email: 'p.okafor@example.org' } };

async function firstRenders(
  builds: Build[],
  loads: number,
  signedIn: boolean,
): Promise<Map<string, PanelLoad[]>> {
  const profile = mkdtempSync(join(tmpdir(), 'rounds-bench-panel-'));
  // Copies, so the blank page never lands in a build someone may ship.
  const dirs = builds.map((build, i) => {
    const dir = join(profile, `extension-${i}`);
    cpSync(build.dir, dir, { recursive: true });
    writeFileSync(join(dir, 'bench-blank.html'), BLANK_HTML);
    writeFileSync(join(dir, 'bench-blank.js'), BLANK_JS);
    writeFileSync(
      join(dir, 'bench-script-only.html'),
      scriptOnlyHtml(readFileSync(join(dir, 'sidepanel.html'), 'utf8')),
    );
    writeFileSync(join(dir, 'bench-label.txt'), build.label);
    return dir;
  });
  const args = chromiumArgs(dirs.join(','), true);
  const context = await chromium.launchPersistentContext(join(profile, 'user'), {
    executablePath: CHROMIUM,
    headless: true,
    args,
  });
  try {
    const threads = demoMailbox();
    const html = renderMailboxPage(threads);
    const deadline = Date.now() + 20_000;
    while (context.serviceWorkers().length < builds.length && Date.now() < deadline) {
      await context.waitForEvent('serviceworker', { timeout: 20_000 });
    }
    const ids = new Map<string, { id: string; worker: Worker }>();
    for (const worker of context.serviceWorkers()) {
      const label = (await worker.evaluate(
        "fetch(chrome.runtime.getURL('bench-label.txt')).then((r) => r.text())",
      )) as string;
      ids.set(label, { id: new URL(worker.url()).host, worker });
    }
    const thread = threads.find((t) => t.messages.some((m) => m.email.attachments?.length))!;
    const url = `https://mail.google.com/mail/u/0/#inbox/${thread.token}`;
    const gmail = await context.newPage();
    await gmail.route('**/*', (route) =>
      route.request().url().startsWith('https://mail.google.com/')
        ? route.fulfill({ contentType: 'text/html', body: html })
        : route.abort(),
    );
    await gmail.goto(url);
    const tabs = new Map<string, number>();
    for (const build of builds) tabs.set(build.label, await tabShowing(ids.get(build.label)!.worker, url));
    if (signedIn) {
      for (const { worker } of ids.values()) {
        await worker.evaluate(`chrome.storage.session.set(${JSON.stringify(SIGNED_IN)})`);
      }
    }
    // A string, not a function: tools/ is typed for Node, and this runs in the panel page.
    await context.addInitScript({
      content: `if (location.protocol === 'chrome-extension:') {
        const subject = ${JSON.stringify(thread.subject)};
        const MAIN_SCRIPT = 'script[src="sidepanel.js"], script[src="bench-blank.js"]';
        window.documentMade = performance.now();
        new MutationObserver((_, observer) => {
          if (!window.scriptTag && document.querySelector(MAIN_SCRIPT)) window.scriptTag = performance.now();
          if ([...document.querySelectorAll('h1, h2')].some((h) => h.textContent === subject)) {
            window.firstRender = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      }`,
    });
    const open = async (extensionId: string, path: string): Promise<PanelLoad> => {
      const page = await context.newPage();
      await page.setViewportSize({ width: 360, height: 760 });
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      await page.waitForFunction('window.firstRender', null, { timeout: 15_000 });
      // A split panel goes on to load its later views: note when (a build without them waits 0.5 s here).
      if (path.startsWith('sidepanel.html')) {
        await page
          .waitForFunction("performance.getEntriesByName('rounds:later-views').length", null, {
            timeout: 500,
          })
          .catch(() => undefined);
      }
      const load = (await page.evaluate(READ_LOAD)) as PanelLoad;
      await page.close();
      return load;
    };
    const result = new Map<string, PanelLoad[]>([
      [BLANK, []],
      [SCRIPT_ONLY, []],
      ...builds.map((b) => [b.label, []] as [string, PanelLoad[]]),
    ]);
    for (let i = 0; i < loads; i++) {
      // Each build's extension has its own renderer process, and a page opened just after others in the
      // same process loads faster (measured: 12 ms at the median, the same build against itself). So the
      // blank pages take turns between the builds' processes, two a round, and each round starts with the
      // build whose process opened them: every build gets each place in turn. blank+js is the first
      // build's own page; in the other builds' turns a second blank page (not counted) stands in for it.
      const host = builds[i % builds.length]!;
      const hostId = ids.get(host.label)!.id;
      result.get(BLANK)!.push(await open(hostId, 'bench-blank.html'));
      if (host === builds[0]) result.get(SCRIPT_ONLY)!.push(await open(hostId, 'bench-script-only.html'));
      else await open(hostId, 'bench-blank.html');
      for (let j = 0; j < builds.length; j++) {
        const build = builds[(i + j) % builds.length]!;
        result
          .get(build.label)!
          .push(await open(ids.get(build.label)!.id, `sidepanel.html?tab=${tabs.get(build.label)}`));
      }
    }
    return result;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const BLANK = 'blank';
const SCRIPT_ONLY = 'blank+js';

/** The tab id the worker recorded for `url` (it keeps what each tab shows in session storage). */
async function tabShowing(worker: Worker, url: string): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const all = await worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };
        }
      ).chrome.storage.session.get(null),
    );
    for (const record of Object.values(all)) {
      const r = record as { tabId?: number; page?: { url?: string; kind?: string } };
      if (r?.page?.url === url && r.page.kind === 'gmail-thread' && typeof r.tabId === 'number')
        return r.tabId;
    }
    if (Date.now() > deadline) throw new Error(`the extension did not read ${url} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Options {
  /** measure this built Chrome folder instead of building the working tree */
  chromeDir?: string;
  /** also measure this built Chrome folder, side by side (a baseline) */
  against?: string;
  loads: number;
  signedIn: boolean;
}

function usage(args: string[]): Options {
  const options: Options = { loads: LOADS, signedIn: false };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--signed-in') {
      options.signedIn = true;
      i--;
    } else if (flag === '--chrome' && value) options.chromeDir = value;
    else if (flag === '--against' && value) options.against = value;
    else if (flag === '--loads' && value && /^\d+$/.test(value)) options.loads = Number(value);
    else
      throw new Error(
        `unknown argument ${flag}; use --chrome DIR (a built Chrome folder), --against DIR (a second one, side by side), --loads N and --signed-in`,
      );
  }
  return options;
}

/** The median of one step over the loads that recorded it, as "123.4". */
function step(loads: PanelLoad[], key: keyof PanelLoad): string {
  const xs = loads.map((l) => l[key]).filter((x): x is number => typeof x === 'number');
  return xs.length ? median(xs).toFixed(1) : '—';
}

async function main(): Promise<number> {
  const options = usage(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'rounds-bench-build-'));
  try {
    let chromeDir = options.chromeDir;
    if (!chromeDir) {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      await buildExtension({
        root: ROOT,
        outChrome: join(dir, 'chrome'),
        outFirefox: join(dir, 'firefox'),
        version,
        googleOrigin: GOOGLE_ORIGIN,
        production: true,
      });
      chromeDir = join(dir, 'chrome');
    }
    const size = sizes(chromeDir);
    console.log(
      `Panel bench (production build${options.chromeDir ? ` in ${options.chromeDir}` : ''}, gzip -9)`,
    );
    for (const [file, kb, target] of size.rows) {
      console.log(
        `  ${file.padEnd(36)} ${kb.toFixed(1).padStart(6)} KB gzipped   target ≤ ${target} KB${kb > target ? '  MISSED' : ''}`,
      );
    }
    console.log(
      `    of which the first frame waits for ${size.firstFrame.files} files: ${size.firstFrame.kb.toFixed(1)} KB gzipped`,
    );
    const builds: Build[] = [{ label: 'panel', dir: chromeDir }];
    if (options.against) builds.push({ label: 'against', dir: options.against });
    const loads = await firstRenders(builds, options.loads, options.signedIn);
    const times = loads.get('panel')!.map((l) => l.rendered);
    const mid = median(times);
    console.log(
      `  first render of the panel on an open conversation${options.signedIn ? ', signed in' : ''}, ${options.loads} loads in headless Chromium: median ${mid.toFixed(1)} ms` +
        ` (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})   target ≤ ${TARGETS.firstRenderMs} ms${mid > TARGETS.firstRenderMs ? '  MISSED' : ''}`,
    );
    const columns = [...loads.keys()];
    console.log(`    median ms from navigation start        ${columns.map((c) => c.padStart(10)).join(' ')}`);
    for (const [key, label] of STEPS) {
      console.log(
        `    ${label.padEnd(38)} ${columns.map((c) => step(loads.get(c)!, key).padStart(10)).join(' ')}`,
      );
    }
    // The part after the browser has made the page, per load: what the panel's own page, files and code
    // cost, less shaken by how long the busy browser took to get there.
    const ours = (c: string) =>
      median(loads.get(c)!.map((l) => l.rendered - l.documentMade))
        .toFixed(1)
        .padStart(10);
    console.log(`    ${'from the document made to the end'.padEnd(38)} ${columns.map(ours).join(' ')}`);
    console.log(
      "    (blank: a page with one line of script, the end when it ran; blank+js: the panel's page without the",
    );
    console.log(
      "     element it draws into, the end when that line ran after the panel's scripts — what fetching,",
    );
    console.log("     compiling and running the first frame's JS costs without drawing)");
    // A busy machine reads slower: say how busy it was, so figures from different runs can be compared.
    console.log(`    load average while measuring: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs`);
    return size.missed || mid > TARGETS.firstRenderMs ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(`bench:panel: ${error instanceof Error ? error.message : String(error)}`);
  return 2;
});
