// The filing queue in storage.local, changed one step at a time: every change reads the stored queue,
// applies one function and writes it back, in order, so two parts of the worker never overwrite each
// other's change. Survives the worker stopping; nothing about it lives only in memory.
import { QUEUE_KEY, readQueue, writeQueue, type QueueState } from '../../shared/browser/filing-queue';
import { localStore } from '../platform/storage';

let last: Promise<unknown> = Promise.resolve();

export async function loadQueue(): Promise<QueueState> {
  await last.catch(() => undefined);
  return readQueue(await localStore.get(QUEUE_KEY));
}

/** Applies `change` to the stored queue (in order with every other change) and returns the new queue. */
export function changeQueue(change: (queue: QueueState) => void): Promise<QueueState> {
  const next = last
    .catch(() => undefined)
    .then(async () => {
      const queue = readQueue(await localStore.get(QUEUE_KEY));
      change(queue);
      await localStore.set(QUEUE_KEY, writeQueue(queue));
      return queue;
    });
  last = next;
  return next;
}
