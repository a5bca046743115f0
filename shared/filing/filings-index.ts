// Who filed what, read from the network spreadsheet's Filings tab: under drive.file a member cannot see
// another member's files in Drive, but every member reads the same Filings tab, so this is where a second
// filing of the same email (by its Message-ID) is recognised before anything is uploaded.

import type { TableContents } from '../google/table-rows';
import type { Clock } from '../google/transport';
import { LINK_SEPARATOR } from './filing-row';
import { normalizeMessageId } from './filing-job';

export interface PriorFiling {
  rowId: string;
  filedAt: string;
  filedBy: string;
  cycleId: string;
  step?: number;
  school?: string;
  links: string[];
}

export interface FilingsReader {
  read(): Promise<TableContents>;
}

export class FilingsIndex {
  private byKey = new Map<string, PriorFiling>();
  private byMessageId = new Map<string, PriorFiling>();
  private loadedAt = -Infinity;
  private loading?: Promise<void>;
  /** Reads of the tab made so far (one Sheets request each). */
  reads = 0;

  constructor(
    private readonly reader: FilingsReader,
    private readonly clock: Clock,
    /** A read older than this is refreshed before it is trusted (rows filed meanwhile by others). */
    private readonly maxAgeMs = 30_000,
  ) {}

  /** The earlier filing with this key, or of this Message-ID (a row another tool wrote may lack our key). */
  async find(key: string, messageId?: string): Promise<PriorFiling | undefined> {
    if (this.clock.now() - this.loadedAt > this.maxAgeMs) await this.refresh();
    return this.byKey.get(key) ?? (messageId ? this.byMessageId.get(bare(messageId)) : undefined);
  }

  /** Reads the tab again now; callers arriving meanwhile share the read. */
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<void> {
    const contents = await this.reader.read();
    this.reads++;
    const byKey = new Map<string, PriorFiling>();
    const byMessageId = new Map<string, PriorFiling>();
    for (const row of contents.rows) {
      const r = row.record;
      const prior: PriorFiling = {
        rowId: row.id,
        filedAt: String(r.filedAt ?? ''),
        filedBy: String(r.filedBy ?? ''),
        cycleId: String(r.cycle ?? ''),
        step: typeof r.step === 'number' ? r.step : Number(r.step) || undefined,
        school: r.school === undefined ? undefined : String(r.school),
        links: String(r.links ?? '')
          .split(LINK_SEPARATOR)
          .filter((l) => l !== ''),
      };
      if (row.id && !byKey.has(row.id)) byKey.set(row.id, prior);
      const messageId = r.kind === 'email' ? bare(String(r.messageId ?? '')) : '';
      if (messageId && !byMessageId.has(messageId)) byMessageId.set(messageId, prior);
    }
    this.byKey = byKey;
    this.byMessageId = byMessageId;
    this.loadedAt = this.clock.now();
  }
}

function bare(messageId: string): string {
  try {
    return normalizeMessageId(messageId);
  } catch {
    return '';
  }
}
