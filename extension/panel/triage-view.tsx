// The selected message's mandate triage — how much it asks of a principal, by when, and why — computed
// right here in the panel by the shared engine: the mail never leaves the browser.
import { useMemo } from 'preact/hooks';
import { triage } from '../../shared/mandates/triage';
import type { Deadline, Tier, Triage } from '../../shared/mandates/types';
import type { GmailMessage } from '../../shared/browser/seen-page';
import { t } from '../platform/i18n';

export const TIER_LABELS: Record<Tier, string> = {
  must_do: 'Must do',
  action: 'Action',
  fyi: 'For your information',
  not_for_principals: 'Not for principals',
};

const KIND_LABELS: Record<Deadline['kind'], string> = {
  due: 'due',
  event: 'event',
  window_start: 'opens',
  window_end: 'closes',
  recurring: 'recurring',
};

export function triageOf(message: GmailMessage, subject: string): Triage {
  return triage({
    id: message.id ?? 'not-yet-numbered',
    subject,
    from: message.from.name ? `${message.from.name} <${message.from.email}>` : message.from.email,
    // Gmail's date has no time zone; the calendar day is what relative deadlines ("this Friday") need.
    date: message.date.local?.slice(0, 10),
    text: message.body,
  });
}

export function TriageView({ message, subject }: { message: GmailMessage; subject: string }) {
  const result = useMemo(() => triageOf(message, subject), [message, subject]);
  return (
    <section aria-label="Triage">
      <h3>Triage</h3>
      <p>
        <span class={`tier ${result.tier}`}>{TIER_LABELS[result.tier]}</span>{' '}
        <span class="status">{Math.round(result.confidence * 100)}% sure · worked out in your browser</span>
      </p>
      {result.check && (
        <p role="note">
          <strong>{t('triageCheck')}</strong>
          {result.checkReason ? `: ${result.checkReason}` : ''}
        </p>
      )}
      {result.deadlines.length > 0 && (
        <>
          <h3>Dates</h3>
          <ul>
            {result.deadlines.map((d, i) => (
              <li key={`${i}:${d.text}`}>
                <strong>{d.date ?? d.monthDay}</strong> {KIND_LABELS[d.kind]}: “{d.text}”
              </li>
            ))}
          </ul>
        </>
      )}
      {result.actions.length > 0 && (
        <>
          <h3>Asks</h3>
          <ul>
            {result.actions.map((a, i) => (
              <li key={`${i}:${a}`}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {result.items && result.items.length > 0 && (
        <>
          <h3>Items in this bulletin</h3>
          <ul>
            {result.items.map((item) => (
              <li key={item.id}>
                <span class={`tier ${item.tier}`}>{TIER_LABELS[item.tier]}</span> {item.title}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Why</h3>
      <ul>
        {result.reasons.map((r, i) => (
          <li key={`${i}:${r.rule}`}>
            {r.explanation}
            {r.matched.length > 0 && <span class="status"> (“{r.matched.slice(0, 3).join('”, “')}”)</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
