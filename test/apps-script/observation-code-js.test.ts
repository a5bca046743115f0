// The observation commands in the built Code.js, loaded in node:vm with the fakes as Apps Script's globals:
// each new menu entry and sidebar call runs in a Doc or the network spreadsheet without error.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENUS } from '../../apps-script/menu';
import { buildAppsScript } from '../../tools/build/apps-script';
import { appsScriptGlobals } from '../../tools/apps-script-fakes/globals';
import { FakeDocument, FakeParagraph } from '../../tools/apps-script-fakes/document';
import { FakeDrive } from '../../tools/apps-script-fakes/drive';
import { FOLDER, header, LOOK_FORS, observerDoc, visitSpreadsheet } from './observation-visit';

let outDir = '';
let code = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'rounds-observation-'));
  await buildAppsScript({ outDir, production: true });
  code = await readFile(join(outDir, 'Code.js'), 'utf8');
}, 60_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function load(globals: Record<string, unknown>) {
  const context = vm.createContext({ ...globals });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args);
}

/** Round-trips through JSON, as google.script.run does with what a server function returns. */
const asSent = <T>(value: unknown) => JSON.parse(JSON.stringify(value)) as T;

describe('observation commands in the built Code.js', () => {
  it('every observation menu entry names a top-level function', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const entries = [...MENUS.document, ...MENUS.spreadsheet].flatMap((e) => (e ? [e.functionName] : []));
    for (const name of ['insertObservationFormFromMenu', 'listUntaggedLines', 'collectLatestVisit']) {
      expect(entries).toContain(name);
      expect(typeof context[name], name).toBe('function');
    }
  });

  it('in a Doc: the menu opens the sidebar, the sidebar inserts a form and tags a selection, the menu lists untagged lines', () => {
    const document = new FakeDocument('Visit 3 notes');
    const { ui, globals } = appsScriptGlobals({ kind: 'document', name: document.name, document });
    const call = load(globals);

    call('insertObservationFormFromMenu');
    expect(ui.sidebars).toHaveLength(1);

    const state = asSent<{ lookFors: { code: string }[]; header: { observer: string } }>(
      call('insertObservationFormFromSidebar', {
        header: header('rd'),
        lookFors: LOOK_FORS,
        ratingScale: true,
      }),
    );
    expect(state.lookFors.map((l) => l.code)).toEqual(['cite', 'talk']);
    expect(state.header.observer).toBe('RD');

    document.children.unshift(new FakeParagraph('Students chose their own partners', document.log));
    call('listUntaggedLines');
    expect(ui.alerts.at(-1)).toEqual({
      title: 'Untagged evidence lines',
      message: expect.stringContaining('Students chose their own partners'),
    });

    document.select('chose their own partners');
    const tagged = asSent<{ code: string; text: string }>(call('tagSelectionFromSidebar', 'talk'));
    expect(tagged).toMatchObject({ code: 'talk', text: 'chose their own partners' });
    expect(document.namedRanges[0]!.name).toMatch(/^rounds:lf:talk:[A-Za-z0-9_-]+$/);
    expect(asSent<{ lines: { codes: string[] }[] }>(call('getObservationForm')).lines[0]!.codes).toEqual([
      'talk',
    ]);
  });

  it('in the network spreadsheet: Collect the latest visit collects visit 3 and says so', () => {
    const spreadsheet = visitSpreadsheet();
    const drive = new FakeDrive().withFolder(FOLDER, [
      observerDoc('d1', 'RD', { cite: [['A', 'S1 pointed to paragraph 2', '3']], talk: [] }),
      observerDoc('d2', 'KM', { cite: [['A', 'S1 read paragraph 2 aloud', '2']], talk: [] }),
    ]);
    const { ui, globals } = appsScriptGlobals({ kind: 'spreadsheet', spreadsheet }, undefined, drive);
    const call = load(globals);

    call('collectLatestVisit');
    expect(ui.alerts).toEqual([
      {
        title: 'Collect the visit',
        message: expect.stringMatching(/^Visit 3 at Alder K-8: collected 2 observer Docs of 2/),
      },
    ]);
    const look = asSent<{ visits: { number: string }[] }>(call('getVisitsLook'));
    expect(look.visits.map((v) => v.number)).toEqual(['2', '3']);
    const result = asSent<{ ratings: unknown[] }>(call('collectVisitFromSidebar', '3'));
    expect(result.ratings).toHaveLength(2);
    const compared = asSent<{ calibration: { classrooms: { classroom: string }[] } }>(
      call('getCalibration', '3'),
    );
    expect(compared.calibration.classrooms.map((c) => c.classroom)).toEqual(['A']);
  });

  it('without the advanced Drive and Docs services, collecting explains how to deploy', () => {
    const spreadsheet = visitSpreadsheet();
    const { ui, globals } = appsScriptGlobals({ kind: 'spreadsheet', spreadsheet });
    load(globals)('collectLatestVisit');
    expect(ui.alerts[0]?.message).toMatch(/advanced Drive \(v3\) and Docs \(v1\) services/);
  });
});
