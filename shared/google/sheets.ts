// A thin, typed Sheets v4 wrapper over the retrying client: create, get, one batchGet per read and one
// batchUpdate per user action, every request paced under the per-user quota.

import type { sheets_v4 } from '@googleapis/sheets';
import type { GoogleClient } from './client';
import { enc, params } from './drive';
import type { RequestPacer } from './pacer';

export type Spreadsheet = sheets_v4.Schema$Spreadsheet;
export type SheetsRequest = sheets_v4.Schema$Request;
export type BatchUpdateResponse = sheets_v4.Schema$BatchUpdateSpreadsheetResponse;
export type BatchGetResponse = sheets_v4.Schema$BatchGetValuesResponse;
export type ValueRange = sheets_v4.Schema$ValueRange;

export const SHEETS_ORIGIN = 'https://sheets.googleapis.com';

export interface SheetsOptions {
  origin?: string;
  /** Shared by every Sheets call this user makes, so the product stays under Google's 60/min. */
  pacer?: RequestPacer;
}

export class Sheets {
  readonly api: string;
  private readonly pacer?: RequestPacer;

  constructor(
    readonly client: GoogleClient,
    options: SheetsOptions = {},
  ) {
    this.api = `${(options.origin ?? SHEETS_ORIGIN).replace(/\/+$/, '')}/v4/spreadsheets`;
    this.pacer = options.pacer;
  }

  /** Not replayed on a lost answer: a second spreadsheet would be a second database. */
  create(spreadsheet: Spreadsheet): Promise<Spreadsheet> {
    return this.client.json<Spreadsheet>({
      method: 'POST',
      url: this.api,
      body: spreadsheet,
      pacer: this.pacer,
      replayAmbiguous: false,
    });
  }

  get(
    spreadsheetId: string,
    options: { ranges?: string[]; fields?: string; includeGridData?: boolean } = {},
  ): Promise<Spreadsheet> {
    const query = [
      params({ fields: options.fields, includeGridData: options.includeGridData }),
      ...(options.ranges ?? []).map((r) => `ranges=${enc(r)}`),
    ]
      .filter(Boolean)
      .join('&');
    const url = `${this.api}/${enc(spreadsheetId)}${query ? `?${query}` : ''}`;
    return this.client.json<Spreadsheet>({ method: 'GET', url, pacer: this.pacer });
  }

  /** Every range a read needs, in one request. */
  batchGet(
    spreadsheetId: string,
    ranges: readonly string[],
    options: {
      majorDimension?: 'ROWS' | 'COLUMNS';
      valueRenderOption?: 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
    } = {},
  ): Promise<BatchGetResponse> {
    const query = [
      ...ranges.map((r) => `ranges=${enc(r)}`),
      params({ majorDimension: options.majorDimension, valueRenderOption: options.valueRenderOption }),
    ]
      .filter(Boolean)
      .join('&');
    return this.client.json<BatchGetResponse>({
      method: 'GET',
      url: `${this.api}/${enc(spreadsheetId)}/values:batchGet?${query}`,
      pacer: this.pacer,
    });
  }

  /**
   * Every change a user action makes, applied by Google in order and atomically. Requests that add
   * (appendCells, addSheet) are not idempotent, so by default a lost answer goes back to the caller.
   */
  batchUpdate(
    spreadsheetId: string,
    requests: SheetsRequest[],
    options: { includeSpreadsheetInResponse?: boolean; idempotent?: boolean } = {},
  ): Promise<BatchUpdateResponse> {
    const body: sheets_v4.Schema$BatchUpdateSpreadsheetRequest = { requests };
    if (options.includeSpreadsheetInResponse) body.includeSpreadsheetInResponse = true;
    return this.client.json<BatchUpdateResponse>({
      method: 'POST',
      url: `${this.api}/${enc(spreadsheetId)}:batchUpdate`,
      body,
      pacer: this.pacer,
      replayAmbiguous: options.idempotent ?? false,
    });
  }

  /** Finds developer metadata (e.g. the row carrying a Rounds id, wherever people have sorted it to). */
  searchDeveloperMetadata(
    spreadsheetId: string,
    dataFilters: sheets_v4.Schema$DataFilter[],
  ): Promise<sheets_v4.Schema$SearchDeveloperMetadataResponse> {
    return this.client.json({
      method: 'POST',
      url: `${this.api}/${enc(spreadsheetId)}/developerMetadata:search`,
      body: { dataFilters },
      pacer: this.pacer,
    });
  }

  /** Overwrites the given ranges: idempotent, so replayed freely. */
  batchUpdateValues(
    spreadsheetId: string,
    data: ValueRange[],
    valueInputOption: 'RAW' | 'USER_ENTERED' = 'RAW',
  ): Promise<sheets_v4.Schema$BatchUpdateValuesResponse> {
    return this.client.json({
      method: 'POST',
      url: `${this.api}/${enc(spreadsheetId)}/values:batchUpdate`,
      body: { valueInputOption, data },
      pacer: this.pacer,
    });
  }
}

/** A tab name as A1 notation needs it: always quoted, inner quotes doubled ("Bob's" -> 'Bob''s'). */
export function a1(sheetName: string, range?: string): string {
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  return range ? `${quoted}!${range}` : quoted;
}

/** 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
