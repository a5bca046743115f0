// Filing from Gmail in real headless Chromium with the built extension, against the local sandbox: sign
// in through the stand-in consent page, create a network, file the open email (its .eml and attachment
// land in the step folder with their source ids, one Filings row with its Message-ID), file it again
// (nothing changes), and a second member filing the same email makes no second copy and sees who filed it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_E2E } from './chromium';
import { PDF, threadPage, writeMailbox, type FixtureMessage } from './filing-fixtures';
import { writeFileSync, mkdirSync } from 'node:fs';
import { openPanel, signIn, startHarness, tabOf, type Harness } from './sandbox-extension';

const TOKEN = 'FMfcgzQbgRnJrHxGwZlkDcTqSsVvWpXb';
const DANA: FixtureMessage = {
  hex: '18c05a5e07f59c35',
  messageId: 'visit-plan-1@mail.example.org',
  subject: 'Maple Grove: student work from the fractions unit',
  fromName: 'Lee Carter',
  fromEmail: 'l.carter@maplegrove.example.org',
  body: 'Attached are the student work samples from Room 4 for our school data step.',
  attachment: { name: 'room-4-samples.pdf', mimeType: 'application/pdf', content: PDF },
};
/** The same email in the second member's mailbox: Gmail numbers it differently there. */
const DANA_IN_SECOND_MAILBOX: FixtureMessage = { ...DANA, hex: '18c0aaaa00000001' };

interface DriveList {
  files: Array<{
    id: string;
    name: string;
    mimeType: string;
    parents?: string[];
    appProperties?: Record<string, string>;
  }>;
}

