// Connecting the network (first run): create a new one, or join the one the ILD shared; then confirm
// which of the network's existing folders is which — Rounds proposes, the user corrects, and only what is
// missing is created. Nothing existing is moved or renamed.
import { useState } from 'preact/hooks';
import { CONFIRM_BELOW, type Correction } from '../../../shared/network/adoption';
import { t } from '../../platform/i18n';
import { account, adoption, network, networkStatus } from '../stores';
import { Untrusted } from '../untrusted';
import { ask, defineView } from '../view';

/** The Drive id in a Drive or Sheets link (or the id itself). */
export function driveIdOf(text: string): string {
  const trimmed = text.trim();
  const match = /\/(?:folders|d)\/([\w-]{10,})/.exec(trimmed) ?? /[?&]id=([\w-]{10,})/.exec(trimmed);
  return match ? match[1]! : trimmed;
}

function Create() {
  const [name, setName] = useState('');
  const [schools, setSchools] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    const list = schools
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    void ask({ kind: 'create-network', name: name.trim(), schools: list });
  };
  return (
    <form onSubmit={submit}>
      <h3>{t('createNetwork')}</h3>
      <label for="network-name">{t('networkNameLabel')}</label>
      <input
        id="network-name"
        required
        maxLength={200}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <label for="network-schools">{t('networkSchoolsLabel')}</label>
      <textarea
        id="network-schools"
        rows={4}
        value={schools}
        onInput={(e) => setSchools(e.currentTarget.value)}
      />
      <button type="submit" class="primary">
        {t('createNetworkButton')}
      </button>
    </form>
  );
}

function Join() {
  const [sheet, setSheet] = useState('');
  const [folder, setFolder] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    void ask({ kind: 'join-network', spreadsheetId: driveIdOf(sheet), rootFolderId: driveIdOf(folder) });
  };
  return (
    <form onSubmit={submit}>
      <h3>{t('joinNetwork')}</h3>
      <p class="status">{t('joinHelp')}</p>
      <label for="join-sheet">{t('joinSheetLabel')}</label>
      <input id="join-sheet" required value={sheet} onInput={(e) => setSheet(e.currentTarget.value)} />
      <label for="join-folder">{t('joinFolderLabel')}</label>
      <input id="join-folder" required value={folder} onInput={(e) => setFolder(e.currentTarget.value)} />
      <button type="submit" class="primary">
        {t('joinNetworkButton')}
      </button>
    </form>
  );
}

function Adoption() {
  const found = adoption.value;
  const [corrections, setCorrections] = useState<Record<string, string>>({});
  if (!found) {
    return (
      <button type="button" onClick={() => void ask({ kind: 'propose-adoption' })}>
        {t('proposeFolders')}
      </button>
    );
  }
  const { proposal } = found;
  const confirm = () => {
    const list: Correction[] = Object.entries(corrections).map(([key, value]) =>
      value === 'create' ? { key, create: true } : { key, folderId: value },
    );
    void ask({ kind: 'adopt-folders', corrections: list });
  };
  const adopted = proposal.proposals.filter((p) => p.action === 'adopt').length;
  return (
    <div>
      <h3>{t('foldersTitle')}</h3>
      <p>{t('foldersSummary', adopted, proposal.proposals.length - adopted)}</p>
      {proposal.problems.map((p) => (
        <p class="problem" key={p}>
          {p}
        </p>
      ))}
      <ul class="proposals">
        {proposal.proposals.map((p) => (
          <li key={p.key} class={p.confidence < CONFIRM_BELOW ? 'unsure' : undefined}>
            <Untrusted text={p.place} />:{' '}
            {p.action === 'adopt' ? (
              <>
                {t('useFolder')} <Untrusted text={p.name} />
              </>
            ) : (
              t('createFolder')
            )}
            <span class="status">
              {' '}
              — <Untrusted text={p.reason} />
            </span>
            {p.alternatives.length > 0 && (
              <>
                <label class="sr-only" for={`fix-${p.key}`}>
                  {t('correctFolder', p.place)}
                </label>
                <select
                  id={`fix-${p.key}`}
                  value={corrections[p.key] ?? ''}
                  onChange={(e) => setCorrections({ ...corrections, [p.key]: e.currentTarget.value })}
                >
                  <option value="">{t('keepProposal')}</option>
                  {p.alternatives.map((a) => (
                    <option key={a.folderId} value={a.folderId}>
                      {a.name}
                    </option>
                  ))}
                  <option value="create">{t('createFolder')}</option>
                </select>
              </>
            )}
          </li>
        ))}
      </ul>
      <button type="button" class="primary" onClick={confirm}>
        {t('confirmFolders')}
      </button>
    </div>
  );
}

function Connect() {
  const status = networkStatus.value;
  const connected = network.value.network;
  return (
    <section class="panel-section" aria-labelledby="connect-heading">
      <h2 id="connect-heading">{t('connectTitle')}</h2>
      {network.value.problem && (
        <p class="problem" role="alert">
          {network.value.problem}
        </p>
      )}
      {status.busy && (
        <p class="status" role="status">
          {status.busy}
        </p>
      )}
      {status.problem && (
        <p class="problem" role="alert">
          {status.problem}
        </p>
      )}
      {status.done && (
        <p class="status" role="status">
          {status.done}
        </p>
      )}
      {connected ? (
        <Adoption />
      ) : (
        !status.busy && (
          <>
            <Create />
            <Join />
          </>
        )
      )}
    </section>
  );
}

export const connectView = defineView({
  id: 'connect',
  applies: () => account.value.state === 'signed-in' && !network.value.network?.layout,
  View: Connect,
});
