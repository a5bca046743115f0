// Support consistency in the sidebar: for the ILD, the principals not supported for the weeks set in
// Settings, each beside the kind of support that fits them; for a principal, a button that asks the ILD for
// support (it lands in Contacts as "asked"). Both read the tracker only when asked to.
import { useState } from 'preact/hooks';
import { LoadButton, LoadFailure, useLoad } from '../load';
import { callServer } from '../server';
import { defineSidebarView } from '../view';

function SupportPanel() {
  const [school, setSchool] = useState('');
  const [note, setNote] = useState('');
  const [look, load] = useLoad(
    () => callServer('getSupportLook'),
    (result) => setSchool((current) => current || (result.schools[0] ?? '')),
  );
  const [ask, send] = useLoad(() => callServer('askForSupportFromSidebar', undefined, [school, note]));

  return (
    <section aria-labelledby="support-heading">
      <h2 id="support-heading">Support</h2>
      <LoadButton load={look} onClick={load} working="Reading the tracker…">
        Who needs support?
      </LoadButton>
      <LoadFailure load={look} />
      {look.status === 'ready' && (
        <div role="status">
          {look.value.flagged.length === 0 ? (
            <p>Every principal was supported in the last {look.value.supportWeeks} weeks.</p>
          ) : (
            <ul class="flags">
              {look.value.flagged.map((f) => (
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
          {look.value.schools.length > 0 && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                send();
              }}
            >
              <label for="ask-school">Ask your ILD for support — your school</label>
              <select id="ask-school" value={school} onChange={(e) => setSchool(e.currentTarget.value)}>
                {look.value.schools.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
              <label for="ask-note">What would help (optional)</label>
              <textarea id="ask-note" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
              <button type="submit" disabled={ask.status === 'loading' || !school}>
                {ask.status === 'loading' ? 'Sending…' : 'Ask for support'}
              </button>
            </form>
          )}
        </div>
      )}
      <div aria-live="polite">{ask.status === 'ready' && <p class="report">{ask.value}</p>}</div>
      <LoadFailure load={ask} />
    </section>
  );
}

export const supportView = defineSidebarView({
  id: 'support',
  applies: (state) => state.kind === 'spreadsheet' && state.tracker.action !== 'set-up',
  View: SupportPanel,
});
