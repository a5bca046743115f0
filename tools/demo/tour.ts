// The scripted tour of `npm start --headless`: drives the built extension through the principal's day in
// the demo network, saves a screenshot per step, and reports each step as done, not in this build yet
// (with what is missing), or failed. It never reports a step it did not see happen.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoBrowser } from './browser';
import { filedFiles } from './filed';
import { pickForPrincipal, type DemoStore } from './seed';
import { NotYet, STEPS, type TourContext } from './tour-steps';

export type StepOutcome =
  | { status: 'done'; screenshots: string[]; detail?: string }
  | { status: 'not-yet'; reason: string; screenshots: string[] }
  | { status: 'failed'; error: string; screenshots: string[] };

export interface TourStep {
  name: string;
  outcome: StepOutcome;
}

/** Chrome's side panel is about 360 px wide; the panel's screenshots show it at that width. */
const PANEL_VIEWPORT = { width: 360, height: 760 };

/** The part of the extension worker's globals the tour reads (tools/ is typed for Node, not browsers). */
interface WorkerGlobals {
  chrome: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } };
}

export async function runTour(demo: DemoStore, browser: DemoBrowser, outDir: string): Promise<TourStep[]> {
  mkdirSync(outDir, { recursive: true });
  // Only this tour's own files go: a previous run's screenshots would pass for this run's.
  for (const name of readdirSync(outDir)) {
    if (/^\d{2}-[\w-]+\.png$/.test(name) || name === 'tour.json') rmSync(join(outDir, name));
  }
  let shot = 0;
  let current: string[] = [];
  const context: TourContext = {
    demo,
    browser,
    pick: (fileId) => pickForPrincipal(demo, fileId),
    filedCount: () => filedFiles(join(demo.dir, 'drive')).filter((f) => !f.folder).length,
    async shoot(page, label) {
      const path = join(outDir, `${String(++shot).padStart(2, '0')}-${label}.png`);
      await page.screenshot({ path, fullPage: true });
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
      // A failed step leaves a picture of where it stopped: the panel says why more often than the error.
      if (!(error instanceof NotYet) && context.panel)
        await context.shoot(context.panel, 'failed').catch(() => undefined);
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
