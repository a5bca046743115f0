// Runs the built Apps Script add-on (Code.js and its sidebar) against a spreadsheet in the Google sandbox, so
// the demo and its tour show the real add-on on the demo network's real (sandbox) spreadsheet:
//
//   const addon = await openAddon({ sandboxUrl, token, spreadsheetId, codeDir: await buildAddon(dir) });
//   const { result, alerts } = await addon.run('refreshTracker');   // any top-level function of Code.js
//   await addon.openSidebar(page);                                   // Sidebar.html, google.script.run wired
//
// Each run is one Apps Script execution: the spreadsheet is read from the sandbox into the Apps Script fakes
// (tools/apps-script-fakes), the function runs in node:vm as Apps Script would run it, and what it changed is
// written back to the sandbox (values, notes, dropdowns, formats, protections, charts, metadata), even when
// it throws, as Apps Script keeps a failed run's writes. Runs never overlap: they queue, one at a time.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Page } from 'playwright-core';
import { appsScriptGlobals, type FakeUi } from '../apps-script-fakes/globals';
import { buildAppsScript } from '../build/apps-script';
import { connect } from '../google/connect';
import { staticTokens } from '../google/node-transport';
import { changesSince, loadSpreadsheet, writeChanges } from './addon-sheets';

export interface AddonOptions {
  sandboxUrl: string;
  /** Whose add-on it is: a sandbox token of a user who can edit the spreadsheet. */
  token: string;
  spreadsheetId: string;
  /** A built dist/apps-script folder (Code.js, Sidebar.html…): `buildAddon` makes one. */
  codeDir: string;
  /** The day the add-on's clock reads (YYYY-MM-DD, at noon UTC); the real clock when left out. */
  today?: string;
}

/** What one execution did. */
export interface AddonRun<T> {
  /** The function's return value as google.script.run hands it over (JSON-safe). */
  result: T;
  /** Alerts it showed (menu commands report this way). */
  alerts: FakeUi['alerts'];
  /** Spreadsheet service calls it made (the add-on's budget is counted in these). */
  calls: number;
  /** Sheets REST requests it took to write its changes back to the sandbox (0: it changed nothing). */
  writes: number;
  /** What those carried: ranges of changed values, and other changes (tabs, notes, rules, charts…). */
  changed: { valueRanges: number; other: number };
}

export interface Addon {
  /** The top-level functions of Code.js: what menus, triggers and google.script.run can call. */
  readonly functions: readonly string[];
  run<T = unknown>(functionName: string, ...args: unknown[]): Promise<AddonRun<T>>;
  /**
   * Serves an HTML file of the build (the sidebar by default) in `page`, as HtmlService would in the
   * editor's sidebar, with a `google.script.run` whose calls are runs of this add-on.
   */
  openSidebar(page: Page, file?: string): Promise<void>;
  close(): void;
}

/** Builds the add-on as `npm run build` does (production) into `outDir`; returns the folder. */
export async function buildAddon(outDir: string): Promise<string> {
  await buildAppsScript({ outDir, production: true });
  return outDir;
}

/** Where the demo serves a sidebar: Apps Script serves sidebars from a googleusercontent.com sandbox frame. */
export const SIDEBAR_ORIGIN = 'https://rounds-demo-script.googleusercontent.com';

export async function openAddon(options: AddonOptions): Promise<Addon> {
  const code = new vm.Script(await readFile(join(options.codeDir, 'Code.js'), 'utf8'), {
    filename: 'Code.js',
  });
  const google = connect({
    origin: options.sandboxUrl,
    tokens: staticTokens(options.token),
    sheetsLimit: null,
  });
  const bare = load({}).context;
  const functions = Object.keys(bare).filter((name) => typeof bare[name] === 'function');
  let queue: Promise<unknown> = Promise.resolve();

  function load(globals: Record<string, unknown>) {
    const context = vm.createContext({ ...globals });
    code.runInContext(context);
    return { context };
  }

  async function execute<T>(functionName: string, args: unknown[]): Promise<AddonRun<T>> {
    if (!functions.includes(functionName)) throw new Error(`Script function not found: ${functionName}`);
    const loaded = await loadSpreadsheet(google.sheets, options.spreadsheetId);
    const { ui, globals } = appsScriptGlobals({ kind: 'spreadsheet', spreadsheet: loaded.spreadsheet });
    const clock = options.today ? { Date: fixedClock(options.today) } : {};
    const { context } = load({ ...globals, ...clock, console });
    let result: unknown;
    let failure: unknown = null;
    try {
      result = (context[functionName] as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      failure = error;
    }
    const changes = changesSince(loaded);
    const writes = await writeChanges(google.sheets, options.spreadsheetId, changes);
    if (failure !== null) throw failure;
    return {
      result: (result === undefined ? null : JSON.parse(JSON.stringify(result))) as T,
      alerts: ui.alerts,
      calls: loaded.spreadsheet.log.calls.length,
      writes,
      changed: {
        valueRanges: changes.values.length,
        other: changes.structure.length + changes.details.length,
      },
    };
  }

  const addon: Addon = {
    functions,
    run<T>(functionName: string, ...args: unknown[]) {
      const next = queue.then(() => execute<T>(functionName, args));
      queue = next.catch(() => undefined);
      return next;
    },
    async openSidebar(page, file = 'Sidebar') {
      const html = await readFile(join(options.codeDir, `${file}.html`), 'utf8');
      await page.exposeFunction('roundsDemoRun', async (name: string, args: unknown[]) => {
        try {
          return { ok: true, value: (await addon.run(name, ...args)).result };
        } catch (error) {
          return { ok: false, message: error instanceof Error ? error.message : String(error) };
        }
      });
      await page.addInitScript(scriptRunInPage(functions));
      const url = `${SIDEBAR_ORIGIN}/userCodeAppPanel?file=${encodeURIComponent(file)}`;
      await page.route(`${SIDEBAR_ORIGIN}/**`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
      );
      await page.goto(url);
    },
    close: () => google.close(),
  };
  return addon;
}

/** The host's Date with "now" fixed at noon UTC of `day`: the add-on's today in the demo's world. */
function fixedClock(day: string): DateConstructor {
  const now = Date.parse(`${day}T12:00:00Z`);
  if (Number.isNaN(now)) throw new Error(`the add-on's day must be YYYY-MM-DD, not "${day}"`);
  class DemoDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now);
      else super(...(args as [string]));
    }
    static override now(): number {
      return now;
    }
  }
  return DemoDate as DateConstructor;
}

/**
 * google.script.run in the page: an object with one function per top-level function of Code.js, and the
 * handlers' builders, each call going to the demo through the exposed `roundsDemoRun`. A string, not a
 * function: tsx's transform would leave helpers in a function's source that the page does not have.
 */
function scriptRunInPage(functions: readonly string[]): string {
  return `(() => {
  const functions = ${JSON.stringify(functions)};
  const runner = (success, failure) => {
    const run = {
      withSuccessHandler: (handler) => runner(handler, failure),
      withFailureHandler: (handler) => runner(success, handler),
      withUserObject: () => runner(success, failure),
    };
    for (const name of functions)
      run[name] = (...args) => {
        window.roundsDemoRun(name, args).then((answer) => {
          if (answer.ok) success && success(answer.value);
          else failure && failure(new Error(answer.message));
        });
      };
    return run;
  };
  window.google = { script: { run: runner(null, null), host: { close() {}, editor: { focus() {} } } } };
})();`;
}
