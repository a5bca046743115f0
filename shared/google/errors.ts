// The two errors the product's Google client ends with, shaped for the UI: `GoogleApiError` (what failed,
// whether trying later can help) and `SignInRequiredError` ("sign in again").

import { bodyText } from './bytes';
import type { HttpResponse } from './transport';

export interface GoogleApiErrorInit {
  status: number;
  reason: string;
  message: string;
  attempts: number;
  retryable: boolean;
  /** True when the request may have been applied even though no success came back (reset, timeout, 5xx). */
  ambiguous?: boolean;
  method?: string;
  url?: string;
}

export class GoogleApiError extends Error {
  /** HTTP status, or 0 when no response arrived at all. */
  readonly status: number;
  /** Google's machine-readable reason (`notFound`, `userRateLimitExceeded`, `RESOURCE_EXHAUSTED`...) or the network failure. */
  readonly reason: string;
  readonly attempts: number;
  /** Trying again later may succeed (rate limits, server errors, network): the caller can keep the work queued. */
  readonly retryable: boolean;
  readonly ambiguous: boolean;
  readonly method?: string;
  readonly url?: string;
  constructor(init: GoogleApiErrorInit) {
    super(init.message);
    this.name = 'GoogleApiError';
    this.status = init.status;
    this.reason = init.reason;
    this.attempts = init.attempts;
    this.retryable = init.retryable;
    this.ambiguous = init.ambiguous ?? false;
    this.method = init.method;
    this.url = init.url;
  }
}

/** The token was refused even after one refresh: the user has to sign in to Google again. */
export class SignInRequiredError extends Error {
  readonly status = 401;
  constructor(message = 'Google refused the sign-in: please sign in again.') {
    super(message);
    this.name = 'SignInRequiredError';
  }
}

export interface GoogleErrorBody {
  message: string;
  reason: string;
}

/** Reads Google's JSON error shape (Drive's `errors[].reason` or Sheets' `status`/`details[].reason`). */
export function readGoogleError(res: HttpResponse): GoogleErrorBody {
  const text = bodyText(res.body);
  const fallback = {
    message: `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
    reason: `http${res.status}`,
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fallback;
  }
  const error = isObject(parsed) && isObject(parsed.error) ? parsed.error : undefined;
  if (!error) return fallback;
  const message = typeof error.message === 'string' && error.message ? error.message : fallback.message;
  const first = Array.isArray(error.errors) ? error.errors.find(isObject) : undefined;
  const detail = Array.isArray(error.details)
    ? error.details.find((d): d is Record<string, unknown> => isObject(d) && typeof d.reason === 'string')
    : undefined;
  const reason =
    (first && typeof first.reason === 'string' && first.reason) ||
    (detail && (detail.reason as string)) ||
    (typeof error.status === 'string' && error.status) ||
    fallback.reason;
  return { message, reason };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
