// The network tracker in the sidebar: its schema version, the tabs present and missing, and the one button
// that sets it up or upgrades it. The result, or a failure, is announced where the button is.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { TrackerStatus } from '../../sidebar-contract';
import { callServer } from '../server';
import { defineSidebarView } from '../view';

type Run =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; report: string; problems?: string[] }
  | { status: 'failed'; message: string };

const BUTTON: Partial<Record<TrackerStatus['action'], { label: string; busy: string }>> = {
  'set-up': { label: 'Set up network tracker', busy: 'Setting up…' },
  upgrade: { label: 'Upgrade tracker', busy: 'Upgrading…' },
};

function TrackerPanel({ initial }: { initial: TrackerStatus }) {
  const [tracker, setTracker] = useState(initial);
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const button = BUTTON[tracker.action];

  const setUp = () => {
    setRun({ status: 'running' });
    callServer('setUpTrackerFromSidebar').then(
      (result) => {
        setTracker(result.tracker);
        setRun({ status: 'done', report: result.report });
      },
      (error: Error) => setRun({ status: 'failed', message: error.message }),
    );
  };

  const refresh = () => {
    setRun({ status: 'running' });
    callServer('refreshTrackerFromSidebar').then(
      (result) => {
        setTracker(result.tracker);
        setRun({ status: 'done', report: result.report, problems: result.problems });
      },
      (error: Error) => setRun({ status: 'failed', message: error.message }),
    );
  };

  return (
    <section aria-labelledby="tracker-heading">
      <h1 id="tracker-heading">Network tracker</h1>
      <p class="file-name">{tracker.spreadsheetName}</p>
      <dl class="facts">
        <dt>Schema version</dt>
        <dd>
          {tracker.foundVersion === null ? 'not set up yet' : tracker.foundVersion}
          {tracker.foundVersion !== tracker.currentVersion && ` (this Rounds uses ${tracker.currentVersion})`}
        </dd>
        <dt>Tabs present</dt>
        <dd>{tracker.tabsPresent.length ? tracker.tabsPresent.join(', ') : 'none yet'}</dd>
        {tracker.tabsMissing.length > 0 && (
          <>
            <dt>Tabs missing</dt>
            <dd>{tracker.tabsMissing.join(', ')}</dd>
          </>
        )}
        {tracker.columnsMissing.map((c) => (
          <Fragment key={c.tab}>
            <dt>Missing in {c.tab}</dt>
            <dd>{c.headers.join(', ')}</dd>
          </Fragment>
        ))}
      </dl>
      <p class={tracker.action === 'newer' ? 'error' : undefined}>{tracker.message}</p>
      {button && (
        <button
          type="button"
          class="primary"
          onClick={setUp}
          disabled={run.status === 'running'}
          aria-busy={run.status === 'running'}
        >
          {run.status === 'running' ? button.busy : button.label}
        </button>
      )}
      {tracker.action !== 'newer' && (
        <button
          type="button"
          onClick={refresh}
          disabled={run.status === 'running'}
          aria-busy={run.status === 'running'}
        >
          Build / refresh tracker
        </button>
      )}
      <div role="status" aria-live="polite">
        {run.status === 'done' && <p class="report">{run.report}</p>}
        {run.status === 'done' && run.problems && run.problems.length > 0 && (
          <>
            <p>Cells to look at:</p>
            <ul class="problems">
              {run.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {run.status === 'failed' && (
        <p role="alert" class="error">
          {run.message}
        </p>
      )}
    </section>
  );
}

export const trackerView = defineSidebarView({
  id: 'tracker',
  applies: (state) => state.kind === 'spreadsheet',
  View: ({ state }) => (state.kind === 'spreadsheet' ? <TrackerPanel initial={state.tracker} /> : null),
});
