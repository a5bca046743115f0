// The local Google workspace stand-in: Drive v3 and Sheets v4 (the subset Rounds uses) on one loopback origin.
//
// API (stable; used by the fault test, the bench and the integration tests):
//   const sandbox = await startSandbox({ dir, port: 0, latencyMs, faultRate, seed, tokensFile, rateLimits, maxBodyBytes });
//   sandbox.url   -> "http://127.0.0.1:<port>"; point googleapis at it with rootUrl: sandbox.url + '/'
//                    (and pass { rootUrl } again as the per-call options of any call with `media`).
//   sandbox.stats() -> SandboxStats (same as GET /__sandbox/stats); POST /__sandbox/reset zeroes the counters.
//   await sandbox.close() -> stops accepting, drops open connections; the store under `dir` stays as is, and
//                    startSandbox on the same dir (and port) carries on where it stopped.
// Faults (faultRate 0..1, seeded by `seed`) are 429/500/503 or a destroyed socket, injected before the handler or
// after it (mutation applied, response lost). rateLimits.sheets limits Sheets requests per token (per user).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { authorize, loadTokens, type TokenGrant } from './auth';
import { GeneratedIds } from './drive-ids';
import { DriveStore } from './drive-store';
import { driveRoutes } from './drive-routes';
import { UploadSessions } from './drive-uploads';
import { GoogleError } from './errors';
import { FaultPlan, RateLimiter, faultError, type RateLimit } from './faults';
import { DEFAULT_FIXTURES_DIR, serveFixture } from './fixtures';
import { readBody, type Reply } from './http';
import type { Route } from './route';
import { sheetsRoutes } from './sheets-routes';
import { SheetsStore } from './sheets-store';
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
  rateLimits?: { sheets?: RateLimit };
  /** Request bodies over this size get 413 (default 64 MiB). */
  maxBodyBytes?: number;
  /** Defaults to tools/sandbox/fixtures. */
  fixturesDir?: string;
}

export interface Sandbox {
  url: string;
  port: number;
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

const errorReply = (err: GoogleError): Reply => ({
  status: err.code,
  headers: err.headers,
  body: err.body(),
});

export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 31);
  const latency = opts.latencyMs ?? 0;
  const maxBody = opts.maxBodyBytes ?? 64 * 1024 * 1024;
  const grants: TokenGrant[] | undefined = opts.tokensFile ? loadTokens(opts.tokensFile) : undefined;
  const faults = new FaultPlan(opts.faultRate ?? 0, seed);
  const sheetsLimit = opts.rateLimits?.sheets ? new RateLimiter(opts.rateLimits.sheets) : null;
  const counter = new StatsCounter(seed);
  const fixturesDir = opts.fixturesDir ?? DEFAULT_FIXTURES_DIR;

  const drive = new DriveStore(dir);
  const sheets = new SheetsStore(drive);
  const routes: Route[] = [
    ...driveRoutes(drive, new UploadSessions(dir), new GeneratedIds(dir), {
      newSpreadsheetContent: (file) => sheets.emptyContent(file),
    }),
    ...sheetsRoutes(sheets),
  ];

  async function handle(req: IncomingMessage, res: ServerResponse, baseUrl: string): Promise<void> {
    const method = req.method ?? 'GET';
    const [rawPath = '/', search = ''] = (req.url ?? '/').split(/\?(.*)/s);
    if (rawPath === '/__sandbox/stats' && method === 'GET')
      return send(res, { status: 200, body: counter.snapshot() });
    if (rawPath === '/__sandbox/reset' && method === 'POST') {
      counter.reset();
      return send(res, { status: 200, body: {} });
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
    try {
      body = await readBody(req, maxBody);
    } catch (err) {
      if (err instanceof GoogleError) return finish(errorReply(err), name);
      throw err;
    }
    try {
      const token = authorize(req.headers.authorization, route.api, route.write, grants, Date.now());
      if (route.api === 'sheets' && sheetsLimit) {
        try {
          sheetsLimit.check(token, Date.now());
        } catch (err) {
          counter.rateLimited();
          throw err;
        }
      }
    } catch (err) {
      if (err instanceof GoogleError) return finish(errorReply(err), name);
      throw err;
    }

    const fault = faults.next();
    if (fault?.when === 'before') return injure(res, fault.kind, 'before', method, name);
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
      );
    }
    if (fault?.when === 'after') return injure(res, fault.kind, 'after', method, name);
    return finish(reply, name);
  }

  async function injure(
    res: ServerResponse,
    kind: 429 | 500 | 503 | 'drop',
    when: 'before' | 'after',
    method: string,
    name: string,
  ): Promise<void> {
    counter.fault(when, String(kind));
    if (latency > 0) await sleep(latency);
    if (kind === 'drop') {
      counter.record(method, 'dropped', name);
      res.socket?.destroy();
      return;
    }
    counter.record(method, kind, name);
    send(res, errorReply(faultError(kind)));
  }

  const server = createServer((req, res) => {
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
    stats: () => counter.snapshot(),
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
