// The built Sidebar.html, run in happy-dom with a fake google.script.run: what a principal sees in a Doc
// and in a Sheet, the Set up and Build / refresh buttons, support, the IPOP checker as one types, and the
// clear messages when a server call fails.
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
type Server = Record<string, (...args: unknown[]) => Answer>;

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
      target[name] = (...args: unknown[]) => {
        calls.push(name);
        const result = answer(...args);
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
      getObservationForm: () => ({
        ok: {
          documentName: 'Visit 3 notes',
          hasForm: false,
          header: {},
          lookFors: [],
          lines: [],
          problems: [],
        },
      }),
    });
    await vi.waitFor(() => expect(page.text()).toContain('Visit 3 notes'));
    expect(page.window.document.querySelector('h1')?.textContent).toBe('This document');
    expect(page.text()).toContain('Set up network tracker');
    // A Doc without a form offers one button: the observation form (test/e2e/addon-sidebar-observation.test.ts).
    await vi.waitFor(() => expect(page.button('Insert observation form')).not.toBeNull());
    expect(page.window.document.querySelectorAll('button')).toHaveLength(1);
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

const upToDate: SidebarState = {
  kind: 'spreadsheet',
  tracker: {
    ...notSetUp,
    foundVersion: 1,
    tabsPresent: ['Schools'],
    tabsMissing: [],
    action: 'up-to-date',
    message: 'Up to date.',
  },
};

describe('the tracker, support and the IPOP checker in the sidebar', () => {
  it('Build / refresh reports what changed and lists the cells to look at', async () => {
    const page = await openSidebar({
      getSidebarState: () => ({ ok: upToDate }),
      refreshTrackerFromSidebar: () => ({
        ok: {
          report: 'Schools: worked out … for 30 schools (4 cells changed).',
          problems: ['Visits!E2: “last Tuesday” is not a date; this visit was left out of “Last visit”.'],
          flagged: [],
          tracker: upToDate.tracker,
        },
      }),
    });
    await vi.waitFor(() => expect(page.button('Build / refresh tracker')).not.toBeNull());
    page.button('Build / refresh tracker')?.click();
    await vi.waitFor(() => expect(page.text()).toContain('(4 cells changed)'));
    expect(page.text()).toContain('Visits!E2: “last Tuesday” is not a date');
  });

  it('lists principals not supported lately beside the support that fits, and sends a request as asked', async () => {
    const asked: unknown[][] = [];
    const page = await openSidebar({
      getSidebarState: () => ({ ok: upToDate }),
      getSupportLook: () => ({
        ok: {
          flagged: [
            {
              school: 'Alder K-8',
              principal: 'R. Diaz',
              flag: 'Not supported for 6 weeks',
              lastSupported: '2026-10-20',
              supportFits: 'Veteran — operations',
            },
          ],
          problems: [],
          supportWeeks: 3,
          schools: ['Alder K-8', 'Birch Elementary'],
        },
      }),
      askForSupportFromSidebar: (...args) => {
        asked.push(args);
        return { ok: 'Your request for support is in the Contacts tab (2026-12-04).' };
      },
    });
    await vi.waitFor(() => expect(page.button('Who needs support?')).not.toBeNull());
    page.button('Who needs support?')?.click();
    await vi.waitFor(() => expect(page.text()).toContain('R. Diaz (Alder K-8): Not supported for 6 weeks'));
    expect(page.text()).toContain('Fits: Veteran — operations');

    const select = page.window.document.querySelector('#ask-school') as unknown as HTMLSelectElement;
    select.value = 'Birch Elementary';
    select.dispatchEvent(new page.window.Event('change', { bubbles: true }) as unknown as Event);
    const note = page.window.document.querySelector('#ask-note') as unknown as HTMLTextAreaElement;
    note.value = 'Help with our benchmark data';
    note.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    // Preact applies state on its next render tick: let it render before the click reads the fields.
    await new Promise((resolve) => setTimeout(resolve, 20));
    page.button('Ask for support')?.click();
    await vi.waitFor(() => expect(page.text()).toContain('Your request for support is in the Contacts tab'));
    expect(asked).toEqual([['Birch Elementary', 'Help with our benchmark data']]);
  });

  it('checks the IPOP as it is typed: a topic is told to become a question, a question gets its ticks', async () => {
    const page = await openSidebar({ getSidebarState: () => ({ ok: upToDate }) });
    await vi.waitFor(() => expect(page.window.document.querySelector('#ipop-question')).not.toBeNull());
    const field = page.window.document.querySelector('#ipop-question') as unknown as HTMLTextAreaElement;
    const type = async (value: string) => {
      field.value = value;
      field.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
      await page.window.happyDOM.waitUntilComplete();
    };
    await type('Student talk');
    await vi.waitFor(() =>
      expect(page.text()).toContain('This names a topic; what question about student learning'),
    );
    await type('How do students explain their thinking about fractions?');
    await vi.waitFor(() => expect(page.text()).toContain('✓ Worded as a question'));
    expect(page.text()).toContain('✗ Grounded in data');
    expect(page.calls).toEqual(['getSidebarState']);
  });
});
