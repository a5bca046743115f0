// The product's Google client wired for Node (CLI, bench, integration tests): node:http transport, wall
// clock, a bearer token, Drive and Sheets pointed at Google or at a local sandbox origin.
import { GoogleClient } from '../../shared/google/client';
import { DRIVE_ORIGIN, Drive } from '../../shared/google/drive';
import { type PacerLimit, RequestPacer, SHEETS_PER_USER_LIMIT } from '../../shared/google/pacer';
import type { RetryPolicy } from '../../shared/google/retry';
import { SHEETS_ORIGIN, Sheets } from '../../shared/google/sheets';
import type { TokenProvider } from '../../shared/google/transport';
import { a1 } from '../../shared/google/sheets';
import type { TabSpec } from '../../shared/schema/sheet';
import { NodeTransport, nodeClock, staticTokens } from './node-transport';

export interface ConnectOptions {
  /** One origin for both APIs (the sandbox); omitted means Google's production origins. */
  origin?: string;
  tokens?: TokenProvider;
  retry?: Partial<RetryPolicy>;
  /** The client-side Sheets pace; null turns it off (to measure what the server's limit does). */
  sheetsLimit?: PacerLimit | null;
  maxSockets?: number;
}

export interface ProductGoogle {
  client: GoogleClient;
  drive: Drive;
  sheets: Sheets;
  close(): void;
}

export function connect(options: ConnectOptions = {}): ProductGoogle {
  const transport = new NodeTransport({ maxSockets: options.maxSockets });
  const client = new GoogleClient({
    transport,
    tokens: options.tokens ?? staticTokens('rounds-local-token'),
    clock: nodeClock,
    retry: options.retry,
  });
  const limit = options.sheetsLimit === undefined ? SHEETS_PER_USER_LIMIT : options.sheetsLimit;
  const pacer = limit ? new RequestPacer(nodeClock, limit) : undefined;
  return {
    client,
    drive: new Drive(client, options.origin ?? DRIVE_ORIGIN),
    sheets: new Sheets(client, { origin: options.origin ?? SHEETS_ORIGIN, pacer }),
    close: () => transport.close(),
  };
}

/** A spreadsheet with the given tabs and their header rows (for the bench and tests; set-up proper migrates). */
export async function createSpreadsheetWithTabs(
  sheets: Sheets,
  title: string,
  tabs: readonly TabSpec[],
): Promise<string> {
  const created = await sheets.create({
    properties: { title },
    sheets: tabs.map((tab) => ({ properties: { title: tab.name } })),
  });
  const id = created.spreadsheetId;
  if (!id) throw new Error('Sheets created a spreadsheet without an id');
  await sheets.batchUpdateValues(
    id,
    tabs.map((tab) => ({
      range: a1(tab.name, '1:1'),
      majorDimension: 'ROWS',
      values: [tab.columns.map((c) => c.header)],
    })),
  );
  return id;
}
