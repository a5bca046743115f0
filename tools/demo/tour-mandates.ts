// The tour's steps for central-office mail, as Rosa (a principal) meets it once she has joined the network:
// the inbox's central-office rows sorted by tier (first guesses), the week's short-notice must-do with the
// ILD's translation above its triage (written in the ILD's own browser, seen on Rosa's copy by Message-ID),
// a correction saved to the network's Rules tab, Rosa choosing to share her central-office mail, the week's
// digest with its flags and the tracker's summary, and then the ILD's own digest (Dana signs in on the same
// panel): the device count two departments asked in their own words, received by three principals.
import type { Page } from 'playwright-core';
import { TOUR_MANDATES, TRANSLATED } from './mandate-mail';
import { ILD } from './network';
import { GMAIL, NotYet, type StepRun, type TourContext } from './tour-steps';

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Opens one demo conversation in the Gmail tab and waits for the Mandates view to sort it. */
async function openMandate(t: TourContext, key: string): Promise<Page> {
  const thread = t.demo.threads.find((th) => th.key === key)!;
  const url = `${GMAIL}#inbox/${thread.token}`;
  await t.gmail!.goto(url);
  await t.tabReading(url, 'gmail-thread');
  const panel = t.panel!;
  await panel.getByRole('heading', { name: thread.subject }).first().waitFor({ timeout: 30_000 });
  await panel.locator('[data-view="mandates"] .tier').first().waitFor({ timeout: 30_000 });
  return panel;
}

