// One evidence line as the sidebar shows it: the observer's own words, untouched, with the judging words
// marked (each carrying the facilitator's question), its kind, and warnings for a name or a room number.
// Worked out here in the sidebar with the shared linter, so it keeps working offline.
import { useMemo } from 'preact/hooks';
import { findIdentityWarnings } from '../../../shared/evidence/identity';
import { lintEvidence, type EvidenceKind } from '../../../shared/evidence/lint';
import type { FormLineView } from '../../observation/contract';

export const KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  descriptive: 'Descriptive',
  inference: 'Inference',
  evaluative: 'Evaluative',
};

interface Mark {
  start: number;
  end: number;
  title: string;
  className: string;
}

export function EvidenceLine({ line, allow }: { line: FormLineView; allow: readonly string[] }) {
  const lint = useMemo(() => lintEvidence(line.text), [line.text]);
  const identity = useMemo(() => findIdentityWarnings(line.text, { allow }), [line.text, allow]);
  const marks: Mark[] = [
    ...lint.flags.map((f) => ({ start: f.start, end: f.end, title: f.question, className: 'judging' })),
    ...identity.map((w) => ({ start: w.start, end: w.end, title: w.message, className: 'identity' })),
  ]
    .sort((a, b) => a.start - b.start)
    .filter((m, i, all) => i === 0 || m.start >= all[i - 1]!.end);
  const pieces: (string | Mark)[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start > at) pieces.push(line.text.slice(at, m.start));
    pieces.push(m);
    at = m.end;
  }
  if (at < line.text.length) pieces.push(line.text.slice(at));
  const questions = [...new Set(lint.flags.map((f) => f.question))];
  return (
    <li class={`evidence evidence-${lint.kind}`}>
      <p class="line-text">
        {pieces.map((p, i) =>
          typeof p === 'string' ? (
            p
          ) : (
            <mark key={i} class={p.className} title={p.title}>
              {line.text.slice(p.start, p.end)}
            </mark>
          ),
        )}
      </p>
      <p class="line-meta">
        <span class={`kind kind-${lint.kind}`}>{KIND_LABELS[lint.kind]}</span>
        {line.classroom && <span> · Classroom {line.classroom}</span>}
        <span>
          {' · '}
          {line.codes.length ? line.codes.map((c) => `#${c}`).join(' ') : 'not tagged'}
          {line.source === 'named' && ' (selection)'}
        </span>
      </p>
      {questions.length > 0 && (
        <ul class="questions" aria-label="The facilitator asks">
          {questions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      )}
      {identity.length > 0 && (
        <ul class="warnings" aria-label="Before the debrief">
          {identity.map((w) => (
            <li key={`${w.start}`}>{w.message}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
