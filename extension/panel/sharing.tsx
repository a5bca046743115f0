// Whether this member shares the central-office mail they open with the network, asked once in the Mandates
// view: sharing adds each such email's subject, sender, date and opening lines to the Mandates tab, so the
// ILD sees the asks that reach several schools. Either choice can be changed here at any time.
import { useEffect, useState } from 'preact/hooks';
import { checkReply, SharingStateSchema, type SharingState } from '../../shared/browser/mandate-panel';
import { t } from '../platform/i18n';
import { ask } from './view';

/** How often the card asks again while copies wait (they go out in batches at most every 15 s). */
const WAITING_POLL_MS = 5_000;

export function Sharing({ initial }: { initial: SharingState }) {
  const [state, setState] = useState(initial);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    if (state.waiting === 0) return;
    const timer = setTimeout(
      () =>
        void ask({ kind: 'sharing-state' }).then((reply) => {
          const checked = reply.ok ? checkReply(SharingStateSchema, reply.data) : undefined;
          if (checked?.ok) setState(checked.value);
        }),
      WAITING_POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [state]);
  const choose = async (choice: 'share' | 'keep') => {
    const reply = await ask({ kind: 'share-mandates', choice });
    const checked = reply.ok ? checkReply(SharingStateSchema, reply.data) : undefined;
    if (!reply.ok) return setProblem(reply.problem);
    if (!checked!.ok) return setProblem(checked!.problem);
    setProblem('');
    setState(checked!.value);
  };
  return (
    <section class="sharing" aria-labelledby="sharing-heading" data-choice={state.choice ?? 'unasked'}>
      <h3 id="sharing-heading">{t('shareHeading')}</h3>
      {state.choice === undefined && <p>{t('shareAsk')}</p>}
      {state.choice === 'share' && <p class="status">{t('shareOn')}</p>}
      {state.choice === 'keep' && <p class="status">{t('shareOff')}</p>}
      {state.waiting > 0 && <p class="status">{t('shareWaiting', state.waiting)}</p>}
      {state.problem && (
        <p class="problem" role="note">
          {t('shareProblem', state.problem)}
        </p>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <div class="toolbar">
        {state.choice !== 'share' && (
          <button type="button" onClick={() => void choose('share')}>
            {state.choice === 'keep' ? t('shareStart') : t('shareYes')}
          </button>
        )}
        {state.choice === undefined && (
          <button type="button" onClick={() => void choose('keep')}>
            {t('shareNo')}
          </button>
        )}
        {state.choice === 'share' && (
          <button type="button" onClick={() => void choose('keep')}>
            {t('shareStop')}
          </button>
        )}
      </div>
    </section>
  );
}
