// The local Google workspace stand-in: Drive v3 and Sheets v4 (the subset Rounds uses) on one loopback origin.
//
// API (stable; used by the fault test, the bench and the integration tests):
//   const sandbox = await startSandbox({ dir, port: 0, latencyMs, faultRate, seed, tokensFile, rateLimits, maxBodyBytes,
//                                        listPageMax, searchLagMs, retryAfter, pickFolderGrantsChildren });
//   sandbox.url   -> "http://127.0.0.1:<port>"; point googleapis at it with rootUrl: sandbox.url + '/'
//                    (and pass { rootUrl } again as the per-call options of any call with `media`).
//   sandbox.stats() -> SandboxStats (same as GET /__sandbox/stats); POST /__sandbox/reset zeroes the counters.
//   sandbox.tokens  -> the TokenRegistry: grantToken / revokeToken / expireToken from ./auth work on it (so do
//                    POST /__sandbox/tokens, /__sandbox/revoke, /__sandbox/expire); POST /__sandbox/pick grants a file.
//   await sandbox.close() -> stops accepting, drops open connections; the store under `dir` stays as is, and
//                    startSandbox on the same dir (and port) carries on where it stopped.
// Faults (faultRate 0..1, seeded by `seed`) are 429/500/503 or a destroyed socket, injected before the handler or
// after it (mutation applied, response lost); a rate-limit fault takes the shape its API sends (Drive: 403
// userRateLimitExceeded or 429; Sheets: 429 RESOURCE_EXHAUSTED), with Retry-After: 1 unless retryAfter is false.
// rateLimits.sheets / rateLimits.drive limit requests per user.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DriveAccess } from './access';
import {
  authorize,
  loadTokens,
  tokenIssuer,
  tokenRegistry,
  type Api,
  type Principal,
  type TokenRegistry,
} from './auth';
import { control } from './control';
import { GeneratedIds } from './drive-ids';
import { DriveStore } from './drive-store';
import { driveRoutes } from './drive-routes';
import { UploadSessions } from './drive-uploads';
import { GoogleError } from './errors';
import { FaultPlan, RateLimiter, faultError, type RateLimits } from './faults';
import { DEFAULT_FIXTURES_DIR, serveFixture } from './fixtures';
import { readBody, type Reply } from './http';
import type { Route } from './route';
import { sheetsRoutes } from './sheets-routes';
import { SheetsStore } from './sheets-store';
import { OAuthPages } from './oauth';
import { isOriginalRequest, serveOriginal } from './gmail-original';
import { StatsCounter, type SandboxStats } from './stats';

export type { SandboxStats } from './stats';

export interface SandboxOptions {
  /** Where the Drive tree and the sandbox's own state live; created if missing. */
  dir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  latencyMs?: number;
  faultRate?: number;
  seed?: number;
  tokensFile?: string;
  /** Per-user limits: Sheets answers 429 RESOURCE_EXHAUSTED; Drive alternates 403 userRateLimitExceeded and 429. */
  rateLimits?: RateLimits;
  /** false leaves Retry-After out of every rate-limit answer, injected faults included (Google sometimes does). */
  retryAfter?: boolean;
  /** files.list pages hold at most this many files whatever pageSize asks (with a nextPageToken when more remain). */
  listPageMax?: number;
  /** A new file shows up in files.list only this many ms after it was created; files.get finds it at once. */
  searchLagMs?: number;
  /** Picking a folder also grants its contents to drive.file tokens (Google's docs leave this open; off). */
  pickFolderGrantsChildren?: boolean;
  /** Request bodies over this size get 413 (default 64 MiB). */
  maxBodyBytes?: number;
  /** Defaults to tools/sandbox/fixtures. */
  fixturesDir?: string;
}

export interface Sandbox {
  url: string;
  port: number;
  /** The accepted tokens; mint with grantToken(sandbox.tokens, {token, scopes, user}) from ./auth. */
  tokens: TokenRegistry;
  /** What was wrong with the store at start and what was done about it (also printed as warnings). */
  problems: string[];
  close(): Promise<void>;
  stats(): SandboxStats;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function send(res: ServerResponse, reply: Reply): void {
  const isBytes = Buffer.isBuffer(reply.body);
  const payload = isBytes
    ? (reply.body as Buffer)
    : reply.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(JSON.stringify(reply.body));
  const headers: Record<string, string | number> = { ...reply.headers, 'Content-Length': payload.length };
  if (!isBytes && reply.body !== undefined) headers['Content-Type'] = 'application/json; charset=UTF-8';
  res.writeHead(reply.status, headers);
  res.end(payload);
}

const errorReply = (err: GoogleError, api: Api = 'drive'): Reply => ({
  status: err.code,
  headers: err.headers,
  body: err.body(api),
});

export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const latency = opts.latencyMs ?? 0;
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  const tokens = tokenRegistry(opts.tokensFile ? loadTokens(opts.tokensFile) : undefined);
  const faults = new FaultPlan(opts.faultRate ?? 0, seed);
  const style = { retryAfter: opts.retryAfter !== false };
  const limits: Partial<Record<Api, RateLimiter>> = {};
  for (const api of ['sheets', 'drive'] as const) {
    const limit = opts.rateLimits?.[api];
    if (limit) limits[api] = new RateLimiter(limit, api, style);
  }
  const counter = new StatsCounter(seed);
  const fixturesDir = opts.fixturesDir ?? DEFAULT_FIXTURES_DIR;

