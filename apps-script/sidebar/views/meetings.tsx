// The meeting planner in the sidebar: pick a meeting, see its agenda in the proven format with each block's
// minutes editable and the warnings recomputed as they change, the operations slot filled from must-do
// mail, the topic the principals voted for, the host-prep notes, and Create agenda (a Doc in its folder).
import { useState } from 'preact/hooks';
import { agendaWarnings } from '../../../shared/year/agenda';
import { normalizeHeader } from '../../../shared/schema/sheet';
import type { MeetingPlan } from '../../../shared/year-tabs/meeting-plan';
import type { MeetingMinutes, MeetingsLook } from '../../year/year-contract';
import { Problems } from '../problems';
import { LoadButton, LoadFailure, useLoad } from '../load';
import { callServer } from '../server';
import { defineSidebarView } from '../view';

const MINUTES_BY_KIND: Readonly<Record<string, keyof MeetingMinutes>> = {
  'warm-up': 'warmUp',
  'walk-through': 'walkThrough',
  'extended-session': 'session',
  operations: 'operations',
};

/** The warnings for the blocks as edited, worked out by the same core rules the server uses. */
function liveWarnings(look: MeetingsLook, meeting: MeetingPlan, minutes: Record<string, number>): string[] {
  const key = (name: string) => normalizeHeader(name);
  return agendaWarnings({
    blocks: meeting.blocks.map((b) => ({ ...b, minutes: minutes[b.kind] ?? b.minutes })),
    meetingDate: meeting.date,
    sentOn: meeting.agendaSent ?? (meeting.date >= look.today ? look.today : undefined),
    host: key(meeting.host),
    meetings: look.meetings.map((m) => ({ date: m.date, host: m.host ? key(m.host) : null })),
    schools: look.schools.map(key),
    names: Object.fromEntries(look.schools.map((s) => [key(s), s])),
  }).map((w) => w.message);
}

