// The observation form in a Doc: insert it (header, the host's look-fors, the 1–4 rating column), then see
// every evidence line linted as you write — its kind, the judging words marked, the facilitator's question,
// names and room numbers flagged — tag the selected words with a look-for, and the lines still untagged.
// Tags that cannot reach Google wait in the sidebar and are retried; the lint never needs the server.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { HEADER_LABELS, type FormHeader } from '../../../shared/observation/form';
import { MAX_FOCUSED_LOOK_FORS, parseLookForLines } from '../../../shared/observation/look-fors';
import type { ObservationFormState, TagResult } from '../../observation/contract';
import { EvidenceLine } from '../observation/evidence-line';
import { usePendingTags } from '../observation/pending-calls';
import { callServer } from '../server';
import { defineSidebarView, inDocument } from '../view';

type Load = { status: 'loading' } | { status: 'ready'; form: ObservationFormState; at: string };

const now = () => new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function InsertForm({ onInserted }: { onInserted: (form: ObservationFormState) => void }) {
  const [header, setHeader] = useState<Record<keyof FormHeader, string>>({
    network: '',
    school: '',
    visit: '',
    date: new Date().toISOString().slice(0, 10),
    observer: '',
  });
  const [lookFors, setLookFors] = useState('');
  const [ratingScale, setRatingScale] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const parsed = useMemo(() => parseLookForLines(lookFors), [lookFors]);
  const insert = () => {
    setBusy(true);
    setError('');
    callServer('insertObservationFormFromSidebar', undefined, [{ header, lookFors, ratingScale }]).then(
      (form) => {
        setBusy(false);
        onInserted(form);
      },
      (e: Error) => {
        setBusy(false);
        setError(e.message);
      },
    );
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        insert();
      }}
    >
      <h3 id="insert-heading">Insert observation form</h3>
      <p class="muted">Notes are labelled by visit and your initials: no teacher names, no room numbers.</p>
      {(Object.keys(HEADER_LABELS) as (keyof FormHeader)[]).map((k) => (
        <div key={k}>
          <label for={`form-${k}`}>{HEADER_LABELS[k]}</label>
          <input
            id={`form-${k}`}
            value={header[k]}
            type="text"
            placeholder={k === 'date' ? 'YYYY-MM-DD' : k === 'observer' ? 'Initials, such as RD' : undefined}
            onInput={(e) => setHeader({ ...header, [k]: e.currentTarget.value })}
          />
        </div>
      ))}
      <label for="form-look-fors">
        Look-fors, one a line as “code: prompt” (or rows copied from Protocols)
      </label>
      <textarea
        id="form-look-fors"
        rows={4}
        value={lookFors}
        placeholder="cite: How do students use evidence from the text?"
        onInput={(e) => setLookFors(e.currentTarget.value)}
      />
      <div aria-live="polite">
        {parsed.lookFors.length > MAX_FOCUSED_LOOK_FORS && (
          <p class="warning">
            {parsed.lookFors.length} look-fors: focus is the point of a walkthrough. Ask the host to choose{' '}
            {MAX_FOCUSED_LOOK_FORS} or fewer.
          </p>
        )}
        {parsed.problems.length > 0 && (
          <ul class="problems">
            {parsed.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={ratingScale}
          onChange={(e) => setRatingScale(e.currentTarget.checked)}
        />{' '}
        Rate each look-for 1–4 (for calibration)
      </label>
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Inserting…' : 'Insert observation form'}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}

function ObservationPanel() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [unreachable, setUnreachable] = useState('');
  const [said, setSaid] = useState('');
  const read = useCallback(() => {
    callServer('getObservationForm').then(
      (form) => {
        setLoad({ status: 'ready', form, at: now() });
        setUnreachable('');
      },
      (e: Error) => setUnreachable(e.message),
    );
  }, []);
  useEffect(read, [read]);

  const send = useCallback(
    (tag: { code: string }) => callServer('tagSelectionFromSidebar', undefined, [tag.code]),
    [],
  );
  const onDone = useCallback((result: TagResult) => {
    setLoad({ status: 'ready', form: result.form, at: now() });
    setSaid(`Tagged “${result.text}” as #${result.code}.`);
  }, []);
  const onRefused = useCallback((message: string) => setSaid(message), []);
  const pending = usePendingTags(send, onDone, onRefused);

  const form = load.status === 'ready' ? load.form : null;
  const allow = useMemo(() => form?.lookFors.map((l) => l.prompt) ?? [], [form]);
  const evidence = form?.lines.filter((l) => !l.reflection) ?? [];
  const untagged = evidence.filter((l) => !l.codes.length);

  return (
    <section aria-labelledby="observation-heading">
      <h2 id="observation-heading">Observation notes</h2>
      {(unreachable || pending.offline) && (
        <div role="alert" class="error">
          <p>
            Rounds could not reach Google
            {load.status === 'ready' ? `; this is the Doc as read at ${load.at}` : ''}.
            {pending.queue.length > 0 &&
              ` ${pending.queue.length} tag${pending.queue.length === 1 ? '' : 's'} waiting: keep the words selected and Rounds will apply ${pending.queue.length === 1 ? 'it' : 'them'} when it reaches Google again.`}
          </p>
          <button
            type="button"
            onClick={() => {
              read();
              void pending.retry();
            }}
          >
            Try again
          </button>
        </div>
      )}
      {load.status === 'loading' && !unreachable && (
        <p role="status" class="muted">
          Reading this Doc…
        </p>
      )}
      {form && !form.hasForm && (
        <InsertForm onInserted={(f) => setLoad({ status: 'ready', form: f, at: now() })} />
      )}
      {form && form.hasForm && (
        <>
          <p class="muted">
            Visit {form.header.visit ?? '?'} · {form.header.school ?? ''} · {form.header.observer ?? ''}
          </p>
          {form.lookFors.length > MAX_FOCUSED_LOOK_FORS && (
            <p class="warning">
              This form has {form.lookFors.length} look-fors: focus is the point. Ask the host to choose{' '}
              {MAX_FOCUSED_LOOK_FORS} or fewer.
            </p>
          )}
          <h3>Tag the selected words</h3>
          <p class="muted">
            Select words in the Doc, then choose their look-for. Or write #code in the line.
          </p>
          <div class="buttons">
            {form.lookFors.map((l) => (
              <button key={l.code} type="button" title={l.prompt} onClick={() => pending.add(l.code)}>
                #{l.code}
              </button>
            ))}
          </div>
          <p role="status" class="report">
            {said}
          </p>
          {form.problems.length > 0 && (
            <ul class="problems">
              {form.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <h3>Not tagged yet ({untagged.length})</h3>
          {untagged.length ? (
            <ul class="untagged">
              {untagged.map((l) => (
                <li key={l.index}>{l.text}</li>
              ))}
            </ul>
          ) : (
            <p class="muted">Every evidence line is tagged with a look-for.</p>
          )}
          <h3>Evidence lines ({evidence.length})</h3>
          <ul class="evidence-lines">
            {evidence.map((l) => (
              <EvidenceLine key={`${l.index}:${l.text}`} line={l} allow={allow} />
            ))}
          </ul>
          <button type="button" onClick={read}>
            Read the Doc again
          </button>
        </>
      )}
    </section>
  );
}

export const observationFormView = defineSidebarView({
  id: 'observation-form',
  applies: inDocument,
  View: ObservationPanel,
});
