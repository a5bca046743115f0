// Bulk filing from Gmail's list in real headless Chromium against the sandbox: twenty ticked conversations
// are filed exactly once although the test stops the service worker twice mid-batch; with the token
// expiring mid-batch the user is asked to sign in again and nothing is lost; with the sandbox failing a
// fifth of its requests the panel shows the retries and everything is filed; Pause stops what has not
// started, Resume finishes it, and Cancel drops only what has not started (nothing half-filed, and an email
// that landed is never listed as cancelled).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SKIP_E2E } from './chromium';
import { listPage, PDF, writeMailbox, type FixtureMessage } from './filing-fixtures';
import { openPanel, signIn, startHarness, tabOf, type Harness } from './sandbox-extension';

const LIST = '#inbox';

function batch(prefix: string, first: number, length = 20): FixtureMessage[] {
  return Array.from({ length }, (_, i) => ({
    hex: (BigInt('0x18c1000000000000') + BigInt(first + i)).toString(16),
    messageId: `${prefix}-${i + 1}@mail.example.org`,
    subject: `${prefix} note ${i + 1}`,
    fromName: 'Lee Carter',
    fromEmail: 'l.carter@maplegrove.example.org',
    body: `Observation notes ${i + 1} for the school visit.`,
    attachment:
      i % 4 === 0 ? { name: `notes-${i + 1}.pdf`, mimeType: 'application/pdf', content: PDF } : undefined,
  }));
}

interface Counted {
  emls: number;
  rows: number;
  messageIds: string[];
}

async function setUp(h: Harness, mailbox: number, email: string): Promise<{ panel: Page; tabId: number }> {
  const gmail = await h.context.newPage();
  await gmail.goto(`${h.sandbox.url}/__fixtures/mail/mail/u/${mailbox}/${LIST}`);
  const tabId = await tabOf(h, `https://mail.google.com/mail/u/${mailbox}/${LIST}`, 'gmail-list');
  const panel = await openPanel(h, tabId);
  await signIn(h, panel, email);
  await panel.getByLabel('Network name').fill('Lakeside K-8 Network');
  await panel.getByLabel('Schools, one per line').fill('Maple Grove\nCedar Hill');
  await panel.getByRole('button', { name: 'Create the network' }).click();
  await panel.getByRole('heading', { name: 'File from this list' }).waitFor({ timeout: 90_000 });
  return { panel, tabId };
}

async function counted(h: Harness, prefix: string): Promise<Counted> {
  const q = encodeURIComponent(`name contains '${prefix} note' and trashed = false`);
  const files = (
    await h.api<{ files: { name: string }[] }>(`/drive/v3/files?q=${q}&pageSize=1000&fields=files(name)`)
  ).files;
  const sheets = (
    await h.api<{ files: { id: string }[] }>(
      `/drive/v3/files?q=${encodeURIComponent("mimeType = 'application/vnd.google-apps.spreadsheet'")}`,
    )
  ).files;
  const got = await h.api<{ values?: string[][] }>(`/v4/spreadsheets/${sheets[0]!.id}/values/Filings`);
  const [header = [], ...rows] = got.values ?? [];
  const at = header.indexOf('Message-ID');
  const ours = rows.filter((r) => (r[at] ?? '').includes(`${prefix}-`));
  return {
    emls: files.filter((f) => f.name.endsWith('.eml')).length,
    rows: ours.length,
    messageIds: ours.map((r) => r[at]!).sort(),
  };
}

const doneCount = async (panel: Page) => {
  const text = await panel
    .locator('label[for="queue-progress"]')
    .innerText()
    .catch(() => '0 of 0');
  return Number(/^(\d+) of/.exec(text)?.[1] ?? 0);
};

