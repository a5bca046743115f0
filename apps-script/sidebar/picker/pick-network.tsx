// The "Connect the Rounds browser extension" dialog: the member chooses the network's root folder and this
// spreadsheet in Google's Picker (which grants them to Rounds under drive.file), then copies the two links
// into the extension's "Join your network". Every state is announced; failures can be retried.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { networkPicks, type NetworkPicks } from '../../../shared/network/picked-files';
import type { PickerConfig } from '../../sidebar-contract';
import { callServer } from '../server';
import { pickFolderAndSpreadsheet } from './google-picker';

type Stage =
  | { status: 'loading' }
  | { status: 'failed'; message: string; retry: () => void }
  | { status: 'ready'; config: PickerConfig }
  | { status: 'picking'; config: PickerConfig }
  | { status: 'picked'; config: PickerConfig; picks: NetworkPicks }
  | { status: 'cancelled'; config: PickerConfig };

export function PickNetwork() {
  const [stage, setStage] = useState<Stage>({ status: 'loading' });
  const load = useCallback(() => {
    setStage({ status: 'loading' });
    callServer('getPickerConfig').then(
      (config) => setStage({ status: 'ready', config }),
      (error: Error) => setStage({ status: 'failed', message: error.message, retry: load }),
    );
  }, []);
  useEffect(load, [load]);

  const pick = (config: PickerConfig) => {
    setStage({ status: 'picking', config });
    pickFolderAndSpreadsheet(config).then(
      (outcome) =>
        setStage(
          outcome.kind === 'cancelled'
            ? { status: 'cancelled', config }
            : { status: 'picked', config, picks: networkPicks(outcome.files, config.spreadsheetId) },
        ),
      (error: Error) => setStage({ status: 'failed', message: error.message, retry: () => pick(config) }),
    );
  };

  return (
    <main class="sidebar dialog">
      <h1>Connect the Rounds browser extension</h1>
      <p>
        Rounds only sees the Drive files you give it. Choose the network&apos;s root folder and this network
        spreadsheet in Google&apos;s file picker; then paste the two links into the Rounds side panel in Gmail
        (<strong>Join your network</strong>). Nothing is moved, renamed or shared.
      </p>
      {stage.status === 'loading' && (
        <p role="status" class="muted">
          Getting ready…
        </p>
      )}
      {stage.status === 'failed' && (
        <div role="alert" class="error">
          <p>{stage.message}</p>
          <button type="button" onClick={stage.retry}>
            Try again
          </button>
        </div>
      )}
      {(stage.status === 'ready' || stage.status === 'cancelled' || stage.status === 'picked') && (
        <p>
          <button type="button" onClick={() => pick(stage.config)}>
            {stage.status === 'ready' ? 'Choose the folder and spreadsheet' : 'Choose again'}
          </button>
        </p>
      )}
      {stage.status === 'picking' && (
        <p role="status" class="muted">
          Waiting for your choice in Google&apos;s picker…
        </p>
      )}
      {stage.status === 'cancelled' && <p role="status">Nothing was chosen, so nothing changed.</p>}
      {stage.status === 'picked' && <PickedLinks picks={stage.picks} />}
    </main>
  );
}

function PickedLinks({ picks }: { picks: NetworkPicks }) {
  return (
    <section aria-labelledby="links-heading">
      <h2 id="links-heading">{picks.problems.length ? 'Almost there' : 'Rounds can now see these two'}</h2>
      {picks.problems.length > 0 && (
        <ul role="alert" class="error">
          {picks.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {picks.folder && (
        <LinkField id="folder-link" label={`Root folder: ${picks.folder.name}`} url={picks.folder.url} />
      )}
      {picks.spreadsheet && (
        <LinkField
          id="spreadsheet-link"
          label={`Network spreadsheet: ${picks.spreadsheet.name}`}
          url={picks.spreadsheet.url}
        />
      )}
      {!picks.problems.length && (
        <p>
          In Gmail, open the Rounds side panel, choose <strong>Join your network</strong> and paste both
          links.
        </p>
      )}
    </section>
  );
}

function LinkField({ id, label, url }: { id: string; label: string; url: string }) {
  const [copied, setCopied] = useState(false);
  const copy = (input: HTMLInputElement | null) => {
    input?.select();
    // The dialog's frame may not be allowed the clipboard: the link is then selected for Ctrl+C.
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div class="link-field">
      <label for={id}>{label}</label>
      <input id={id} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={() => copy(document.getElementById(id) as HTMLInputElement | null)}>
        Copy
      </button>
      <span role="status" class="muted">
        {copied ? 'Copied.' : ''}
      </span>
    </div>
  );
}
