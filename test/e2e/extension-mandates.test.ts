// Central-office mail in the panel, in real headless Chromium with the built extension and the sandbox:
// the network's Settings tab says who the central office is (teacher mail is left alone), the ILD saves a
// translation that a second member sees on their own copy (same Message-ID, other Gmail ids), a correction
// becomes a Rules row that changes the next similar email and shows as its reason, a damaged Rules row is
// named and skipped, the week's digest lists must-dos first with their flags and its HTML renders inert,
// members who choose to share their central-office mail let the ILD's digest show one ask several principals
// received in other words, beside the tracker's next meeting, visits and celebrations, and axe-core finds
// nothing serious in the Mandates, Translate and Digest views.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { SKIP_E2E } from './chromium';
import { mandateListPage, mandatePage, writeMandateMailbox, type MandateFixture } from './mandate-fixtures';
import { ADMIN_TOKEN, openPanel, signIn, startHarness, tabOf, type Harness } from './sandbox-extension';

const TOKEN = 'FMfcgzQbgRnJrHxGwZlkDcTqSsVvMnDt';
const DISTRICT = 'district.example.org';
const ILD = 'dana.reyes@district.example.org';
const PRINCIPAL = 'pat.okafor@district.example.org';

const ROSTER: MandateFixture = {
  hex: '18c1000000000a01',
  messageId: 'proctor-roster-2025@district.example.org',
  subject: 'Required: winter proctor roster due Friday, December 5',
  fromName: 'Office of Assessment',
  fromEmail: `assessment@${DISTRICT}`,
  date: 'Wed, 03 Dec 2025 08:00:00 -0800',
  gmailDate: 'Wed, Dec 3, 2025, 8:00 AM',
  body: 'Principals: each school must submit its winter interim proctor roster in the assessment portal no later than Friday, December 5. Rosters not received by then are reported as missing.',
};
/** The same email in the principal's mailbox: Gmail numbers it differently there. */
const ROSTER_IN_PAT_MAILBOX: MandateFixture = { ...ROSTER, hex: '18c2000000000a01' };
const BOILERS: MandateFixture = {
  hex: '18c1000000000b01',
  messageId: 'boiler-access@district.example.org',
  subject: 'Boiler room access for inspectors',
  fromName: 'Facilities and Operations',
  fromEmail: `facilities@${DISTRICT}`,
  date: 'Mon, 01 Dec 2025 07:00:00 -0800',
  gmailDate: 'Mon, Dec 1, 2025, 7:00 AM',
  body: 'Principals must confirm that inspectors can reach the boiler room by Friday, December 5, using the facilities request form.',
};
const ROOF: MandateFixture = {
  hex: '18c1000000000c01',
  messageId: 'roof-drains@district.example.org',
  subject: 'Roof drain cleaning next week',
  fromName: 'Facilities and Operations',
  fromEmail: `facilities@${DISTRICT}`,
  date: 'Tue, 02 Dec 2025 07:00:00 -0800',
  gmailDate: 'Tue, Dec 2, 2025, 7:00 AM',
  body: 'Principals must confirm roof access for the contractor by Thursday, December 4, using the facilities request form.',
};
const PAYLOAD = `<img src=x onerror="window.__pwned=1">`;
const HOSTILE: MandateFixture = {
  hex: '18c1000000000d01',
  messageId: 'safety-plan@district.example.org',
  subject: `${PAYLOAD}Required: safety plan upload <script>window.__pwned=2</script>`,
  fromName: `<b onmouseover="window.__pwned=3">Safety</b>`,
  fromEmail: `safety@${DISTRICT}`,
  date: 'Tue, 02 Dec 2025 09:00:00 -0800',
  gmailDate: 'Tue, Dec 2, 2025, 9:00 AM',
  body: 'Each school must upload its updated safety plan to the safety portal no later than Thursday, December 4.',
};
const REMINDER: MandateFixture = {
  hex: '18c1000000000e01',
  messageId: 'roster-title1@district.example.org',
  subject: 'Reminder: proctor roster for the winter interim',
  fromName: 'Title I Programs',
  fromEmail: `title1@${DISTRICT}`,
  date: 'Thu, 04 Dec 2025 10:00:00 -0800',
  gmailDate: 'Thu, Dec 4, 2025, 10:00 AM',
  body: 'Reminder: principals must submit the winter interim proctor roster in the assessment portal by Friday, December 5.',
};
/** The reminder in the principal's mailbox: another wording of the roster ask, from another office. */
const REMINDER_IN_PAT_MAILBOX: MandateFixture = { ...REMINDER, hex: '18c2000000000e01' };
const TEACHER: MandateFixture = {
  hex: '18c1000000000f01',
  messageId: 'fractions@maplegrove.example.org',
  subject: 'Fractions exit tickets, please look by Friday',
  fromName: 'Lee Carter',
  fromEmail: 'l.carter@maplegrove.example.org',
  date: 'Wed, 03 Dec 2025 15:00:00 -0800',
  gmailDate: 'Wed, Dec 3, 2025, 3:00 PM',
  body: 'You must see these before Friday: half of room 4 cited the text.',
};

