// The filing queue: a progress bar, pause / resume / cancel, why waiting work is not moving (signed out,
// offline, Gmail closed), how often Google was busy and Rounds tried again, and each item's result.
import { useEffect } from 'preact/hooks';
import { countQueue, type QueueEntry } from '../../../shared/browser/filing-queue';
import { t } from '../../platform/i18n';
import { queue } from '../stores';
import { Untrusted } from '../untrusted';
import { ask, defineView } from '../view';

const BLOCKED = {
  'sign-in': 'queueBlockedSignIn',
  network: 'queueBlockedNetwork',
  offline: 'queueBlockedOffline',
  'gmail-tab': 'queueBlockedGmail',
} as const;

function result(entry: QueueEntry): string {
  const r = entry.job?.result;
  if (entry.state === 'failed') return t('itemFailed', entry.problem ?? '');
  if (entry.state === 'cancelled') return t('itemCancelled');
  if (entry.state !== 'done') return entry.state === 'filing' ? t('itemFiling') : t('itemWaiting');
  if (r?.status === 'already-filed') return r.byYou ? t('itemAlreadyYou') : t('itemAlreadyOther', r.filedBy);
  if (r?.status === 'linked') return t('itemLinked');
  const files = r?.status === 'filed' ? r.files.length : 0;
  return files === 1 ? t('itemFiledOne') : t('itemFiled', files);
}

function title(entry: QueueEntry): string {
  const what = entry.job?.what;
  if (what?.kind === 'email') return what.subject;
  if (what?.kind === 'doc') return what.title;
  return entry.label;
}

/** While work waits and nothing changes for a while, the worker may have been stopped: wake it. */
function useNudge(waiting: number, stuck: boolean, finished: number) {
  useEffect(() => {
    if (waiting === 0 || stuck) return;
    const timer = setInterval(() => void ask({ kind: 'queue', action: 'nudge' }), NUDGE_MS);
    return () => clearInterval(timer);
  }, [waiting, stuck, finished]);
}

const NUDGE_MS = 5000;

function Queue() {
  const state = queue.value;
  const counts = countQueue(state.entries);
  const finished = counts.done + counts.failed + counts.cancelled;
  const moving = counts.waiting > 0;
  useNudge(
    counts.waiting,
    state.paused || state.blocked === 'sign-in' || state.blocked === 'network',
    finished,
  );
  return (
    <section class="panel-section" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('queueTitle')}</h2>
      <label for="queue-progress">{t('queueProgress', finished, counts.total)}</label>
      <progress id="queue-progress" max={Math.max(counts.total, 1)} value={finished} />
      <p class="status" role="status">
        {t('queueCounts', counts.done, counts.waiting, counts.failed)}
        {state.retries > 0 && ` ${t('queueRetries', state.retries)}`}
      </p>
      {state.paused && moving && <p class="status">{t('queuePaused')}</p>}
      {state.blocked && moving && (
        <p class="problem" role="alert">
          {t(BLOCKED[state.blocked])}
        </p>
      )}
      {state.damaged.map((d) => (
        <p class="problem" key={d}>
          {d}
        </p>
      ))}
      <div class="toolbar">
        {moving && !state.paused && (
          <button type="button" onClick={() => void ask({ kind: 'queue', action: 'pause' })}>
            {t('pause')}
          </button>
        )}
        {moving && (state.paused || state.blocked) && (
          <button type="button" onClick={() => void ask({ kind: 'queue', action: 'resume' })}>
            {t('resume')}
          </button>
        )}
        {moving && (
          <button type="button" onClick={() => void ask({ kind: 'queue', action: 'cancel' })}>
            {t('cancel')}
          </button>
        )}
        {!moving && (
          <button type="button" onClick={() => void ask({ kind: 'queue', action: 'clear-finished' })}>
            {t('clearFinished')}
          </button>
        )}
      </div>
      <ol class="results">
        {state.entries.map((e) => (
          <li key={e.id} class={`item ${e.state}`}>
            <Untrusted text={title(e)} fallback={t('noSubject')} /> — <span>{result(e)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export const queueView = defineView({
  id: 'queue',
  applies: () => queue.value.entries.length > 0 || queue.value.damaged.length > 0,
  View: Queue,
});
