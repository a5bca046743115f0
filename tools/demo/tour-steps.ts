// The steps of the headless tour, in the order a principal meets them: the inbox, an email read and
// triaged, sign-in, joining the network, adopting its folders, filing one email, bulk-filing five, filing
// a Doc. Each step drives the panel by the names a person sees (buttons, labels); a step whose first
// control this build does not show is "not in this build yet", and anything after that must work.
import type { Locator, Page } from 'playwright-core';
import type { DemoBrowser } from './browser';
import { TOUR_BULK, TOUR_FIRST } from './mail';
import { DEMO_USER } from './network';
import { joinLinks, type DemoStore } from './seed';
import { OBSERVATION_STEPS } from './tour-observation';
import { TRACKER_STEPS } from './tour-tracker';
import { YEAR_STEPS } from './tour-year';
import { MANDATE_STEPS } from './tour-mandates';

/** Thrown by a step whose feature this build of Rounds does not have yet; the tour carries on. */
export class NotYet extends Error {}

/** What the steps share: the demo, the browser, the pages opened so far, and the tour's helpers. */
export interface TourContext {
  demo: DemoStore;
  browser: DemoBrowser;
  gmail?: Page;
  gmailTab?: number;
  /** The extension's panel for the Gmail tab, opened as a page (the real side panel is not scriptable). */
  panel?: Page;
  docPanel?: Page;
  /** Saves a screenshot of `page` for the current step, returning its path. */
  shoot(page: Page, label: string): Promise<string>;
  panelFor(tabId: number): Promise<Page>;
  /** Waits until the extension has read the tab showing `url` as `kind`; returns the tab's id. */
  tabReading(url: string, kind: string): Promise<number>;
  /** The principal picks this file for Rounds in Google's Picker (the sandbox's stand-in for it). */
  pick(fileId: string): Promise<void>;
  /** How many files Rounds has filed in the store so far (folders it made not counted). */
  filedCount(): number;
}

export const GMAIL = 'https://mail.google.com/mail/u/0/';

/** How long a step waits for its first control before saying this build does not have it (generous: CI's
 * two cores are shared with the rest of the suite). */
const ENTRY_MS = 15_000;

async function present(locator: Locator, ms = ENTRY_MS): Promise<boolean> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: ms });
    return true;
  } catch {
    return false;
  }
}

/** The filing form: cycle 2's step 4, for Maple Grove when `school` is set (when the form offers them). */
async function chooseStep4(panel: Page, school: boolean): Promise<void> {
  const step = panel.locator('select#step');
  if (await step.count()) await step.first().selectOption('4');
  const schools = panel.locator('select#school');
  if (school && (await schools.count())) await schools.first().selectOption('maple-grove');
}

const filedOrAlready = (panel: Page) => panel.locator('p.filed');

/** What a filing step saw in the panel, and what it changed in Drive (nothing, on a second run). */
function filedDetail(line: string | null | undefined, before: number, t: TourContext): string {
  const added = t.filedCount() - before;
  return `${(line ?? '').trim()} (${added} new ${added === 1 ? 'file' : 'files'} in Drive)`;
}

const findOrConfirm = (panel: Page) =>
  panel
    .getByRole('button', { name: 'Find my folders' })
    .or(panel.getByRole('button', { name: 'Confirm and create what is missing' }));

export type StepRun = (t: TourContext) => Promise<string | undefined>;

