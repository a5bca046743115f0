// The tour's rounds steps (issue 16): an observer writes visit 3's notes in a Doc with the add-on's sidebar
// linting each line, then the ILD collects the three observers' Docs into the network spreadsheet's debrief.
// The real built Code.js runs in node:vm on the Apps Script fakes: the Doc is a fake Doc (the sandbox has no
// Docs API), the spreadsheet is the sandbox's, read before and written back after each run as addon.ts does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Page } from 'playwright-core';
import { columnPositions, recordToRow, tabByKey } from '../../shared/schema/sheet';
import { FakeDocument } from '../apps-script-fakes/document';
import { FakeDrive } from '../apps-script-fakes/drive';
import { appsScriptGlobals } from '../apps-script-fakes/globals';
import type { FakeSpreadsheet } from '../apps-script-fakes/spreadsheet';
import { connect } from '../google/connect';
import { staticTokens } from '../google/node-transport';
import { buildAddon, SIDEBAR_ORIGIN } from './addon';
import { changesSince, loadSpreadsheet, writeChanges } from './addon-sheets';
import {
  LOOK_FOR_LINES,
  LOOK_FORS,
  OBSERVERS,
  PROBLEM_OF_PRACTICE,
  VISIT_DATE,
  VISIT_FOLDER_ID,
  VISIT_HOST,
  VISIT_NUMBER,
  type ObserverNotes,
} from './observation-visit';
import { DRIVE_USERS } from './seed';
import type { StepRun, TourContext } from './tour-steps';

type Call = (name: string, args: unknown[]) => Promise<unknown>;

interface ObservationTour {
  code: vm.Script;
  html: string;
  docs: Map<string, FakeDocument>;
}

const opened = new WeakMap<TourContext, ObservationTour>();

async function observationTour(t: TourContext): Promise<ObservationTour> {
  const found = opened.get(t);
  if (found) return found;
  const dir = await buildAddon(join(t.demo.dir, 'apps-script-rounds'));
  const tour = {
    code: new vm.Script(await readFile(join(dir, 'Code.js'), 'utf8'), { filename: 'Code.js' }),
    html: await readFile(join(dir, 'Sidebar.html'), 'utf8'),
    docs: new Map<string, FakeDocument>(),
  };
  opened.set(t, tour);
  return tour;
}

function run(code: vm.Script, globals: Record<string, unknown>, name: string, args: unknown[]): unknown {
  const context = vm.createContext({ ...globals, console });
  code.runInContext(context);
  const result = (context[name] as (...a: unknown[]) => unknown)(...args);
  return result === undefined ? null : JSON.parse(JSON.stringify(result));
}

/** The add-on in an observer's Doc: every call runs Code.js against that fake Doc. */
function inDoc(tour: ObservationTour, doc: FakeDocument): Call {
  return async (name, args) =>
    run(
      tour.code,
      appsScriptGlobals({ kind: 'document', name: doc.name, document: doc }).globals,
      name,
      args,
    );
}

/** The add-on in the network spreadsheet: loaded from the sandbox, run, its changes written back. */
function inSpreadsheet(t: TourContext, tour: ObservationTour, prepare?: (s: FakeSpreadsheet) => void): Call {
  return async (name, args) => {
    const google = connect({
      origin: t.demo.sandbox.url,
      tokens: staticTokens(DRIVE_USERS.ild.token),
      sheetsLimit: null,
    });
    try {
      const loaded = await loadSpreadsheet(google.sheets, t.demo.drive.spreadsheetId);
      prepare?.(loaded.spreadsheet);
      const drive = new FakeDrive().withFolder(VISIT_FOLDER_ID, [...tour.docs.values()]);
      const { globals } = appsScriptGlobals(
        { kind: 'spreadsheet', spreadsheet: loaded.spreadsheet },
        undefined,
        drive,
      );
      let result: unknown;
      let failure: unknown = null;
      try {
        result = run(tour.code, globals, name, args);
      } catch (error) {
        failure = error;
      }
      await writeChanges(google.sheets, t.demo.drive.spreadsheetId, changesSince(loaded));
      if (failure !== null) throw failure;
      return result;
    } finally {
      google.close();
    }
  };
}

/** Sidebar.html served as HtmlService serves it, with a google.script.run whose calls go to `call`. */
async function openSidebar(t: TourContext, tour: ObservationTour, call: Call): Promise<Page> {
  const page = await t.browser.context.newPage();
  await page.setViewportSize({ width: 300, height: 900 });
  await page.exposeFunction('roundsObservationRun', async (name: string, args: unknown[]) => {
    try {
      return { ok: true, value: await call(name, args) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  });
  await page.addInitScript(`(() => {
  const runner = (success, failure) => new Proxy({}, { get: (_, name) =>
    name === 'withSuccessHandler' ? (h) => runner(h, failure)
    : name === 'withFailureHandler' ? (h) => runner(success, h)
    : (...args) => window.roundsObservationRun(String(name), args).then((a) =>
        a.ok ? success && success(a.value) : failure && failure(new Error(a.message))) });
  window.google = { script: { run: runner(null, null) } };
})();`);
  const url = `${SIDEBAR_ORIGIN}/userCodeAppPanel?file=Sidebar&rounds=observation`;
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: tour.html }),
  );
  await page.goto(url);
  return page;
}

/** What an observer types into the form's tables and reflection after inserting it. */
function typeNotes(doc: FakeDocument, notes: ObserverNotes): void {
  notes.cite.forEach((row, i) => doc.fillRow(1, i + 1, row));
  notes.talk.forEach((row, i) => doc.fillRow(2, i + 1, row));
  const after = (hint: string, lines: string[]) => {
    let previous = hint;
    for (const line of lines) previous = doc.typeAfter(previous, line).text;
  };
  after('What is working, with the evidence that shows it.', notes.warm);
  after('Questions for the host: “I wonder…”.', notes.wonder);
  after('What the school could work on next, one item a line.', notes.next);
}

