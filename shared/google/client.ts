// One authorised, retried request to a Google API: adds the bearer token, refreshes it once on 401, retries
// what can be retried (see retry.ts) and turns everything else into a GoogleApiError or SignInRequiredError.

import { bodyText } from './bytes';
import { GoogleApiError, SignInRequiredError, readGoogleError } from './errors';
import type { RequestPacer } from './pacer';
import {
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  RetryableFailure,
  isRetryableStatus,
  parseRetryAfter,
  withRetries,
} from './retry';
import {
  type Clock,
  type HttpResponse,
  type HttpTransport,
  NetworkError,
  type TokenProvider,
} from './transport';

export interface ApiRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Statuses returned to the caller instead of thrown; 2xx is always accepted. (308 for resumable uploads.) */
  accept?: readonly number[];
  /** False for requests that create or append: an ambiguous failure then goes back to the caller to look first. */
  replayAmbiguous?: boolean;
  /** Waited on before every attempt, to stay under a per-user quota. */
  pacer?: RequestPacer;
  timeoutMs?: number;
}

export interface GoogleClientOptions {
  transport: HttpTransport;
  tokens: TokenProvider;
  clock: Clock;
  retry?: Partial<RetryPolicy>;
}

export class GoogleClient {
  readonly clock: Clock;
  readonly policy: RetryPolicy;
  private readonly transport: HttpTransport;
  private readonly tokens: TokenProvider;
  private refreshing?: { stale: string; fresh: Promise<string> };

  constructor(options: GoogleClientOptions) {
    this.transport = options.transport;
    this.tokens = options.tokens;
    this.clock = options.clock;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  /** Sends a request with retries; resolves with the first accepted response. */
  send(req: ApiRequest): Promise<HttpResponse> {
    const replayAmbiguous = req.replayAmbiguous ?? true;
    return withRetries(this.clock, this.policy, { replayAmbiguous }, () => this.sendOnce(req));
  }

  /** Sends a JSON request (or none) and parses the JSON answer. */
  async json<T>(req: Omit<ApiRequest, 'body'> & { body?: unknown }): Promise<T> {
    const headers: Record<string, string> = { ...req.headers };
    let body: string | undefined;
    if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers['content-type'] = 'application/json; charset=UTF-8';
    }
    const res = await this.send({ ...req, headers, body });
    return parseJson<T>(res, req);
  }

  /**
   * Retries a whole look-then-write sequence: when a create's answer is lost, the sequence looks again
   * before writing again, which is what keeps creates idempotent.
   */
  sequence<T>(steps: (attempt: number) => Promise<T>): Promise<T> {
    return withRetries(this.clock, this.policy, { replayAmbiguous: true }, steps);
  }

  /** One attempt, with at most one token refresh inside it. */
  private async sendOnce(req: ApiRequest): Promise<HttpResponse> {
    let token = await this.tokens.getToken();
    for (let refreshed = false; ; refreshed = true) {
      await req.pacer?.acquire();
      const res = await this.exchange(req, token);
      if (res.status !== 401) return this.judge(req, res);
      if (refreshed) throw new SignInRequiredError();
      token = await this.refreshAfter(token);
    }
  }

  private async exchange(req: ApiRequest, token: string): Promise<HttpResponse> {
    try {
      return await this.transport.request({
        method: req.method,
        url: req.url,
        headers: { ...req.headers, authorization: `Bearer ${token}` },
        body: req.body,
        timeoutMs: req.timeoutMs ?? this.policy.timeoutMs,
      });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      throw new RetryableFailure({
        status: 0,
        reason: error.kind,
        message: `Google could not be reached (${error.message})`,
        attempts: 1,
        retryable: true,
        ambiguous: error.kind !== 'refused',
        method: req.method,
        url: req.url,
      });
    }
  }

  private judge(req: ApiRequest, res: HttpResponse): HttpResponse {
    if ((res.status >= 200 && res.status < 300) || req.accept?.includes(res.status)) return res;
    const { message, reason } = readGoogleError(res);
    const init = { status: res.status, reason, message, attempts: 1, method: req.method, url: req.url };
    if (!isRetryableStatus(res.status, reason)) throw new GoogleApiError({ ...init, retryable: false });
    throw new RetryableFailure({
      ...init,
      retryable: true,
      // Even a 429 may follow a write that was applied (a proxy, or the sandbox's "after" faults): a create
      // that meets any error looks again before writing again, which costs one list.
      ambiguous: true,
      retryAfterMs: parseRetryAfter(res.headers['retry-after'], this.clock.now()),
    });
  }

  /** Many requests may hit 401 with the same expired token at once: they share one refresh. */
  private async refreshAfter(stale: string): Promise<string> {
    if (this.refreshing?.stale === stale) return this.refreshing.fresh;
    const current = await this.tokens.getToken();
    if (current !== stale) return current;
    if (this.refreshing?.stale === stale) return this.refreshing.fresh;
    const fresh = this.tokens.refresh().catch((error: unknown) => {
      const why = error instanceof Error ? `: ${error.message}` : '';
      throw new SignInRequiredError(
        `Google sign-in expired and could not be renewed${why}. Please sign in again.`,
      );
    });
    this.refreshing = { stale, fresh };
    return fresh;
  }
}

function parseJson<T>(res: HttpResponse, req: { method: string; url: string }): T {
  const text = bodyText(res.body);
  if (text === '') return {} as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new GoogleApiError({
      status: res.status,
      reason: 'invalidResponse',
      message: `Google answered ${req.method} ${req.url} with something that is not JSON`,
      attempts: 1,
      retryable: false,
      method: req.method,
      url: req.url,
    });
  }
}
