// Google's JSON error shapes, so clients see from the sandbox exactly the errors they must handle from Google:
// Drive answers {error:{code,message,errors:[{domain,reason,message…}],status}}; Sheets answers
// {error:{code,message,status,details?}} with no errors[] (its machine-readable reason, when any, is an ErrorInfo
// in details).

export interface ErrorDetail {
  domain: string;
  reason: string;
  message: string;
  location?: string;
  locationType?: string;
}

const STATUS_BY_CODE: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  413: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** Thrown anywhere in a handler; the server turns it into Google's `{error:{code,message,errors,status}}`. */
export class GoogleError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly status: string;
  readonly headers: Record<string, string>;
  readonly location?: string;
  readonly locationType?: string;
  readonly domain: string;
  /** Sheets' google.rpc details (ErrorInfo, Help…), sent only in the Sheets shape. */
  readonly details?: Record<string, unknown>[];

  constructor(
    code: number,
    message: string,
    reason: string,
    opts: {
      location?: string;
      locationType?: string;
      headers?: Record<string, string>;
      domain?: string;
      details?: Record<string, unknown>[];
    } = {},
  ) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.status = STATUS_BY_CODE[code] ?? 'UNKNOWN';
    this.headers = opts.headers ?? {};
    this.location = opts.location;
    this.locationType = opts.locationType;
    this.domain = opts.domain ?? 'global';
    this.details = opts.details;
  }

  /** The body in the shape of the API that answers: Drive (with errors[]) or Sheets (status and details only). */
  body(api: 'drive' | 'sheets' = 'drive'): { error: Record<string, unknown> } {
    if (api === 'sheets') {
      const error: Record<string, unknown> = { code: this.code, message: this.message, status: this.status };
      const details = this.details ?? sheetsDetails(this);
      if (details.length) error.details = details;
      return { error };
    }
    const detail: ErrorDetail = { domain: this.domain, reason: this.reason, message: this.message };
    if (this.location) detail.location = this.location;
    if (this.locationType) detail.locationType = this.locationType;
    return { error: { code: this.code, message: this.message, errors: [detail], status: this.status } };
  }
}

const errorInfo = (reason: string, metadata: Record<string, string> = {}): Record<string, unknown> => ({
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
  reason,
  domain: 'googleapis.com',
  metadata: { service: 'sheets.googleapis.com', ...metadata },
});

/** Sheets' ErrorInfo for the errors whose reason a client acts on: credentials and scopes. Others carry none. */
function sheetsDetails(err: GoogleError): Record<string, unknown>[] {
  if (err.code === 401) return [errorInfo('ACCESS_TOKEN_EXPIRED')];
  if (err.code === 403 && err.reason === 'insufficientPermissions')
    return [errorInfo('ACCESS_TOKEN_SCOPE_INSUFFICIENT')];
  return [];
}

export const badRequest = (message: string, reason = 'badRequest', location?: string): GoogleError =>
  new GoogleError(400, message, reason, location ? { location, locationType: 'parameter' } : {});

export const invalidParameter = (name: string): GoogleError =>
  new GoogleError(400, 'Invalid Value', 'invalid', { location: name, locationType: 'parameter' });

export const fileNotFound = (fileId: string): GoogleError =>
  new GoogleError(404, `File not found: ${fileId}.`, 'notFound', {
    location: 'fileId',
    locationType: 'parameter',
  });

export const entityNotFound = (): GoogleError =>
  new GoogleError(404, 'Requested entity was not found.', 'notFound');

/** Sheets reports a bad request body field as "Invalid requests[0].addSheet: ..." with status INVALID_ARGUMENT. */
export const invalidRequest = (message: string): GoogleError => new GoogleError(400, message, 'badRequest');
