// Launches Debian's headless Chromium with a built extension loaded, the way the e2e tests need it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from '../../tools/demo/browser';

export const SKIP_E2E = process.env.ROUNDS_SKIP_E2E === '1';

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface StoredPage {
  tabId: number;
  page: { kind: string; url: string };
}

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `End-to-end tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium), or set ROUNDS_SKIP_E2E=1 to skip them.`,
    );
  }
}

export async function launchWithExtension(extensionDir: string): Promise<LoadedExtension> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'rounds-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(extensionDir, true),
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return {
    context,
    worker,
    extensionId: new URL(worker.url()).host,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the worker has stored a page of `kind` for the tab showing `url`. */
export async function storedPage(worker: Worker, url: string, kind: string): Promise<StoredPage> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const all = (await worker.evaluate(() => chrome.storage.session.get(null))) as Record<string, StoredPage>;
    const found = Object.values(all).find((r) => r.page?.url === url && r.page.kind === kind);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no ${kind} page stored for ${url}; stored: ${JSON.stringify(all)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
