// Support consistency in the sidebar: for the ILD, the principals not supported for the weeks set in
// Settings, each beside the kind of support that fits them; for a principal, a button that asks the ILD for
// support (it lands in Contacts as "asked"). Both read the tracker only when asked to.
import { useState } from 'preact/hooks';
import type { SupportLook } from '../../sidebar-contract';
import { callServer } from '../server';
import { defineSidebarView } from '../view';

type Look =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; look: SupportLook }
  | { status: 'failed'; message: string };
type Ask =
  | { status: 'idle' | 'sending' }
  | { status: 'sent'; message: string }
  | { status: 'failed'; message: string };

function SupportPanel() {
  const [look, setLook] = useState<Look>({ status: 'idle' });
  const [school, setSchool] = useState('');
  const [note, setNote] = useState('');
  const [ask, setAsk] = useState<Ask>({ status: 'idle' });

  const load = () => {
    setLook({ status: 'loading' });
    callServer('getSupportLook').then(
      (result) => {
        setLook({ status: 'ready', look: result });
        setSchool((current) => current || (result.schools[0] ?? ''));
      },
      (error: Error) => setLook({ status: 'failed', message: error.message }),
    );
  };
  const send = () => {
    setAsk({ status: 'sending' });
    callServer('askForSupportFromSidebar', undefined, [school, note]).then(
      (message) => setAsk({ status: 'sent', message }),
      (error: Error) => setAsk({ status: 'failed', message: error.message }),
    );
  };

  return (
    <section aria-labelledby="support-heading">
      <h2 id="support-heading">Support</h2>
      <button
        type="button"
        onClick={load}
        disabled={look.status === 'loading'}
        aria-busy={look.status === 'loading'}
      >
        {look.status === 'loading' ? 'Reading the tracker…' : 'Who needs support?'}
      </button>
      {look.status === 'failed' && (
        <p role="alert" class="error">
          {look.message}
        </p>
      )}
      {look.status === 'ready' && (
        <div role="status">
          {look.look.flagged.length === 0 ? (
            <p>Every principal was supported in the last {look.look.supportWeeks} weeks.</p>
          ) : (
            <ul class="flags">
              {look.look.flagged.map((f) => (
                <li key={f.school}>
                  <strong>{f.principal || f.school}</strong> ({f.school}): {f.flag}
                  {f.lastSupported && `, last ${f.lastSupported}`}.{' '}
                  <span class="muted">
                    Fits: {f.supportFits || 'not recorded yet (Schools → Support that fits)'}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {look.look.schools.length > 0 && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                send();
              }}
            >
              <label for="ask-school">Ask your ILD for support — your school</label>
              <select id="ask-school" value={school} onChange={(e) => setSchool(e.currentTarget.value)}>
                {look.look.schools.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
              <label for="ask-note">What would help (optional)</label>
              <textarea id="ask-note" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
              <button type="submit" disabled={ask.status === 'sending' || !school}>
                {ask.status === 'sending' ? 'Sending…' : 'Ask for support'}
              </button>
            </form>
          )}
        </div>
      )}
      <div aria-live="polite">{ask.status === 'sent' && <p class="report">{ask.message}</p>}</div>
      {ask.status === 'failed' && (
        <p role="alert" class="error">
          {ask.message}
        </p>
      )}
    </section>
  );
}

export const supportView = defineSidebarView({
  id: 'support',
  applies: (state) => state.kind === 'spreadsheet' && state.tracker.action !== 'set-up',
  View: SupportPanel,
});