export const STEPS: Array<[string, StepRun]> = [
  [
    'open the inbox',
    async (t) => {
      const gmail = await t.browser.context.newPage();
      t.gmail = gmail;
      await gmail.goto(`${GMAIL}#inbox`);
      t.gmailTab = await t.tabReading(`${GMAIL}#inbox`, 'gmail-list');
      t.panel = await t.panelFor(t.gmailTab);
      await t.shoot(gmail, 'inbox');
      return `${await gmail.locator('tr.zA').count()} conversations in the list`;
    },
  ],
  [
    'open an email: the panel reads and triages it',
    async (t) => {
      const thread = t.demo.threads.find((th) => th.key === TOUR_FIRST)!;
      const url = `${GMAIL}#inbox/${thread.token}`;
      await t.gmail!.goto(url);
      await t.tabReading(url, 'gmail-thread');
      await t.shoot(t.gmail!, 'email');
      const panel = t.panel!;
      await panel.getByRole('heading', { name: thread.subject }).waitFor({ timeout: 15_000 });
      const tier = await panel
        .getByRole('region', { name: 'Triage' })
        .locator('.tier')
        .textContent({ timeout: 15_000 });
      await t.shoot(panel, 'panel-email');
      const attachments = thread.messages[0]!.email.attachments?.length ?? 0;
      return `"${thread.subject}": ${attachments} attachments read, triaged as ${tier}`;
    },
  ],
  [
    'sign in',
    async (t) => {
      const panel = t.panel!;
      const button = panel.getByRole('button', { name: /^Sign in/ });
      if (!(await present(button))) throw new NotYet('the panel has no sign-in yet');
      // launchWebAuthFlow opens the sandbox's stand-in Google consent page as a tab.
      const consentOpened = t.browser.context.waitForEvent('page', { timeout: 20_000 });
      await button.first().click();
      const consent = await consentOpened;
      await consent.waitForLoadState('domcontentloaded');
      await consent.getByLabel('Google account').fill(DEMO_USER.email);
      await t.shoot(consent, 'consent');
      await consent.getByRole('button', { name: 'Allow' }).click();
      await panel.getByText('Signed in as').waitFor({ timeout: 20_000 });
      await t.shoot(panel, 'signed-in');
      return `signed in as ${DEMO_USER.email} on the sandbox's stand-in consent page (drive.file + openid email)`;
    },
  ],
  [
    'join the network',
    async (t) => {
      const panel = t.panel!;
      const sheetLink = panel.getByLabel('Link to the network spreadsheet');
      if (!(await present(sheetLink))) throw new NotYet('the panel cannot join a network yet');
      // What the Google Picker does when the member chooses the two files: the sandbox's stand-in for it.
      for (const fileId of [t.demo.drive.rootFolderId, t.demo.drive.spreadsheetId]) await t.pick(fileId);
      const links = joinLinks(t.demo);
      await sheetLink.fill(links.spreadsheet);
      await panel.getByLabel("Link to the network's folder").fill(links.folder);
      await panel.getByRole('button', { name: 'Join' }).click();
      // Joined: the panel either offers to look for the folders or has already proposed them.
      await findOrConfirm(panel).first().waitFor({ timeout: 30_000 });
      await t.shoot(panel, 'joined');
      return 'the network folder and spreadsheet picked (stand-in Picker), joined';
    },
  ],
  [
    'adopt the existing folders',
    async (t) => {
      const panel = t.panel!;
      if (!(await present(findOrConfirm(panel))))
        throw new NotYet('the panel cannot map existing folders yet');
      const find = panel.getByRole('button', { name: 'Find my folders' });
      // The panel may propose the folders on its own as the network's tables arrive, taking this button
      // away mid-click: then the proposal below is what the click would have brought.
      if (await find.count()) await find.click({ timeout: 5_000 }).catch(() => undefined);
      const confirm = panel.getByRole('button', { name: 'Confirm and create what is missing' });
      await confirm.waitFor({ timeout: 30_000 });
      const summary =
        (await panel
          .getByRole('heading', { name: 'Your folders' })
          .locator('xpath=following-sibling::p[1]')
          .textContent()) ?? '';
      await t.shoot(panel, 'folders-proposed');
      await confirm.click();
      await confirm.waitFor({ state: 'detached', timeout: 60_000 });
      await t.shoot(panel, 'folders-adopted');
      return summary.trim();
    },
  ],
  [
    'file the email',
    async (t) => {
      const panel = t.panel!;
      const button = panel.getByRole('button', { name: 'File this email' });
      if (!(await present(button.or(filedOrAlready(panel)), 15_000)))
        throw new NotYet('the panel cannot file an email yet');
      const before = t.filedCount();
      if (await filedOrAlready(panel).count()) {
        await t.shoot(panel, 'email-already-filed');
        return `already filed: ${filedDetail(await filedOrAlready(panel).first().innerText(), before, t)}`;
      }
      await chooseStep4(panel, true);
      await t.shoot(panel, 'email-choose');
      await button.click();
      await filedOrAlready(panel).first().waitFor({ timeout: 60_000 });
      await t.shoot(panel, 'email-filed');
      return filedDetail(await filedOrAlready(panel).first().innerText(), before, t);
    },
  ],
  [
    'bulk-file five emails',
    async (t) => {
      const gmail = t.gmail!;
      await gmail.goto(`${GMAIL}#inbox`);
      await t.tabReading(`${GMAIL}#inbox`, 'gmail-list');
      const panel = t.panel!;
      if (!(await present(panel.getByRole('heading', { name: 'File from this list' }))))
        throw new NotYet('the panel cannot file from the Gmail list yet');
      for (const key of TOUR_BULK) {
        const thread = t.demo.threads.find((th) => th.key === key)!;
        await gmail.locator(`tr.zA[data-token="${thread.token}"] [role=checkbox]`).click();
      }
      await t.shoot(gmail, 'inbox-ticked');
      await chooseStep4(panel, false);
      const before = t.filedCount();
      await panel.getByRole('button', { name: 'Queue these for filing' }).click();
      // The queue may still show the earlier single filing ("1 filed, 0 waiting") for a moment: wait for
      // a summary that counts at least the conversations just queued.
      const done = panel.getByText(/\d+ filed, 0 waiting, 0 not filed\./);
      const deadline = Date.now() + 120_000;
      for (;;) {
        const text = (await done.count()) ? await done.first().textContent() : null;
        if (Number(/^(\d+)/.exec(text ?? '')?.[1] ?? 0) >= TOUR_BULK.length) break;
        if (Date.now() > deadline)
          throw new Error(`the queue did not finish the ${TOUR_BULK.length} within 2 min`);
        await panel.waitForTimeout(250);
      }
      await t.shoot(panel, 'bulk-filed');
      return filedDetail(await done.first().textContent(), before, t);
    },
  ],
  [
    'open a Doc: the panel reads it',
    async (t) => {
      const doc = t.demo.drive.docs.walkthrough;
      const url = `https://docs.google.com/document/d/${doc.id}/edit`;
      const page = await t.browser.context.newPage();
      await page.goto(url);
      t.docPanel = await t.panelFor(await t.tabReading(url, 'doc'));
      await t.shoot(page, 'doc');
      await t.docPanel.getByRole('heading', { name: doc.name }).waitFor({ timeout: 15_000 });
      await t.shoot(t.docPanel, 'panel-doc');
      return `"${doc.name}" (Drive id ${doc.id})`;
    },
  ],
  [
    'file the Doc',
    async (t) => {
      const panel = t.docPanel!;
      const button = panel.getByRole('button', { name: 'File this Doc' });
      if (!(await present(button))) throw new NotYet('the panel cannot file a Doc yet');
      await chooseStep4(panel, true);
      const before = t.filedCount();
      await button.click();
      await filedOrAlready(panel).first().waitFor({ timeout: 60_000 });
      await t.shoot(panel, 'doc-filed');
      return filedDetail(await filedOrAlready(panel).first().innerText(), before, t);
    },
  ],
  ...MANDATE_STEPS,
  ...TRACKER_STEPS,
  ...YEAR_STEPS,
  ...OBSERVATION_STEPS,
];
