// The three doors through which the Google client reaches the outside world — HTTP, OAuth tokens and time —
// so the same client runs over fetch in the extension, node:http in the CLI and scripted fakes in tests.

/** One HTTP exchange as the client sees it; header names in responses are lower-case. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The transport rejects with a `NetworkError` of kind 'timeout' when no full response arrives in time. */
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/**
 * Sends one request. Any HTTP status resolves; only a failure to get a response at all (refused, reset,
 * timed out) rejects, and then always with a `NetworkError`. The Node implementation lives in
 * tools/google/node-transport.ts; the extension provides a fetch-based one in extension/platform/.
 */
export interface HttpTransport {
  request(req: HttpRequest): Promise<HttpResponse>;
}

/**
 * Why no response came back. 'refused' means the request never left (nothing can have been applied);
 * 'reset' and 'timeout' mean it may or may not have reached Google.
 */
export type NetworkFailure = 'refused' | 'reset' | 'timeout';

export class NetworkError extends Error {
  readonly kind: NetworkFailure;
  constructor(kind: NetworkFailure, message: string) {
    super(message);
    this.name = 'NetworkError';
    this.kind = kind;
  }
}

/** OAuth access tokens: `getToken` may return a cached one, `refresh` must obtain a new one or reject. */
export interface TokenProvider {
  getToken(): Promise<string>;
  refresh(): Promise<string>;
}

/** Time and chance, injected so retries and pacing are testable without real waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1), used for backoff jitter. */
  random(): number;
}
