// The built Code.js, loaded in node:vm as Apps Script loads it: every entry point apps-script/index.ts
// exports is a real top-level function, there are no other globals, and the functions work with fakes.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENUS } from '../../apps-script/menu';
import type { SidebarServer } from '../../apps-script/sidebar-contract';
import { SHEET_SCHEMA_VERSION, TABS } from '../../shared/schema/sheet';
import { APPS_SCRIPT_NAMESPACE, buildAppsScript } from '../../tools/build/apps-script';
import { appsScriptGlobals } from '../../tools/apps-script-fakes/globals';
import { FakeSpreadsheet } from '../../tools/apps-script-fakes/spreadsheet';
import { cell, networkSpreadsheet } from './tracker-network';

let outDir = '';
let code = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'rounds-apps-script-'));
  await buildAppsScript({ outDir, production: true });
  code = await readFile(join(outDir, 'Code.js'), 'utf8');
}, 60_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** The exports of apps-script/index.ts as the TypeScript compiler sees them, independent of the build. */
function declaredEntryPoints(): string[] {
  const index = join(import.meta.dirname, '../../apps-script/index.ts');
  const program = ts.createProgram([index], {
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ['google-apps-script'],
    lib: ['lib.es2022.d.ts'],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(index);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error('apps-script/index.ts is not a module');
  return checker.getExportsOfModule(module).map((symbol) => {
    const type = checker.getTypeOfSymbol(checker.getAliasedSymbol(symbol));
    if (!type.getCallSignatures().length) throw new Error(`${symbol.name} is exported but is not a function`);
    return symbol.name;
  });
}

/** The names declared at the top level of a script: functions and variables, nothing else counted. */
function topLevelDeclarations(script: string) {
  const source = ts.createSourceFile('Code.js', script, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  const functions: string[] = [];
  const variables: string[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) functions.push(statement.name.text);
    else if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) variables.push(d.name.getText(source));
    else if (!(ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)))
      throw new Error(`unexpected top-level statement: ${statement.getText(source).slice(0, 80)}`);
  }
  return { functions: functions.sort(), variables };
}