async function waitForDone(panel: Page, atLeast: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await doneCount(panel)) < atLeast) {
    if (Date.now() > deadline) throw new Error(`only ${await doneCount(panel)} of ${atLeast} done`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function emlsAtLeast(h: Harness, prefix: string, n: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  while ((await counted(h, prefix)).emls < n) {
    if (Date.now() > deadline) throw new Error(`fewer than ${n} ${prefix} emails reached Drive`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** Times the test stopped Rounds' service worker (each counted once Chrome reports it stopped). */
let stopped = 0;

async function stopWorker(panel: Page): Promise<void> {
  // The panel page shares the extension's storage partition, so this stops Rounds' service worker.
  const cdp = await panel.context().newCDPSession(panel);
  type Versions = { versions: { scriptURL: string; runningStatus: string }[] };
  const status = (want: string) =>
    new Promise<void>((resolve) => {
      const seen = (e: Versions) => {
        if (e.versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === want)) {
          cdp.off('ServiceWorker.workerVersionUpdated', seen);
          resolve();
        }
      };
      cdp.on('ServiceWorker.workerVersionUpdated', seen);
    });
  const running = status('running');
  await cdp.send('ServiceWorker.enable');
  await running;
  const halted = status('stopped');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await halted;
  stopped++;
  await cdp.detach();
}

describe.skipIf(SKIP_E2E)('bulk filing from the Gmail list', () => {
  let h: Harness;
  let fixtures: string;
  const first = batch('Visit', 0);
  const second = batch('Debrief', 100);

  beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), 'rounds-bulk-'));
    // The first twenty are ticked in Gmail's list; the next twenty are only in the search results.
    writeMailbox(fixtures, 0, listPage(first, true) + listPage(second, false), [...first, ...second]);
    // Another search: only the second twenty.
    writeMailbox(fixtures, 1, listPage(second, false), second);
    h = await startHarness(fixtures, { latencyMs: 60 });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    rmSync(fixtures, { recursive: true, force: true });
  });

  it('files twenty ticked conversations exactly once although the worker is stopped twice', async () => {
    const { panel } = await setUp(h, 0, 'dana.harper@example.org');
    await panel.getByLabel('Step').selectOption('4');
    await panel.getByRole('button', { name: 'Queue these for filing' }).click();
    await panel.getByRole('progressbar').waitFor();
    // Mid-batch, twice: once its first files are in Drive, and again once the restarted worker is back at
    // work — each time before the batch's rows are written (they go together at the end).
    await emlsAtLeast(h, 'Visit', 1);
    await stopWorker(panel);
    const first = await counted(h, 'Visit');
    expect(first.rows).toBeLessThan(20);
    // The restarted worker settles the files it had started by asking Drive for them by id: stop it there.
    const gets = () => h.sandbox.stats().byRoute['drive.files.get'] ?? 0;
    const before = gets();
    const deadline = Date.now() + 90_000;
    while (gets() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await stopWorker(panel);
    expect((await counted(h, 'Visit')).rows).toBeLessThan(20);
    await waitForDone(panel, 20, 120_000);
    expect(stopped).toBeGreaterThanOrEqual(2);
    expect(await panel.locator('.item.failed').count()).toBe(0);
    const visits = await counted(h, 'Visit');
    expect(visits).toMatchObject({ emls: 20, rows: 20 });
    expect(new Set(visits.messageIds).size).toBe(20);
    // Only the ticked ones: the rest of the search results were left alone.
    expect(await counted(h, 'Debrief')).toMatchObject({ emls: 0, rows: 0 });
  }, 300_000);

  it('asks to sign in again when the token ends mid-batch, and loses nothing', async () => {
    const gmail = await h.context.newPage();
    await gmail.goto(`${h.sandbox.url}/__fixtures/mail/mail/u/1/${LIST}`);
    const tabId = await tabOf(h, `https://mail.google.com/mail/u/1/${LIST}`, 'gmail-list');
    const panel = await openPanel(h, tabId);
    // The first batch's results are cleared, so the bar counts this batch alone.
    await panel.getByRole('button', { name: 'Clear the list' }).click();
    await panel.getByLabel('Every conversation in this list (the current search)').check();
    await panel.getByRole('button', { name: 'Queue these for filing' }).click();
    // Mid-batch: once the first of its files is in Drive (rows are written together at the end).
    const deadline = Date.now() + 60_000;
    while ((await counted(h, 'Debrief')).emls === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 30));
    // The hour is up and Google no longer renews silently (consent forgotten): sign-in is needed.
    const res = await fetch(`${h.sandbox.url}/__oauth/expire?forget=1`, { method: 'POST' });
    expect(res.status).toBe(200);
    await panel.getByRole('button', { name: 'Sign in again' }).waitFor({ timeout: 90_000 });
    expect(await doneCount(panel)).toBeLessThan(20);
    expect((await counted(h, 'Debrief')).rows).toBeLessThan(20);
    await panel.getByText(/Waiting for you to sign in again/).waitFor();
    await signIn(h, panel, 'dana.harper@example.org');
    await waitForDone(panel, 20, 120_000);
    expect(await panel.locator('.item.failed').count()).toBe(0);
    expect(await counted(h, 'Debrief')).toMatchObject({ emls: 20, rows: 20 });
    expect(await counted(h, 'Visit')).toMatchObject({ emls: 20, rows: 20 });
  }, 300_000);
});

