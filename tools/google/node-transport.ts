// The Google client's HTTP transport for Node (CLI, tools, tests): node:http/https with keep-alive, every
// failure to get a response mapped to a NetworkError the retry logic understands. (The extension provides
// its own fetch-based transport in extension/platform/.)
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import {
  NetworkError,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
} from '../../shared/google/transport';

export interface NodeTransportOptions {
  /** Sockets kept per origin; the filing queue needs about twice its concurrency. */
  maxSockets?: number;
}

const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

export class NodeTransport implements HttpTransport {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(options: NodeTransportOptions = {}) {
    const agent = { keepAlive: true, maxSockets: options.maxSockets ?? 32 };
    this.http = new HttpAgent(agent);
    this.https = new HttpsAgent(agent);
  }

  request(req: HttpRequest): Promise<HttpResponse> {
    const url = new URL(req.url);
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const body =
      req.body === undefined
        ? undefined
        : typeof req.body === 'string'
          ? Buffer.from(req.body, 'utf8')
          : Buffer.from(req.body.buffer, req.body.byteOffset, req.body.byteLength);
    const headers: Record<string, string | number> = { ...req.headers };
    if (body !== undefined) headers['content-length'] = body.length;

    return new Promise<HttpResponse>((resolve, reject) => {
      let settled = false;
      const fail = (error: NetworkError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outgoing.destroy();
        reject(error);
      };
      const outgoing = send(
        url,
        { method: req.method, headers, agent: secure ? this.https : this.http },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', (error) => fail(new NetworkError('reset', error.message)));
          incoming.on('aborted', () => fail(new NetworkError('reset', 'the connection closed mid-response')));
          incoming.on('end', () => {
            if (settled) return;
            if (!incoming.complete)
              return fail(new NetworkError('reset', 'the connection closed mid-response'));
            settled = true;
            clearTimeout(timer);
            const bytes = Buffer.concat(chunks);
            resolve({
              status: incoming.statusCode ?? 0,
              headers: flatten(incoming.headers),
              body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
            });
          });
        },
      );
      const timer = setTimeout(
        () => fail(new NetworkError('timeout', `no answer within ${req.timeoutMs} ms`)),
        req.timeoutMs,
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        // A reused keep-alive socket the server had just closed fails with ECONNRESET before anything was
        // processed, but that is indistinguishable from a real reset, so it stays "maybe applied".
        fail(
          new NetworkError(REFUSED.has(error.code ?? '') ? 'refused' : 'reset', error.code ?? error.message),
        );
      });
      outgoing.end(body);
    });
  }

  /** Closes idle keep-alive sockets so a CLI run can exit promptly. */
  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The real clock for Node: wall time, timers and Math.random jitter. */
export const nodeClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/** A fixed bearer token (the sandbox accepts any non-empty one; a --tokens file can restrict it). */
export function staticTokens(token: string, refreshed: string = token) {
  let current = token;
  return {
    getToken: async () => current,
    refresh: async () => {
      current = refreshed;
      return current;
    },
  };
}
