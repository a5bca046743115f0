// Visits and their debrief in the network spreadsheet: each visit's protocol (warned when it has more than
// five look-fors), Collect this visit — every observer's Doc into the Debrief tab — with the patterns board
// (few / some / many / most), the next level of work, and the calibration of 1–4 ratings.
import { useState } from 'preact/hooks';
import type { Calibration, CollectResult, VisitsLook } from '../../observation/contract';
import { CalibrationTable } from '../observation/calibration-table';
import { callServer } from '../server';
import { defineSidebarView, inSpreadsheet } from '../view';

type Shown =
  | { kind: 'collected'; visit: string; result: CollectResult }
  | { kind: 'calibration'; visit: string; calibration: Calibration; problems: string[] };

function CollectedDebrief({ result }: { result: CollectResult }) {
  return (
    <>
      <p role="status" class="report">
        {result.report}
      </p>
      {result.problems.length > 0 && (
        <>
          <h4>To look at</h4>
          <ul class="problems">
            {result.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
      <table class="patterns">
        <caption>Patterns board</caption>
        <thead>
          <tr>
            <th scope="col">Look-for</th>
            <th scope="col">Consensus</th>
            <th scope="col">Classrooms</th>
          </tr>
        </thead>
        <tbody>
          {result.patterns.map((p) => (
            <tr key={p.code}>
              <th scope="row" title={p.prompt}>
                #{p.code}
              </th>
              <td class={`consensus consensus-${p.consensus ?? 'none'}`}>{p.consensus ?? 'none'}</td>
              <td>
                {p.classrooms} of {p.of}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>Next level of work</h4>
      {result.nextLevel.length ? (
        <ul>
          {result.nextLevel.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">No observer wrote a next-level item.</p>
      )}
      <h4>Calibration</h4>
      <CalibrationTable calibration={result.calibration} />
    </>
  );
}

function VisitsPanel() {
  const [look, setLook] = useState<VisitsLook | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  const run = <T,>(label: string, call: () => Promise<T>, done: (value: T) => void) => {
    setBusy(label);
    setError('');
    call().then(
      (value) => {
        setBusy('');
        done(value);
      },
      (e: Error) => {
        setBusy('');
        setError(e.message);
      },
    );
  };
  return (
    <section aria-labelledby="visits-heading">
      <h2 id="visits-heading">Visits and debriefs</h2>
      <button
        type="button"
        disabled={!!busy}
        onClick={() => run('visits', () => callServer('getVisitsLook'), setLook)}
      >
        {look ? 'Read the visits again' : 'Show visits'}
      </button>
      {busy && (
        <p role="status" class="muted">
          {busy === 'visits' ? 'Reading the Visits and Protocols tabs…' : `Working on visit ${busy}…`}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {look && look.problems.length > 0 && (
        <ul class="problems">
          {look.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {look && !look.visits.length && <p class="muted">The Visits tab has no numbered visits yet.</p>}
      {look?.visits.map((v) => (
        <article key={v.number} class="visit" aria-label={`Visit ${v.number}`}>
          <h3>
            Visit {v.number} · {v.hostSchool || 'host school not named'} {v.date && `· ${v.date}`}
          </h3>
          {v.lookFors.length > 0 && (
            <ul class="look-fors">
              {v.lookFors.map((l) => (
                <li key={l.code}>
                  <strong>#{l.code}</strong> {l.prompt}
                </li>
              ))}
            </ul>
          )}
          {v.warnings.length > 0 && (
            <ul class="warnings">
              {v.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <div class="buttons">
            <button
              type="button"
              class="primary"
              disabled={!v.hasFolder || !!busy}
              onClick={() =>
                run(
                  v.number,
                  () => callServer('collectVisitFromSidebar', undefined, [v.number]),
                  (result) => setShown({ kind: 'collected', visit: v.number, result }),
                )
              }
            >
              Collect visit {v.number}
            </button>
            {v.ratingScale && (
              <button
                type="button"
                disabled={!!busy}
                onClick={() =>
                  run(
                    v.number,
                    () => callServer('getCalibration', undefined, [v.number]),
                    (c) =>
                      setShown({
                        kind: 'calibration',
                        visit: v.number,
                        calibration: c.calibration,
                        problems: c.problems,
                      }),
                  )
                }
              >
                Compare ratings
              </button>
            )}
          </div>
          {!v.hasFolder && (
            <p class="muted">
              Paste the observers’ folder link into this visit’s “Observation folder” cell to collect it.
            </p>
          )}
          {shown?.visit === v.number && shown.kind === 'collected' && (
            <CollectedDebrief result={shown.result} />
          )}
          {shown?.visit === v.number && shown.kind === 'calibration' && (
            <>
              {shown.problems.length > 0 && (
                <ul class="problems">
                  {shown.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              )}
              <CalibrationTable calibration={shown.calibration} />
            </>
          )}
        </article>
      ))}
    </section>
  );
}

export const visitDebriefView = defineSidebarView({
  id: 'visit-debrief',
  applies: inSpreadsheet,
  View: VisitsPanel,
});