describe.skipIf(SKIP_E2E)('bulk filing while Google fails a fifth of its requests', () => {
  let h: Harness;
  let fixtures: string;
  const notes = batch('Walk', 200);

  beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), 'rounds-faults-'));
    writeMailbox(fixtures, 0, listPage(notes, true), notes);
    h = await startHarness(fixtures, { faultRate: 0.2, seed: 7 });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    rmSync(fixtures, { recursive: true, force: true });
  });

  it('shows the retries and ends with everything filed once', async () => {
    const { panel } = await setUp(h, 0, 'dana.harper@example.org');
    await panel.getByRole('button', { name: 'Queue these for filing' }).click();
    await waitForDone(panel, 20, 240_000);
    expect(await panel.locator('.item.failed').count()).toBe(0);
    expect(
      await panel.getByText(/Google was busy or dropped \d+ requests; Rounds tried them again/).count(),
    ).toBe(1);
    const { faults } = h.sandbox.stats();
    expect(faults.before + faults.after).toBeGreaterThan(0);
    expect(await counted(h, 'Walk')).toMatchObject({ emls: 20, rows: 20 });
  }, 300_000);
});

describe.skipIf(SKIP_E2E)('pausing, resuming and cancelling a bulk filing', () => {
  let h: Harness;
  let fixtures: string;
  // More than one of the worker's batches (40), so Pause and Cancel have work left that has not started.
  const paused = batch('Pause', 300, 60);
  const cancelled = batch('Cancel', 400, 60);

  beforeAll(async () => {
    fixtures = mkdtempSync(join(tmpdir(), 'rounds-pause-'));
    writeMailbox(fixtures, 0, listPage(paused, true), paused);
    writeMailbox(fixtures, 1, listPage(cancelled, true), cancelled);
    h = await startHarness(fixtures, { latencyMs: 100 });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
    rmSync(fixtures, { recursive: true, force: true });
  });

  /** Waits until Drive's count of `prefix` emails has not moved for `quietMs`; returns it. */
  async function settledEmls(prefix: string, quietMs: number): Promise<number> {
    let last = (await counted(h, prefix)).emls;
    let since = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const now = (await counted(h, prefix)).emls;
      if (now !== last) [last, since] = [now, Date.now()];
      else if (Date.now() - since >= quietMs) return now;
    }
  }

  it('stops at Pause (nothing more reaches Drive) and finishes everything once at Resume', async () => {
    const { panel } = await setUp(h, 0, 'dana.harper@example.org');
    await panel.getByRole('button', { name: 'Queue these for filing' }).click();
    await emlsAtLeast(h, 'Pause', 1);
    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel.getByText('Paused.').waitFor();
    const atPause = await settledEmls('Pause', 3000);
    expect(atPause).toBeLessThan(60);
    expect(await doneCount(panel)).toBeLessThan(60);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await counted(h, 'Pause')).emls).toBe(atPause);

    await panel.getByRole('button', { name: 'Resume' }).click();
    await waitForDone(panel, 60, 180_000);
    expect(await panel.locator('.item.failed').count()).toBe(0);
    const end = await counted(h, 'Pause');
    expect(end).toMatchObject({ emls: 60, rows: 60 });
    expect(new Set(end.messageIds).size).toBe(60);
  }, 300_000);

  it('Cancel leaves the rest unfiled, and nothing is half-filed', async () => {
    const gmail = await h.context.newPage();
    await gmail.goto(`${h.sandbox.url}/__fixtures/mail/mail/u/1/${LIST}`);
    const tabId = await tabOf(h, `https://mail.google.com/mail/u/1/${LIST}`, 'gmail-list');
    const panel = await openPanel(h, tabId);
    await panel.getByRole('button', { name: 'Clear the list' }).click();
    await panel.getByRole('button', { name: 'Queue these for filing' }).click();
    await emlsAtLeast(h, 'Cancel', 1);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel.getByRole('button', { name: 'Clear the list' }).waitFor({ timeout: 60_000 });
    await settledEmls('Cancel', 3000);

    const filed = await panel.locator('.item.done').count();
    const stopped = await panel.locator('.item.cancelled').count();
    expect(filed + stopped).toBe(60);
    expect(stopped).toBeGreaterThan(0);
    expect(await panel.locator('.item.failed').count()).toBe(0);
    // Every email marked filed is in Drive once with its row; a cancelled one has neither.
    const end = await counted(h, 'Cancel');
    expect(end).toMatchObject({ emls: filed, rows: filed });
    expect(new Set(end.messageIds).size).toBe(filed);
  }, 300_000);
});
