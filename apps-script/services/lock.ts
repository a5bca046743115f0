// The only code that touches LockService: the document lock as a DocumentLock.
import type { DocumentLock } from '../tracker/set-up-tracker';

export interface LockLike {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

/** Long enough to outwait another person's set-up of the same spreadsheet, short of Apps Script's limits. */
const WAIT_MS = 20_000;

export function documentLockOf(lock: LockLike | null): DocumentLock {
  return {
    run(task) {
      if (!lock) throw new Error('Rounds can only change a spreadsheet or document it is opened in.');
      if (!lock.tryLock(WAIT_MS))
        throw new Error(
          'Someone else is changing this tracker right now. Nothing was changed; try again in a minute.',
        );
      try {
        return task();
      } finally {
        lock.releaseLock();
      }
    },
  };
}

export function activeDocumentLock(): DocumentLock {
  return documentLockOf(LockService.getDocumentLock());
}