function load(globals: Record<string, unknown>) {
  const context = vm.createContext({ ...globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const own = Object.keys(context).filter((k) => !(k in globals));
  const call = (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args);
  return { context, own, call };
}

/** A menu list as the fake UI records it once built. */
const asBuilt = (entries: (typeof MENUS)[keyof typeof MENUS]) => entries.map((e) => e ?? 'separator');

describe('the built Code.js', () => {
  // Type-checking index.ts and everything it imports takes seconds on a busy 2-core machine.
  it(
    'defines exactly the entry points of apps-script/index.ts, each a top-level function, plus the namespace',
    { timeout: 30_000 },
    () => {
      const expected = declaredEntryPoints();
      expect(expected).toContain('onOpen');
      const { context, own } = load({});

      expect(own.sort()).toEqual([...expected, APPS_SCRIPT_NAMESPACE].sort());
      for (const name of expected) expect(typeof context[name], name).toBe('function');
      // Apps Script lists a function only if it is declared at the top of a file: check the syntax itself.
      expect(topLevelDeclarations(code)).toEqual({
        functions: [...expected].sort(),
        variables: [APPS_SCRIPT_NAMESPACE],
      });
    },
  );

  it('has a top-level function for every menu item and every call the sidebar makes', () => {
    const sidebarCalls: Record<keyof SidebarServer, true> = {
      getSidebarState: true,
      setUpTrackerFromSidebar: true,
      refreshTrackerFromSidebar: true,
      getSupportLook: true,
      askForSupportFromSidebar: true,
      getImprovementLook: true,
      drawRunChartsFromSidebar: true,
      getResourceLook: true,
      askForResourceFromSidebar: true,
      getMeetingsLook: true,
      saveAgendaMinutesFromSidebar: true,
      createAgendaFromSidebar: true,
      saveConsultancyNotesFromSidebar: true,
      planVisitsFromSidebar: true,
      harvestSpotlightFromSidebar: true,
      getCoverageLook: true,
      getObservationForm: true,
      insertObservationFormFromSidebar: true,
      tagSelectionFromSidebar: true,
      getVisitsLook: true,
      collectVisitFromSidebar: true,
      getCalibration: true,
      getPickerConfig: true,
    };
    const { context } = load({});
    const targets = [
      ...Object.values(MENUS).flatMap((entries) => entries.flatMap((e) => (e ? [e.functionName] : []))),
      ...Object.keys(sidebarCalls),
    ];
    for (const name of targets) expect(typeof context[name], name).toBe('function');
  });

  it('loading it touches no Apps Script service (they are not all available in every authorization mode)', () => {
    expect(() => load({})).not.toThrow();
  });

  it('onOpen in Sheets builds the Rounds add-on menu with the tracker commands', () => {
    const { ui, globals } = appsScriptGlobals({ kind: 'spreadsheet', spreadsheet: new FakeSpreadsheet() });
    load(globals).call('onOpen', { authMode: 'NONE' });

    // The menu as MENUS lists it (a separator for each null), built by the real Code.js through the fake UI.
    expect(ui.menus).toEqual([{ items: asBuilt(MENUS.spreadsheet), addedToUi: true }]);
    expect(ui.menus[0]!.items[0]).toEqual({
      caption: 'Set up network tracker',
      functionName: 'setUpTracker',
    });
    expect(ui.menus[0]!.items).toContainEqual({
      caption: 'Build / refresh tracker',
      functionName: 'refreshTracker',
    });
    expect(ui.menus[0]!.items.at(-1)).toEqual({
      caption: 'Open Rounds sidebar',
      functionName: 'showSidebar',
    });
  });

  it('onOpen in Docs builds a menu that opens the sidebar, and onInstall does the same', () => {
    const { ui, globals } = appsScriptGlobals({ kind: 'document', name: 'Visit 3 notes' });
    const { call } = load(globals);
    call('onOpen', { authMode: 'LIMITED' });
    call('onInstall', { authMode: 'FULL' });

    const docMenu = { items: asBuilt(MENUS.document), addedToUi: true };
    expect(ui.menus).toEqual([docMenu, docMenu]);
    expect(docMenu.items.at(-1)).toEqual({ caption: 'Open Rounds sidebar', functionName: 'showSidebar' });
  });

  it('the Set up menu command sets up the tracker and says what it added', () => {
    const spreadsheet = new FakeSpreadsheet();
    const { ui, globals } = appsScriptGlobals({ kind: 'spreadsheet', spreadsheet });
    load(globals).call('setUpTracker');

    expect(spreadsheet.sheets.map((s) => s.name)).toEqual(TABS.map((t) => t.name));
    expect(ui.alerts).toHaveLength(1);
    expect(ui.alerts[0]?.title).toBe('Set up network tracker');
    expect(ui.alerts[0]?.message).toMatch(/^Added tabs: Schools/);
  });

  it('a menu command that cannot run explains why in the alert', () => {
    const spreadsheet = new FakeSpreadsheet();
    const { ui, globals } = appsScriptGlobals({ kind: 'spreadsheet', spreadsheet, lockHeldElsewhere: true });
    load(globals).call('upgradeTracker');

    expect(ui.alerts).toEqual([
      { title: 'Upgrade tracker', message: expect.stringContaining('Someone else is changing this tracker') },
    ]);
    expect(spreadsheet.sheets).toEqual([]);
  });

  it('the sidebar opens the built Sidebar file and learns what kind of file it is in', async () => {
    const files = await readdir(outDir);
    const sheets = appsScriptGlobals({ kind: 'spreadsheet', spreadsheet: new FakeSpreadsheet('Network 7') });
    const inSheets = load(sheets.globals);
    inSheets.call('showSidebar');
    expect(files).toContain(`${sheets.ui.sidebars[0]?.file}.html`);
    expect(inSheets.call('getSidebarState')).toMatchObject({
      kind: 'spreadsheet',
      tracker: { spreadsheetName: 'Network 7', action: 'set-up', currentVersion: SHEET_SCHEMA_VERSION },
    });

    const docs = appsScriptGlobals({ kind: 'document', name: 'Visit 3 notes' });
    expect(load(docs.globals).call('getSidebarState')).toEqual({
      kind: 'document',
      documentName: 'Visit 3 notes',
    });
  });
});

describe('Build / refresh tracker in the built Code.js', () => {
  it('the menu command builds and refreshes the tracker and says what it changed', () => {
    const spreadsheet = networkSpreadsheet(6);
    const { ui, globals } = appsScriptGlobals({ kind: 'spreadsheet', spreadsheet });
    load(globals).call('refreshTracker');

    expect(ui.alerts).toHaveLength(1);
    expect(ui.alerts[0]?.title).toBe('Build / refresh tracker');
    expect(ui.alerts[0]?.message).toMatch(/Schools: worked out .* for 6 schools/);
    expect(cell(spreadsheet.tab('Schools'), 3, 'Last ILD contact')).toBe('2026-11-30');
    expect(spreadsheet.tab('Dashboard').charts).toHaveLength(3);
  });

  it('the sidebar refreshes, lists who needs support, and files a principal’s request as “asked”', () => {
    const spreadsheet = networkSpreadsheet(6);
    const { globals } = appsScriptGlobals({ kind: 'spreadsheet', spreadsheet });
    const { call } = load(globals);
    const first = call('refreshTrackerFromSidebar') as { report: string };
    expect(first.report).toMatch(/Dashboard: redrew/);
    const again = call('refreshTrackerFromSidebar') as { report: string };
    expect(again.report).toMatch(/\(0 cells changed\)/);

    const look = call('getSupportLook') as { flagged: { school: string }[]; schools: string[] };
    expect(look.schools).toHaveLength(6);
    expect(look.flagged.map((f) => f.school)).toEqual(['School 1', 'School 3', 'School 5']);

    const contacts = spreadsheet.tab('Contacts');
    const before = contacts.rows.length;
    expect(call('askForSupportFromSidebar', 'School 4', 'Help reading our benchmark data')).toMatch(
      /Your request for support is in the Contacts tab/,
    );
    expect(contacts.rows).toHaveLength(before + 1);
    expect(contacts.rows.at(-1)).toEqual(
      expect.arrayContaining(['Principal 4', 'School 4', 'asked', 'Help reading our benchmark data']),
    );
    expect(() => call('askForSupportFromSidebar', 'Nowhere High', '')).toThrow(/not on the Schools tab/);
    expect(contacts.rows).toHaveLength(before + 1);
  });
});

describe('the built appsscript.json', () => {
  it('asks for V8, Stackdriver logging and only current-document, drive.file and editor-UI scopes', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'appsscript.json'), 'utf8'));
    expect(manifest).toMatchObject({ runtimeVersion: 'V8', exceptionLogging: 'STACKDRIVER' });
    expect(manifest.timeZone).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+$/);
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/documents.currentonly',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(manifest).not.toHaveProperty('addOns');
  });
});
