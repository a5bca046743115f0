// A sandbox on a free port, the extension built to talk to it (its own copy, so `dist/` and port 8787
// stay free for others), and Chromium with that build loaded: the harness of the filing end-to-end tests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { buildExtension } from '../../tools/build/extension';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../tools/sandbox/server';
import { grantToken } from '../../tools/sandbox/auth';
import { launchWithExtension, type LoadedExtension } from './chromium';
import { ROOT } from './dist';

export interface Harness {
  sandbox: Sandbox;
  loaded: LoadedExtension;
  context: BrowserContext;
  extensionId: string;
  fixturesDir: string;
  /** Calls the sandbox's Drive/Sheets API as an all-seeing admin, to check what landed where. */
  api<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

export const ADMIN_TOKEN = 'e2e-admin-token';

export async function startHarness(
  fixturesDir: string,
  options: Partial<SandboxOptions> = {},
): Promise<Harness> {
  const work = mkdtempSync(join(tmpdir(), 'rounds-filing-'));
  const sandbox = await startSandbox({ dir: join(work, 'store'), port: 0, fixturesDir, ...options });
  grantToken(sandbox.tokens, {
    token: ADMIN_TOKEN,
    user: 'admin@example.org',
    scopes: ['https://www.googleapis.com/auth/drive', 'https://www.googleapis.com/auth/spreadsheets'],
  });
  const out = join(work, 'ext');
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  await buildExtension({
    root: ROOT,
    outChrome: join(out, 'chrome'),
    outFirefox: join(out, 'firefox'),
    version,
    googleOrigin: sandbox.url,
    production: false,
  });
  const loaded = await launchWithExtension(join(out, 'chrome'));
  return {
    sandbox,
    loaded,
    context: loaded.context,
    extensionId: loaded.extensionId,
    fixturesDir,
    async api<T>(path: string): Promise<T> {
      // The test's own look goes through the same injected faults: it tries again as a client would.
      for (let attempt = 1; ; attempt++) {
        const res = await fetch(`${sandbox.url}${path}`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        }).catch(() => undefined);
        if (res?.ok) return (await res.json()) as T;
        const retry = !res || res.status === 429 || res.status >= 500;
        if (!retry || attempt >= 8) throw new Error(`${path}: ${res?.status} ${await res?.text()}`);
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    },
    async close() {
      await loaded.close().catch(() => undefined);
      await sandbox.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Opens the side panel page for a tab (the real side panel is not reachable from Playwright). */
export async function openPanel(h: Harness, tabId: number): Promise<Page> {
  const panel = await h.context.newPage();
  await panel.setViewportSize({ width: 320, height: 900 });
  await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${tabId}`);
  return panel;
}

/** Signs in through the sandbox's consent page, which launchWebAuthFlow opens as a new tab. */
export async function signIn(h: Harness, panel: Page, email: string): Promise<void> {
  const consent = h.context.waitForEvent('page', { timeout: 20_000 });
  await panel.getByRole('button', { name: /^Sign in/ }).click();
  const page = await consent;
  await page.waitForLoadState('domcontentloaded');
  await page.getByLabel('Google account').fill(email);
  await page.getByRole('button', { name: 'Allow' }).click();
  await panel.getByText(`Signed in as`).waitFor({ timeout: 20_000 });
}

/** The tab id the worker stored a page of `kind` under, for the page it read as the Google address `url`. */
export async function tabOf(h: Harness, url: string, kind: string): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const worker = h.context.serviceWorkers()[0] ?? (await h.context.waitForEvent('serviceworker'));
    const all = (await worker.evaluate(() => chrome.storage.session.get(null))) as Record<
      string,
      { tabId?: number; page?: { kind: string; url: string } }
    >;
    const found = Object.values(all).find((r) => r.page?.kind === kind && r.page.url === url);
    if (found?.tabId !== undefined) return found.tabId;
    if (Date.now() > deadline) throw new Error(`no ${kind} page stored for ${url}: ${JSON.stringify(all)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
