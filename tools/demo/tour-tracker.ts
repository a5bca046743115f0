// The tour's add-on steps, as the ILD meets them in the network spreadsheet: Build / refresh tracker from the
// Rounds sidebar, the Dashboard it drew, the IPOP checker's advice as a principal types, and who has not been
// supported lately beside the support that fits them. The real built add-on runs on the demo network's
// sandbox spreadsheet (tools/demo/addon.ts); each step says what it saw there.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { connect } from '../google/connect';
import { staticTokens } from '../google/node-transport';
import { buildAddon, openAddon, type Addon } from './addon';
import { readDashboard, renderDashboardPage } from './dashboard-page';
import { DRIVE_USERS } from './seed';
import type { StepRun, TourContext } from './tour-steps';
import { DEMO_TODAY } from './tracker-term';

/** An Apps Script sidebar is 300 px wide. */
const SIDEBAR_VIEWPORT = { width: 300, height: 900 };

export interface TrackerTour {
  addon: Addon;
  /** The sidebar, served in a 300 px page of the demo browser. */
  sidebar: Page;
}

const opened = new WeakMap<TourContext, TrackerTour>();

/**
 * The ILD's add-on on the network spreadsheet and its sidebar page, built and opened once per tour and shared
 * by every add-on step, other features' too: `const { addon, sidebar } = await trackerTour(t)`.
 */
export async function trackerTour(t: TourContext): Promise<TrackerTour> {
  const found = opened.get(t);
  if (found) return found;
  const addon = await openAddon({
    sandboxUrl: t.demo.sandbox.url,
    token: DRIVE_USERS.ild.token,
    spreadsheetId: t.demo.drive.spreadsheetId,
    codeDir: await buildAddon(join(t.demo.dir, 'apps-script')),
    today: DEMO_TODAY,
  });
  const sidebar = await t.browser.context.newPage();
  await sidebar.setViewportSize(SIDEBAR_VIEWPORT);
  await addon.openSidebar(sidebar);
  t.browser.context.once('close', () => addon.close());
  const tour = { addon, sidebar };
  opened.set(t, tour);
  return tour;
}

/** The IPOPs the principal types into the checker: a bare topic, then a question worth investigating. */
export const TOPIC_IPOP = 'Student discourse';
export const QUESTION_IPOP =
  'When our grade 6-8 students explain a solution in math, how often do they use a classmate’s idea as evidence? On our fall walkthroughs, 4 of 30 students did.';
export const QUESTION_THEORY =
  'If the principal coaches teams to plan partner talk, then teachers will ask students to build on each other’s reasoning, which will result in students explaining with evidence.';

async function criteria(sidebar: Page): Promise<{ passed: number; total: number; advice: string[] }> {
  const items = sidebar.locator('ul.criteria li');
  await items.first().waitFor({ timeout: 10_000 });
  const total = await items.count();
  const passed = await sidebar.locator('ul.criteria li.pass').count();
  const advice = await sidebar.locator('ul.criteria li.advice span').allInnerTexts();
  return { passed, total, advice: advice.map((a) => a.replace(/^ — /, '').trim()) };
}

export const TRACKER_STEPS: Array<[string, StepRun]> = [
  [
    'build / refresh the tracker with the add-on',
    async (t) => {
      const { sidebar } = await trackerTour(t);
      const button = sidebar.getByRole('button', { name: 'Build / refresh tracker' });
      await button.waitFor({ timeout: 15_000 });
      await t.shoot(sidebar, 'sidebar');
      await button.click();
      const report = (await sidebar.locator('p.report').first().textContent({ timeout: 30_000 })) ?? '';
      await t.shoot(sidebar, 'tracker-refreshed');
      // What Refresh said about the schools, the principals it flagged and the Dashboard it drew.
      const lines = report
        .split('\n')
        .filter((l) => /^(Schools:|Dashboard:|\d+ principals? not supported)/.test(l));
      if (!lines.length) throw new Error(`the sidebar's report did not say what Refresh did: “${report}”`);
      return lines.join(' ');
    },
  ],
  [
    'show the Dashboard drawn from the sandbox spreadsheet',
    async (t) => {
      const google = connect({
        origin: t.demo.sandbox.url,
        tokens: staticTokens(DRIVE_USERS.ild.token),
        sheetsLimit: null,
      });
      try {
        const view = await readDashboard(google.sheets, t.demo.drive.spreadsheetId, DEMO_TODAY);
        const page = await t.browser.context.newPage();
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.setContent(renderDashboardPage(view));
        await t.shoot(page, 'dashboard');
        await page.close();
        // The last two whole months before this one: a principal with nothing there has been left alone.
        const recent = view.support.months.slice(-3, -1);
        const alone = view.support.rows.filter((r) => r.counts.slice(-3, -1).every((n) => n === 0));
        return [
          `${view.charts.length} charts (${view.charts.map((c) => c.title).join(', ')})`,
          `support by month for ${view.support.rows.length} principals; none in ${recent.join(' or ')}: ${alone.map((r) => r.label).join(', ') || 'nobody'}`,
          `amber rows: ${
            view.schools
              .filter((s) => s.stale)
              .map((s) => s.school)
              .join(', ') || 'none'
          }`,
        ].join('; ');
      } finally {
        google.close();
      }
    },
  ],
  [
    'check an IPOP as it is typed in the sidebar',
    async (t) => {
      const { sidebar } = await trackerTour(t);
      const ipop = sidebar.getByLabel('Your IPOP, as you would write it');
      await ipop.fill(TOPIC_IPOP);
      const topic = await criteria(sidebar);
      await ipop.scrollIntoViewIfNeeded();
      await t.shoot(sidebar, 'ipop-topic');
      await ipop.fill(QUESTION_IPOP);
      await sidebar.getByLabel('Theory of action (optional)').fill(QUESTION_THEORY);
      const question = await criteria(sidebar);
      await t.shoot(sidebar, 'ipop-question');
      return `“${TOPIC_IPOP}”: ${topic.passed} of ${topic.total} (“${topic.advice[0] ?? ''}”); a question with a theory of action: ${question.passed} of ${question.total}${question.advice.length ? ` (still: “${question.advice[0]}”)` : ''}`;
    },
  ],
  [
    'see who needs support, beside the support that fits',
    async (t) => {
      const { sidebar } = await trackerTour(t);
      await sidebar.getByRole('button', { name: 'Who needs support?' }).click();
      const flags = sidebar.locator('ul.flags li');
      await flags.first().waitFor({ timeout: 30_000 });
      await flags.first().scrollIntoViewIfNeeded();
      await t.shoot(sidebar, 'support-flags');
      return (await flags.allInnerTexts()).map((f) => f.replace(/\s+/g, ' ').trim()).join(' | ');
    },
  ],
];
