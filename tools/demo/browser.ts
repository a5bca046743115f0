// Launches Debian's Chromium with the demo's build of the extension, and routes Gmail and Docs to the
// sandbox's demo pages, so the extension meets mail.google.com and docs.google.com addresses it knows.
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { originalForUrl } from '../sandbox/gmail-original';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * The flags Rounds starts Chromium with, the extension loaded: no first-run screens, and none of Chromium's
 * background connections, which this closed network refuses many at a time (see the architecture note).
 * The demo, the end-to-end tests and the panel bench all launch with these.
 */
export function chromiumArgs(extensionDir: string, headless: boolean): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    ...(headless ? ['--no-sandbox', '--disable-gpu'] : []),
  ];
}

export interface DemoBrowser {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

export interface DemoBrowserOptions {
  extensionDir: string;
  profileDir: string;
  sandboxUrl: string;
  headless: boolean;
  /** The demo's fixtures folder: Gmail's "show original" addresses are answered from its raw messages. */
  fixturesDir: string;
}

/** Where a Google address is served from in the sandbox, or null when the demo has no page for it. */
export function sandboxAddressFor(url: URL, sandboxUrl: string): string | null {
  if (url.hostname === 'mail.google.com' && url.pathname.startsWith('/mail/'))
    return `${sandboxUrl}/__fixtures/mail/`;
  const doc = /^\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)(?:\/|$)/.exec(url.pathname);
  if (url.hostname === 'docs.google.com' && doc)
    return `${sandboxUrl}/__fixtures/docs/document/d/${doc[1]}/edit`;
  return null;
}

async function serve(route: Route, options: DemoBrowserOptions, offline: boolean): Promise<void> {
  const url = new URL(route.request().url());
  if (url.protocol === 'chrome-extension:' || url.origin === options.sandboxUrl) return route.continue();
  if (url.hostname === 'mail.google.com' || url.hostname === 'docs.google.com') {
    // The same "show original" answers the sandbox gives on its own pages (tools/sandbox/gmail-original.ts).
    const original =
      url.hostname === 'mail.google.com' ? originalForUrl(options.fixturesDir, url) : undefined;
    if (original) return route.fulfill(original);
    const from = sandboxAddressFor(url, options.sandboxUrl);
    if (!from)
      return route.fulfill({
        status: 404,
        contentType: 'text/plain',
        body: `The demo has no page for ${url.href}\n`,
      });
    const response = await fetch(from);
    return route.fulfill({
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'text/html',
      body: Buffer.from(await response.arrayBuffer()),
    });
  }
  // The scripted tour stays offline; a person exploring the demo may browse as they like.
  return offline ? route.abort() : route.continue();
}

/** Where the demo network is: its mail's Date headers carry -0800/-0700. */
export const DEMO_TIME_ZONE = 'America/Los_Angeles';

export async function launchDemoBrowser(options: DemoBrowserOptions): Promise<DemoBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`the demo needs Debian's Chromium at ${CHROMIUM} (sudo apt-get install -y chromium)`);
  }
  const context = await chromium.launchPersistentContext(options.profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless,
    viewport: options.headless ? { width: 1280, height: 860 } : null,
    args: chromiumArgs(options.extensionDir, options.headless),
    // The demo network's mail is dated in Pacific time and its Gmail pages show Pacific times: the browser
    // (pages and the extension's worker alike) reads the clock the same way, so every date agrees.
    env: { ...process.env, TZ: DEMO_TIME_ZONE },
  });
  await context.route('**/*', (route) => serve(route, options, options.headless));
  const worker = async (): Promise<Worker> => {
    const found = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return found ?? context.waitForEvent('serviceworker', { timeout: 30_000 });
  };
  const first = await worker();
  return {
    context,
    extensionId: new URL(first.url()).host,
    worker,
    close: () => context.close(),
  };
}

/** A new tab at `url`, waiting for its page to load (the routes answer at once). */
export async function openTab(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}