const header = (initials: string) => ({
  network: 'Cedar Valley K-8 Network',
  school: VISIT_HOST,
  visit: VISIT_NUMBER,
  date: VISIT_DATE,
  observer: initials,
});

/** The ILD pastes visit 3's folder link into the Visits tab and the host's look-fors into Protocols. */
function linkVisit(spreadsheet: FakeSpreadsheet): void {
  const visits = spreadsheet.tab('Visits');
  const at = columnPositions(tabByKey('visits'), visits.header());
  const row = visits.rows.find((r) => String(r[at.get('number') ?? -1]) === VISIT_NUMBER);
  const folder = at.get('folder');
  if (row && folder !== undefined) row[folder] = `https://drive.google.com/drive/folders/${VISIT_FOLDER_ID}`;
  const protocols = spreadsheet.tab('Protocols');
  const spec = tabByKey('protocols');
  const ids = new Set(protocols.rows.map((r) => r[0]));
  for (const l of LOOK_FORS) {
    const id = `demo-visit3-${l.code}`;
    if (ids.has(id)) continue;
    protocols.rows.push(
      recordToRow(spec, protocols.header(), {
        id,
        visit: VISIT_NUMBER,
        code: l.code,
        prompt: l.prompt,
        hostSchool: VISIT_HOST,
        problemOfPractice: PROBLEM_OF_PRACTICE,
        ratingScale: '1-4',
      }),
    );
  }
}

export const OBSERVATION_STEPS: Array<[string, StepRun]> = [
  [
    'write visit notes in a Doc: the sidebar lints each line',
    async (t) => {
      const tour = await observationTour(t);
      const [rosa, ...others] = OBSERVERS;
      const doc = new FakeDocument(rosa!.docName, rosa!.docId);
      tour.docs.set(doc.id, doc);
      const sidebar = await openSidebar(t, tour, inDoc(tour, doc));
      await sidebar.getByRole('button', { name: 'Insert observation form' }).waitFor({ timeout: 15_000 });
      for (const [label, value] of Object.entries({
        Network: 'Cedar Valley K-8 Network',
        School: VISIT_HOST,
        Visit: VISIT_NUMBER,
        Date: VISIT_DATE,
        'Observer initials': rosa!.initials,
      }))
        await sidebar.getByLabel(label, { exact: true }).fill(value);
      await sidebar.getByLabel(/^Look-fors, one a line/).fill(LOOK_FOR_LINES);
      await sidebar.getByLabel('Rate each look-for 1–4 (for calibration)').check();
      await sidebar.getByRole('button', { name: 'Insert observation form' }).click();
      await sidebar.getByRole('heading', { name: 'Tag the selected words' }).waitFor({ timeout: 15_000 });
      typeNotes(doc, rosa!);
      await sidebar.getByRole('button', { name: 'Read the Doc again' }).click();
      await sidebar.getByText(`Evidence lines (${rosa!.cite.length + rosa!.talk.length})`).waitFor();
      const judging = await sidebar.locator('mark.judging').allInnerTexts();
      await sidebar.locator('mark.judging').first().scrollIntoViewIfNeeded();
      await t.shoot(sidebar, 'observation-lint');
      const kinds = await sidebar.locator('.evidence .kind').allInnerTexts();
      // The two other observers' Docs, made the same way through the add-on.
      for (const notes of others) {
        const other = new FakeDocument(notes.docName, notes.docId);
        await inDoc(tour, other)('insertObservationFormFromSidebar', [
          { header: header(notes.initials), lookFors: LOOK_FOR_LINES, ratingScale: true },
        ]);
        typeNotes(other, notes);
        tour.docs.set(other.id, other);
      }
      await sidebar.close();
      const count = (k: string) => kinds.filter((x) => x === k).length;
      return `${kinds.length} evidence lines: ${count('Descriptive')} descriptive, ${count('Inference')} inference, ${count('Evaluative')} evaluative; judging words marked: ${judging.join(', ')}`;
    },
  ],
  [
    'collect the visit: three observers’ Docs into the debrief',
    async (t) => {
      const tour = await observationTour(t);
      if (!tour.docs.size) throw new Error('no observer Docs: the previous step did not run');
      await inSpreadsheet(t, tour, linkVisit)('getVisitsLook', []);
      const sidebar = await openSidebar(t, tour, inSpreadsheet(t, tour));
      await sidebar.getByRole('button', { name: 'Show visits' }).click({ timeout: 15_000 });
      await sidebar.getByRole('button', { name: `Collect visit ${VISIT_NUMBER}` }).click({ timeout: 15_000 });
      const board = sidebar.getByRole('table', { name: 'Patterns board' });
      await board.waitFor({ timeout: 30_000 });
      await board.scrollIntoViewIfNeeded();
      await t.shoot(sidebar, 'debrief-patterns');
      await sidebar.getByRole('table', { name: 'Agreement per classroom' }).scrollIntoViewIfNeeded();
      await t.shoot(sidebar, 'debrief-calibration');
      const report = (await sidebar.locator('p.report').first().innerText()).trim();
      const consensus = await board.locator('tbody tr').allInnerTexts();
      const discrepancies = await sidebar.locator('ul.discrepancies li').allInnerTexts();
      await sidebar.close();
      return [
        report,
        `patterns: ${consensus.map((r) => r.replace(/\s+/g, ' ').trim()).join('; ')}`,
        `to discuss: ${discrepancies.join(' | ') || 'none'}`,
      ].join(' ');
    },
  ],
];
