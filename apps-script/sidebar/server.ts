// The sidebar's only way to the server: google.script.run, wrapped in a promise with a typed function name,
// and failures turned into an Error whose message the sidebar can show as it is.
import type { SidebarServer } from '../sidebar-contract';

type Handler = (value: never) => void;

/** A server read or write as a view shows it: not asked yet, under way, its answer, or why it failed. */
export type Load<T> =
  { status: 'idle' | 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/** The part of HtmlService's client-side google.script.run the sidebar uses. */
export interface ScriptRunner {
  withSuccessHandler(handler: Handler): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}

declare const google: { script?: { run?: ScriptRunner } } | undefined;

function defaultRunner(): ScriptRunner {
  const run = typeof google === 'undefined' ? undefined : google.script?.run;
  if (!run)
    throw new Error('This page only works inside Google Docs or Sheets: open it from Extensions → Rounds.');
  return run;
}

export function callServer<K extends keyof SidebarServer>(
  name: K,
  runner: () => ScriptRunner = defaultRunner,
  args: Parameters<SidebarServer[K]> = [] as unknown as Parameters<SidebarServer[K]>,
): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise((resolve, reject) => {
    const run = runner()
      .withSuccessHandler(resolve as Handler)
      .withFailureHandler((error) => reject(new Error(failureMessage(error))));
    const call = run[name];
    if (typeof call !== 'function') throw new Error(`The add-on has no server function “${name}”.`);
    call.call(run, ...args);
  });
}

/**
 * Apps Script passes the thrown Error (its message intact) or, for some failures, a bare string. The
 * Error need not come from this window's realm, so it is recognised by its message, not instanceof.
 */
export function failureMessage(error: unknown): string {
  const carried =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : error;
  const message = typeof carried === 'string' ? carried : '';
  return message.trim() || 'The add-on did not answer. Check your connection and try again.';
}
