// The add-on sidebar's observation views, the built Sidebar.html in real headless Chromium with a fake
// google.script.run: a Doc's form with lint flags (judging words marked, the facilitator's question, a name
// and a room flagged), a tag that waits while Google cannot be reached and goes through on retry, and the
// network spreadsheet's collected debrief with its patterns board and calibration. Screenshots of both, and
// an axe-core scan of each with no serious or critical violation.
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectResult, ObservationFormState, VisitsLook } from '../../apps-script/observation/contract';
import { calibrate } from '../../shared/evidence/calibration';
import { buildAppsScript } from '../../tools/build/apps-script';
import { CHROMIUM } from '../../tools/demo/browser';
import { seriousViolations } from './axe';
import { requireChromium, SKIP_E2E } from './chromium';

const PAGE_URL = 'https://addon.rounds.test/Sidebar.html';
const SHOTS = process.env.ROUNDS_SHOTS ?? join(import.meta.dirname, '../../out/e2e');

const lookFors = [
  { code: 'cite', prompt: 'How do students use evidence from the text?' },
  { code: 'talk', prompt: 'Who talks, and about what?' },
];
const line = (index: number, text: string, codes: string[], classroom = 'A') => ({
  index,
  text,
  classroom,
  codes,
  source: codes.length ? ('section' as const) : null,
  reflection: null,
});
export const FORM: ObservationFormState = {
  documentName: 'Visit 3 — RD',
  hasForm: true,
  header: {
    network: 'Cedar Valley',
    school: 'Maple Grove K-8',
    visit: '3',
    date: '2026-11-18',
    observer: 'RD',
  },
  lookFors,
  lines: [
    line(0, 'S2 said "on page 4 it says the dam flooded the valley"', ['cite']),
    line(1, 'The lesson was rigorous and students were clearly engaged', ['cite'], 'B'),
    line(2, 'Ms. Lopez read the question aloud in Room 214', ['talk'], 'B'),
    line(3, 'Students seemed confused by the exit ticket', [], ''),
  ],
  problems: [],
};
const TAGGED = {
  code: 'talk',
  text: 'seemed confused by the exit ticket',
  form: {
    ...FORM,
    lines: FORM.lines.map((l) => (l.index === 3 ? { ...l, codes: ['talk'], source: 'named' } : l)),
  },
};
const VISITS: VisitsLook = {
  problems: [],
  visits: [
    {
      number: '3',
      hostSchool: 'Maple Grove K-8',
      date: '2026-11-18',
      hasFolder: true,
      ratingScale: true,
      lookFors: [
        ...lookFors,
        ...['tasks', 'feedback', 'groups', 'vocab'].map((code) => ({ code, prompt: `About ${code}` })),
      ],
      warnings: [
        'This protocol has 6 look-fors. Focus is the point of a walkthrough: ask the host to choose the 5 (or fewer) closest to the problem of practice.',
      ],
    },
  ],
};
const RATINGS = [
  { classroom: 'A', lookFor: 'cite', observer: 'RD', rating: 3 },
  { classroom: 'A', lookFor: 'cite', observer: 'KM', rating: 3 },
  { classroom: 'A', lookFor: 'cite', observer: 'JT', rating: 2 },
  { classroom: 'B', lookFor: 'cite', observer: 'RD', rating: 1 },
  { classroom: 'B', lookFor: 'cite', observer: 'JT', rating: 3 },
];
const COLLECTED: CollectResult = {
  report:
    'Visit 3 at Maple Grove K-8: collected 3 observer Docs of 3 in its folder (observers RD, KM, JT). Debrief tab: 19 rows.',
  problems: [
    '“Visit 3 — JT”, line 2: "Ms. Lopez" names a person: rounds are not evaluation and notes name no one.',
  ],
  patterns: [
    { code: 'cite', prompt: lookFors[0]!.prompt, classrooms: 3, of: 3, observers: 3, consensus: 'most' },
    { code: 'talk', prompt: lookFors[1]!.prompt, classrooms: 2, of: 3, observers: 2, consensus: 'many' },
  ],
  nextLevel: ['Teach students to point to the line they use'],
  ratings: RATINGS,
  observers: ['RD', 'KM', 'JT'],
  calibration: calibrate(RATINGS),
};

type Answer = { ok: unknown } | { fail: string };

let outDir = '';
let html = '';
let browser: Browser;

