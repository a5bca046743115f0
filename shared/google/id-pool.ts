// Pre-generated Drive file ids (files.generateIds), fetched in blocks shared by every filing and handed out a
// few at a time, so naming each new file in advance costs a hundredth of a request instead of one.

import { type Drive, MAX_GENERATED_IDS } from './drive';

export type IdKind = 'files' | 'shortcuts';

export interface DriveIdPoolOptions {
  /** Ids fetched per request (Drive allows up to 1,000). Unused ids cost nothing: Drive forgets them. */
  blockSize?: number;
}

export class DriveIdPool {
  private readonly spare: Record<IdKind, string[]> = { files: [], shortcuts: [] };
  private readonly fetching: Partial<Record<IdKind, Promise<void>>> = {};
  /** Ids a batch under way said it would still take (see prefetch): what a background refill is for. */
  private readonly wanted: Record<IdKind, number> = { files: 0, shortcuts: 0 };
  private readonly blockSize: number;
  /** generateIds requests made so far. */
  requests = 0;

  constructor(
    private readonly drive: Pick<Drive, 'generateIds'>,
    options: DriveIdPoolOptions = {},
  ) {
    this.blockSize = Math.min(MAX_GENERATED_IDS, Math.max(1, Math.floor(options.blockSize ?? 100)));
  }

  /** `count` ids that no one else will be given; many callers at once share one block request. */
  async take(count: number, kind: IdKind = 'files'): Promise<string[]> {
    const taken: string[] = [];
    while (taken.length < count) {
      const spare = this.spare[kind];
      if (spare.length > 0) taken.push(...spare.splice(0, count - taken.length));
      else await this.refill(kind, count - taken.length);
    }
    // Running low while a batch still needs more: fetch the next block now, so it never stops to wait for one.
    this.wanted[kind] = Math.max(0, this.wanted[kind] - count);
    const spare = this.spare[kind].length;
    if (spare < this.blockSize / 4 && this.wanted[kind] > spare && this.fetching[kind] === undefined)
      this.refill(kind, this.wanted[kind] - spare).catch(() => undefined);
    return taken;
  }

  /**
   * Starts fetching ids now so the first filing of a batch does not wait for them; `expected` (a batch's size)
   * makes the block big enough for the whole batch, up to Drive's 1,000, so a batch costs one request for ids.
   */
  prefetch(kind: IdKind = 'files', expected = 1): void {
    this.wanted[kind] = Math.max(this.wanted[kind], expected);
    if (this.fetching[kind] !== undefined || this.spare[kind].length >= expected) return;
    this.refill(kind, expected - this.spare[kind].length).catch(() => undefined);
  }

  private refill(kind: IdKind, wanted: number): Promise<void> {
    this.fetching[kind] ??= (async () => {
      try {
        this.requests++;
        const ids = await this.drive.generateIds(
          Math.min(MAX_GENERATED_IDS, Math.max(this.blockSize, wanted)),
          kind,
        );
        this.spare[kind].push(...ids);
      } finally {
        delete this.fetching[kind];
      }
    })();
    return this.fetching[kind];
  }
}
