// Scripted stand-ins for the client's three doors: a transport that answers from a script and logs every
// request, a clock whose sleeps advance time instantly, and a token provider that counts refreshes.
import { bodyText } from '../../../shared/google/bytes';
import type { DriveFile } from '../../../shared/google/drive';
import { sourceQuery } from '../../../shared/google/source-files';
import { NetworkError } from '../../../shared/google/transport';
import type {
  Clock,
  HttpRequest,
  HttpResponse,
  HttpTransport,
  TokenProvider,
} from '../../../shared/google/transport';

export type Answer = HttpResponse | Error;
export type Script = (req: HttpRequest, n: number) => Answer | Promise<Answer>;

export class ScriptedTransport implements HttpTransport {
  readonly log: HttpRequest[] = [];
  constructor(private readonly script: Script) {}
  async request(req: HttpRequest): Promise<HttpResponse> {
    this.log.push(req);
    const answer = await this.script(req, this.log.length);
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function googleError(
  status: number,
  reason: string,
  message = reason,
  headers: Record<string, string> = {},
) {
  return json(
    status,
    { error: { code: status, message, errors: [{ domain: 'global', reason, message }] } },
    headers,
  );
}

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(
    public time = Date.UTC(2025, 2, 3, 9, 0, 0),
    public randomValue = 0.5,
  ) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
    await Promise.resolve();
  }
  random(): number {
    return this.randomValue;
  }
}

export class CountingTokens implements TokenProvider {
  refreshes = 0;
  constructor(
    public token = 'token-1',
    private readonly refreshTo: (n: number) => string | Error = (n) => `token-${n + 1}`,
  ) {}
  async getToken(): Promise<string> {
    return this.token;
  }
  async refresh(): Promise<string> {
    this.refreshes++;
    const next = this.refreshTo(this.refreshes);
    if (next instanceof Error) throw next;
    this.token = next;
    return next;
  }
}

export function bodyJson(req: HttpRequest): unknown {
  return JSON.parse(bodyText(req.body ?? ''));
}

/** Just enough of Drive to answer "is there a file with this srcId in this folder?" and to create one. */
export function tinyDrive(options: { loseCreateAnswers?: number } = {}) {
  const files: DriveFile[] = [];
  let toLose = options.loseCreateAnswers ?? 0;
  const script: Script = (req) => {
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === '/drive/v3/files') {
      const q = url.searchParams.get('q') ?? '';
      return json(200, {
        files: files.filter(
          (f) => q === sourceQuery(f.parents![0]!, { src: '', srcId: f.appProperties!.srcId! }),
        ),
      });
    }
    if (req.method === 'POST') {
      const metadata = url.pathname.startsWith('/upload')
        ? multipartMetadata(req)
        : (bodyJson(req) as DriveFile);
      files.push({ ...metadata, id: `file-${files.length + 1}` });
      if (toLose-- > 0) return new NetworkError('reset', 'socket hang up');
      return json(200, files.at(-1));
    }
    return googleError(404, 'notFound');
  };
  return { files, script };
}

function multipartMetadata(req: HttpRequest): DriveFile {
  const text = bodyText(req.body!);
  return JSON.parse(text.split('\r\n\r\n')[1]!.split('\r\n')[0]!) as DriveFile;
}
