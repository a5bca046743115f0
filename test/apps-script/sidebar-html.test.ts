// The built Sidebar.html, run in happy-dom with a fake google.script.run: what a principal sees in a Doc
// and in a Sheet, the Set up button, and the clear messages when a server call fails.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SidebarState, TrackerSetUpResult, TrackerStatus } from '../../apps-script/sidebar-contract';
import { buildAppsScript, inlineSafe } from '../../tools/build/apps-script';

let outDir = '';
let html = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'rounds-sidebar-'));
  await buildAppsScript({ outDir, production: true });
  html = await readFile(join(outDir, 'Sidebar.html'), 'utf8');
}, 60_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

type Answer = { ok: unknown } | { fail: unknown };
type Server = Record<string, () => Answer>;

/** google.script.run as HtmlService provides it: handlers chained first, the call answered later. */
function scriptRunner(server: Server, calls: string[]) {
  const runner = (
    onSuccess?: (v: unknown) => void,
    onFailure?: (e: unknown) => void,
  ): Record<string, unknown> => {
    const target: Record<string, unknown> = {
      withSuccessHandler: (f: (v: unknown) => void) => runner(f, onFailure),
      withFailureHandler: (f: (e: unknown) => void) => runner(onSuccess, f),
    };
    for (const [name, answer] of Object.entries(server))
      target[name] = () => {
        calls.push(name);
        const result = answer();
        setTimeout(() => ('ok' in result ? onSuccess?.(result.ok) : onFailure?.(result.fail)), 1);
      };
    return target;
  };
  return runner();
}

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

async function openSidebar(server: Server) {
  const window = new Window({
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  windows.push(window);
  const calls: string[] = [];
  Object.assign(window, { google: { script: { run: scriptRunner(server, calls) } } });
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  const text = () => window.document.querySelector('main')?.textContent ?? '';
  const button = (label: string) =>
    [...window.document.querySelectorAll('button')].find((b) => b.textContent === label) ?? null;
  return { window, calls, text, button };
}

const notSetUp: TrackerStatus = {
  spreadsheetName: 'North network 2025',
  foundVersion: null,
  currentVersion: 1,
  tabsPresent: [],
  tabsMissing: ['Schools', 'Cycles'],
  columnsMissing: [],
  action: 'set-up',
  message: 'Set up adds the tracker tabs to this spreadsheet.',
};
const inSheets: SidebarState = { kind: 'spreadsheet', tracker: notSetUp };

describe('the built sidebar page', () => {
  it('inlines its script and stylesheet, with nothing loaded from elsewhere', () => {
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]+src=|<link\b/);
    expect(html).toContain('<base target="_top">');
  });

  it('a "</script>" inside the code is escaped so it cannot end the script early, and still means the same', () => {
    const escaped = inlineSafe('var closing = "</script>" + `</SCRIPT>`;', 'script');
    expect(escaped).not.toMatch(/<\/script/i);
    expect(vm.runInNewContext(`${escaped} closing`)).toBe('</script></SCRIPT>');
  });
});

describe('the sidebar in a Doc', () => {
  it("shows the document's name and what Rounds does with documents", async () => {
    const page = await openSidebar({
      getSidebarState: () => ({ ok: { kind: 'document', documentName: 'Visit 3 notes' } }),
    });
    await vi.waitFor(() => expect(page.text()).toContain('Visit 3 notes'));
    expect(page.window.document.querySelector('h1')?.textContent).toBe('This document');
    expect(page.text()).toContain('Set up network tracker');
    expect(page.window.document.querySelectorAll('button')).toHaveLength(0);
  });
});

describe('the sidebar in a Sheet', () => {
  it('shows the tracker status and a real button that sets it up and reports what changed', async () => {
    const done: TrackerSetUpResult = {
      report: 'Added tabs: Schools, Cycles. Tracker set up at schema version 1.',
      tracker: {
        ...notSetUp,
        foundVersion: 1,
        tabsPresent: ['Schools', 'Cycles'],
        tabsMissing: [],
        action: 'up-to-date',
        message: 'Up to date.',
      },
    };
    const page = await openSidebar({
      getSidebarState: () => ({ ok: inSheets }),
      setUpTrackerFromSidebar: () => ({ ok: done }),
    });
    await vi.waitFor(() => expect(page.button('Set up network tracker')).not.toBeNull());
    expect(page.text()).toContain('North network 2025');
    expect(page.text()).toContain('not set up yet');
    expect(page.text()).toContain('Schools, Cycles');

    page.button('Set up network tracker')?.click();

    await vi.waitFor(() =>
      expect(page.window.document.querySelector('[role="status"]')?.textContent).toBe(done.report),
    );
    expect(page.calls).toEqual(['getSidebarState', 'setUpTrackerFromSidebar']);
    expect(page.button('Set up network tracker')).toBeNull();
    expect(page.text()).toContain('Up to date.');
  });

  it('a failed set-up shows the server’s message and lets the person try again', async () => {
    const page = await openSidebar({
      getSidebarState: () => ({ ok: inSheets }),
      setUpTrackerFromSidebar: () => ({
        fail: new Error('Someone else is changing this tracker right now.'),
      }),
    });
    await vi.waitFor(() => expect(page.button('Set up network tracker')).not.toBeNull());
    page.button('Set up network tracker')?.click();

    await vi.waitFor(() =>
      expect(page.window.document.querySelector('[role="alert"]')?.textContent).toBe(
        'Someone else is changing this tracker right now.',
      ),
    );
    expect(page.button('Set up network tracker')?.disabled).toBe(false);
  });

  it('when the sidebar cannot read the file, it says so and offers Try again', async () => {
    let attempts = 0;
    const page = await openSidebar({
      getSidebarState: () =>
        ++attempts === 1 ? { fail: 'Exception: Service Spreadsheets timed out' } : { ok: inSheets },
    });
    await vi.waitFor(() =>
      expect(page.window.document.querySelector('[role="alert"]')?.textContent).toContain('timed out'),
    );

    page.button('Try again')?.click();

    await vi.waitFor(() => expect(page.text()).toContain('North network 2025'));
    expect(attempts).toBe(2);
  });
});