  const drive = new DriveStore(dir);
  for (const problem of drive.problems) console.warn(`sandbox: ${problem}`);
  const sheets = new SheetsStore(drive);
  const oauth = new OAuthPages(tokenIssuer(tokens));
  const access = new DriveAccess(dir, drive, { pickFolderGrantsChildren: opts.pickFolderGrantsChildren });
  const routes: Route[] = [
    ...driveRoutes({
      store: drive,
      uploads: new UploadSessions(dir),
      ids: new GeneratedIds(dir),
      access,
      hooks: { newSpreadsheetContent: (file) => sheets.emptyContent(file) },
      search: { listPageMax: opts.listPageMax, searchLagMs: opts.searchLagMs },
    }),
    ...sheetsRoutes(sheets, access),
  ];

  async function handle(req: IncomingMessage, res: ServerResponse, baseUrl: string): Promise<void> {
    const method = req.method ?? 'GET';
    const [rawPath = '/', search = ''] = (req.url ?? '/').split(/\?(.*)/s);
    // Stand-in Google sign-in pages and Gmail's "show original" (tools/sandbox/oauth.ts, gmail-original.ts).
    // The sandbox's own pages take small bodies; a larger one is a 413 in Google's shape, never a crash.
    const smallBody = async (): Promise<Buffer | null> => {
      try {
        return await readBody(req, 1024 * 1024);
      } catch (err) {
        if (!(err instanceof GoogleError)) throw err;
        send(res, errorReply(err));
        return null;
      }
    };
    if (oauth.handles(rawPath)) {
      const body = await smallBody();
      if (body === null) return;
      return send(
        res,
        oauth.handle({
          method,
          path: rawPath,
          query: new URLSearchParams(search),
          body,
          headers: req.headers,
        }),
      );
    }
    if (rawPath.startsWith('/__fixtures/mail/') && isOriginalRequest(rawPath, search))
      return send(res, (req.resume(), serveOriginal(fixturesDir, search)));
    if (rawPath.startsWith('/__sandbox/')) {
      const body = await smallBody();
      if (body === null) return;
      return send(res, control(method, rawPath, body, { counter, tokens, access }) as Reply);
    }
    const finish = async (reply: Reply, name: string): Promise<void> => {
      if (latency > 0) await sleep(latency);
      counter.record(method, reply.status, name);
      send(res, reply);
    };
    if (rawPath.startsWith('/__fixtures/')) {
      req.resume();
      return finish(serveFixture(fixturesDir, rawPath), 'fixtures');
    }

    let route: Route | undefined;
    let groups: string[] = [];
    for (const r of routes) {
      const m = r.method === method ? r.pattern.exec(rawPath) : null;
      if (m) {
        route = r;
        groups = m.slice(1).map((g) => g ?? '');
        break;
      }
    }
    if (!route) {
      req.resume();
      return finish(
        errorReply(new GoogleError(404, `Not Found: ${method} ${rawPath}`, 'notFound')),
        'unknown',
      );
    }
    const name = route.name;
    let body: Buffer;
    const api = route.api;
    try {
      body = await readBody(req, maxBody);
    } catch (err) {
      if (err instanceof GoogleError) return finish(errorReply(err, api), name);
      throw err;
    }
    let principal: Principal;
    try {
      principal = authorize(tokens, req.headers.authorization, api, route.write, Date.now());
      const limit = limits[api];
      if (limit) {
        try {
          limit.check(principal.quotaKey, Date.now(), route.write);
        } catch (err) {
          counter.rateLimited();
          throw err;
        }
      }
    } catch (err) {
      if (err instanceof GoogleError) return finish(errorReply(err, api), name);
      throw err;
    }

    const fault = faults.next();
    const hurt = (when: 'before' | 'after', f: NonNullable<typeof fault>): Promise<void> =>
      injure(res, f.kind, when, method, name, () =>
        faultError(f.kind as 429 | 500 | 503, api, route.write, f.variant, style),
      );
    if (fault?.when === 'before') return hurt('before', fault);
    let reply: Reply;
    try {
      reply = route.handle(
        {
          method,
          query: new URLSearchParams(search),
          headers: req.headers,
          body,
          baseUrl,
          now: new Date().toISOString(),
          principal,
        },
        groups,
      );
    } catch (err) {
      if (!(err instanceof GoogleError)) {
        console.error(`sandbox: ${method} ${rawPath} failed:`, err);
      }
      reply = errorReply(
        err instanceof GoogleError
          ? err
          : new GoogleError(500, `Sandbox error: ${(err as Error).message}`, 'backendError'),
        api,
      );
    }
    if (fault?.when === 'after') return hurt('after', fault);
    return finish(reply, name);
  }

  async function injure(
    res: ServerResponse,
    kind: 429 | 500 | 503 | 'drop',
    when: 'before' | 'after',
    method: string,
    name: string,
    answer: () => GoogleError,
  ): Promise<void> {
    counter.fault(when, String(kind));
    if (latency > 0) await sleep(latency);
    if (kind === 'drop') {
      counter.record(method, 'dropped', name);
      res.socket?.destroy();
      return;
    }
    counter.record(method, kind, name);
    const err = answer();
    send(res, {
      status: err.code,
      headers: err.headers,
      body: err.body(name.startsWith('sheets.') ? 'sheets' : 'drive'),
    });
  }

  // Room for long search URLs (Node's default is 16 KiB), so an over-complex `q` gets Google's 400, not a bare 431.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const address = server.address() as AddressInfo;
    const baseUrl = `http://${req.headers.host ?? `${host}:${address.port}`}`;
    handle(req, res, baseUrl).catch((err: unknown) => {
      console.error('sandbox: unexpected failure', err);
      if (!res.headersSent)
        send(res, errorReply(new GoogleError(500, 'Sandbox internal error.', 'backendError')));
      else res.destroy();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    tokens,
    problems: [...drive.problems],
    stats: () => counter.snapshot(),
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
