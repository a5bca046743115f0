// A development build against the local sandbox: its content script reads the sandbox's stand-in Gmail
// page (the demo's), and its panel says which Google it talks to. Production builds never do either.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../tools/build/extension';
import { startSandbox, type Sandbox } from '../../tools/sandbox/server';
import { launchWithExtension, SKIP_E2E, storedPage, type LoadedExtension } from './chromium';
import { ROOT } from './dist';

describe.skipIf(SKIP_E2E)('a development build with the sandbox', () => {
  let dir: string;
  let sandbox: Sandbox | undefined;
  let loaded: LoadedExtension | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rounds-dev-'));
    sandbox = await startSandbox({ dir: join(dir, 'drive'), port: 0, host: '127.0.0.1' });
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    await buildExtension({
      root: ROOT,
      outChrome: join(dir, 'chrome'),
      outFirefox: join(dir, 'firefox'),
      version,
      googleOrigin: sandbox.url,
      production: false,
    });
    loaded = await launchWithExtension(join(dir, 'chrome'));
  });

  afterAll(async () => {
    await loaded?.close();
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads the sandbox's demo Gmail page as if it were Gmail, and the panel names the sandbox", async () => {
    const { context, worker, extensionId } = loaded!;
    const page = await context.newPage();
    await page.goto(`${sandbox!.url}/__fixtures/mail/#inbox/FMfcgzQbgRnJrHxGwZlkDcTqSsVvWpXd`);
    const { tabId, page: seen } = await storedPage(
      worker,
      'https://mail.google.com/#inbox/FMfcgzQbgRnJrHxGwZlkDcTqSsVvWpXd',
      'gmail-thread',
    );
    expect(seen).toMatchObject({
      thread: { subject: 'Action needed: spring instructional rounds calendar' },
    });

    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
    await panel
      .getByRole('heading', { name: 'Action needed: spring instructional rounds calendar' })
      .waitFor();
    expect(await panel.locator('footer').innerText()).toContain(`local sandbox at ${sandbox!.url}`);
  });
});
