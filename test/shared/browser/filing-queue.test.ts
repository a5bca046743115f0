// The stored filing queue read back: a damaged item is set aside and named, the rest still files; a
// queue saved by another version is refused with a reason rather than misread; counts are what the bar shows.
import { describe, expect, it } from 'vitest';
import { countQueue, readQueue, writeQueue, type QueueEntry } from '../../../shared/browser/filing-queue';

const entry = (id: string, state: QueueEntry['state']): QueueEntry => ({
  id,
  label: `Email ${id}`,
  choice: { cycleId: 'cycle:1', step: 3 },
  state,
  tries: 0,
  queuedAt: '2025-12-03T10:00:00.000Z',
});

describe('the stored filing queue', () => {
  it('keeps the good items and names the damaged one instead of dropping the queue', () => {
    const stored = {
      v: 1,
      paused: false,
      retries: 2,
      entries: [entry('gmail:1', 'waiting'), { id: 'gmail:2', state: 'exploded' }, entry('gmail:3', 'done')],
    };
    const queue = readQueue(stored);
    expect(queue.entries.map((e) => e.id)).toEqual(['gmail:1', 'gmail:3']);
    expect(queue.damaged).toHaveLength(1);
    expect(queue.damaged[0]).toMatch(/^Queue item 2:/);
    expect(writeQueue(queue)).not.toHaveProperty('damaged');
  });

  it('refuses a queue from another version with a reason, and starts empty', () => {
    const queue = readQueue({ v: 2, paused: false, retries: 0, entries: [] });
    expect(queue.entries).toEqual([]);
    expect(queue.damaged[0]).toMatch(/damaged/);
  });

  it('counts filing items as waiting, so the bar and "N waiting" agree', () => {
    expect(
      countQueue([entry('a', 'waiting'), entry('b', 'filing'), entry('c', 'done'), entry('d', 'failed')]),
    ).toEqual({ waiting: 2, done: 1, failed: 1, cancelled: 0, total: 4 });
  });
});
