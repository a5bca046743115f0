// A fake LockService document lock: it can be free or held by someone else, and it logs every call.
import type { LockLike } from '../../apps-script/services/lock';
import type { CallLog } from './calls';

export class FakeLock implements LockLike {
  held = false;

  constructor(
    private readonly log: CallLog,
    private readonly heldElsewhere = false,
  ) {}

  tryLock(_timeoutInMillis: number): boolean {
    this.log.record('tryLock', 'lock', 'lock');
    if (this.heldElsewhere) return false;
    this.held = true;
    return true;
  }

  releaseLock(): void {
    this.log.record('releaseLock', 'lock', 'lock');
    this.held = false;
  }
}
