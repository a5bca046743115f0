// The add-on's "Connect the Rounds browser extension" dialog, the built PickNetwork.html in real headless
// Chromium: Google's Picker script is routed to a stand-in that records how the Picker was built and answers
// as the member would; google.script.run is a fake server. Checks the drive.file essentials (setAppId with
// the project number, the member's token, the page's origin), the links a member copies, what a wrong pick
// says, failures that can be retried, and an axe-core scan.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PickerConfig } from '../../apps-script/sidebar-contract';
import { buildAppsScript } from '../../tools/build/apps-script';
import { CHROMIUM } from '../../tools/demo/browser';
import { seriousViolations } from './axe';
import { requireChromium, SKIP_E2E } from './chromium';

const PAGE_URL = 'https://addon.rounds.test/PickNetwork.html';
const ORIGIN = 'https://docs.google.com';
const CONFIG: PickerConfig = {
  token: 'ya29.member-token',
  apiKey: 'AIza-demo-key',
  appId: '123456789012',
  spreadsheetId: '1NetworkSheet0123456789',
};
const SHEET = {
  id: CONFIG.spreadsheetId,
  name: 'Cedar Valley Network tracker',
  mimeType: 'application/vnd.google-apps.spreadsheet',
  url: `https://docs.google.com/spreadsheets/d/${CONFIG.spreadsheetId}/edit`,
};
const FOLDER = {
  id: '1NetworkFolder012345678',
  name: 'Cedar Valley Network',
  mimeType: 'application/vnd.google-apps.folder',
  url: 'https://drive.google.com/drive/folders/1NetworkFolder012345678',
};

/** A stand-in for https://apis.google.com/js/api.js: gapi.load('picker') and a recording PickerBuilder. */
const FAKE_PICKER = `
window.gapi = { load(name, o) { setTimeout(() => (name === 'picker' ? o.callback() : o.onerror()), 1); } };
window.google = window.google || {};
google.picker = {
  ViewId: { DOCS: 'all' }, Feature: { MULTISELECT_ENABLED: 'multiselect' },
  Action: { PICKED: 'picked', CANCEL: 'cancel' }, Response: { ACTION: 'action', DOCUMENTS: 'docs' },
  DocsView: function (id) { const v = { id, set: {} };
    for (const m of ['setIncludeFolders', 'setSelectFolderEnabled', 'setMimeTypes']) v[m] = (x) => ((v.set[m] = x), v);
    window.__pickerView = v; return v; },
  PickerBuilder: function () { const b = { calls: {} }; window.__pickerBuilder = b;
    for (const m of ['addView', 'enableFeature', 'setOAuthToken', 'setDeveloperKey', 'setAppId', 'setOrigin', 'setTitle'])
      b[m] = (x) => ((b.calls[m] = x), b);
    b.setCallback = (f) => ((b.callback = f), b);
    b.build = () => ({ setVisible: () => setTimeout(() => b.callback(window.__pickerAnswer), 5) });
    return b; },
};`;

let outDir = '';
let html = '';
let browser: Browser;

beforeAll(async () => {
  if (SKIP_E2E) return;
  requireChromium();
  outDir = await mkdtemp(join(tmpdir(), 'rounds-picker-'));
  await buildAppsScript({ outDir, production: true });
  html = await readFile(join(outDir, 'PickNetwork.html'), 'utf8');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

interface Options {
  config?: PickerConfig | { fail: string };
  answer?: unknown;
  pickerLoads?: boolean;
}

async function openDialog(o: Options = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 760, height: 560 } });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === PAGE_URL) return route.fulfill({ contentType: 'text/html', body: html });
    if (url === 'https://apis.google.com/js/api.js' && o.pickerLoads !== false)
      return route.fulfill({ contentType: 'text/javascript', body: FAKE_PICKER });
    return route.abort();
  });
  const config = o.config ?? CONFIG;
  await page.addInitScript(
    ({ config, answer, origin }) => {
      const w = window as unknown as Record<string, unknown>;
      w.__pickerAnswer = answer;
      const runner = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): Record<string, unknown> => ({
        withSuccessHandler: (f: (v: unknown) => void) => runner(f, fail),
        withFailureHandler: (f: (e: unknown) => void) => runner(ok, f),
        getPickerConfig: () =>
          setTimeout(() => ('fail' in config ? fail?.({ message: config.fail }) : ok?.(config)), 1),
      });
      w.google = { script: { run: runner(), host: { origin, close() {} } } };
    },
    { config, answer: o.answer ?? { action: 'picked', docs: [FOLDER, SHEET] }, origin: ORIGIN },
  );
  await page.goto(PAGE_URL);
  return page;
}

