// The worker's Google client: shared/google over fetch, with the worker's token. One per worker life, so
// the Sheets pace and the Drive id pool are shared by everything the worker does; it holds nothing that
// must survive the worker stopping.
import { GoogleClient } from '../../shared/google/client';
import { Drive } from '../../shared/google/drive';
import { RequestPacer, SHEETS_PER_USER_LIMIT } from '../../shared/google/pacer';
import { Sheets } from '../../shared/google/sheets';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../shared/google/transport';
import { browserClock, FetchTransport } from '../platform/fetch-transport';
import { googleOrigin, sheetsOrigin } from '../platform/google-origin';
import { workerTokens } from './account';

/** Counts answers the client will try again (Google busy, a dropped connection), for the panel to show. */
class CountingTransport implements HttpTransport {
  retried = 0;
  constructor(private readonly inner: HttpTransport) {}
  async request(req: HttpRequest): Promise<HttpResponse> {
    try {
      const res = await this.inner.request(req);
      if (res.status === 429 || res.status >= 500) this.retried++;
      return res;
    } catch (error) {
      this.retried++;
      throw error;
    }
  }
}

export interface WorkerGoogle {
  client: GoogleClient;
  drive: Drive;
  sheets: Sheets;
  /** Failed answers so far that the client retried or will. */
  retried(): number;
}

let google: WorkerGoogle | undefined;

export function workerGoogle(): WorkerGoogle {
  if (google) return google;
  const transport = new CountingTransport(new FetchTransport());
  const client = new GoogleClient({ transport, tokens: workerTokens, clock: browserClock });
  google = {
    client,
    drive: new Drive(client, googleOrigin),
    sheets: new Sheets(client, {
      origin: sheetsOrigin,
      pacer: new RequestPacer(browserClock, SHEETS_PER_USER_LIMIT),
    }),
    retried: () => transport.retried,
  };
  return google;
}