function MeetingAgenda({ look, meeting }: { look: MeetingsLook; meeting: MeetingPlan }) {
  const [minutes, setMinutes] = useState<Record<string, number>>(() =>
    Object.fromEntries(meeting.blocks.map((b) => [b.kind, b.minutes])),
  );
  const [toShow, setToShow] = useState(meeting.toShow);
  const [feedbackWanted, setFeedbackWanted] = useState(meeting.feedbackWanted);
  const [saved, save] = useLoad(() => {
    const values = Object.fromEntries(
      Object.entries(MINUTES_BY_KIND).map(([kind, field]) => [field, minutes[kind] ?? null]),
    ) as unknown as MeetingMinutes;
    return callServer('saveAgendaMinutesFromSidebar', undefined, [meeting.row, values]);
  });
  const [created, create] = useLoad(() =>
    callServer('createAgendaFromSidebar', undefined, [meeting.row, { toShow, feedbackWanted }]),
  );
  const warnings = liveWarnings(look, meeting, minutes);

  return (
    <div>
      <p>
        <strong>{meeting.date}</strong> at <strong>{meeting.host || 'no host yet'}</strong>
        {meeting.reason && <span class="muted"> — {meeting.reason}</span>}
      </p>
      {warnings.length > 0 && (
        <ul class="warnings" aria-label="Warnings about this agenda">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <h3>Agenda</h3>
      <ol class="agenda">
        {meeting.blocks.map((b) => (
          <li key={b.kind}>
            <label for={`block-${b.kind}`}>{b.title}</label>{' '}
            <input
              id={`block-${b.kind}`}
              type="number"
              min={0}
              max={480}
              step={5}
              value={minutes[b.kind]}
              onInput={(e) => setMinutes({ ...minutes, [b.kind]: Number(e.currentTarget.value) })}
            />{' '}
            min
            {b.items.length > 0 && (
              <ul>
                {b.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
            {b.kind === 'operations' && b.items.length === 0 && (
              <p class="muted">Nothing must-do this time.</p>
            )}
          </li>
        ))}
      </ol>
      {!meeting.topic && <p class="muted">No topic yet: principals propose and vote on the Topics tab.</p>}
      {meeting.topicFromVote && <p class="muted">The topic is the Topics tab’s top vote.</p>}
      <h3>Host prep</h3>
      <label for="prep-show">What the host wants to show</label>
      <textarea id="prep-show" rows={2} value={toShow} onInput={(e) => setToShow(e.currentTarget.value)} />
      <label for="prep-feedback">Feedback the host wants on their leadership</label>
      <textarea
        id="prep-feedback"
        rows={2}
        value={feedbackWanted}
        onInput={(e) => setFeedbackWanted(e.currentTarget.value)}
      />
      <div class="buttons">
        <button type="button" onClick={save} disabled={saved.status === 'loading'}>
          {saved.status === 'loading' ? 'Saving…' : 'Save minutes'}
        </button>
        <button type="button" class="primary" onClick={create} disabled={created.status === 'loading'}>
          {created.status === 'loading' ? 'Writing the Doc…' : 'Create agenda'}
        </button>
      </div>
      <div aria-live="polite">
        {saved.status === 'ready' && <p class="report">{saved.value}</p>}
        {created.status === 'ready' && (
          <p class="report">
            {created.value.report}{' '}
            <a href={created.value.docUrl} target="_blank" rel="noopener noreferrer">
              Open the agenda
            </a>
          </p>
        )}
      </div>
      <LoadFailure load={saved} />
      <LoadFailure load={created} />
      {meeting.agendaDoc && created.status !== 'ready' && (
        <p>
          <a href={meeting.agendaDoc} target="_blank" rel="noopener noreferrer">
            This meeting’s agenda Doc
          </a>
        </p>
      )}
    </div>
  );
}

function MeetingsPanel() {
  const [row, setRow] = useState<number | null>(null);
  const [look, load] = useLoad(
    () => callServer('getMeetingsLook'),
    (value) => {
      const next = value.meetings.find((m) => m.date >= value.today) ?? value.meetings.at(-1);
      setRow(next?.row ?? null);
    },
  );
  const meeting = look.status === 'ready' ? look.value.meetings.find((m) => m.row === row) : undefined;

  return (
    <section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">Network meetings</h2>
      <LoadButton load={look} onClick={load} working="Reading…">
        Plan the next meeting
      </LoadButton>
      <LoadFailure load={look} />
      {look.status === 'ready' && (
        <div>
          {look.value.meetings.length === 0 ? (
            <p class="muted">
              No dated meetings on the Meetings tab yet: add them, or plan the year’s visits.
            </p>
          ) : (
            <>
              <label for="meeting-pick">Meeting</label>
              <select
                id="meeting-pick"
                value={row ?? ''}
                onChange={(e) => setRow(Number(e.currentTarget.value))}
              >
                {look.value.meetings.map((m) => (
                  <option key={m.row} value={m.row}>
                    {m.date} — {m.host || 'no host'}
                  </option>
                ))}
              </select>
            </>
          )}
          {meeting && <MeetingAgenda key={meeting.row} look={look.value} meeting={meeting} />}
          {look.value.topics.length > 0 && (
            <>
              <h3>Topics by vote</h3>
              <ol>
                {look.value.topics.slice(0, 5).map((t) => (
                  <li key={t.topic}>
                    {t.topic} <span class="muted">({t.why})</span>
                  </li>
                ))}
              </ol>
            </>
          )}
          {look.value.topicNotes.length > 0 && (
            <ul class="muted" aria-label="How the votes were counted">
              {look.value.topicNotes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <Problems problems={look.value.problems} />
        </div>
      )}
    </section>
  );
}

export const meetingsView = defineSidebarView({
  id: 'meetings',
  applies: (state) => state.kind === 'spreadsheet' && state.tracker.action !== 'set-up',
  View: MeetingsPanel,
});
