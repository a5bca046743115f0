// Mail written to attack the panel — markup and script in the subject, sender and body, a direction
// override hiding a file's real extension, markup in the body shaped like Gmail's attachment chip — is
// shown inert and isolated, with a visible warning; and an axe-core scan of each panel view finds no
// serious or critical problem. Real headless Chromium, the built extension, the local sandbox.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { SKIP_E2E } from './chromium';
import { PDF, rawMessage, type FixtureMessage } from './filing-fixtures';
import { openPanel, signIn, startHarness, tabOf, type Harness } from './sandbox-extension';

const TOKEN = 'FMfcgzQbgRnJrHxGwZlkDcTqSsVvWpXz';
const RLO = '\u202e';

const HOSTILE: FixtureMessage = {
  hex: '18c05a5e07f5beef',
  messageId: 'hostile-1@mail.example.org',
  subject: `<img src=x onerror="window.__pwned=1">Budget <script>window.__pwned=2</script>`,
  fromName: `${RLO}Evil Admin`,
  fromEmail: 'evil@attacker.example',
  body: 'Open the attachment.',
  attachment: { name: `report${RLO}fdp.exe`, mimeType: 'application/octet-stream', content: PDF },
};

/** The Gmail page Gmail would show: text escaped by Gmail, but the HTML body is the sender's own markup. */
function hostilePage(m: FixtureMessage): string {
  const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mail</title></head><body><div role="main"><div class="nH">
<h2 class="hP" data-legacy-thread-id="${m.hex}">${esc(m.subject)}</h2>
<div class="adn ads" data-message-id="#msg-f:${BigInt('0x' + m.hex)}" data-legacy-message-id="${m.hex}">
<span class="gD" email="${m.fromEmail}" name="${esc(m.fromName)}">${esc(m.fromName)}</span>
<span class="g3" title="Wed, Dec 3, 2025, 9:14\u202fAM">Dec 3</span>
<div class="a3s"><p>Open the attachment.</p><span class="aZo"><span class="aV3">invoice-from-body.pdf</span></span>
<div class="hb"><span email="fake@inside.body">Fake recipient</span></div><img src="x" onerror="window.__pwned=3"></div>
<span class="aZo"><span class="aV3">${esc(m.attachment!.name)}</span></span></div></div></div></body></html>`;
}

describe.skipIf(SKIP_E2E)('hostile mail in the panel, and each view scanned with axe-core', () => {
  let h: Harness;
  let fixtures: string;
  let panel: Page;

  beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), 'rounds-hostile-'));
    const pageDir = join(fixtures, 'mail', 'mail', 'u', '0');
    mkdirSync(pageDir, { recursive: true });
    writeFileSync(join(pageDir, 'index.html'), hostilePage(HOSTILE));
    mkdirSync(join(fixtures, 'mail', 'original'), { recursive: true });
    writeFileSync(join(fixtures, 'mail', 'original', `${HOSTILE.hex}.eml`), rawMessage(HOSTILE));
    h = await startHarness(fixtures);
    const gmail = await h.context.newPage();
    await gmail.goto(`${h.sandbox.url}/__fixtures/mail/mail/u/0/#inbox/${TOKEN}`);
    const tabId = await tabOf(h, `https://mail.google.com/mail/u/0/#inbox/${TOKEN}`, 'gmail-thread');
    panel = await openPanel(h, tabId);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    rmSync(fixtures, { recursive: true, force: true });
  });

  it('shows markup as text, runs no script, and ignores attachment chips inside the body', async () => {
    await panel.getByRole('heading', { name: /Budget/ }).waitFor();
    const main = await panel.locator('main').innerText();
    expect(main).toContain('<img src=x onerror="window.__pwned=1">Budget');
    expect(await panel.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await panel.locator('main img, main script').count()).toBe(0);
    expect(main).not.toContain('invoice-from-body.pdf');
    expect(main).not.toContain('fake@inside.body');
  });

  it('scans the signed-out panel and the conversation with no serious or critical violation', async () => {
    expect(await seriousViolations(panel)).toEqual([]);
  });

  it('scans the connect view, then isolates and flags the direction-override names in the filing view', async () => {
    await signIn(h, panel, 'dana.harper@example.org');
    await panel.getByLabel('Network name').waitFor();
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.getByLabel('Network name').fill('Lakeside K-8 Network');
    await panel.getByLabel('Schools, one per line').fill('Maple Grove');
    await panel.getByRole('button', { name: 'Create the network' }).click();
    const filing = panel.locator('[data-view="filing"]');
    await filing
      .getByText(/U\+202E/)
      .first()
      .waitFor({ timeout: 60_000 });
    // The real order is shown (⟨U+202E⟩ written out) inside <bdi>, with the warning beside it.
    const revealed = await filing.locator('bdi.revealed').allInnerTexts();
    expect(revealed.some((t) => t.includes('report\u27e8U+202E\u27e9fdp.exe'))).toBe(true);
    expect(await filing.getByText('Hidden direction characters').count()).toBeGreaterThanOrEqual(2);
    expect(await seriousViolations(panel)).toEqual([]);
  });

  it('scans the queue and network views after filing', async () => {
    await panel.getByRole('button', { name: 'File this email' }).click();
    await panel.getByText('Filed to').first().waitFor({ timeout: 60_000 });
    await panel.locator('[data-view="network"]').waitFor();
    expect(await panel.locator('[data-view="queue"]').count()).toBe(1);
    expect(await seriousViolations(panel)).toEqual([]);
    expect(await panel.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    // Everything fits the 320 px panel: nothing makes the page scroll sideways.
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('scans the panel for a tab with nothing Rounds reads', async () => {
    const empty = await openPanel(h, 999_999);
    await empty.getByRole('heading', { name: 'Nothing to show here' }).waitFor();
    expect(await seriousViolations(empty)).toEqual([]);
  });
});
