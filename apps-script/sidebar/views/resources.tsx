// The resource binder in the sidebar: a principal picks their school, sees the status of what they asked
// for (and the Drive link once it is ready), and asks for something new; it lands in the Resources tab,
// due by the next meeting, where the ILD brokers it.
import { useState } from 'preact/hooks';
import { requestsOf } from '../../../shared/year-tabs/resources';
import { LoadButton, LoadFailure, useLoad } from '../load';
import { Problems } from '../problems';
import { callServer } from '../server';
import { defineSidebarView } from '../view';

function ResourcesPanel() {
  const [school, setSchool] = useState('');
  const [request, setRequest] = useState('');
  const [forWhom, setForWhom] = useState('');
  const [look, load] = useLoad(
    () => callServer('getResourceLook'),
    (result) => setSchool((current) => current || (result.schools[0] ?? '')),
  );
  const [ask, send] = useLoad(
    () => callServer('askForResourceFromSidebar', undefined, [school, request, forWhom]),
    () => {
      setRequest('');
      setForWhom('');
      load();
    },
  );

  const mine = look.status === 'ready' ? requestsOf(look.value.requests, school) : [];
  return (
    <section aria-labelledby="resources-heading">
      <h2 id="resources-heading">Resources</h2>
      <LoadButton load={look} onClick={load} working="Reading…">
        My requests
      </LoadButton>
      <LoadFailure load={look} />
      {look.status === 'ready' && (
        <div>
          <label for="resource-school">Your school</label>
          <select id="resource-school" value={school} onChange={(e) => setSchool(e.currentTarget.value)}>
            {look.value.schools.map((s) => (
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
            <button type="submit" disabled={ask.status === 'loading' || !school || !request.trim()}>
              {ask.status === 'loading' ? 'Sending…' : 'Ask the ILD'}
            </button>
          </form>
          {look.value.nextMeeting && (
            <p class="muted">Requests are due by the next meeting, {look.value.nextMeeting}.</p>
          )}
          <Problems problems={look.value.problems} />
        </div>
      )}
      <div aria-live="polite">{ask.status === 'ready' && <p class="report">{ask.value}</p>}</div>
      <LoadFailure load={ask} />
    </section>
  );
}

export const resourcesView = defineSidebarView({
  id: 'resources',
  applies: (state) => state.kind === 'spreadsheet' && state.tracker.action !== 'set-up',
  View: ResourcesPanel,
});
