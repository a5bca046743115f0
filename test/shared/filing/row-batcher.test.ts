import { describe, expect, it } from 'vitest';
import { RowBatcher } from '../../../shared/filing/row-batcher';
import { Slots } from '../../../shared/filing/slots';
import type { TableRow } from '../../../shared/google/table-rows';
import { FakeClock } from '../google/fakes';

function recordingAppender(fail?: (n: number) => Error | undefined) {
  const flushes: { at: number; ids: string[] }[] = [];
  return {
    flushes,
    appender: (clock: FakeClock) => ({
      async append(rows: readonly TableRow[]) {
        flushes.push({ at: clock.now(), ids: rows.map((r) => r.id) });
        const error = fail?.(flushes.length);
        if (error) throw error;
        return { appended: rows.map((r) => r.id), alreadyThere: [] };
      },
    }),
  };
}

const row = (id: string): TableRow => ({ id, record: { title: id } });

describe('Filings rows from many filings', () => {
  it('rows filed together go to the sheet in one flush', async () => {
    const clock = new FakeClock(0);
    const rec = recordingAppender();
    const batcher = new RowBatcher(rec.appender(clock), clock, { lingerMs: 200 });
    await Promise.all(['a', 'b', 'c'].map((id) => batcher.add(row(id))));
    expect(rec.flushes).toEqual([{ at: 200, ids: ['a', 'b', 'c'] }]);
  });

  it('spaces flushes so a burst stays under the per-minute quota, and caps rows per flush', async () => {
    const clock = new FakeClock(0);
    const rec = recordingAppender();
    const batcher = new RowBatcher(rec.appender(clock), clock, { lingerMs: 100, minGapMs: 2500, maxRows: 2 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => batcher.add(row(id))));
    expect(rec.flushes).toEqual([
      { at: 100, ids: ['a', 'b'] },
      { at: 2600, ids: ['c', 'd'] },
      { at: 5100, ids: ['e'] },
    ]);
  });

  it('the last rows of a burst go out at once instead of waiting for the next flush slot', async () => {
    const clock = new FakeClock(0);
    const rec = recordingAppender();
    const batcher = new RowBatcher(rec.appender(clock), clock, { lingerMs: 100, minGapMs: 60_000 });
    await batcher.add(row('a'));
    const last = batcher.add(row('b'));
    batcher.hurry();
    await last;
    expect(rec.flushes).toEqual([
      { at: 100, ids: ['a'] },
      { at: 200, ids: ['b'] },
    ]);
  });

  it('a flush that gives up fails its own rows only, and the next rows still go out', async () => {
    const clock = new FakeClock(0);
    const rec = recordingAppender((n) => (n === 1 ? new Error('Sheets is down') : undefined));
    const batcher = new RowBatcher(rec.appender(clock), clock, { lingerMs: 10, minGapMs: 0 });
    const first = batcher.add(row('a'));
    await expect(first).rejects.toThrow('Sheets is down');
    await batcher.add(row('b'));
    expect(rec.flushes.map((f) => f.ids)).toEqual([['a'], ['b']]);
    await batcher.idle();
  });
});

describe('bounded concurrency', () => {
  it('never runs more than its size at once and runs everything', async () => {
    const slots = new Slots(3);
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        slots.run(async () => {
          running++;
          peak = Math.max(peak, running);
          for (let k = 0; k < (i % 4) + 1; k++) await Promise.resolve();
          running--;
          done.push(i);
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
