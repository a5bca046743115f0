// `rounds sandbox`: the local Google workspace stand-in (Drive v3 + Sheets v4 subset) for tests, demos and benches.
import { resolve } from 'node:path';
import { parseRateLimit } from '../sandbox/faults';
import { startSandbox, type SandboxOptions } from '../sandbox/server';
import type { CommandIO } from './commands';

const USAGE = `Usage: rounds sandbox [--dir DIR] [--port N] [--host H] [--latency MS] [--fault-rate R] [--seed S]
                      [--tokens FILE] [--rate-limit sheets=60/min] [--no-retry-after] [--max-body BYTES]
                      [--list-page-max N] [--search-lag-ms MS] [--pick-folder-grants-children]

Serves Drive v3 and Sheets v4 (the subset Rounds uses) on loopback, storing everything under DIR
(default ./.sandbox): every Drive folder is a directory, every file its bytes, metadata beside it.
  --latency MS        delay every response
  --fault-rate R      fail this share of API requests (0..1): a rate limit (Drive 403/429, Sheets 429),
                      500, 503 or a dropped connection, before or after the write; --seed S makes the
                      sequence reproducible
  --tokens FILE       accept only these tokens: JSON [{"token","scopes":[...],"user":"a@b.org","expiresAt"?}];
                      a token whose only Drive scope is drive.file reaches only files its user created
                      or that were picked for them (POST /__sandbox/pick {"user","fileId"})
  --pick-folder-grants-children
                      picking a folder also grants what is inside it (Google's docs leave it open; off)
  --rate-limit        per-user limits, e.g. sheets=60/min (Google's) or drive=1000/100s; off by default.
                      Sheets answers 429 RESOURCE_EXHAUSTED, Drive 403 userRateLimitExceeded or 429
  --no-retry-after    leave Retry-After out of rate-limit answers (injected 429s too), as Google may
  --list-page-max N   files.list pages hold at most N files, with a nextPageToken (Google may page short)
  --search-lag-ms MS  a new file shows in files.list only MS after it is created (files.get: at once)
  --max-body BYTES    refuse larger request bodies with 413 (default 64 MiB)
`;

type Parsed = { opts: SandboxOptions } | { error: string } | { help: true };

function parse(argv: string[], cwd: string): Parsed {
  const opts: SandboxOptions = { dir: resolve(cwd, '.sandbox'), port: 8787 };
  const number = (flag: string, raw: string | undefined, min: number, max: number): number => {
    const n = Number(raw);
    if (raw === undefined || raw === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new Error(`${flag} expects a number from ${min} to ${max}, got "${raw ?? ''}"`);
    }
    return n;
  };
  const integer = (flag: string, raw: string | undefined, min: number, max: number): number => {
    const n = number(flag, raw, min, max);
    if (!Number.isInteger(n)) throw new Error(`${flag} expects a whole number, got "${raw ?? ''}"`);
    return n;
  };
  try {
    for (let i = 0; i < argv.length; i++) {
      const flag = argv[i] as string;
      const value = argv[i + 1];
      const take = (): string => {
        i++;
        if (value === undefined) throw new Error(`${flag} needs a value`);
        return value;
      };
      if (flag === '--help' || flag === '-h') return { help: true };
      else if (flag === '--dir') opts.dir = resolve(cwd, take());
      else if (flag === '--port') opts.port = number(flag, take(), 0, 65535);
      else if (flag === '--host') opts.host = take();
      else if (flag === '--latency') opts.latencyMs = number(flag, take(), 0, 600_000);
      else if (flag === '--fault-rate') opts.faultRate = number(flag, take(), 0, 1);
      else if (flag === '--seed') opts.seed = number(flag, take(), 0, 2 ** 32 - 1);
      else if (flag === '--tokens') opts.tokensFile = resolve(cwd, take());
      else if (flag === '--rate-limit') opts.rateLimits = parseRateLimit(take(), opts.rateLimits);
      else if (flag === '--max-body') opts.maxBodyBytes = number(flag, take(), 1, 2 ** 40);
      else if (flag === '--no-retry-after') opts.retryAfter = false;
      else if (flag === '--list-page-max') opts.listPageMax = integer(flag, take(), 1, 1000);
      else if (flag === '--search-lag-ms') opts.searchLagMs = integer(flag, take(), 0, 3_600_000);
      else if (flag === '--pick-folder-grants-children') opts.pickFolderGrantsChildren = true;
      else throw new Error(`unknown option ${flag}`);
    }
  } catch (err) {
    return { error: (err as Error).message };
  }
  return { opts };
}

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parse(argv, io.cwd);
  if ('help' in parsed) {
    io.stdout(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`rounds sandbox: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const { opts } = parsed;
  let sandbox;
  try {
    sandbox = await startSandbox(opts);
  } catch (err) {
    io.stderr(`rounds sandbox: could not start: ${(err as Error).message}\n`);
    return 1;
  }
  const stats = sandbox.stats();
  io.stdout(
    [
      `Google sandbox listening on ${sandbox.url}`,
      `  store:   ${opts.dir}`,
      `  faults:  ${opts.faultRate ?? 0} (seed ${stats.seed})   latency: ${opts.latencyMs ?? 0} ms` +
        (opts.rateLimits?.sheets
          ? `   Sheets limit: ${opts.rateLimits.sheets.requests} per ${opts.rateLimits.sheets.perMs / 1000} s per user`
          : '') +
        (opts.rateLimits?.drive
          ? `   Drive limit: ${opts.rateLimits.drive.requests} per ${opts.rateLimits.drive.perMs / 1000} s per user`
          : '') +
        (opts.retryAfter === false ? '   (no Retry-After)' : ''),
      ...(opts.listPageMax || opts.searchLagMs
        ? [
            `  search:  pages of at most ${opts.listPageMax ?? 'pageSize'} files, new files listed after ${opts.searchLagMs ?? 0} ms`,
          ]
        : []),
      `  stats:   GET ${sandbox.url}/__sandbox/stats   (POST /__sandbox/reset zeroes them)`,
      `  users:   POST ${sandbox.url}/__sandbox/pick {"user","fileId"}; /__sandbox/tokens, /expire, /revoke`,
      `  fixtures: ${sandbox.url}/__fixtures/mail/…  ${sandbox.url}/__fixtures/docs/…`,
      '',
      'Point googleapis at it (any non-empty bearer token works unless --tokens is given):',
      `  const rootUrl = '${sandbox.url}/';`,
      "  const drive = google.drive({ version: 'v3', rootUrl, auth });  // and pass { rootUrl } again on calls with media",
      "  const sheets = google.sheets({ version: 'v4', rootUrl, auth });",
      'Ctrl-C stops it; the store stays for next time.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sandbox.close();
  io.stdout('Google sandbox stopped.\n');
  return 0;
}
