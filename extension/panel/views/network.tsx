// The network at a glance, from the spreadsheet every member reads: each cycle and its step, each school's
// step in it, its last filing and who filed it.
import { useEffect, useMemo } from 'preact/hooks';
import { stepLabelsOf } from '../../../shared/network/folder-layout';
import { networkOverview } from '../../../shared/network/overview';
import { t } from '../../platform/i18n';
import { personName, shortDate } from '../filed-line';
import { account, network, tables } from '../stores';
import { Untrusted } from '../untrusted';
import { ask, defineView } from '../view';

function Network() {
  const read = tables.value;
  const overview = useMemo(() => (read ? networkOverview(read, stepLabelsOf()) : undefined), [read]);
  // A new browser session has not read the spreadsheet yet.
  useEffect(() => {
    if (!read) void ask({ kind: 'refresh-network' });
  }, [read === undefined]);
  return (
    <section class="panel-section" aria-labelledby="network-heading">
      <h2 id="network-heading">
        <Untrusted text={network.value.network?.name ?? ''} fallback={t('networkTitle')} />
      </h2>
      <div class="toolbar">
        <button type="button" onClick={() => void ask({ kind: 'refresh-network' })}>
          {t('refresh')}
        </button>
      </div>
      {!overview ? (
        <p class="status">{t('loadingNetwork')}</p>
      ) : (
        overview.cycles.map((cycle) => (
          <details key={cycle.cycleId} open={cycle === overview.cycles[0]}>
            <summary>
              <Untrusted text={cycle.name} /> — {cycle.step ? t('stepShort', cycle.step) : t('stepUnknown')}
              {cycle.stepLabel ? ` · ${cycle.stepLabel}` : ''}
            </summary>
            <table>
              <caption class="sr-only">{t('schoolsIn', cycle.name)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('schoolLabel')}</th>
                  <th scope="col">{t('stepLabel')}</th>
                  <th scope="col">{t('lastFiling')}</th>
                </tr>
              </thead>
              <tbody>
                {cycle.schools.map((s) => (
                  <tr key={s.schoolId}>
                    <th scope="row">
                      <Untrusted text={s.name} />
                    </th>
                    <td>{s.step ?? '—'}</td>
                    <td>
                      {s.lastFiling ? (
                        <>
                          <Untrusted text={s.lastFiling.title} />{' '}
                          <span class="status">
                            {shortDate(s.lastFiling.filedAt)}
                            {s.lastFiling.filedBy ? ` · ${personName(s.lastFiling.filedBy)}` : ''}
                          </span>
                        </>
                      ) : (
                        <span class="status">{t('nothingFiled')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ))
      )}
      {overview && overview.problems.length > 0 && (
        <ul class="status">
          {overview.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const networkView = defineView({
  id: 'network',
  applies: () => account.value.state === 'signed-in' && network.value.network?.layout !== undefined,
  View: Network,
});
