// Request counters for GET /__sandbox/stats: how many requests, by method, status and Google method name.

export interface SandboxStats {
  total: number;
  byMethod: Record<string, number>;
  /** HTTP status as a string, or "dropped" for connections the fault injector destroyed. */
  byStatus: Record<string, number>;
  /** Google method names ("drive.files.list", "sheets.spreadsheets.batchUpdate"…), "fixtures" and "unknown". */
  byRoute: Record<string, number>;
  /** Faults injected at --fault-rate: before the handler ran, after it ran (mutation applied, response lost). */
  faults: { before: number; after: number; byKind: Record<string, number> };
  /** 429s sent because a token went past --rate-limit. */
  rateLimited: number;
  seed: number;
}

export class StatsCounter {
  private stats: SandboxStats;
  constructor(private readonly seed: number) {
    this.stats = this.empty();
  }

  private empty(): SandboxStats {
    return {
      total: 0,
      byMethod: {},
      byStatus: {},
      byRoute: {},
      faults: { before: 0, after: 0, byKind: {} },
      rateLimited: 0,
      seed: this.seed,
    };
  }

  record(method: string, status: number | 'dropped', route: string): void {
    const bump = (map: Record<string, number>, key: string): void => {
      map[key] = (map[key] ?? 0) + 1;
    };
    this.stats.total += 1;
    bump(this.stats.byMethod, method);
    bump(this.stats.byStatus, String(status));
    bump(this.stats.byRoute, route);
  }

  fault(when: 'before' | 'after', kind: string): void {
    this.stats.faults[when] += 1;
    this.stats.faults.byKind[kind] = (this.stats.faults.byKind[kind] ?? 0) + 1;
  }

  rateLimited(): void {
    this.stats.rateLimited += 1;
  }

  snapshot(): SandboxStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = this.empty();
  }
}
