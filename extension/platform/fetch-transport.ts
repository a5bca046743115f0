// shared/google's HttpTransport over the browser's fetch, for the worker: any HTTP status resolves, only
// "no answer at all" rejects, and always as a NetworkError saying whether the request may have arrived.
import {
  NetworkError,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
} from '../../shared/google/transport';

function lowerCaseHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name.toLowerCase()] = value));
  return out;
}

export class FetchTransport implements HttpTransport {
  constructor(private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {}

  async request(req: HttpRequest): Promise<HttpResponse> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), req.timeoutMs);
    try {
      const res = await this.fetchImpl(req.url, {
        method: req.method,
        headers: req.headers,
        // A Uint8Array view may sit inside a larger buffer: copy exactly its bytes.
        body: typeof req.body === 'string' || req.body === undefined ? req.body : req.body.slice(),
        signal: controller.signal,
        // Google APIs never set cookies Rounds wants; the bearer token is the only credential.
        credentials: 'omit',
        cache: 'no-store',
      });
      const body = new Uint8Array(await res.arrayBuffer());
      return { status: res.status, headers: lowerCaseHeaders(res.headers), body };
    } catch (error) {
      if (controller.signal.aborted) {
        throw new NetworkError('timeout', `no answer within ${Math.round(req.timeoutMs / 1000)} s`);
      }
      // fetch cannot say whether the request left: when the browser knows it is offline nothing was
      // sent ('refused', safe to repeat); otherwise the connection broke at an unknown point ('reset').
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      const detail = error instanceof Error ? error.message : String(error);
      throw new NetworkError(offline ? 'refused' : 'reset', offline ? 'the browser is offline' : detail);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The wall clock with real waiting, for the retrying client. */
export const browserClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};
