// Waking the worker later: Chrome stops an idle worker after ~30 s and forgets its timers, so work that
// must be retried (offline, Google busy) asks for an alarm, which wakes the worker again.
import { browserApi } from './browser';

export function wakeLater(name: string, delayMs: number): void {
  const alarms = browserApi().alarms;
  // Chrome 120+ honours 30 s; older versions round up to a minute.
  void alarms?.create(name, { when: Date.now() + Math.max(delayMs, 30_000) });
}

/** Registered at the top level of the worker, so an alarm that wakes it finds the listener. */
export function onWake(name: string, listener: () => void): void {
  browserApi().alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === name) listener();
  });
}
