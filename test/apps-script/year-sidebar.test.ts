// The built Sidebar.html's year views in happy-dom with a fake google.script.run: the driver diagram drawn
// as a nested list, the agenda's warnings recomputed as the ILD edits a block's minutes, and the minutes
// saved to the meeting's row.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SidebarState } from '../../apps-script/sidebar-contract';
import { lookAtImprovement } from '../../apps-script/year/improvement';
import { lookAtMeetings } from '../../apps-script/year/meetings';
import { buildAppsScript } from '../../tools/build/apps-script';
import { yearDeps, yearSpreadsheet } from './year-network';

let outDir = '';
let html = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'rounds-year-sidebar-'));
  await buildAppsScript({ outDir, production: true });
  html = await readFile(join(outDir, 'Sidebar.html'), 'utf8');
}, 60_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()));
});

const ready: SidebarState = {
  kind: 'spreadsheet',
  tracker: {
    spreadsheetName: 'Cedar Valley network',
    foundVersion: 1,
    currentVersion: 1,
    tabsPresent: ['Schools'],
    tabsMissing: [],
    columnsMissing: [],
    action: 'up-to-date',
    message: 'The tracker is up to date.',
  },
};

/** The sidebar with a server whose answers come from the real commands over a fake spreadsheet. */
async function openSidebar(server: Record<string, (...args: unknown[]) => unknown>) {
  const window = new Window({
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  windows.push(window);
  const calls: { name: string; args: unknown[] }[] = [];
  const runner = (ok?: (v: unknown) => void): Record<string, unknown> => {
    const target: Record<string, unknown> = {
      withSuccessHandler: (f: (v: unknown) => void) => runner(f),
      withFailureHandler: () => runner(ok),
    };
    for (const [name, answer] of Object.entries(server))
      target[name] = (...args: unknown[]) => {
        calls.push({ name, args });
        const value = JSON.parse(JSON.stringify(answer(...args) ?? null));
        setTimeout(() => ok?.(value), 1);
      };
    return target;
  };
  Object.assign(window, { google: { script: { run: runner() } } });
  window.document.write(html);
  await window.happyDOM.waitUntilComplete();
  const doc = window.document;
  const button = (label: string) => [...doc.querySelectorAll('button')].find((b) => b.textContent === label);
  return { window, doc, calls, button };
}

describe('the year in the sidebar', () => {
  it('draws the driver diagram as a nested list: aim, drivers, change ideas', async () => {
    const spreadsheet = yearSpreadsheet({
      drivers: [
        { kind: 'Aim', statement: 'Every student backs a claim with evidence' },
        {
          kind: 'Primary driver',
          statement: 'Tasks that ask for evidence',
          leadsTo: 'Every student backs a claim with evidence',
        },
        {
          kind: 'Change idea',
          statement: 'Evidence sentence frames',
          leadsTo: 'Tasks that ask for evidence',
        },
      ],
    });
    const page = await openSidebar({
      getSidebarState: () => ready,
      getImprovementLook: () => lookAtImprovement(yearDeps(spreadsheet)),
    });
    await vi.waitFor(() => expect(page.button('Driver diagram and tests of change')).toBeDefined());
    page.button('Driver diagram and tests of change')!.click();
    await vi.waitFor(() => expect(page.doc.querySelector('ul.driver-diagram')).not.toBeNull());

    const aim = page.doc.querySelector('ul.driver-diagram > li.driver-aim')!;
    expect(aim.querySelector(':scope > .driver-kind')?.textContent).toBe('Aim');
    const primary = aim.querySelector(':scope > ul > li.driver-primary')!;
    expect(primary.textContent).toContain('Tasks that ask for evidence');
    expect(primary.querySelector(':scope > ul > li.driver-change-idea')?.textContent).toContain(
      'Evidence sentence frames',
    );
  });

  it('recomputes the agenda’s warnings as the ILD edits a block, and saves the minutes to the row', async () => {
    const spreadsheet = yearSpreadsheet({
      schools: [{ name: 'Maple Grove K-8' }, { name: 'Harborview K-8' }],
      meetings: [{ date: '2027-03-09', host: 'Maple Grove K-8' }],
    });
    const page = await openSidebar({
      getSidebarState: () => ready,
      getMeetingsLook: () => lookAtMeetings(yearDeps(spreadsheet, '2027-01-05')),
      saveAgendaMinutesFromSidebar: () => 'Saved the agenda’s minutes in row 2 of Meetings.',
    });
    await vi.waitFor(() => expect(page.button('Plan the next meeting')).toBeDefined());
    page.button('Plan the next meeting')!.click();
    await vi.waitFor(() => expect(page.doc.querySelector('#block-operations')).not.toBeNull());
    expect(page.doc.querySelector('ul.warnings')).toBeNull();

    const operations = page.doc.querySelector('#block-operations') as unknown as HTMLInputElement;
    operations.value = '40';
    operations.dispatchEvent(new page.window.Event('input', { bubbles: true }) as unknown as Event);
    await vi.waitFor(() =>
      expect(page.doc.querySelector('ul.warnings')?.textContent).toContain(
        'Operations and compliance is 40 minutes, past its 15',
      ),
    );
    page.button('Save minutes')!.click();
    await vi.waitFor(() => expect(page.calls.map((c) => c.name)).toContain('saveAgendaMinutesFromSidebar'));
    const saved = page.calls.find((c) => c.name === 'saveAgendaMinutesFromSidebar')!;
    expect(saved.args).toEqual([2, { warmUp: 30, walkThrough: 90, session: 90, operations: 40 }]);
  });
});
