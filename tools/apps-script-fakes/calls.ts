// A call log shared by the fakes: every Apps Script call they receive, in order, so tests can count
// writes per tab and check that every read came before the first write.

/** read: cell values and metadata · structure: which tabs, how wide · write · lock. */
export type CallKind = 'read' | 'structure' | 'write' | 'lock';

export interface Call {
  method: string;
  /** The tab (or "spreadsheet", "lock") the call was made on. */
  target: string;
  kind: CallKind;
}

export class CallLog {
  readonly calls: Call[] = [];

  record(method: string, target: string, kind: CallKind): void {
    this.calls.push({ method, target, kind });
  }

  count(method: string, target?: string): number {
    return this.calls.filter((c) => c.method === method && (target === undefined || c.target === target))
      .length;
  }

  writes(): Call[] {
    return this.calls.filter((c) => c.kind === 'write');
  }

  /** True when no value was read after the first write (Apps Script's slow pattern is read-write-read). */
  readsBeforeWrites(): boolean {
    const firstWrite = this.calls.findIndex((c) => c.kind === 'write');
    return firstWrite < 0 || !this.calls.slice(firstWrite).some((c) => c.kind === 'read');
  }

  clear(): void {
    this.calls.length = 0;
  }
}
