// `npm start`: the demo. Starts the Google sandbox seeded with the demo network, builds the extension
// against it, and opens Chromium on the demo's Gmail; with --headless (or no display) it runs the
// scripted tour instead, saves a screenshot per step and says where everything is.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { ROOT } from './build/build';
import { buildExtension } from './build/extension';
import { openAddonTabs } from './demo/addon-tabs';
import { launchDemoBrowser } from './demo/browser';
import { filedReport } from './demo/filed';
import { DEMO_USER } from './demo/network';
import {
  DRIVE_USERS,
  fixturesDirOf,
  joinLinks,
  pickForPrincipal,
  startDemo,
  type DemoStore,
} from './demo/seed';
import { runTour, type TourStep } from './demo/tour';

const USAGE = `usage: npm start [-- --headless] [--dir DIR] [--out DIR] [--port N]

  --headless   run the scripted tour without a window (the default when there is no display)
  --dir DIR    keep the demo's Drive, mail and build in DIR; a second run on it files nothing twice
               (default: a fresh out/demo each run)
  --out DIR    where the tour saves its screenshots and tour.json (default: out/tour)
  --port N     the sandbox's port (default 8787, or a free one when 8787 is taken)
`;

interface StartOptions {
  headless: boolean;
  dir: string;
  fresh: boolean;
  out: string;
  port?: number;
}

function parse(argv: string[]): StartOptions | string {
  const options: StartOptions = {
    headless: !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY,
    dir: join(ROOT, 'out/demo'),
    fresh: true,
    out: join(ROOT, 'out/tour'),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
      return v;
    };
    try {
      if (flag === '--headless') options.headless = true;
      else if (flag === '--dir') {
        options.dir = resolve(value());
        options.fresh = false;
      } else if (flag === '--out') options.out = resolve(value());
      else if (flag === '--port') {
        const raw = value();
        const port = Number(raw);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error(`--port expects 0 to 65535, got "${raw}"`);
        options.port = port;
      } else if (flag === '--help' || flag === '-h') return USAGE;
      else throw new Error(`unknown option "${flag}"`);
    } catch (error) {
      return `npm start: ${(error as Error).message}\n\n${USAGE}`;
    }
  }
  return options;
}

const here = (path: string) => relative(process.cwd(), path) || '.';

/** The sandbox on the port the README names (8787), or any free port when something else holds it. */
async function startOnPort(dir: string, port: number | undefined): Promise<DemoStore> {
  if (port !== undefined) return startDemo({ dir, port });
  try {
    return await startDemo({ dir, port: 8787 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log('  port 8787 is taken: using a free port');
    return startDemo({ dir, port: 0 });
  }
}

function printSteps(steps: TourStep[]): void {
  for (const { name, outcome } of steps) {
    const shots = outcome.screenshots.length
      ? `\n      ${outcome.screenshots.map(here).join('\n      ')}`
      : '';
    if (outcome.status === 'done')
      console.log(`  ✓ ${name}${outcome.detail ? `: ${outcome.detail}` : ''}${shots}`);
    else if (outcome.status === 'not-yet')
      console.log(`  – ${name}: not in this build yet (${outcome.reason})${shots}`);
    else console.log(`  ✗ ${name}: FAILED: ${outcome.error}${shots}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const options = parse(argv);
  if (typeof options === 'string') {
    (options.startsWith('usage') ? console.log : console.error)(options);
    return options.startsWith('usage') ? 0 : 2;
  }
  if (options.fresh) rmSync(options.dir, { recursive: true, force: true });
  console.log(`Rounds demo: the Cedar Valley K-8 Network (invented), store in ${here(options.dir)}`);
  const demo = await startOnPort(options.dir, options.port);
  const profile = mkdtempSync(join(tmpdir(), 'rounds-demo-profile-'));
  // Ctrl+C may end the process before the finally below has run; the browser profile still goes.
  process.once('exit', () => rmSync(profile, { recursive: true, force: true }));
  let browser;
  try {
    console.log(
      `  Google sandbox on ${demo.sandbox.url} (${demo.drive.created} Drive items created, ${demo.threads.length} conversations)`,
    );
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const extension = join(options.dir, 'extension');
    await buildExtension({
      root: ROOT,
      outChrome: join(extension, 'chrome'),
      outFirefox: join(extension, 'firefox'),
      version,
      googleOrigin: demo.sandbox.url,
      production: false,
    });
    console.log(`  extension built for the sandbox in ${here(extension)} (chrome/, firefox/)`);
    browser = await launchDemoBrowser({
      extensionDir: join(extension, 'chrome'),
      profileDir: profile,
      sandboxUrl: demo.sandbox.url,
      fixturesDir: fixturesDirOf(options.dir),
      headless: options.headless,
    });
    if (!options.headless) {
      const page = await browser.context.newPage();
      await page.goto('https://mail.google.com/mail/u/0/#inbox');
      console.log(
        '\nChromium is open on the demo inbox (mail.google.com and docs.google.com are served by the sandbox).',
      );
      // A person cannot reach the sandbox's stand-in Picker from the panel, so the demo picks the network's
      // folder and spreadsheet for Rosa up front, as she would in Google's Picker, and gives her the links.
      for (const fileId of [demo.drive.rootFolderId, demo.drive.spreadsheetId])
        await pickForPrincipal(demo, fileId);
      const links = joinLinks(demo);
      console.log(
        [
          'Open a conversation and click the Rounds button. In the panel:',
          `  Sign in with Google on the sandbox's consent page as ${DEMO_USER.email} (Rosa, principal of Maple Grove).`,
          "  Join the network with these links (already picked for Rosa, as in Google's Picker):",
          `    spreadsheet  ${links.spreadsheet}`,
          `    folder       ${links.folder}`,
          '  Check the folders Rounds proposes, then file an email, several ticked in the list, or a Doc:',
          ...Object.values(demo.drive.docs).map(
            (d) => `    ${d.name}: https://docs.google.com/document/d/${d.id}/edit`,
          ),
          'Close the browser or press Ctrl+C to stop.',
        ].join('\n'),
      );
      console.log((await openAddonTabs(demo, browser.context, page)).lines.join('\n'));
      await new Promise<void>((done) => {
        browser!.context.once('close', () => done());
        process.once('SIGINT', () => done());
      });
      return 0;
    }
    console.log('\nThe tour (headless):');
    const steps = await runTour(demo, browser, options.out);
    printSteps(steps);
    console.log(`\n${await filedReport(demo, DRIVE_USERS.ild.token)}`);
    console.log(`Screenshots and tour.json: ${here(options.out)}`);
    return steps.some((s) => s.outcome.status === 'failed') ? 1 : 0;
  } finally {
    await browser?.close().catch(() => undefined);
    await demo.sandbox.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
});
