// One leader's challenge, run as a consultancy in the sidebar: the three roles, the protocol's steps with a
// timer per step the facilitator can extend (the core's timer state machine), and notes for each step that
// go into the meeting's agenda Doc under the step — the evidence linter marking lines that judge.
import { useEffect, useState } from 'preact/hooks';
import { lintEvidence } from '../../../shared/evidence/lint';
import {
  CONSULTANCY_STEPS,
  clock,
  consultancyTimer,
  roleProblems,
  timerStep,
  timerView,
  type ConsultancyRoles,
  type ConsultancyTimer,
  type TimerEvent,
} from '../../../shared/year/consultancy';
import { LoadFailure, useLoad } from '../load';
import { callServer } from '../server';
import { defineSidebarView } from '../view';

function ConsultancyPanel() {
  const [row, setRow] = useState<number | null>(null);
  const [roles, setRoles] = useState<ConsultancyRoles>({ presenter: '', facilitator: '', timekeeper: '' });
  const [timer, setTimer] = useState<ConsultancyTimer>(() => consultancyTimer());
  const [now, setNow] = useState(() => Date.now());
  const [notes, setNotes] = useState('');

  useEffect(() => {
    if (timer.status !== 'running') return undefined;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [timer.status]);

  const send = (event: Omit<TimerEvent, 'at'>) => {
    const at = Date.now();
    setNow(at);
    setTimer((t) => timerStep(t, { ...event, at } as TimerEvent));
  };
  const [meetings, load] = useLoad(
    () => callServer('getMeetingsLook'),
    (value) => {
      const withDoc = value.meetings.filter((m) => m.agendaDoc);
      const next = withDoc.find((m) => m.date >= value.today) ?? withDoc.at(-1);
      setRow(next?.row ?? null);
    },
  );

  const view = timerView(timer, now);
  const stepIndex = timer.status === 'done' ? timer.steps.length - 1 : timer.current;
  const plan = CONSULTANCY_STEPS[stepIndex]!;
  const problems = roleProblems(roles);
  const flagged = notes
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((line) => lintEvidence(line).flags.map((f) => ({ line, question: f.question })));

  const [saved, saveNotes] = useLoad(
    (agendaRow: number) =>
      callServer('saveConsultancyNotesFromSidebar', undefined, [agendaRow, plan.step, notes, roles]),
    () => setNotes(''),
  );
  const save = () => {
    if (row !== null) saveNotes(row);
  };

  return (
    <section aria-labelledby="consultancy-heading">
      <h2 id="consultancy-heading">One leader’s challenge</h2>
      {meetings.status !== 'ready' ? (
        <button type="button" onClick={load} disabled={meetings.status === 'loading'}>
          {meetings.status === 'loading' ? 'Reading…' : 'Run a consultancy'}
        </button>
      ) : (
        <div>
          <label for="consultancy-meeting">Notes go into the agenda of</label>
          <select
            id="consultancy-meeting"
            value={row ?? ''}
            onChange={(e) => setRow(Number(e.currentTarget.value))}
          >
            {meetings.value.meetings
              .filter((m) => m.agendaDoc)
              .map((m) => (
                <option key={m.row} value={m.row}>
                  {m.date} — {m.host}
                </option>
              ))}
          </select>
          {row === null && (
            <p class="muted">No meeting has an agenda Doc yet: create one under Network meetings.</p>
          )}
          <fieldset>
            <legend>Roles</legend>
            {(['presenter', 'facilitator', 'timekeeper'] as const).map((role) => (
              <div key={role}>
                <label for={`role-${role}`}>{role[0]!.toUpperCase() + role.slice(1)}</label>
                <input
                  id={`role-${role}`}
                  value={roles[role]}
                  onInput={(e) => setRoles({ ...roles, [role]: e.currentTarget.value })}
                />
              </div>
            ))}
            {problems.length > 0 && <p class="muted">To start: {problems.join('; ')}.</p>}
          </fieldset>
          <div class="timer" role="timer" aria-live="off">
            <p>
              <strong>
                Step {view.stepNumber} of {view.of}: {plan.title}
              </strong>{' '}
              {timer.status !== 'ready' && (
                <span class={view.overTime ? 'error' : ''}>
                  {timer.status === 'done' ? 'done' : clock(view.remainingSeconds)}
                  {view.overTime && ' over time'}
                </span>
              )}
            </p>
            <p class="muted">{plan.guidance}</p>
            {view.presenterSilent && <p role="status">The presenter listens, silent, and takes notes.</p>}
            <div class="buttons">
              {timer.status === 'ready' && (
                <button
                  type="button"
                  class="primary"
                  disabled={problems.length > 0}
                  onClick={() => send({ type: 'start' })}
                >
                  Start
                </button>
              )}
              {timer.status === 'running' && (
                <>
                  <button
                    type="button"
                    onClick={() => send({ type: 'extend', minutes: 2 } as Omit<TimerEvent, 'at'>)}
                  >
                    +2 minutes
                  </button>
                  <button type="button" onClick={() => send({ type: 'next' })}>
                    {timer.current === timer.steps.length - 1 ? 'Finish' : 'Next step'}
                  </button>
                </>
              )}
            </div>
          </div>
          <label for="consultancy-notes">Notes for this step (one point per line)</label>
          <textarea
            id="consultancy-notes"
            rows={4}
            value={notes}
            onInput={(e) => setNotes(e.currentTarget.value)}
          />
          {flagged.length > 0 && (
            <ul class="warnings" aria-label="Lines that judge rather than describe">
              {flagged.map((f, i) => (
                <li key={i}>
                  “{f.line}”: {f.question}
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            onClick={save}
            disabled={row === null || !notes.trim() || saved.status === 'loading'}
          >
            {saved.status === 'loading' ? 'Adding…' : 'Add notes to the agenda Doc'}
          </button>
          <div aria-live="polite">
            {saved.status === 'ready' && <p class="report">{saved.value.report}</p>}
          </div>
          <LoadFailure load={saved} />
        </div>
      )}
      <LoadFailure load={meetings} />
    </section>
  );
}

export const consultancyView = defineSidebarView({
  id: 'consultancy',
  applies: (state) => state.kind === 'spreadsheet' && state.tracker.action !== 'set-up',
  View: ConsultancyPanel,
});
