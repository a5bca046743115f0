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
    h = await startHarness(fixtures);
    const gmail = await h.context.newPage();
    await gmail.goto(`${h.sandbox.url}/__fixtures/mail/mail/u/0/#inbox/${TOKEN}`);
    tabId = await tabOf(h, `https://mail.google.com/mail/u/0/#inbox/${TOKEN}`, 'gmail-thread');
    panel = await openPanel(h, tabId);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    rmSync(fixtures, { recursive: true, force: true });
  });

  it('signs in through the consent page and keeps the token away from pages', async () => {
    await signIn(h, panel, 'dana.harper@example.org');
    expect(await panel.locator('.account').innerText()).toContain('dana.harper@example.org');
    // Content scripts cannot read session storage, where the token is.
    const worker = h.context.serviceWorkers()[0]!;
    const level = await worker.evaluate(async () => {
      const all = await chrome.storage.session.get('auth');
      return typeof (all.auth as { token?: string } | undefined)?.token;
    });
    expect(level).toBe('string');
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
});
