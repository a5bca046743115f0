// The built Chrome extension in a real (headless) Chromium: it loads without errors, its worker runs,
// the Gmail and Docs content scripts read invented pages served in place of Google's, and the side panel
// page shows what they read. Offline: every Google page is routed to a fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, SKIP_E2E, storedPage as storedPageIn, type LoadedExtension } from './chromium';
import { DIST_CHROME, ensureExtensionBuilt, ROOT } from './dist';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJrHxGwZlkDcTqSsVvWpXb';
const CHANGED_URL = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQbgRnJrHxGwZlkDcTqSsVvWpXc';
const DOC_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const DOC_URL = `https://docs.google.com/document/d/${DOC_ID}/edit`;

const gmailFixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/gmail', name), 'utf8');

interface ExtensionInfo {
  id: string;
  name: string;
  state: string;
  manifestErrors: Array<{ message: string }>;
  installWarnings: unknown[];
  runtimeErrors: Array<{ message: string }>;
}

/** chrome://extensions' own API (only there): how that page lists each extension and its problems. */
interface DeveloperPrivate {
  developerPrivate: {
    getExtensionsInfo(options: object): Promise<ExtensionInfo[]>;
    updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
    reload(id: string, options: object): Promise<void>;
  };
}

describe.skipIf(SKIP_E2E)('the Chrome extension in Chromium', () => {
  let loaded: LoadedExtension | undefined;
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let extensionsPage: Page;

  /** How chrome://extensions sees Rounds: its state and the problems it lists for it. */
  async function loadReport(): Promise<ExtensionInfo | undefined> {
    const all = await extensionsPage.evaluate(() =>
      (chrome as unknown as DeveloperPrivate).developerPrivate.getExtensionsInfo({
        includeDisabled: true,
        includeTerminated: true,
      }),
    );
    return all.find((e) => e.id === extensionId);
  }

  beforeAll(async () => {
    await ensureExtensionBuilt();
    loaded = await launchWithExtension(DIST_CHROME);
    ({ context, worker, extensionId } = loaded);
    // Nothing leaves the machine: Google's pages come from fixtures, everything else is refused.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('https://mail.google.com/mail/u/0/')) {
        return route.fulfill({ contentType: 'text/html', body: gmailFixture('thread.html') });
      }
      if (url.startsWith('https://mail.google.com/mail/u/1/')) {
        return route.fulfill({ contentType: 'text/html', body: gmailFixture('changed-gmail.html') });
      }
      if (url.startsWith('https://docs.google.com/document/')) {
        return route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><title>Maple Grove visit notes - Google Docs</title><p>An invented Doc.</p>',
        });
      }
      if (url.startsWith('chrome-extension://')) return route.continue();
      return route.abort();
    });
    // Chrome only collects manifest warnings (unknown keys, bad values) in developer mode, as
    // chrome://extensions shows them: switch it on and reload the extension so they are recorded.
    extensionsPage = await context.newPage();
    await extensionsPage.goto('chrome://extensions/');
    await extensionsPage.evaluate(() =>
      (chrome as unknown as DeveloperPrivate).developerPrivate.updateProfileConfiguration({
        inDeveloperMode: true,
      }),
    );
    const restarted = context.waitForEvent('serviceworker', { timeout: 30_000 });
    await extensionsPage.evaluate(
      (id) =>
        (chrome as unknown as DeveloperPrivate).developerPrivate.reload(id, {
          failQuietly: true,
          populateErrorForUnpacked: true,
        }),
      extensionId,
    );
    worker = await restarted;
  });

  afterAll(async () => {
    await loaded?.close();
  });

  const storedPage = (url: string, kind: string) => storedPageIn(worker, url, kind);

  async function openPanelFor(tabId: number): Promise<Page> {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    return panel;
  }

  it('registers its service worker and loads with no manifest errors or warnings', async () => {
    expect(worker.url()).toBe(`chrome-extension://${extensionId}/background.js`);
    expect(await loadReport()).toMatchObject({
      name: 'Rounds',
      state: 'ENABLED',
      manifestErrors: [],
      installWarnings: [],
    });
  });

  it('reads the open Gmail conversation and turns on the side panel for that tab', async () => {
    const gmail = await context.newPage();
    await gmail.goto(THREAD_URL);
    const stored = await storedPage(THREAD_URL, 'gmail-thread');
    expect(stored.page).toMatchObject({
      thread: { id: '18c05a5e07f59c35', subject: 'Rounds: visit plan for Maple Grove', collapsed: 1 },
    });
    const options = await worker.evaluate((tabId) => chrome.sidePanel.getOptions({ tabId }), stored.tabId);
    expect(options).toMatchObject({ enabled: true, path: 'sidepanel.html' });
    // Rounds' own button is on the page, reachable by keyboard.
    await expect(gmail.locator('#rounds-open-button button').textContent()).resolves.toBe('Rounds');
  });

  it('shows the conversation in the side panel, and a keyboard user can pick a message', async () => {
    const { tabId } = await storedPage(THREAD_URL, 'gmail-thread');
    const panel = await openPanelFor(tabId);
    await panel.getByRole('heading', { name: 'Rounds: visit plan for Maple Grove' }).waitFor();
    const text = () => panel.locator('main').innerText();
    expect(await text()).toContain('18c05a5e07f59c35');
    // The newest message is selected first: Pat's reply with two attachments.
    expect(await text()).toContain('look-fors-maple-grove.pdf');
    expect(await text()).toContain('18c05a89b3cdd04e');

    const first = panel.getByRole('button', { name: /Dana Harper/ });
    await first.focus();
    await panel.keyboard.press('Enter');
    await expect(first.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await text()).toContain('Dana Harper <ild.harper@example.org>');
    expect(await text()).toContain('Mon, Nov 3, 2025, 9:14 AM');
    // Dana's message asks for look-fors by a date: the shared triage engine runs in Rounds' worker.
    const triage = panel.getByRole('region', { name: 'Triage' });
    await expect(triage.locator('.tier').textContent()).resolves.toMatch(
      /^(Must do|Action|For your information|Not for principals)$/,
    );
    expect(await triage.innerText()).toContain('2025-11-07');

    // Read again asks the Gmail tab's content script to read the page afresh, and says when it has.
    await panel.getByRole('button', { name: 'Read again' }).click();
    await panel.getByText('Up to date').waitFor();
    await panel.close();
  });

  it("says plainly when Gmail's page has changed and it can't read it", async () => {
    const gmail = await context.newPage();
    await gmail.goto(CHANGED_URL);
    const { tabId } = await storedPage(CHANGED_URL, 'gmail-unreadable');
    const panel = await openPanelFor(tabId);
    await panel.getByRole('heading', { name: "Rounds can't read this Gmail page" }).waitFor();
    expect(await panel.locator('main').innerText()).toContain('the subject of the conversation (h2.hP)');
    await panel.close();
  });

  it('reads which Google Doc is open', async () => {
    const doc = await context.newPage();
    await doc.goto(DOC_URL);
    const { tabId } = await storedPage(DOC_URL, 'doc');
    const panel = await openPanelFor(tabId);
    await panel.getByRole('heading', { name: 'Maple Grove visit notes' }).waitFor();
    expect(await panel.locator('main').innerText()).toContain(DOC_ID);
    await panel.close();
  });

  it('raised no errors in the worker, content scripts or panel along the way', async () => {
    const report = await loadReport();
    expect(report?.runtimeErrors.map((e) => e.message)).toEqual([]);
  });
});