export const MANDATE_STEPS: Array<[string, StepRun]> = [
  [
    'see the inbox’s central-office mail sorted by tier (first guesses)',
    async (t) => {
      // The tab is already on the inbox (the bulk filing left it there): read it afresh.
      await t.gmail!.goto(`${GMAIL}#inbox`);
      await t.gmail!.reload();
      await t.tabReading(`${GMAIL}#inbox`, 'gmail-list');
      const view = t.panel!.locator('[data-view="mandates"]');
      try {
        await view.getByText(/First guesses/).waitFor({ timeout: 30_000 });
      } catch {
        throw new NotYet('the panel has no Mandates view yet');
      }
      await view.scrollIntoViewIfNeeded();
      await t.shoot(t.panel!, 'mandates-list');
      const rows = await view.locator('.mandate-list > li').allInnerTexts();
      const left = clean((await view.getByText(/not from the central office/).textContent()) ?? '');
      return `${rows.length} central-office rows, first: ${clean(rows[0] ?? '').slice(0, 90)}; ${left}`;
    },
  ],
  [
    'open the short-notice must-do: the ILD’s translation above its triage',
    async (t) => {
      const panel = await openMandate(t, TRANSLATED);
      const card = panel.locator('[data-view="translate"] .translation');
      await card.waitFor({ timeout: 30_000 });
      await panel.locator('[data-view="translate"]').scrollIntoViewIfNeeded();
      await t.shoot(panel, 'translation');
      const tier = await panel.locator('[data-view="mandates"] .tier').first().innerText();
      return `${tier}; ${clean(await card.innerText()).slice(0, 160)}`;
    },
  ],
  [
    'correct a call: the custodians’ snow notice is not for principals (Rules tab)',
    async (t) => {
      const panel = await openMandate(t, 'snow-walkways');
      const view = panel.locator('[data-view="mandates"]');
      // A second run on the same store finds the rule the first one saved, already deciding the call.
      const already = (await view.locator('.tier').first().innerText()) === 'Not for principals';
      if (!already) await view.getByRole('button', { name: 'Not for principals' }).click();
      if (!already) {
        await view.getByLabel(/from this department/).check();
        await view.getByText(/This rule would change/).waitFor({ timeout: 30_000 });
        await view.getByRole('button', { name: 'Save for the network' }).click();
        await view.getByText(/Saved to the Rules tab|already has this rule/).waitFor({ timeout: 30_000 });
      }
      await view
        .getByText(/Network rule: /)
        .first()
        .waitFor({ timeout: 30_000 });
      await view.scrollIntoViewIfNeeded();
      await t.shoot(panel, 'correction');
      const reason = clean(
        (await view
          .getByText(/Network rule: /)
          .first()
          .textContent()) ?? '',
      );
      return `${await view.locator('.tier').first().innerText()}: ${reason}`;
    },
  ],
  [
    'share the central-office mail she opens with the network (her choice, asked once)',
    async (t) => {
      const panel = await openMandate(t, 'devices-sped');
      const sharing = panel.locator('[data-view="mandates"] .sharing');
      await sharing.waitFor({ timeout: 30_000 });
      // A second run on the same store: the choice was made in the first (the profile keeps it).
      const ask = sharing.getByRole('button', { name: 'Share central-office mail' });
      if (await ask.count()) await ask.click();
      await sharing.getByText(/You share the central-office mail you open/).waitFor({ timeout: 30_000 });
      // The card follows the batch out: "N waiting" goes once they are in the Mandates tab.
      await sharing.getByText(/waiting to be added/).waitFor({ state: 'hidden', timeout: 45_000 });
      await sharing.scrollIntoViewIfNeeded();
      await t.shoot(panel, 'sharing');
      return clean(await sharing.innerText()).slice(0, 200);
    },
  ],
  [
    'the week’s digest: must-do first, short notice and repeated asks flagged, then the tracker’s summary',
    async (t) => {
      for (const key of TOUR_MANDATES) await openMandate(t, key);
      const digest = t.panel!.locator('[data-view="digest"]');
      await digest.getByLabel('Week starting').fill('2025-12-01');
      await digest.getByRole('button', { name: 'Show the digest' }).click();
      await digest.locator('ol.digest').waitFor({ timeout: 30_000 });
      await digest.scrollIntoViewIfNeeded();
      await t.shoot(t.panel!, 'digest');
      const entries = await digest.locator('ol.digest > li').count();
      const flags = await digest
        .locator('[data-flag]')
        .evaluateAll((all) => all.map((f) => f.getAttribute('data-flag')));
      const count = (kind: string) => flags.filter((f) => f === kind).length;
      const summary = digest.locator('.summary');
      await summary.scrollIntoViewIfNeeded();
      await t.shoot(t.panel!, 'digest-summary');
      return `${entries} entries; ${count('short_notice')} short notice, ${count('repeat_of')} repeated asks; ${clean(await summary.innerText()).slice(0, 220)}`;
    },
  ],
  [
    'the ILD’s digest: one ask several principals received in other words',
    async (t) => {
      const panel = t.panel!;
      // Dana signs in on this panel (Rosa signs out): the network stays connected in this browser.
      await panel.getByRole('button', { name: 'Sign out' }).click();
      const consentOpened = t.browser.context.waitForEvent('page', { timeout: 20_000 });
      await panel
        .getByRole('button', { name: /^Sign in/ })
        .first()
        .click();
      const consent = await consentOpened;
      await consent.waitForLoadState('domcontentloaded');
      await consent.getByLabel('Google account').fill(ILD.email);
      await consent.getByRole('button', { name: 'Allow' }).click();
      await panel.getByText(ILD.email).first().waitFor({ timeout: 20_000 });
      await openMandate(t, 'devices-title1');
      const digest = panel.locator('[data-view="digest"]');
      await digest.getByLabel('Week starting').fill('2025-12-01');
      await digest.getByRole('button', { name: 'Show the digest' }).click();
      const ask = digest.locator('.network-asks [data-ask]').first();
      await ask.waitFor({ timeout: 30_000 });
      await digest.locator('.network-asks').scrollIntoViewIfNeeded();
      await t.shoot(panel, 'ild-network-asks');
      return clean(await ask.innerText()).slice(0, 240);
    },
  ],
];
