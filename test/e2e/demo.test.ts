// `npm start -- --headless` as a user runs it: the demo network is seeded, the tour drives the built
// extension in headless Chromium and saves a screenshot per step, every step is either done or plainly
// "not in this build yet" (never failed), and a second run on the same --dir creates and files nothing twice.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filedFiles } from '../../tools/demo/filed';
import { demoMailbox } from '../../tools/demo/mailbox';
import type { TourStep } from '../../tools/demo/tour';
import { SKIP_E2E } from './chromium';
import { ROOT } from './dist';

const run = promisify(execFile);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function start(dir: string, out: string): Promise<{ stdout: string; steps: TourStep[] }> {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  // Port 0: the test must not collide with a sandbox someone is running on 8787.
  const { stdout } = await run(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'tools/start.ts',
      '--dir',
      dir,
      '--out',
      out,
      '--port',
      '0',
    ],
    { cwd: ROOT, env, timeout: 150_000 },
  );
  const steps = JSON.parse(readFileSync(join(out, 'tour.json'), 'utf8')) as TourStep[];
  return { stdout, steps };
}

describe('the demo mailbox', () => {
  it('keeps every message as a raw email whose headers and attachments match what its Gmail page shows', async () => {
    const threads = demoMailbox();
    expect(threads.length).toBeGreaterThanOrEqual(18);
    const withAttachments = threads.flatMap((t) => t.messages).filter((m) => m.email.attachments?.length);
    expect(withAttachments.length).toBeGreaterThanOrEqual(5);
    for (const message of threads.flatMap((t) => t.messages)) {
      const parsed = await PostalMime.parse(message.raw);
      expect(parsed.subject).toBe(message.email.subject);
      expect(parsed.from?.address).toBe(message.email.from.email);
      expect(parsed.messageId).toBe(message.messageId);
      expect(new Date(parsed.date!).getTime()).toBe(Date.parse(message.email.date));
      expect(parsed.attachments.map((a) => a.filename)).toEqual(
        (message.email.attachments ?? []).map((a) => a.name),
      );
    }
  });
});

describe.skipIf(SKIP_E2E)('npm start -- --headless', () => {
  let dir: string;
  let first: { stdout: string; steps: TourStep[] };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rounds-demo-'));
    first = await start(join(dir, 'store'), join(dir, 'tour-1'));
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('seeds the network and tours it: every step done or honestly not yet, none failed', () => {
    expect(first.stdout).toMatch(
      /Google sandbox on http:\/\/127\.0\.0\.1:\d+ \(2\d Drive items created, 20 conversations\)/,
    );
    const failed = first.steps.filter((s) => s.outcome.status === 'failed');
    expect(failed).toEqual([]);
    const byName = new Map(first.steps.map((s) => [s.name, s.outcome]));
    for (const name of [
      'open the inbox',
      'open an email: the panel reads and triages it',
      'open a Doc: the panel reads it',
    ]) {
      expect(byName.get(name)?.status, name).toBe('done');
    }
    // What the output says matches what happened, step by step.
    for (const { name, outcome } of first.steps) {
      if (outcome.status === 'not-yet') expect(first.stdout).toContain(`– ${name}: not in this build yet`);
      else expect(first.stdout).toContain(`✓ ${name}`);
    }
    expect(byName.get('open an email: the panel reads and triages it')).toMatchObject({
      detail: expect.stringMatching(
        /2 attachments read, triaged as (Must do|Action|For your information|Not for principals)/,
      ),
    });
  });

  it('saves a real screenshot for each step it did', () => {
    const shots = first.steps.flatMap((s) => s.outcome.screenshots);
    expect(shots.length).toBeGreaterThanOrEqual(5);
    for (const path of shots) {
      expect(existsSync(path), path).toBe(true);
      expect(readFileSync(path).subarray(0, 8).equals(PNG), path).toBe(true);
      expect(statSync(path).size, path).toBeGreaterThan(5_000);
    }
    for (const step of first.steps.filter((s) => s.outcome.status === 'done')) {
      expect(step.outcome.screenshots.length, step.name).toBeGreaterThan(0);
    }
  });

  it('run again on the same --dir, it creates nothing and files nothing twice', async () => {
    const store = join(dir, 'store');
    const before = filedFiles(join(store, 'drive')).map((f) => f.id);
    const second = await start(store, join(dir, 'tour-2'));
    expect(second.stdout).toContain('(0 Drive items created, 20 conversations)');
    expect(second.steps.filter((s) => s.outcome.status === 'failed')).toEqual([]);
    expect(filedFiles(join(store, 'drive')).map((f) => f.id)).toEqual(before);
  }, 180_000);
});
