// A view's read or write on the server as one piece: the Load it is in, the button that asks (again) while
// showing it is working, and the alert that says why it failed — so every view asks and fails alike.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Load } from './server';

/**
 * The Load of one server call and the function that makes it. `ready` runs after the answer is shown,
 * for what the view does with it (pick a school, clear a form, read again).
 */
export function useLoad<T, A extends unknown[] = []>(
  call: (...args: A) => Promise<T>,
  ready?: (value: T) => void,
): [Load<T>, (...args: A) => void] {
  const [load, setLoad] = useState<Load<T>>({ status: 'idle' });
  const start = (...args: A) => {
    setLoad({ status: 'loading' });
    call(...args).then(
      (value) => {
        setLoad({ status: 'ready', value });
        ready?.(value);
      },
      (error: Error) => setLoad({ status: 'failed', message: error.message }),
    );
  };
  return [load, start];
}

/** The button that asks the server, disabled and marked busy while the answer is on its way. */
export function LoadButton({
  load,
  onClick,
  working,
  children,
}: {
  load: Load<unknown>;
  onClick: () => void;
  /** What the button says while it waits, e.g. “Reading…”. */
  working: string;
  children: ComponentChildren;
}) {
  const loading = load.status === 'loading';
  return (
    <button type="button" onClick={() => onClick()} disabled={loading} aria-busy={loading}>
      {loading ? working : children}
    </button>
  );
}

/** Why the server call failed, as the server said it, announced to screen readers. */
export function LoadFailure({ load }: { load: Load<unknown> }) {
  if (load.status !== 'failed') return null;
  return (
    <p role="alert" class="error">
      {load.message}
    </p>
  );
}