beforeAll(async () => {
  if (SKIP_E2E) return;
  requireChromium();
  mkdirSync(SHOTS, { recursive: true });
  outDir = await mkdtemp(join(tmpdir(), 'rounds-sidebar-observation-'));
  await buildAppsScript({ outDir, production: true });
  html = await readFile(join(outDir, 'Sidebar.html'), 'utf8');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** The sidebar at Google's 300 px with a fake server: each function answers from its list, the last one repeated. */
async function openSidebar(server: Record<string, Answer[]>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await page.route('**/*', (route) =>
    route.request().url() === PAGE_URL
      ? route.fulfill({ contentType: 'text/html', body: html })
      : route.abort(),
  );
  await page.addInitScript((server) => {
    const w = window as unknown as Record<string, unknown>;
    const calls: string[] = [];
    w.__calls = calls;
    const runner = (ok?: (v: unknown) => void, fail?: (e: unknown) => void): Record<string, unknown> => {
      const target: Record<string, unknown> = {
        withSuccessHandler: (f: (v: unknown) => void) => runner(f, fail),
        withFailureHandler: (f: (e: unknown) => void) => runner(ok, f),
      };
      for (const [name, answers] of Object.entries(server))
        target[name] = () => {
          calls.push(name);
          const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
          setTimeout(() => ('ok' in answer ? ok?.(answer.ok) : fail?.({ message: answer.fail })), 5);
        };
      return target;
    };
    w.google = { script: { run: runner() } };
  }, server);
  await page.goto(PAGE_URL);
  return page;
}

describe.skipIf(SKIP_E2E)('the sidebar’s observation views (built Sidebar.html)', () => {
  it('in a Doc: lints each line, marks judging words with the facilitator’s question, flags a name and a room', async () => {
    const page = await openSidebar({
      getSidebarState: [{ ok: { kind: 'document', documentName: FORM.documentName } }],
      getObservationForm: [{ ok: FORM }],
      tagSelectionFromSidebar: [{ fail: 'NetworkError: Connection failure due to HTTP 0' }, { ok: TAGGED }],
    });
    await page.getByRole('heading', { name: 'Observation notes' }).waitFor();
    await page.getByText('Evidence lines (4)').waitFor();

    const marks = await page
      .locator('mark.judging')
      .evaluateAll((ms) => ms.map((m) => [m.textContent, m.getAttribute('title')]));
    expect(marks).toContainEqual(['rigorous', "What did you see or hear that makes you say 'rigorous'?"]);
    expect(await page.locator('mark.identity').allTextContents()).toEqual(
      expect.arrayContaining(['Ms. Lopez', 'Room 214']),
    );
    const kinds = await page.locator('.evidence .kind').allTextContents();
    expect(kinds[0]).toBe('Descriptive');
    expect(kinds[1]).toBe('Evaluative');
    // The observer's words are shown as written.
    expect(await page.locator('.line-text').nth(1).textContent()).toBe(FORM.lines[1]!.text);
    await expect.poll(() => page.getByText('Not tagged yet (1)').count()).toBe(1);

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'addon-sidebar-observation.png'), fullPage: true });

    // Tagging while Google cannot be reached: the tag waits in the sidebar, then goes through on retry.
    await page.getByRole('button', { name: '#talk' }).click();
    await page
      .getByRole('alert')
      .getByText(/Rounds could not reach Google.*1 tag waiting/)
      .waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('Tagged “seemed confused by the exit ticket” as #talk.').waitFor();
    await expect.poll(() => page.getByText('Not tagged yet (0)').count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __calls: string[] }).__calls)).toEqual(
      expect.arrayContaining(['getObservationForm', 'tagSelectionFromSidebar', 'tagSelectionFromSidebar']),
    );
    await page.close();
  });

  it('in the network spreadsheet: warns at six look-fors, collects a visit, shows the patterns board and calibration', async () => {
    const page = await openSidebar({
      getSidebarState: [
        {
          ok: {
            kind: 'spreadsheet',
            tracker: {
              spreadsheetName: 'Cedar Valley Network tracker',
              foundVersion: 1,
              currentVersion: 1,
              tabsPresent: ['Schools'],
              tabsMissing: [],
              columnsMissing: [],
              action: 'up-to-date',
              message: 'Up to date.',
            },
          },
        },
      ],
      getVisitsLook: [{ ok: VISITS }],
      collectVisitFromSidebar: [{ ok: COLLECTED }],
    });
    await page.getByRole('button', { name: 'Show visits' }).click();
    await page.getByText(/This protocol has 6 look-fors/).waitFor();
    await page.getByRole('button', { name: 'Collect visit 3' }).click();
    await page.getByRole('table', { name: 'Patterns board' }).waitFor();
    expect(await page.locator('.patterns td.consensus').allTextContents()).toEqual(['most', 'many']);
    expect(
      await page.getByRole('table', { name: 'Agreement per classroom' }).locator('tbody tr').count(),
    ).toBe(2);
    await page.getByText('Classroom B, #cite: RD 1, JT 3').waitFor();
    await page.locator('article.visit').scrollIntoViewIfNeeded();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'addon-sidebar-debrief.png'), fullPage: true });
    await page.close();
  });
});
