// The visit planner in the sidebar: the year's start, meetings, cadence and rounds of buddy visits; Plan
// shows each meeting's host and each round's groups with their reasons, and the coverage — who hosts,
// visits and is visited, and who is left out — before anything is written; Write puts it in the sheet.
import { useState } from 'preact/hooks';
import type { VisitPlanOptions } from '../../year/year-contract';
import type { VisitPlanShown } from '../../year/visit-planner';
import { Problems } from '../problems';
import { LoadFailure, useLoad } from '../load';
import { callServer } from '../server';
import { defineSidebarView } from '../view';

function Coverage({ coverage }: { coverage: VisitPlanShown['coverage'] }) {
  return (
    <>
      <h3>Who is left out</h3>
      {coverage.some((c) => c.leftOut.length) ? (
        <ul class="warnings">
          {coverage
            .filter((c) => c.leftOut.length)
            .map((c) => (
              <li key={c.school}>
                {c.school}: {c.leftOut.join(', ')}
              </li>
            ))}
        </ul>
      ) : (
        <p>Every school hosts, visits and is visited.</p>
      )}
      <table class="coverage">
        <caption>Coverage</caption>
        <thead>
          <tr>
            <th scope="col">School</th>
            <th scope="col">Hosts</th>
            <th scope="col">Visits</th>
            <th scope="col">Visited by</th>
          </tr>
        </thead>
        <tbody>
          {coverage.map((c) => (
            <tr key={c.school}>
              <th scope="row">{c.school}</th>
              <td>{c.hosted.join(', ') || '—'}</td>
              <td>{c.visited.length}</td>
              <td>{c.visitedBy.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function VisitPlannerPanel() {
  const [options, setOptions] = useState<VisitPlanOptions>({
    start: '',
    meetings: 18,
    cadenceDays: 14,
    rounds: 8,
  });
  const [load, run] = useLoad((write: boolean) =>
    callServer('planVisitsFromSidebar', undefined, [options, write]),
  );
  const [sofar, lookSoFar] = useLoad(() => callServer('getCoverageLook'));
  const number = (field: 'meetings' | 'cadenceDays' | 'rounds', label: string) => (
    <div>
      <label for={`plan-${field}`}>{label}</label>
      <input
        id={`plan-${field}`}
        type="number"
        min={0}
        value={options[field]}
        onInput={(e) => setOptions({ ...options, [field]: Number(e.currentTarget.value) })}
      />
    </div>
  );
  const plan = load.status === 'ready' ? load.value.plan : null;

  return (
    <section aria-labelledby="year-visits-heading">
      <h2 id="year-visits-heading">Visits for the year</h2>
      <button type="button" onClick={lookSoFar} disabled={sofar.status === 'loading'}>
        {sofar.status === 'loading' ? 'Reading…' : 'Who has hosted and visited so far'}
      </button>
      <LoadFailure load={sofar} />
      {sofar.status === 'ready' && (
        <div role="status">
          <Coverage coverage={sofar.value.coverage} />
          <Problems problems={sofar.value.problems} />
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(false);
        }}
      >
        <label for="plan-start">First meeting</label>
        <input
          id="plan-start"
          type="date"
          value={options.start}
          onInput={(e) => setOptions({ ...options, start: e.currentTarget.value })}
        />
        {number('meetings', 'Meetings')}
        {number('cadenceDays', 'Days between meetings')}
        {number('rounds', 'Rounds of buddy visits')}
        <div class="buttons">
          <button type="submit" disabled={load.status === 'loading' || !options.start}>
            {load.status === 'loading' ? 'Planning…' : 'Plan visits'}
          </button>
          {plan && !(load.status === 'ready' && load.value.written) && (
            <button type="button" class="primary" onClick={() => run(true)}>
              Write to Meetings and Pairs
            </button>
          )}
        </div>
      </form>
      <LoadFailure load={load} />
      {load.status === 'ready' && (
        <div role="status">
          <p class="report">{load.value.report}</p>
          {plan && (
            <>
              <Coverage coverage={plan.coverage} />
              <h3>Meetings</h3>
              <ul>
                {plan.meetings.map((m) => (
                  <li key={m.date}>
                    <strong>{m.date}</strong> at {m.host || 'no host available'}{' '}
                    <span class="muted">— {m.reason}</span>
                  </li>
                ))}
              </ul>
              <h3>Buddy visits</h3>
              {plan.rounds.map((r) => (
                <div key={r.round}>
                  <h4>Round {r.round}</h4>
                  <ul>
                    {r.groups.map((g) => (
                      <li key={g.schools.join()}>
                        {g.schools.join(' ↔ ')} <span class="muted">— {g.reason}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
              {plan.notes.length > 0 && (
                <ul class="muted">
                  {plan.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </>
          )}
          <Problems problems={load.value.problems} />
        </div>
      )}
    </section>
  );
}

export const visitPlannerView = defineSidebarView({
  id: 'visit-planner',
  applies: (state) => state.kind === 'spreadsheet' && state.tracker.action !== 'set-up',
  View: VisitPlannerPanel,
});
