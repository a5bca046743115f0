// Where a scenario runs: the local sandbox or real Google, behind the same official googleapis clients, so one
// scenario checks the sandbox's wire fidelity and, with credentials, the sandbox's assumptions about Google.
import { google, type drive_v3, type sheets_v4 } from 'googleapis';
import { expect } from 'vitest';

export interface Target {
  kind: 'sandbox' | 'google';
  /** Ends with "/": "http://127.0.0.1:PORT/" or "https://www.googleapis.com/". */
  rootUrl: string;
  token: string;
  drive: drive_v3.Drive;
  sheets: sheets_v4.Sheets;
  /** Scenarios work inside this folder (a fresh one per run), so they never see each other's files. */
  folderId: string;
  /** Spreadsheets are created in the root: remember them so the contract run can delete what it made. */
  made: string[];
}

export function clients(rootUrl: string, token: string): Pick<Target, 'drive' | 'sheets'> {
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: token });
  return {
    drive: google.drive({ version: 'v3', rootUrl, auth }),
    sheets: google.sheets({ version: 'v4', rootUrl, auth }),
  };
}

export const FOLDER = 'application/vnd.google-apps.folder';
export const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';

export async function newFolder(t: Target, name: string, parent = t.folderId): Promise<string> {
  const res = await t.drive.files.create({
    requestBody: { name, mimeType: FOLDER, parents: [parent] },
    fields: 'id',
  });
  return res.data.id as string;
}

/** Raw HTTP for what googleapis cannot express (resumable uploads, malformed bodies). */
export function raw(
  t: Target,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string | Buffer; token?: string | null } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  const token = init.token === undefined ? t.token : init.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  return fetch(path.startsWith('http') ? path : new URL(path, t.rootUrl), {
    method,
    headers,
    body: init.body as BodyInit | undefined,
  });
}

interface GoogleErrorBody {
  error: {
    code: number;
    message: string;
    status?: string;
    errors?: { reason: string; domain: string; message: string }[];
  };
}

/** Awaits a googleapis call that must fail, and checks Google's error shape, code and (optionally) reason. */
export async function expectGoogleError(
  call: Promise<unknown>,
  code: number,
  reason?: string,
): Promise<GoogleErrorBody> {
  let failure: unknown;
  try {
    await call;
  } catch (err) {
    failure = err;
  }
  expect(failure, `expected HTTP ${code}`).toBeDefined();
  const response = (failure as { response?: { status: number; data: GoogleErrorBody } }).response;
  expect(response?.status).toBe(code);
  const body = response?.data as GoogleErrorBody;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  if (reason) expect(body.error.errors?.[0]?.reason).toBe(reason);
  return body;
}

/** The same check for a raw fetch response. */
export async function expectErrorResponse(
  res: Response,
  code: number,
  reason?: string,
): Promise<GoogleErrorBody> {
  expect(res.status).toBe(code);
  const body = (await res.json()) as GoogleErrorBody;
  expect(body.error.code).toBe(code);
  if (reason) expect(body.error.errors?.[0]?.reason).toBe(reason);
  return body;
}

export async function newSpreadsheet(
  t: Target,
  body: sheets_v4.Schema$Spreadsheet,
): Promise<sheets_v4.Schema$Spreadsheet> {
  const res = await t.sheets.spreadsheets.create({ requestBody: body });
  const id = res.data.spreadsheetId as string;
  t.made.push(id);
  // Keep the run's files together: move the spreadsheet into the run's folder, as the product does.
  await t.drive.files.update({ fileId: id, addParents: t.folderId, removeParents: 'root', fields: 'id' });
  return res.data;
}

export type Scenario = (t: Target) => Promise<void>;