const MAILBOXES: Array<[number, MandateFixture]> = [
  [0, ROSTER],
  [1, ROSTER_IN_PAT_MAILBOX],
  [2, BOILERS],
  [3, ROOF],
  [5, HOSTILE],
  [6, REMINDER],
  [7, TEACHER],
  [8, REMINDER_IN_PAT_MAILBOX],
];

describe.skipIf(SKIP_E2E)('central-office mail in the panel', () => {
  let h: Harness;
  let fixtures: string;
  let panel: Page;
  let spreadsheetId: string;

  const gmailPages = new Map<number, Page>();
  /** Opens a mailbox page (its conversation, or its list) and the panel beside it. */
  const openMailbox = async (mailbox: number, kind = 'gmail-thread'): Promise<Page> => {
    const hash = kind === 'gmail-list' ? '#inbox' : `#inbox/${TOKEN}`;
    const gmail = await h.context.newPage();
    gmailPages.set(mailbox, gmail);
    await gmail.goto(`${h.sandbox.url}/__fixtures/mail/mail/u/${mailbox}/${hash}`);
    const tab = await tabOf(h, `https://mail.google.com/mail/u/${mailbox}/${hash}`, kind);
    return openPanel(h, tab);
  };

  /** The tier the Mandates view shows, once it shows one (or what it shows instead, as the error). */
  const shownTier = async (page: Page): Promise<string> => {
    const view = page.locator('[data-view="mandates"]');
    try {
      await view.locator('.tier').first().waitFor({ timeout: 30_000 });
    } catch {
      throw new Error(`no tier shown; the panel shows: ${await page.locator('body').innerText()}`);
    }
    return view.locator('.tier').first().innerText();
  };

  /** Waits for `selector` in the panel, or fails with what the panel shows and the sandbox's counts. */
  const waitIn = async (page: Page, selector: string) => {
    try {
      await page.locator(selector).first().waitFor({ timeout: 30_000 });
    } catch {
      const stats = await (await fetch(`${h.sandbox.url}/__sandbox/stats`)).text();
      throw new Error(
        `${selector} not shown; the panel shows: ${await page.locator('body').innerText()}\n${stats}`,
      );
    }
  };

  const tabRows = async (tab: string) => {
    const got = await h.api<{ values?: string[][] }>(
      `/v4/spreadsheets/${spreadsheetId}/values/${encodeURIComponent(`'${tab}'`)}`,
    );
    const [header = [], ...rows] = got.values ?? [];
    return rows.map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] ?? ''])));
  };

  /** A row typed into the spreadsheet by hand, under its headers. */
  const typeRow = async (tab: string, cells: Record<string, string>) => {
    const got = await h.api<{ values?: string[][] }>(
      `/v4/spreadsheets/${spreadsheetId}/values/${encodeURIComponent(`'${tab}'`)}`,
    );
    const values = got.values ?? [];
    const header = values[0] ?? [];
    const row = header.map((hd) => cells[hd] ?? '');
    const res = await fetch(`${h.sandbox.url}/v4/spreadsheets/${spreadsheetId}/values:batchUpdate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        valueInputOption: 'RAW',
        data: [{ range: `'${tab}'!A${values.length + 1}`, values: [row] }],
      }),
    });
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), 'rounds-mandates-'));
    for (const [mailbox, m] of MAILBOXES) writeMandateMailbox(fixtures, mailbox, mandatePage(m), [m]);
    writeMandateMailbox(fixtures, 4, mandateListPage([TEACHER, BOILERS, ROSTER, ROOF]), []);
    h = await startHarness(fixtures);
    panel = await openMailbox(0);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    rmSync(fixtures, { recursive: true, force: true });
  });

  it('the ILD connects a network whose Settings name the central office and whose Members name her ILD', async () => {
    await signIn(h, panel, ILD);
    await panel.getByLabel('Network name').fill('Lakeside K-8 Network');
    await panel.getByLabel('Schools, one per line').fill('Maple Grove\nCedar Hill');
    await panel.getByRole('button', { name: 'Create the network' }).click();
    await panel.getByRole('heading', { name: 'File this email' }).waitFor({ timeout: 60_000 });
    const worker = h.context.serviceWorkers()[0]!;
    spreadsheetId = (
      (await worker.evaluate(() => chrome.storage.local.get('network'))).network as { spreadsheetId: string }
    ).spreadsheetId;
    await typeRow('Settings', { Setting: 'Central office', Value: DISTRICT });
    await typeRow('Members', { Email: ILD, Name: 'Dana Reyes', Role: 'ild' });
    await typeRow('Members', { Email: PRINCIPAL, Name: 'Pat Okafor', Role: 'principal' });
    // A hand-edited rule whose tier is not one of the four.
    await typeRow('Rules', { Sender: 'news@district.example.org', Tier: 'urgent!!' });
    await panel.reload();
    // Rounds read the spreadsheet moments ago, before these rows were typed: the user asks it to look again.
    await panel
      .getByRole('button', { name: 'Read the network spreadsheet again' })
      .click({ timeout: 30_000 });
    await panel.getByRole('heading', { name: 'Translate for the network' }).waitFor({ timeout: 30_000 });
  });

  it('shows the open mandate triaged, and names the damaged Rules row it skipped', async () => {
    const section = panel.locator('[data-view="mandates"]');
    await section.locator('.tier').first().waitFor({ timeout: 30_000 });
    expect(await section.locator('.tier').first().innerText()).toBe('Must do');
    expect(await section.innerText()).toContain('2025-12-05');
    const problem = await section.locator('.problem').innerText();
    expect(problem).toMatch(/Rules, row 2, column "Tier": "urgent!!" is not one of/);
    // The conversation's own triage gives way to the network's.
    expect(await panel.getByRole('heading', { name: 'Triage' }).count()).toBe(1);
  });

  it('the ILD saves a translation to the Translations tab under the Message-ID', async () => {
    const editor = panel.locator('[data-view="translate"]');
    await editor
      .getByLabel('What this means for you')
      .fill('The assessment office needs to know who proctors.');
    await editor.getByLabel('What to do').fill('List two proctors per grade in the portal.');
    await editor.getByLabel('Effort in minutes').fill('15');
    await editor.getByLabel('Skip if…').fill('You already sent it in November.');
    await editor.getByRole('button', { name: 'Save the translation' }).click();
    await editor.getByText('Saved to the Translations tab').waitFor({ timeout: 30_000 });
    await editor.getByRole('heading', { name: 'From your ILD' }).waitFor({ timeout: 30_000 });
    const rows = await tabRows('Translations');
    expect(rows).toHaveLength(1);
    expect(rows[0]!['Message-ID']).toContain(ROSTER.messageId);
    expect(rows[0]!['Effort (minutes)']).toBe('15');
    expect(rows[0]!['Translated by']).toBe(ILD);
    // Saving again edits that row rather than adding one.
    await editor.getByText('Edit the translation').click();
    await editor.getByLabel('What to do').fill('List two proctors per grade in the assessment portal.');
    await editor.getByRole('button', { name: 'Save the translation' }).click();
    await editor.getByText('assessment portal.').first().waitFor({ timeout: 30_000 });
    const again = await tabRows('Translations');
    expect(again).toHaveLength(1);
    expect(again[0]!['What to do']).toBe('List two proctors per grade in the assessment portal.');
  });

  it('a correction becomes a Rules row, changes the next similar email and shows as its reason', async () => {
    const boilers = await openMailbox(2);
    const view = boilers.locator('[data-view="mandates"]');
    await view.locator('.tier').first().waitFor({ timeout: 30_000 });
    expect(await view.locator('.tier').first().innerText()).not.toBe('Not for principals');
    await view.getByRole('button', { name: 'Not for principals' }).click();
    await view.getByLabel(/from this department/).check();
    await view.getByText(/This rule would change 1 of/).waitFor({ timeout: 30_000 });
    await view.getByRole('button', { name: 'Save for the network' }).click();
    await view.getByText('Saved to the Rules tab').waitFor({ timeout: 30_000 });
    const rules = await tabRows('Rules');
    expect(rules).toHaveLength(2);
    expect(rules[1]).toMatchObject({ Department: 'Facilities and Operations', Tier: 'not_for_principals' });
    expect(rules[1]!['Added by']).toBe(ILD);
    // The same correction again adds nothing.
    await view.getByRole('button', { name: 'Save for the network' }).click();
    await view.getByText('The Rules tab already has this rule.').waitFor({ timeout: 30_000 });
    expect(await tabRows('Rules')).toHaveLength(2);

    const roof = await openMailbox(3);
    const next = roof.locator('[data-view="mandates"]');
    expect(await shownTier(roof)).toBe('Not for principals');
    expect(await next.innerText()).toMatch(
      /Network rule: mail from the department "Facilities and Operations"/,
    );
  });

  it('teacher mail is not a mandate; the list shows central-office rows as first guesses by tier', async () => {
    const teacher = await openMailbox(7);
    await teacher
      .getByText(/Not central-office mail/)
      .waitFor({ timeout: 30_000 })
      .catch(async () => {
        throw new Error(`no verdict; the panel shows: ${await teacher.locator('body').innerText()}`);
      });
    expect(await teacher.locator('[data-view="translate"]').innerText()).toBe('');

    const list = await openMailbox(4, 'gmail-list');
    const view = list.locator('[data-view="mandates"]');
    await view
      .getByText(/First guesses/)
      .waitFor({ timeout: 30_000 })
      .catch(async () => {
        const stats = await (await fetch(`${h.sandbox.url}/__sandbox/stats`)).text();
        throw new Error(`no list; the panel shows: ${await list.locator('body').innerText()} ${stats}`);
      });
    const rows = await view.locator('.mandate-list > li').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain(ROSTER.subject);
    // Opened earlier in this browser: its full triage (and the ILD's translation), not a snippet's guess.
    expect(rows[0]).toMatch(/^Must do/);
    expect(rows[0]).toContain('read in full');
    expect(rows.some((r) => r.includes(TEACHER.subject))).toBe(false);
    expect(await view.innerText()).toContain('1 other emails here are not from the central office');
  });

  it("the week's digest lists must-dos first with their flags, and its HTML renders inert", async () => {
    const hostile = await openMailbox(5);
    expect(await shownTier(hostile)).toBe('Must do');
    expect(await hostile.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    const last = await openMailbox(6);
    expect(await shownTier(last)).toBe('Must do');
    const digest = last.locator('[data-view="digest"]');
    await digest.getByLabel('Week starting').fill('2025-12-01');
    await digest.getByRole('button', { name: 'Show the digest' }).click();
    await digest.locator('ol.digest').waitFor({ timeout: 30_000 });
    const entries = await digest.locator('ol.digest > li').evaluateAll((items) =>
      items.map((li) => ({
        tier: li.getAttribute('data-tier'),
        text: (li as HTMLElement).innerText,
        flags: [...li.querySelectorAll('[data-flag]')].map((f) => f.getAttribute('data-flag')),
      })),
    );
    const titles = entries.map((e) => e.text.split('\n')[0]);

    expect(entries.slice(0, 3).every((e) => e.tier === 'must_do')).toBe(true);
    expect(titles[0]).toContain('safety plan upload');
    expect(entries[0]!.flags).toContain('short_notice');
    const roster = entries.find((e) => titles[entries.indexOf(e)]!.includes(ROSTER.subject))!;
    expect(roster.flags).toContain('short_notice');
    expect(roster.text).toContain('The assessment office needs to know who proctors.');
    const reminder = entries.find((e) => titles[entries.indexOf(e)]!.includes(REMINDER.subject))!;
    expect(reminder.flags).toContain('repeat_of');
    // The corrected facilities mail is for others now: counted, not listed.
    expect(titles.some((t) => t!.includes('Roof drain'))).toBe(false);
    expect(await digest.innerText()).toMatch(/2 dated asks for others/);

    const reply = (await last.evaluate(() =>
      chrome.runtime.sendMessage({
        v: 1,
        type: 'panel-command',
        command: { kind: 'digest', from: '2025-12-01' },
      }),
    )) as { ok: boolean; data: { html: string } };
    expect(reply.ok).toBe(true);
    const page = await h.context.newPage();
    await page.setContent(`<!doctype html><html lang="en"><body>${reply.data.html}</body></html>`);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('script, img, b').count()).toBe(0);
    expect(await page.locator('body').innerText()).toContain('<script>window.__pwned=2</script>');
    expect(await page.locator('body').innerText()).toContain('<b onmouseover="window.__pwned=3">Safety</b>');
    expect(await last.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();

    expect(await seriousViolations(last)).toEqual([]);

    // Open in Gmail: a compose window the principal sends, the digest as its body.
    await h.context.route(/^https:\/\/mail\.google\.com\/mail\/\?/, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Compose</title>' }),
    );
    const compose = h.context.waitForEvent('page', { timeout: 20_000 });
    await digest.getByRole('button', { name: 'Open in Gmail' }).click();
    const composer = await compose;
    await composer.waitForURL(/^https:\/\/mail\.google\.com\//);
    const url = new URL(composer.url());
    expect(url.searchParams.get('su')).toBe('Central-office deadlines, 2025-12-01 to 2025-12-07');
    expect(url.searchParams.get('body')).toContain('Required: safety plan upload');
    await composer.close();
  });

  it('axe-core finds nothing serious in the Mandates and Translate views', async () => {
    // The principal is back on the first email's tab, the panel beside it.
    await gmailPages.get(0)!.bringToFront();
    await panel.reload();
    await waitIn(panel, '[data-view="translate"] .translation');
    await panel.locator('[data-view="mandates"] .tier').first().waitFor({ timeout: 30_000 });
    await panel.getByRole('button', { name: 'For your information' }).click();
    await panel.getByText(/This rule would change/).waitFor({ timeout: 30_000 });
    expect(await seriousViolations(panel)).toEqual([]);
  });

  /** Mandates rows shared by `member`, once there are `count` of them (shared rows go out in batches). */
  const sharedBy = async (member: string, count: number) => {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const rows = (await tabRows('Mandates')).filter((r) => r['Seen by'] === member);
      if (rows.length >= count || Date.now() > deadline) return rows;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };

  it('the ILD chooses to share central-office mail: the mail already seen goes to the Mandates tab, teacher mail never', async () => {
    const sharing = panel.locator('[data-view="mandates"] .sharing');
    await sharing.getByRole('button', { name: 'Share central-office mail' }).click();
    await sharing.getByText(/You share the central-office mail you open/).waitFor({ timeout: 30_000 });
    const rows = await sharedBy(ILD, 5);
    expect(rows.map((r) => r['Message-ID']).sort()).toEqual(
      [BOILERS, HOSTILE, REMINDER, ROOF, ROSTER].map((m) => m.messageId).sort(),
    );
    expect(rows.some((r) => r.Subject === TEACHER.subject)).toBe(false);
    const roster = rows.find((r) => r['Message-ID'] === ROSTER.messageId)!;
    expect(roster).toMatchObject({ Tier: 'must_do', 'First due': '2025-12-05', Received: '2025-12-03' });
    expect(roster['Opening lines']).toBe(ROSTER.body);
    // Opening the same email again adds no second row: once nothing waits to be shared, the tab has five.
    await panel.reload();
    await panel.locator('[data-view="mandates"] .tier').first().waitFor({ timeout: 30_000 });
    const worker = h.context.serviceWorkers()[0]!;
    const waiting = () =>
      worker.evaluate(async () => {
        const got = await chrome.storage.local.get('mandates-share-waiting');
        return (got['mandates-share-waiting'] as { copies?: unknown[] } | undefined)?.copies?.length ?? 0;
      });
    await expect.poll(waiting, { timeout: 45_000 }).toBe(0);
    expect((await tabRows('Mandates')).filter((r) => r['Seen by'] === ILD)).toHaveLength(5);
  });

  /** Signs the panel's member out, forgets this browser's network, and joins it again as `member`. */
  const joinAs = async (mailbox: number, member: string, signOutOf: Page): Promise<Page> => {
    await signOutOf.getByRole('button', { name: 'Sign out' }).click();
    await h.context.serviceWorkers()[0]!.evaluate(() => chrome.storage.local.clear());
    const network = await h.api<{ files: Array<{ id: string; mimeType: string }> }>(
      `/drive/v3/files?q=${encodeURIComponent("mimeType = 'application/vnd.google-apps.folder' and name = 'Lakeside K-8 Network'")}`,
    );
    for (const fileId of [network.files[0]!.id, spreadsheetId]) {
      const res = await fetch(`${h.sandbox.url}/__sandbox/pick`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: member, fileId }),
      });
      expect(res.status).toBe(200);
    }
    const page = await openMailbox(mailbox);
    await signIn(h, page, member);
    await page
      .getByLabel('Link to the network spreadsheet')
      .fill(`https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`);
    await page
      .getByLabel("Link to the network's folder")
      .fill(`https://drive.google.com/drive/folders/${network.files[0]!.id}`);
    await page.getByRole('button', { name: 'Join' }).click();
    return page;
  };

  let pat: Page;

  it("a second member opening their own copy sees the ILD's translation above the triage, without the editor", async () => {
    pat = await joinAs(1, PRINCIPAL, panel);
    const card = pat.locator('[data-view="translate"]');
    await card.getByRole('heading', { name: 'From your ILD' }).waitFor({ timeout: 60_000 });
    expect(await card.innerText()).toContain('The assessment office needs to know who proctors.');
    expect(await card.innerText()).toContain(ILD);
    expect(await card.getByRole('button', { name: 'Save the translation' }).count()).toBe(0);
    // Above the triage, in the panel's order.
    const order = await pat.evaluate(() =>
      [...document.querySelectorAll('[data-view]')].map((v) => v.getAttribute('data-view')),
    );
    expect(order.indexOf('translate')).toBeLessThan(order.indexOf('mandates'));

    // Gmail's compose window, routed: the test has no Internet, and only the address matters.
    await h.context.route(/^https:\/\/mail\.google\.com\/mail\/\?/, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Compose</title>' }),
    );
    const compose = h.context.waitForEvent('page', { timeout: 20_000 });
    await card.getByRole('button', { name: 'Forward to the network' }).click();
    const composer = await compose;
    await composer.waitForURL(/^https:\/\/mail\.google\.com\//);
    const url = new URL(composer.url());
    expect(url.origin).toBe('https://mail.google.com');
    expect(url.searchParams.get('view')).toBe('cm');
    expect(url.searchParams.get('su')).toBe(`Fwd: ${ROSTER.subject}`);
    expect(url.searchParams.get('body')).toMatch(
      /What this means for you: The assessment office[\s\S]*Original email/,
    );
    await composer.close();
  });

  it('the principal is asked once whether to share, and shares her copies of the same ask', async () => {
    await pat.bringToFront();
    const sharing = pat.locator('[data-view="mandates"] .sharing');
    await sharing
      .getByText(/Let your ILD see the asks that reach several schools/)
      .waitFor({ timeout: 30_000 });
    // Nothing of hers is shared before she chooses.
    expect((await tabRows('Mandates')).filter((r) => r['Seen by'] === PRINCIPAL)).toHaveLength(0);
    await sharing.getByRole('button', { name: 'Share central-office mail' }).click();
    await sharing.getByText(/You share the central-office mail you open/).waitFor({ timeout: 30_000 });
    expect((await sharedBy(PRINCIPAL, 1)).map((r) => r['Message-ID'])).toEqual([ROSTER.messageId]);
    const reminder = await openMailbox(8);
    expect(await shownTier(reminder)).toBe('Must do');
    // Sent after the batch gap (15 s), in one append.
    const rows = await sharedBy(PRINCIPAL, 2);
    expect(rows.map((r) => r['Message-ID']).sort()).toEqual([REMINDER.messageId, ROSTER.messageId].sort());
    // Her card follows the batch out: nothing is left waiting.
    const card = reminder.locator('[data-view="mandates"] .sharing');
    await card.getByText(/You share the central-office mail you open/).waitFor({ timeout: 30_000 });
    await card.getByText(/waiting to be added/).waitFor({ state: 'hidden', timeout: 30_000 });
  });

  it("the ILD's digest adds the tracker's next meeting, visits and celebrations, and the ask both principals received in other words", async () => {
    await typeRow('Meetings', {
      Date: '2025-12-11',
      'Host school': 'Cedar Hill',
      Topic: 'Student discourse',
    });
    await typeRow('Visits', { Visit: '3', 'Host school': 'Maple Grove', Date: '2025-12-04' });
    await typeRow('Spotlight', {
      Date: '2025-12-02',
      School: 'Cedar Hill',
      Celebration: `Cedar Hill moved to step 5 ${PAYLOAD}`,
    });
    await typeRow('Visits', { Visit: '4', 'Host school': 'Cedar Hill', Date: 'soonish' });
    const dana = await joinAs(6, ILD, pat);
    await dana.locator('[data-view="mandates"] .tier').first().waitFor({ timeout: 60_000 });
    const digest = dana.locator('[data-view="digest"]');
    await digest.getByLabel('Week starting').fill('2025-12-01');
    await digest.getByRole('button', { name: 'Show the digest' }).click();
    await waitIn(dana, '[data-view="digest"] .summary');
    const summary = await digest.locator('.summary').innerText();
    expect(summary).toMatch(
      /Next network meeting, 2025-12-11: Network meeting: Student discourse, hosted by Cedar Hill/,
    );
    expect(await digest.locator('[data-summary="visits"] li').allInnerTexts()).toEqual([
      '2025-12-04 Visit 3 at Maple Grove',
    ]);
    expect(await digest.locator('[data-summary="spotlight"]').innerText()).toContain(
      `Cedar Hill moved to step 5 ${PAYLOAD}`,
    );
    expect(await digest.locator('.problem').innerText()).toMatch(
      /Visits, row 3, column "Date": "soonish" is not a date/,
    );

    const asks = digest.locator('.network-asks [data-ask]');
    await asks.first().waitFor({ timeout: 30_000 });
    expect(await asks.count()).toBe(1);
    const ask = await asks.first().innerText();
    expect(ask).toContain(ROSTER.subject);
    expect(ask).toContain('Asked 2 times, by 2 departments, received by 2 members');
    expect(
      await asks
        .first()
        .locator('[data-relation]')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-relation'))),
    ).toEqual(['first', 'another_department']);
    expect(ask).toContain(REMINDER.subject);
    expect(await dana.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();

    const reply = (await dana.evaluate(() =>
      chrome.runtime.sendMessage({
        v: 1,
        type: 'panel-command',
        command: { kind: 'digest', from: '2025-12-01' },
      }),
    )) as { ok: boolean; data: { text: string; html: string } };
    expect(reply.data.text).toContain('TO CELEBRATE');
    expect(reply.data.text).toContain('ASKED MORE THAN ONCE ACROSS THE NETWORK');
    expect(reply.data.html).not.toContain('<img');
    expect(await seriousViolations(dana)).toEqual([]);

    // Copy as HTML: the clipboard holds the escaped HTML and the plain text beside it. (Chromium grants no
    // permission to an extension's origin from the outside; the click writes, a web page reads it back.)
    await dana.bringToFront();
    await digest.getByRole('button', { name: 'Copy as HTML' }).click();
    await digest.getByText(/^(Copied|Could not copy.*)$/).waitFor({ timeout: 10_000 });
    expect(await digest.getByText('Copied', { exact: true }).count()).toBe(1);
    const reader = await h.context.newPage();
    await reader.goto(`${h.sandbox.url}/__sandbox/stats`);
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.sandbox.url });
    const copied = await reader.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return {
        html: await (await item!.getType('text/html')).text(),
        text: await (await item!.getType('text/plain')).text(),
      };
    });
    await reader.close();
    expect(copied.html).toContain('Asked more than once across the network');
    expect(copied.html).toContain('&lt;img src=x onerror=');
    expect(copied.html).not.toContain('<img');
    expect(copied.text).toContain('TO CELEBRATE');
  });
});
