// The sidebar: asks the server what the open file is, then shows the views that apply to it (listed in
// views/index.ts). Loading and failures are announced to screen readers; a failure can be retried.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SidebarState } from '../sidebar-contract';
import { callServer } from './server';
import { SIDEBAR_VIEWS } from './views';

type Load =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; state: SidebarState };

export function Sidebar() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const refresh = useCallback(() => {
    setLoad({ status: 'loading' });
    callServer('getSidebarState').then(
      (state) => setLoad({ status: 'ready', state }),
      (error: Error) => setLoad({ status: 'failed', message: error.message }),
    );
  }, []);
  useEffect(refresh, [refresh]);

  return (
    <main class="sidebar">
      {load.status === 'loading' && (
        <p role="status" class="muted">
          Reading this file…
        </p>
      )}
      {load.status === 'failed' && (
        <div role="alert" class="error">
          <p>{load.message}</p>
          <button type="button" onClick={refresh}>
            Try again
          </button>
        </div>
      )}
      {load.status === 'ready' &&
        SIDEBAR_VIEWS.filter((view) => view.applies(load.state)).map((view) => (
          <view.View key={view.id} state={load.state} />
        ))}
    </main>
  );
}