describe.skipIf(SKIP_E2E)('filing the open email from the side panel', () => {
  let h: Harness;
  let fixtures: string;
  let panel: Page;
  let tabId: number;

  const filesNamed = async (name: string) =>
    (
      await h.api<DriveList>(
        `/drive/v3/files?q=${encodeURIComponent(`name = '${name}' and trashed = false`)}&fields=files(id,name,mimeType,parents,appProperties)`,
      )
    ).files;

  const filingsRows = async () => {
    const sheets = (
      await h.api<DriveList>(
        `/drive/v3/files?q=${encodeURIComponent("mimeType = 'application/vnd.google-apps.spreadsheet'")}`,
      )
    ).files;
    const got = await h.api<{ values?: string[][] }>(`/v4/spreadsheets/${sheets[0]!.id}/values/Filings`);
    const [header = [], ...rows] = got.values ?? [];
    return rows.map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] ?? ''])));
  };

  beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), 'rounds-mail-'));
    writeMailbox(fixtures, 0, threadPage(DANA), [DANA]);
    writeMailbox(fixtures, 1, threadPage(DANA_IN_SECOND_MAILBOX), [DANA_IN_SECOND_MAILBOX]);
    // Picking the network's folder lets a member's drive.file token see what is inside it (Google's docs
    // leave this open; README "How a second member gets access"): the second member adopts the same folders.
    h = await startHarness(fixtures, { pickFolderGrantsChildren: true });
    const gmail = await h.context.newPage();
    await gmail.goto(`${h.sandbox.url}/__fixtures/mail/mail/u/0/#inbox/${TOKEN}`);
    tabId = await tabOf(h, `https://mail.google.com/mail/u/0/#inbox/${TOKEN}`, 'gmail-thread');
    panel = await openPanel(h, tabId);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    rmSync(fixtures, { recursive: true, force: true });
  });

  it('signs in through the consent page; the token stays in the worker, never in the Gmail page', async () => {
    await signIn(h, panel, 'dana.harper@example.org');
    expect(await panel.locator('.account').innerText()).toContain('dana.harper@example.org');
    const worker = h.context.serviceWorkers()[0]!;
    const token = await worker.evaluate(async () => {
      const all = await chrome.storage.session.get('auth');
      return (all.auth as { token: string }).token;
    });
    expect(token).toMatch(/^ya29\./);
    // Nothing of it reaches the page beside the panel: not its markup, not its storage.
    const gmail = h.context.pages().find((p) => p.url().includes('/mail/u/0/'))!;
    const seen = await gmail.evaluate(
      () => document.documentElement.outerHTML + JSON.stringify(localStorage),
    );
    expect(seen).not.toContain(token);
  });

  it('creates a network with its schools, folders and tracker', async () => {
    await panel.getByLabel('Network name').fill('Lakeside K-8 Network');
    await panel.getByLabel('Schools, one per line').fill('Maple Grove\nCedar Hill');
    await panel.getByRole('button', { name: 'Create the network' }).click();
    await panel.getByRole('heading', { name: 'File this email' }).waitFor({ timeout: 60_000 });
  });

  it('files the email: its .eml and attachment in the step folder with source ids, one Filings row with the Message-ID', async () => {
    await panel.getByText('room-4-samples.pdf').first().waitFor({ timeout: 20_000 });
    await panel.getByLabel('Step').selectOption('3');
    await panel.getByLabel('School').selectOption({ label: 'Maple Grove' });
    await panel.getByRole('button', { name: 'File this email' }).click();
    await panel.getByText('Filed to').first().waitFor({ timeout: 60_000 });

    const emls = await filesNamed(`${DANA.subject}.eml`);
    expect(emls).toHaveLength(1);
    const pdfs = await filesNamed('room-4-samples.pdf');
    expect(pdfs).toHaveLength(1);
    expect(pdfs[0]!.parents).toEqual(emls[0]!.parents);
    expect(JSON.stringify(emls[0]!.appProperties)).toContain(DANA.messageId);
    const rows = await filingsRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!['Message-ID']).toContain(DANA.messageId);
    expect(rows[0]!['Filed by']).toBe('dana.harper@example.org');
  });

  it('filing the same email again changes nothing', async () => {
    await panel.reload();
    await panel.getByText('Filed to').first().waitFor({ timeout: 30_000 });
    expect(await panel.getByRole('button', { name: 'File this email' }).count()).toBe(0);
    expect(await filesNamed(`${DANA.subject}.eml`)).toHaveLength(1);
    expect(await filingsRows()).toHaveLength(1);
  });

  it('a second member filing the same email makes no second copy and sees who filed it', async () => {
    const network = (await h.context.serviceWorkers()[0]!.evaluate(() => chrome.storage.local.get('network')))
      .network as { rootFolderId: string; spreadsheetId: string };
    // Pat works in another browser: nothing of Dana's is stored there, and Pat signs in as Pat.
    await panel.getByRole('button', { name: 'Sign out' }).click();
    await h.context.serviceWorkers()[0]!.evaluate(() => chrome.storage.local.clear());
    for (const fileId of [network.rootFolderId, network.spreadsheetId]) {
      const res = await fetch(`${h.sandbox.url}/__sandbox/pick`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: 'pat.okafor@example.org', fileId }),
      });
      expect(res.status).toBe(200);
    }
    const gmail = await h.context.newPage();
    await gmail.goto(`${h.sandbox.url}/__fixtures/mail/mail/u/1/#inbox/${TOKEN}`);
    const patTab = await tabOf(h, `https://mail.google.com/mail/u/1/#inbox/${TOKEN}`, 'gmail-thread');
    const patPanel = await openPanel(h, patTab);
    await signIn(h, patPanel, 'pat.okafor@example.org');
    await patPanel
      .getByLabel('Link to the network spreadsheet')
      .fill(`https://docs.google.com/spreadsheets/d/${network.spreadsheetId}/edit`);
    await patPanel
      .getByLabel("Link to the network's folder")
      .fill(`https://drive.google.com/drive/folders/${network.rootFolderId}`);
    await patPanel.getByRole('button', { name: 'Join' }).click();
    await patPanel
      .getByRole('button', { name: 'Confirm and create what is missing' })
      .click({ timeout: 60_000 });
    const filed = patPanel.getByText('Filed to').first();
    await filed.waitFor({ timeout: 60_000 });
    expect(await patPanel.locator('.filed').first().innerText()).toMatch(/Maple Grove by Dana/);
    expect(await patPanel.getByRole('button', { name: 'File this email' }).count()).toBe(0);

    // Even asked directly, the worker files nothing twice: the Filings tab knows this Message-ID.
    const reply = await patPanel.evaluate(
      (tab) =>
        chrome.runtime.sendMessage({
          v: 1,
          type: 'panel-command',
          command: {
            kind: 'file-email',
            tabId: tab,
            gmailMessageId: '18c0aaaa00000001',
            choice: { cycleId: 'cycle:1', step: 5 },
          },
        }),
      patTab,
    );
    expect(reply).toMatchObject({ ok: true });
    await patPanel
      .getByText(/already filed by/)
      .first()
      .waitFor({ timeout: 60_000 });
    expect(await filesNamed(`${DANA.subject}.eml`)).toHaveLength(1);
    expect(await filesNamed('room-4-samples.pdf')).toHaveLength(1);
    expect(await filingsRows()).toHaveLength(1);
  });

  it("says plainly when Gmail's page lacks what Rounds reads, and files nothing", async () => {
    const dir = join(fixtures, 'mail', 'mail', 'u', '2');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><title>Mail</title><body><div role="main"><div class="nH"><h2 class="hP">Changed</h2><div class="a3s">Text only</div></div></div></body></html>',
    );
    const gmail = await h.context.newPage();
    await gmail.goto(`${h.sandbox.url}/__fixtures/mail/mail/u/2/#inbox/${TOKEN}`);
    const tab = await tabOf(h, `https://mail.google.com/mail/u/2/#inbox/${TOKEN}`, 'gmail-unreadable');
    const view = await openPanel(h, tab);
    await view.getByRole('heading', { name: "Rounds can't read this Gmail page" }).waitFor();
    expect(await view.getByRole('button', { name: 'File this email' }).count()).toBe(0);
    expect(await filingsRows()).toHaveLength(1);
  });

  it('files a Doc Rounds cannot see as a link row with a plain sentence, leaving the Doc where it is', async () => {
    const docId = '1DocRoundsCannotSeeAbCdEfGhIjKlMnOpQrStUv';
    const dir = join(fixtures, 'docs', 'document', 'd', docId, 'edit');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><title>Fractions data analysis - Google Docs</title><p>Data.</p></html>',
    );
    const doc = await h.context.newPage();
    await doc.goto(`${h.sandbox.url}/__fixtures/docs/document/d/${docId}/edit`);
    const tab = await tabOf(h, `https://docs.google.com/document/d/${docId}/edit`, 'doc');
    // As in a new browser session: the network's tables were never read; the panel reads them itself.
    await h.context.serviceWorkers()[0]!.evaluate(() => chrome.storage.session.remove('network-tables'));
    const view = await openPanel(h, tab);
    await view.getByRole('button', { name: 'File this Doc' }).click({ timeout: 30_000 });
    await view.getByText(/the Filings tab links to it instead/).waitFor({ timeout: 60_000 });
    const rows = await filingsRows();
    expect(rows.filter((r) => r['Kind'] === 'doc')).toHaveLength(1);
    expect(rows.find((r) => r['Kind'] === 'doc')!['Links']).toContain(docId);
  });
});
