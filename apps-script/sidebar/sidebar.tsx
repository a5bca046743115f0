// The sidebar: asks the server what the open file is, then shows the tracker (Sheets) or the document
// (Docs). Loading and failures are announced to screen readers; a failure can be retried.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SidebarState } from '../sidebar-contract';
import { DocumentPanel } from './document-panel';
import { callServer } from './server';
import { IpopPanel } from './ipop-panel';
import { SupportPanel } from './support-panel';
import { TrackerPanel } from './tracker-panel';

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
      {load.status === 'ready' && load.state.kind === 'spreadsheet' && (
        <>
          <TrackerPanel initial={load.state.tracker} />
          {load.state.tracker.action !== 'set-up' && <SupportPanel />}
          <IpopPanel />
        </>
      )}
      {load.status === 'ready' && load.state.kind === 'document' && (
        <DocumentPanel documentName={load.state.documentName} />
      )}
    </main>
  );
}
