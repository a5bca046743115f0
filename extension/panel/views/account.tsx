// Sign-in: who Rounds files as, "Sign in" / "Sign in again" when the token ended (queued work waits and
// is kept), and "Sign out". The token itself stays in the worker; this view only sees the address.
import { useState } from 'preact/hooks';
import { countQueue } from '../../../shared/browser/filing-queue';
import { t } from '../../platform/i18n';
import { sendToWorker } from '../../platform/messaging';
import { account, queue } from '../stores';
import { Untrusted } from '../untrusted';
import { defineView } from '../view';

function Account() {
  const [problem, setProblem] = useState('');
  const state = account.value;
  const waiting = countQueue(queue.value.entries).waiting;
  const signIn = async () => {
    setProblem('');
    const reply = await sendToWorker({ type: 'sign-in' });
    if (!reply.ok) setProblem(reply.problem);
  };
  const signOut = () => void sendToWorker({ type: 'sign-out' });
  return (
    <section class="account" aria-label={t('accountLabel')}>
      {state.state === 'signed-in' ? (
        <p>
          {t('signedInAs')} <Untrusted text={state.email} />{' '}
          <button type="button" onClick={signOut}>
            {t('signOut')}
          </button>
        </p>
      ) : state.state === 'signing-in' ? (
        <p class="status" role="status">
          {t('signingIn')}
        </p>
      ) : (
        <>
          {state.state === 'needs-sign-in' && (
            <p class="problem" role="alert">
              {t('signInEnded', state.email)} {state.problem}
            </p>
          )}
          {state.state === 'signed-out' && <p>{t('signInWhy')}</p>}
          {state.state === 'failed' && (
            <p class="problem" role="alert">
              {state.problem}
            </p>
          )}
          <button type="button" class="primary" onClick={signIn}>
            {state.state === 'needs-sign-in' ? t('signInAgain') : t('signIn')}
          </button>
        </>
      )}
      {state.state !== 'signed-in' && waiting > 0 && (
        <p class="status" role="status">
          {t('queuedWhileSignedOut', waiting)}
        </p>
      )}
      {problem && state.state !== 'failed' && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

export const accountView = defineView({ id: 'account', applies: () => true, View: Account });
