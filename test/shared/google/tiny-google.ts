// Just enough of Drive and Sheets, in memory, for the filing core's unit tests: generateIds, create under a
// generated id (409 when taken, 400 when never generated), get, list in short pages, and a Filings tab that
// answers a whole-tab batchGet and a batchUpdate of insertDimension / updateCells / createDeveloperMetadata.
// `before` can answer instead (a 429, a dropped connection) and `loseAnswer` applies a write but drops its answer.
import { bodyText } from '../../../shared/google/bytes';
import type { DriveFile } from '../../../shared/google/drive';
import type { SheetsRequest } from '../../../shared/google/sheets';
import type { HttpRequest } from '../../../shared/google/transport';
import { NetworkError } from '../../../shared/google/transport';
import type { CellValue } from '../../../shared/schema/sheet';
import { type Answer, type Script, bodyJson, googleError, json } from './fakes';

export interface TinyGoogleOptions {
  /** Called first for every request; an answer returned here is sent instead. */
  before?: (req: HttpRequest) => Answer | undefined;
  /** Called after a write is applied: true drops the answer (the write stays). */
  loseAnswer?: (req: HttpRequest) => boolean;
  /** Files each list page holds at most. */
  pageMax?: number;
  /** Ids the current user may see; undefined = everything (as with the full drive scope). */
  visible?: Set<string>;
}

export function tinyGoogle(header: CellValue[], options: TinyGoogleOptions = {}) {
  const files = new Map<string, DriveFile>();
  const generated = new Set<string>();
  const grid: CellValue[][] = [header];
  const metadata: { key: string; value: string; row: number }[] = [];
  const counts = { generateIds: 0, uploads: 0, creates: 0, gets: 0, lists: 0, batchGets: 0, batchUpdates: 0 };
  let nextId = 1;
  const seen = (id: string) => !options.visible || options.visible.has(id);

  const drive = (req: HttpRequest, url: URL): Answer => {
    if (url.pathname.endsWith('/files/generateIds')) {
      counts.generateIds++;
      const count = Number(url.searchParams.get('count'));
      const ids = Array.from({ length: count }, () => `gen${nextId++}`);
      ids.forEach((id) => generated.add(id));
      return json(200, { kind: 'drive#generatedIds', space: 'drive', ids });
    }
    const one = /\/files\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'PATCH' && one) {
      const file = files.get(decodeURIComponent(one[1]!));
      if (!file || !seen(file.id!)) return googleError(404, 'notFound', `File not found: ${one[1]}.`);
      Object.assign(file, bodyJson(req));
      return json(200, file);
    }
    if (req.method === 'GET' && one) {
      counts.gets++;
      const file = files.get(decodeURIComponent(one[1]!));
      if (!file || !seen(file.id!)) return googleError(404, 'notFound', `File not found: ${one[1]}.`);
      return json(200, file);
    }
    if (req.method === 'GET') {
      counts.lists++;
      // The one query shape the filing core still sends: a folder and an appProperties srcId.
      const wanted = /key='srcId' and value='([^']*)'/.exec(url.searchParams.get('q') ?? '')?.[1];
      const all = [...files.values()].filter(
        (f) => seen(f.id!) && (wanted === undefined || f.appProperties?.srcId === wanted),
      );
      const start = Number(url.searchParams.get('pageToken') ?? 0);
      const size = Math.min(Number(url.searchParams.get('pageSize') ?? 100), options.pageMax ?? 1000);
      const page = all.slice(start, start + size);
      const more = start + size < all.length;
      return json(200, { files: page, ...(more ? { nextPageToken: String(start + size) } : {}) });
    }
    const upload = url.pathname.startsWith('/upload');
    const meta = upload ? multipartMetadata(req) : (bodyJson(req) as DriveFile);
    if (upload) counts.uploads++;
    else counts.creates++;
    if (meta.id && !generated.has(meta.id)) return googleError(400, 'fileIdNotUsable');
    if (meta.id && files.has(meta.id)) return googleError(409, 'fileIdInUse');
    const file = { ...meta, id: meta.id ?? `auto${nextId++}` };
    files.set(file.id, file);
    options.visible?.add(file.id);
    return lose(req) ?? json(200, file);
  };

  const sheets = (req: HttpRequest, url: URL): Answer => {
    if (req.method === 'GET' && url.pathname.endsWith('/values:batchGet')) {
      counts.batchGets++;
      let rows = grid.map((r) => trimRow(r));
      while (rows.length && rows.at(-1)!.length === 0) rows = rows.slice(0, -1);
      return json(200, { valueRanges: [{ range: 'Filings', values: rows }] });
    }
    if (req.method === 'GET')
      return json(200, { sheets: [{ properties: { sheetId: 7, title: 'Filings' } }] });
    counts.batchUpdates++;
    for (const r of (bodyJson(req) as { requests: SheetsRequest[] }).requests) apply(r);
    return lose(req) ?? json(200, { replies: [] });
  };

  const apply = (r: SheetsRequest) => {
    const ins = r.insertDimension?.range;
    if (ins) {
      const n = ins.endIndex! - ins.startIndex!;
      while (grid.length < ins.startIndex!) grid.push([]);
      grid.splice(ins.startIndex!, 0, ...Array.from({ length: n }, () => []));
      for (const m of metadata) if (m.row >= ins.startIndex!) m.row += n;
    }
    const cells = r.updateCells;
    if (cells) {
      cells.rows!.forEach((row, i) => {
        grid[cells.start!.rowIndex! + i] = row.values!.map(
          (c) => c.userEnteredValue?.stringValue ?? c.userEnteredValue?.numberValue ?? '',
        );
      });
    }
    const dm = r.createDeveloperMetadata?.developerMetadata;
    if (dm)
      metadata.push({
        key: dm.metadataKey!,
        value: dm.metadataValue!,
        row: dm.location!.dimensionRange!.startIndex!,
      });
  };

  const lose = (req: HttpRequest): Answer | undefined =>
    options.loseAnswer?.(req) ? new NetworkError('reset', 'socket hang up') : undefined;

  const script: Script = (req) => {
    const early = options.before?.(req);
    if (early) return early;
    const url = new URL(req.url);
    return url.pathname.startsWith('/v4/') ? sheets(req, url) : drive(req, url);
  };

  /** The Filings rows (below the header) as the grid holds them, with their row index. */
  const rows = () =>
    grid
      .map((cells, rowIndex) => ({ cells, rowIndex }))
      .slice(1)
      .filter((r) => r.cells.some((c) => c !== '' && c !== null));
  return { files, grid, metadata, counts, script, rows };
}

function trimRow(row: CellValue[]): CellValue[] {
  const out = row.map((c) => c ?? '');
  while (out.length && out.at(-1) === '') out.pop();
  return out;
}

function multipartMetadata(req: HttpRequest): DriveFile {
  const text = bodyText(req.body!);
  return JSON.parse(text.split('\r\n\r\n')[1]!.split('\r\n')[0]!) as DriveFile;
}