describe.skipIf(SKIP_E2E)('the add-on’s Picker dialog (built PickNetwork.html)', () => {
  it('builds the Picker for drive.file and shows the two links to paste into the extension', async () => {
    const page = await openDialog();
    await page.getByRole('button', { name: 'Choose the folder and spreadsheet' }).click();
    await page.getByRole('heading', { name: 'Rounds can now see these two' }).waitFor();
    const built = await page.evaluate(
      () => (window as unknown as { __pickerBuilder: { calls: unknown } }).__pickerBuilder.calls,
    );
    expect(built).toMatchObject({
      setAppId: CONFIG.appId,
      setOAuthToken: CONFIG.token,
      setDeveloperKey: CONFIG.apiKey,
      setOrigin: ORIGIN,
      enableFeature: 'multiselect',
    });
    const view = await page.evaluate(
      () => (window as unknown as { __pickerView: { set: unknown } }).__pickerView.set,
    );
    expect(view).toEqual({
      setIncludeFolders: true,
      setSelectFolderEnabled: true,
      setMimeTypes: 'application/vnd.google-apps.folder,application/vnd.google-apps.spreadsheet',
    });
    expect(await page.getByLabel('Root folder: Cedar Valley Network').inputValue()).toBe(FOLDER.url);
    expect(await page.getByLabel('Network spreadsheet: Cedar Valley Network tracker').inputValue()).toBe(
      SHEET.url,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(process.env.ROUNDS_SHOTS ?? outDir, 'picker-links.png') });
    await page.close();
  });

  it('names what is wrong with the picks and lets the member choose again', async () => {
    const other = {
      ...SHEET,
      id: '1SomeOtherSheet01234',
      name: 'Budget 2025',
      url: 'https://docs.google.com/spreadsheets/d/1SomeOtherSheet01234/edit',
    };
    const page = await openDialog({
      answer: { action: 'picked', docs: [other, { id: 'x', url: 'javascript:alert(1)' }] },
    });
    await page.getByRole('button', { name: 'Choose the folder and spreadsheet' }).click();
    await page.getByRole('heading', { name: 'Almost there' }).waitFor();
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('“Budget 2025” is not the spreadsheet open here.');
    expect(alert).toContain("Choose the network's root folder too");
    expect(await page.getByRole('button', { name: 'Choose again' }).count()).toBe(1);
    await page.close();
  });

  it('says nothing changed when the member cancels', async () => {
    const page = await openDialog({ answer: { action: 'cancel' } });
    await page.getByRole('button', { name: 'Choose the folder and spreadsheet' }).click();
    await page.getByText('Nothing was chosen, so nothing changed.').waitFor();
    await page.close();
  });

  it('shows the server’s message when the add-on is not set up for the Picker, with Try again', async () => {
    const page = await openDialog({
      config: { fail: 'ask whoever deployed it to set ROUNDS_PICKER_API_KEY' },
    });
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('ROUNDS_PICKER_API_KEY');
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await page.close();
  });

  it('says the Picker did not load when Google’s script cannot be reached, and can retry', async () => {
    const page = await openDialog({ pickerLoads: false });
    await page.getByRole('button', { name: 'Choose the folder and spreadsheet' }).click();
    await page.getByText("Google's Picker did not load. Check your connection and try again.").waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1);
    await page.close();
  });
});
