// `npm start -- --headless` as a user runs it: the demo network is seeded, the tour drives the built
// extension in headless Chromium through sign-in, joining, adopting the folders and filing (one email,
// five from the list, a Doc) with a screenshot per step, and a second run on the same --dir creates and
// files nothing twice.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filedFiles } from '../../tools/demo/filed';
import { TOUR_BULK, TOUR_FIRST } from '../../tools/demo/mail';
import { demoMailbox } from '../../tools/demo/mailbox';
import type { TourStep } from '../../tools/demo/tour';
import { filingRows } from '../../tools/demo/tracker-term';
import { SKIP_E2E } from './chromium';
import { ROOT } from './dist';

const run = promisify(execFile);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function start(dir: string, out: string): Promise<{ stdout: string; steps: TourStep[] }> {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  // Port 0: the test must not collide with a sandbox someone is running on 8787.
  // A failed tour says which step failed on its stdout: keep that in the test's error.
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
    { cwd: ROOT, env, timeout: 220_000 },
  ).catch((error: { message: string; stdout?: string; stderr?: string }) => {
    throw new Error(
      `${error.message}\n--- stdout ---\n${error.stdout ?? ''}\n--- stderr ---\n${error.stderr ?? ''}`,
    );
  });
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
  let store: string;
  let first: { stdout: string; steps: TourStep[] };
  const threads = demoMailbox();
  const toured = [TOUR_FIRST, ...TOUR_BULK].map((key) => threads.find((t) => t.key === key)!);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rounds-demo-'));
    store = join(dir, 'store');
    first = await start(store, join(dir, 'tour-1'));
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('seeds the network and tours it: every step done, and the output says so step by step', () => {
    expect(first.stdout).toMatch(
      /Google sandbox on http:\/\/127\.0\.0\.1:\d+ \(2\d Drive items created, 25 conversations\)/,
    );
    for (const { name, outcome } of first.steps) {
      expect(outcome, name).toMatchObject({ status: 'done' });
      expect(first.stdout).toContain(`✓ ${name}`);
    }
    expect(first.steps.map((s) => s.name)).toEqual([
      'open the inbox',
      'open an email: the panel reads and triages it',
      'sign in',
      'join the network',
      'adopt the existing folders',
      'file the email',
      'bulk-file five emails',
      'open a Doc: the panel reads it',
      'file the Doc',
      'see the inbox’s central-office mail sorted by tier (first guesses)',
      'open the short-notice must-do: the ILD’s translation above its triage',
      'correct a call: the custodians’ snow notice is not for principals (Rules tab)',
      'share the central-office mail she opens with the network (her choice, asked once)',
      'the week’s digest: must-do first, short notice and repeated asks flagged, then the tracker’s summary',
      'the ILD’s digest: one ask several principals received in other words',
      'build / refresh the tracker with the add-on',
      'show the Dashboard drawn from the sandbox spreadsheet',
      'check an IPOP as it is typed in the sidebar',
      'see who needs support, beside the support that fits',
      'plan the next network meeting: its agenda and warnings',
      'plan the year’s buddy visits, each pair with its reason',
      'see the network’s driver diagram and tests of change',
      'draw a run chart and show its signal',
      'write visit notes in a Doc: the sidebar lints each line',
      'collect the visit: three observers’ Docs into the debrief',
    ]);
  });

  it('shows the network’s year in the add-on: the agenda’s warnings, buddy visits, the driver diagram, a run chart’s shift', () => {
    const detail = (name: string) => {
      const step = first.steps.find((s) => s.name === name);
      return step?.outcome.status === 'done' ? (step.outcome.detail ?? '') : '';
    };
    const agenda = detail('plan the next network meeting: its agenda and warnings');
    expect(agenda).toMatch(
      /^2025-12-09 — Maple Grove K-8: Operations and compliance is 30 minutes, past its 15/,
    );
    expect(agenda).toContain('operations is eating into the walk-through');
    expect(agenda).toContain('The agenda goes out 7 days before the meeting');
    expect(agenda).toContain('Eastfield K-8, North Bend K-8 have not hosted yet');
    expect(detail('plan the year’s buddy visits, each pair with its reason').split(' | ')).toHaveLength(3);
    expect(detail('see the network’s driver diagram and tests of change')).toBe(
      'aim 1, primary drivers 2, secondary 3, change ideas 4',
    );
    expect(detail('draw a run chart and show its signal')).toBe(
      'Students citing the text in discussion (%) — Maple Grove K-8: Shift: 6 points in a row above the median (points 9 to 14).',
    );
  });

  it('runs the add-on’s rounds: an observer’s notes linted in the sidebar, visit 3 collected into the debrief', () => {
    const detail = (name: string) => {
      const step = first.steps.find((s) => s.name === name);
      return step?.outcome.status === 'done' ? (step.outcome.detail ?? '') : '';
    };
    expect(detail('write visit notes in a Doc: the sidebar lints each line')).toBe(
      '5 evidence lines: 4 descriptive, 0 inference, 1 evaluative; judging words marked: rigorous, clearly engaged',
    );
    const collected = detail('collect the visit: three observers’ Docs into the debrief');
    expect(collected).toMatch(
      /^Visit 3 at Maple Grove K-8: collected 3 observer Docs of 3 in its folder \(observers RD, DO, PN\)/,
    );
    expect(collected).toContain('patterns: #cite most 3 of 3; #talk most 3 of 3');
    expect(collected).toContain('Classroom C, #cite: RD 1, PN 3');
  });

  it('runs the built add-on on the network spreadsheet: Refresh, the Dashboard it drew, the IPOP checker, the support flags', () => {
    const detail = (name: string) => {
      const step = first.steps.find((s) => s.name === name);
      return step?.outcome.status === 'done' ? (step.outcome.detail ?? '') : '';
    };
    expect(detail('build / refresh the tracker with the add-on')).toMatch(
      /Schools: worked out .* for 6 schools \(\d+ cells changed\).*2 principals not supported for 3 weeks or more.*Dashboard: redrew/,
    );
    const dashboard = detail('show the Dashboard drawn from the sandbox spreadsheet');
    expect(dashboard).toContain(
      '3 charts (Schools per step, Filings per week, Principals supported per month)',
    );
    // Support faded for one principal only, and only Eastfield's row is amber.
    expect(dashboard).toContain('none in 2025-10 or 2025-11: Tom Okafor (Eastfield K-8);');
    expect(dashboard).toContain('amber rows: Eastfield K-8');
    expect(detail('check an IPOP as it is typed in the sidebar')).toMatch(
      /^“Student discourse”: 0 of 7 \(“This names a topic; .*”\); a question with a theory of action: 7 of 7$/,
    );
    expect(detail('see who needs support, beside the support that fits')).toBe(
      'Tom Okafor (Eastfield K-8): Not supported for 12 weeks, last 2025-09-04. Fits: New principal — observation practice | ' +
        'Ellen Whitaker (Sycamore Ridge K-8): Not supported for 4 weeks, last 2025-11-04. Fits: Veteran — operations',
    );
  });

  it('saves a real screenshot for each step', () => {
    for (const step of first.steps) {
      expect(step.outcome.screenshots.length, step.name).toBeGreaterThan(0);
      for (const path of step.outcome.screenshots) {
        expect(readFileSync(path).subarray(0, 8).equals(PNG), path).toBe(true);
        expect(statSync(path).size, path).toBeGreaterThan(5_000);
      }
    }
  });

  it("files each toured email's original and attachments into step 4, the Doc as a shortcut, one Filings row each", () => {
    const filed = filedFiles(join(store, 'drive')).filter((f) => !f.folder);
    for (const thread of toured) {
      const message = thread.messages[0]!;
      const eml = filed.find(
        (f) => f.source === 'gmail' && f.name.endsWith('.eml') && readFileSync(f.path).equals(message.raw),
      );
      expect(eml, `${thread.subject}.eml holds the raw message`).toBeDefined();
      expect(eml!.path).toContain('Cycle 2 Step 4 - Observations');
      for (const a of message.email.attachments ?? []) expect(filed.map((f) => f.name)).toContain(a.name);
    }
    expect(filed.filter((f) => f.source === 'docs')).toHaveLength(1);
    expect(first.stdout).toContain(
      `Filings tab of the network spreadsheet: ${filingRows().length + toured.length + 1} rows`,
    );
  });

  it("adopts the network's folders as they are: nothing renamed, only the missing ones created", () => {
    const root = join(store, 'drive', 'My Drive', 'Cedar Valley Network');
    for (const name of [
      'cycle 2 - step 2 research',
      'Cycle 2 Step 4 - Observations',
      'Old stuff',
      '2024-25 Cycle 3 - Celebration',
    ])
      expect(existsSync(join(root, name)), name).toBe(true);
    for (const name of ['HARBORVIEW K-8', 'linden park', 'Sycamore Rdg', 'North Bend K-8'])
      expect(existsSync(join(root, 'Schools', name)), name).toBe(true);
    const made = filedFiles(join(store, 'drive'))
      .filter((f) => f.folder)
      .map((f) => f.name);
    expect(made).toContain('North Bend K-8');
    expect(made).not.toContain('Sycamore Rdg');
  });

  it('run again on the same --dir, it creates nothing and files nothing twice', async () => {
    const before = filedFiles(join(store, 'drive')).map((f) => f.id);
    const second = await start(store, join(dir, 'tour-2'));
    expect(second.stdout).toContain('(0 Drive items created, 25 conversations)');
    for (const { name, outcome } of second.steps) {
      expect(outcome, name).toMatchObject({ status: 'done' });
      if (outcome.status === 'done' && outcome.detail?.includes('in Drive'))
        expect(outcome.detail, name).toContain('(0 new files in Drive)');
    }
    expect(filedFiles(join(store, 'drive')).map((f) => f.id)).toEqual(before);
    expect(second.stdout).toContain(
      `Filings tab of the network spreadsheet: ${filingRows().length + toured.length + 1} rows`,
    );
    const refresh = second.steps.find((s) => s.name === 'build / refresh the tracker with the add-on');
    expect(refresh?.outcome).toMatchObject({ detail: expect.stringContaining('(0 cells changed)') });
  }, 240_000);
});
