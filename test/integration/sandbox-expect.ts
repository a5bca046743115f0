// Checks for the Sheets error shape (status and details, no errors[]), which the shared scenario helpers, written
// for Drive's shape, do not cover; used by the sandbox-*.test.ts files.
import { expect } from 'vitest';

export interface SheetsErrorBody {
  error: {
    code: number;
    message: string;
    status: string;
    details?: { '@type': string; reason?: string; metadata?: Record<string, string> }[];
    errors?: unknown;
  };
}

/** A raw Sheets error response: the code, Google's status name, no Drive-style errors[]; returns the body. */
export async function expectSheetsError(
  res: Response,
  code: number,
  status: string,
): Promise<SheetsErrorBody> {
  expect(res.status).toBe(code);
  const body = (await res.json()) as SheetsErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.status).toBe(status);
  expect(body.error.errors).toBeUndefined();
  return body;
}

/** The same for a googleapis call that must fail. */
export async function expectSheetsFailure(
  call: Promise<unknown>,
  code: number,
  status: string,
): Promise<SheetsErrorBody> {
  const failure = await call.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(failure, `expected HTTP ${code}`).toBeDefined();
  const response = (failure as { response?: { status: number; data: SheetsErrorBody } }).response;
  expect(response?.status).toBe(code);
  const body = response?.data as SheetsErrorBody;
  expect(body.error.status).toBe(status);
  expect(body.error.errors).toBeUndefined();
  return body;
}

/** The reason of the ErrorInfo in a Sheets error's details. */
export const errorInfoReason = (body: SheetsErrorBody): string | undefined =>
  body.error.details?.find((d) => d['@type'] === 'type.googleapis.com/google.rpc.ErrorInfo')?.reason;
