// The IPOP checker in the sidebar: as the principal types a problem of practice (and, if they have one, its
// theory of action), each criterion shows a tick or the advice that would make it stronger. It runs the
// shared checker in the sidebar itself, so nothing is sent anywhere while typing.
import { useMemo, useState } from 'preact/hooks';
import { checkIpop, CRITERION_LABELS, IPOP_CRITERIA } from '../../../shared/ipop/check';
import { defineSidebarView, inSpreadsheet } from '../view';

function IpopPanel() {
  const [question, setQuestion] = useState('');
  const [theory, setTheory] = useState('');
  const check = useMemo(
    () => (question.trim() ? checkIpop(question, { theoryOfAction: theory }) : null),
    [question, theory],
  );
  return (
    <section aria-labelledby="ipop-heading">
      <h2 id="ipop-heading">Check a problem of practice</h2>
      <label for="ipop-question">Your IPOP, as you would write it</label>
      <textarea
        id="ipop-question"
        rows={4}
        value={question}
        onInput={(e) => setQuestion(e.currentTarget.value)}
        placeholder="How do students … when …?"
      />
      <label for="ipop-theory">Theory of action (optional)</label>
      <textarea
        id="ipop-theory"
        rows={3}
        value={theory}
        onInput={(e) => setTheory(e.currentTarget.value)}
        placeholder="If the principal …, then teachers will …, which will result in students …"
      />
      <div aria-live="polite">
        {check && (
          <ul class="criteria">
            {IPOP_CRITERIA.map((k) => (
              <li key={k} class={check.criteria[k].pass ? 'pass' : 'advice'}>
                <strong>
                  {check.criteria[k].pass ? '✓' : '✗'} {CRITERION_LABELS[k]}
                </strong>
                {!check.criteria[k].pass && <span> — {check.criteria[k].advice}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

export const ipopView = defineSidebarView({ id: 'ipop', applies: inSpreadsheet, View: IpopPanel });
