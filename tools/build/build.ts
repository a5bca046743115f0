// The whole build as one function (used by `npm run build`, `npm start` and the tests): the Chrome and
// Firefox extensions, the Apps Script add-on, and optionally the store zips.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension } from './extension';
import { GOOGLE_ORIGIN } from './manifest';
import { zipFolder } from './zip';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildOptions {
  /** A development build's Google origin (the local sandbox); absent for production. */
  sandbox?: string;
  /** Also zip the Chrome and Firefox builds for store upload. */
  package: boolean;
  root?: string;
  /** Told about each step as it starts, for progress messages. */
  onStep?: (message: string) => void;
}

export interface BuildResult {
  version: string;
  production: boolean;
  googleOrigin: string;
  outputs: { chrome: string; firefox: string; appsScript: string; zips: string[] };
}

export class BuildUsageError extends Error {}

/** Reads `--sandbox URL` and `--package`; anything else is a usage error with the reason. */
export function parseBuildArgs(argv: string[]): BuildOptions {
  const options: BuildOptions = { package: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--package') options.package = true;
    else if (arg === '--sandbox' || arg.startsWith('--sandbox=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value)
        throw new BuildUsageError('--sandbox needs the sandbox URL, e.g. --sandbox http://127.0.0.1:8787');
      options.sandbox = sandboxOrigin(value);
    } else if (arg === '--help' || arg === '-h') {
      throw new BuildUsageError(
        'usage: build [--sandbox URL] [--package]\n  --sandbox URL  development build talking to the local sandbox instead of Google\n  --package      also zip dist/chrome and dist/firefox for store upload',
      );
    } else throw new BuildUsageError(`unknown option "${arg}" (try --help)`);
  }
  return options;
}

function sandboxOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BuildUsageError(`--sandbox "${value}" is not a URL; expected e.g. http://127.0.0.1:8787`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BuildUsageError(`--sandbox "${value}" must be an http(s) URL`);
  }
  return url.origin;
}

interface AppsScriptBuilder {
  buildAppsScript(opts: { outDir: string; production: boolean }): Promise<void>;
}

export async function buildAll(options: BuildOptions): Promise<BuildResult> {
  const root = options.root ?? ROOT;
  const step = options.onStep ?? (() => undefined);
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const production = options.sandbox === undefined;
  const googleOrigin = options.sandbox ?? GOOGLE_ORIGIN;
  const dist = join(root, 'dist');
  const outputs = {
    chrome: join(dist, 'chrome'),
    firefox: join(dist, 'firefox'),
    appsScript: join(dist, 'apps-script'),
    zips: [] as string[],
  };

  for (const dir of [outputs.chrome, outputs.firefox, outputs.appsScript])
    await rm(dir, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });

  step(`extension ${pkg.version} (${production ? 'production' : `development, Google = ${googleOrigin}`})`);
  await buildExtension({
    root,
    outChrome: outputs.chrome,
    outFirefox: outputs.firefox,
    version: pkg.version,
    googleOrigin,
    production,
  });

  step('Apps Script add-on');
  // Loaded lazily: the add-on build is its own module with its own dependencies.
  const appsScript = (await import('./apps-script')) as AppsScriptBuilder;
  await appsScript.buildAppsScript({ outDir: outputs.appsScript, production });

  if (options.package) {
    for (const browser of ['chrome', 'firefox'] as const) {
      const zip = join(dist, `rounds-${browser}-${pkg.version}.zip`);
      step(`zip ${relative(root, zip)}`);
      await zipFolder(outputs[browser], zip);
      outputs.zips.push(zip);
    }
  }
  return { version: pkg.version, production, googleOrigin, outputs };
}
