// The resource binder in the sidebar: a principal picks their school, sees the status of what they asked
// for (and the Drive link once it is ready), and asks for something new; it lands in the Resources tab,
// due by the next meeting, where the ILD brokers it.
import { useState } from 'preact/hooks';
import { requestsOf } from '../../../shared/year-tabs/resources';
import type { ResourceLook } from '../../year/year-contract';
import { Problems } from '../problems';
import { callServer } from '../server';
import { defineSidebarView } from '../view';

type Look =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; look: ResourceLook }
  | { status: 'failed'; message: string };
type Ask =
  | { status: 'idle' | 'sending' }
  | { status: 'sent'; message: string }
  | { status: 'failed'; message: string };

function ResourcesPanel() {
  const [look, setLook] = useState<Look>({ status: 'idle' });
  const [school, setSchool] = useState('');
  const [request, setRequest] = useState('');
  const [forWhom, setForWhom] = useState('');
  const [ask, setAsk] = useState<Ask>({ status: 'idle' });

  const load = () => {
    setLook({ status: 'loading' });
    callServer('getResourceLook').then(
      (result) => {
        setLook({ status: 'ready', look: result });
        setSchool((current) => current || (result.schools[0] ?? ''));
      },
      (error: Error) => setLook({ status: 'failed', message: error.message }),
    );
  };
  const send = () => {
    setAsk({ status: 'sending' });
    callServer('askForResourceFromSidebar', undefined, [school, request, forWhom]).then(
      (message) => {
        setAsk({ status: 'sent', message });
        setRequest('');
        setForWhom('');
        load();
      },
      (error: Error) => setAsk({ status: 'failed', message: error.message }),
    );
  };

  const mine = look.status === 'ready' ? requestsOf(look.look.requests, school) : [];
  return (
    <section aria-labelledby="resources-heading">
      <h2 id="resources-heading">Resources</h2>
      <button
        type="button"
        onClick={load}
        disabled={look.status === 'loading'}
        aria-busy={look.status === 'loading'}
      >
        {look.status === 'loading' ? 'Reading…' : 'My requests'}
      </button>
      {look.status === 'failed' && (
        <p role="alert" class="error">
          {look.message}
        </p>
      )}
      {look.status === 'ready' && (
        <div>
          <label for="resource-school">Your school</label>
          <select id="resource-school" value={school} onChange={(e) => setSchool(e.currentTarget.value)}>
            {look.look.schools.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <div role="status">
            {mine.length === 0 ? (
              <p class="muted">No requests from {school || 'your school'} yet.</p>
            ) : (
              <ul>
                {mine.map((r) => (
                  <li key={r.row}>
                    <strong>{r.request}</strong>
                    {r.forWhom && ` (for ${r.forWhom})`}: {r.status}
                    {r.owner && `, with ${r.owner}`}
                    {r.due && `, due ${r.due}`}
                    {r.link && (
                      <>
                        {' · '}
                        <a href={r.link} target="_blank" rel="noopener noreferrer">
                          open it in Drive
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
          >
            <label for="resource-request">What do you need?</label>
            <textarea
              id="resource-request"
              rows={2}
              value={request}
              onInput={(e) => setRequest(e.currentTarget.value)}
            />
            <label for="resource-for">For whom (optional)</label>
            <input id="resource-for" value={forWhom} onInput={(e) => setForWhom(e.currentTarget.value)} />
            <button type="submit" disabled={ask.status === 'sending' || !school || !request.trim()}>
              {ask.status === 'sending' ? 'Sending…' : 'Ask the ILD'}
            </button>
          </form>
          {look.look.nextMeeting && (
            <p class="muted">Requests are due by the next meeting, {look.look.nextMeeting}.</p>
          )}
          <Problems problems={look.look.problems} />
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

export const resourcesView = defineSidebarView({
  id: 'resources',
  applies: (state) => state.kind === 'spreadsheet' && state.tracker.action !== 'set-up',
  View: ResourcesPanel,
});
