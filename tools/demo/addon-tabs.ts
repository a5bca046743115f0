// The add-on for a person exploring the demo (`npm start` with a window): two tabs beside the stand-in
// Gmail — the Rounds sidebar as the ILD has it on the network spreadsheet, and the Dashboard drawn from the
// sandbox spreadsheet, read again at each reload so it shows what the last Build / refresh tracker wrote.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { connect } from '../google/connect';
import { staticTokens } from '../google/node-transport';
import { buildAddon, openAddon, type Addon } from './addon';
import { readDashboard, renderDashboardPage } from './dashboard-page';
import { DRIVE_USERS, type DemoStore } from './seed';
import { DEMO_TODAY } from './tracker-term';

const DASHBOARD_PAGE = 'https://rounds-demo-dashboard.googleusercontent.com/';

export interface AddonTabs {
  addon: Addon;
  /** What to tell the person about the two tabs. */
  lines: string[];
}

/** Opens the two tabs, then brings `front` (the stand-in Gmail) back in front of them. */
export async function openAddonTabs(
  demo: DemoStore,
  context: BrowserContext,
  front?: Page,
): Promise<AddonTabs> {
  const addon = await openAddon({
    sandboxUrl: demo.sandbox.url,
    token: DRIVE_USERS.ild.token,
    spreadsheetId: demo.drive.spreadsheetId,
    codeDir: await buildAddon(join(demo.dir, 'apps-script')),
    today: DEMO_TODAY,
  });
  const sidebar = await context.newPage();
  await addon.openSidebar(sidebar);
  const dashboard = await context.newPage();
  await dashboard.route(DASHBOARD_PAGE, async (route) => {
    const google = connect({
      origin: demo.sandbox.url,
      tokens: staticTokens(DRIVE_USERS.ild.token),
      sheetsLimit: null,
    });
    try {
      const view = await readDashboard(google.sheets, demo.drive.spreadsheetId, DEMO_TODAY);
      await route.fulfill({ contentType: 'text/html; charset=utf-8', body: renderDashboardPage(view) });
    } catch (error) {
      // Before the first Build / refresh tracker there is no Dashboard to draw: say so on the page.
      await route.fulfill({
        contentType: 'text/plain; charset=utf-8',
        body: `${error instanceof Error ? error.message : String(error)}\nClick Build / refresh tracker in the Rounds sidebar tab, then reload this page.\n`,
      });
    } finally {
      google.close();
    }
  });
  await dashboard.goto(DASHBOARD_PAGE);
  await front?.bringToFront();
  context.once('close', () => addon.close());
  return {
    addon,
    lines: [
      `The add-on, as the ILD (${DRIVE_USERS.ild.user}) has it on the network spreadsheet, runs on the sandbox too:`,
      '  the tab titled "Rounds" is its sidebar (Build / refresh tracker, who needs support, the IPOP checker);',
      `  the "… Dashboard" tab draws the spreadsheet's Dashboard (reload it after a refresh). The add-on's day is ${DEMO_TODAY}.`,
    ],
  };
}
