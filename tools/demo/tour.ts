// The scripted tour of `npm start --headless`: drives the built extension through the principal's day in
// the demo network, saves a screenshot per step, and reports each step as done, not in this build yet
// (with what is missing), or failed. It never reports a step it did not see happen.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DemoBrowser } from './browser';
import { TOUR_FIRST } from './mail';
import type { DemoStore } from './seed';

export type StepOutcome =
  | { status: 'done'; screenshots: string[]; detail?: string }
  | { status: 'not-yet'; reason: string; screenshots: string[] }
  | { status: 'failed'; error: string; screenshots: string[] };

export interface TourStep {
  name: string;
  outcome: StepOutcome;
}

/** What one step does, given the tour's tools; it returns detail for the report or throws NotYet. */
type StepRun = (tour: TourContext) => Promise<string | undefined>;

/** Thrown by a step whose feature this build of Rounds does not have yet; the tour carries on. */
export class NotYet extends Error {}

export interface TourContext {
  demo: DemoStore;
  browser: DemoBrowser;
  /** The tab showing the demo's Gmail, opened by the first step. */
  gmail?: Page;
  /** Saves a screenshot of `page` for this step, returning its path. */
  shoot(page: Page, label: string): Promise<string>;
  /** The extension's panel for `tabId`, opened as a page (the real side panel is not scriptable). */
  panelFor(tabId: number): Promise<Page>;
  /** Waits until the extension has read the tab showing `url` as `kind`; returns the tab's id. */
  tabReading(url: string, kind: string): Promise<number>;
}

const GMAIL = 'https://mail.google.com/mail/u/0/';

/** The part of the extension worker's globals the tour reads (tools/ is typed for Node, not browsers). */
interface WorkerGlobals {
  chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };
}

/** The panel is about 360 px wide in Chrome's side panel; screenshots show it at that size. */
const PANEL_VIEWPORT = { width: 360, height: 760 };

const STEPS: Array<[string, StepRun]> = [
  [
    'open the inbox',
    async (t) => {
      t.gmail = await t.browser.context.newPage();
      await t.gmail.goto(`${GMAIL}#inbox`);
      await t.tabReading(`${GMAIL}#inbox`, 'gmail-list');
      const rows = await t.gmail.locator('tr.zA').count();
      await t.shoot(t.gmail, 'inbox');
      return `${rows} conversations in the list`;
    },
  ],
  [
    'sign in',
    async () => {
      throw new NotYet('the panel has no sign-in yet');
    },
  ],
  [
    'connect the network',
    async () => {
      throw new NotYet('the panel cannot create or join a network yet');
    },
  ],
  [
    'adopt the existing folders',
    async () => {
      throw new NotYet('the panel cannot map existing folders yet');
    },
  ],
  [
    'open an email: the panel reads and triages it',
    async (t) => {
      const thread = t.demo.threads.find((th) => th.key === TOUR_FIRST)!;
      const url = `${GMAIL}#inbox/${thread.token}`;
      await t.gmail!.goto(url);
      const tabId = await t.tabReading(url, 'gmail-thread');
      await t.shoot(t.gmail!, 'email');
      const panel = await t.panelFor(tabId);
      await panel.getByRole('heading', { name: thread.subject }).waitFor({ timeout: 15_000 });
      const triage = panel.getByRole('region', { name: 'Triage' });
      const tier = await triage.locator('.tier').textContent({ timeout: 15_000 });
      await t.shoot(panel, 'panel-email');
      await panel.close();
      return `"${thread.subject}": ${thread.messages[0]!.email.attachments?.length ?? 0} attachments read, triaged as ${tier}`;
    },
  ],
  [
    'file the email',
    async () => {
      throw new NotYet('the panel cannot file an email yet');
    },
  ],
  [
    'bulk-file five emails',
    async () => {
      throw new NotYet('the panel cannot file from the Gmail list yet');
    },
  ],
  [
    'open a Doc: the panel reads it',
    async (t) => {
      const doc = t.demo.drive.docs['ipop-draft'];
      const url = `https://docs.google.com/document/d/${doc.id}/edit`;
      const page = await t.browser.context.newPage();
      await page.goto(url);
      const tabId = await t.tabReading(url, 'doc');
      await t.shoot(page, 'doc');
      const panel = await t.panelFor(tabId);
      await panel.getByRole('heading', { name: doc.name }).waitFor({ timeout: 15_000 });
      await t.shoot(panel, 'panel-doc');
      await panel.close();
      return `"${doc.name}" (Drive id ${doc.id})`;
    },
  ],
  [
    'file the Doc',
    async () => {
      throw new NotYet('the panel cannot file a Doc yet');
    },
  ],
];

export async function runTour(demo: DemoStore, browser: DemoBrowser, outDir: string): Promise<TourStep[]> {
  mkdirSync(outDir, { recursive: true });
  let shot = 0;
  let current: string[] = [];
  const context: TourContext = {
    demo,
    browser,
    async shoot(page, label) {
      const path = join(outDir, `${String(++shot).padStart(2, '0')}-${label}.png`);
      await page.screenshot({ path });
      current.push(path);
      return path;
    },
    async panelFor(tabId) {
      const panel = await browser.context.newPage();
      await panel.setViewportSize(PANEL_VIEWPORT);
      await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
      return panel;
    },
    async tabReading(url, kind) {
      const worker = await browser.worker();
      const deadline = Date.now() + 20_000;
      for (;;) {
        // Runs in the extension's worker, where `chrome` is a global.
        const all = await worker.evaluate(() =>
          (globalThis as unknown as WorkerGlobals).chrome.storage.session.get(null),
        );
        for (const record of Object.values(all)) {
          const r = record as { tabId?: number; page?: { url?: string; kind?: string } };
          if (r?.page?.url === url && r.page.kind === kind && typeof r.tabId === 'number') return r.tabId;
        }
        if (Date.now() > deadline) throw new Error(`Rounds did not read ${url} as ${kind} within 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
  };
  const steps: TourStep[] = [];
  for (const [name, run] of STEPS) {
    current = [];
    let outcome: StepOutcome;
    try {
      const detail = await run(context);
      outcome = { status: 'done', screenshots: current, ...(detail ? { detail } : {}) };
    } catch (error) {
      outcome =
        error instanceof NotYet
          ? { status: 'not-yet', reason: error.message, screenshots: current }
          : {
              status: 'failed',
              error: error instanceof Error ? error.message : String(error),
              screenshots: current,
            };
    }
    steps.push({ name, outcome });
  }
  writeFileSync(join(outDir, 'tour.json'), JSON.stringify(steps, null, 2) + '\n');
  return steps;
}
