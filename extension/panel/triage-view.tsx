// The selected message's mandate triage — how much it asks of a principal, by when, and why. The shared
// engine runs in Rounds' worker (keeping it out of the panel's script makes the panel open fast); the
// mail still never leaves the browser.
import { useEffect, useState } from 'preact/hooks';
import type { Deadline, MandateMessage, Tier } from '../../shared/mandates/types';
import type { GmailMessage } from '../../shared/browser/seen-page';
import { checkShownTriage, type ShownTriage } from '../../shared/browser/shown-triage';
import { t } from '../platform/i18n';
import { ask } from './view';

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

/** What the engine reads of one message. */
export function mandateMessageOf(message: GmailMessage, subject: string): MandateMessage {
  return {
    id: message.id ?? 'not-yet-numbered',
    subject,
    from: message.from.name ? `${message.from.name} <${message.from.email}>` : message.from.email,
    // Gmail's date has no time zone; the calendar day is what relative deadlines ("this Friday") need.
    date: message.date.local?.slice(0, 10),
    text: message.body,
  };
}

type Shown =
  { state: 'working' } | { state: 'shown'; triage: ShownTriage } | { state: 'problem'; problem: string };

export function TriageView({ message, subject }: { message: GmailMessage; subject: string }) {
  const [shown, setShown] = useState<Shown>({ state: 'working' });
  useEffect(() => {
    let current = true;
    setShown({ state: 'working' });
    void ask({ kind: 'triage', message: mandateMessageOf(message, subject) }).then((reply) => {
      if (!current) return;
      if (!reply.ok) return setShown({ state: 'problem', problem: reply.problem });
      const checked = checkShownTriage(reply.data);
      setShown(
        checked.ok
          ? { state: 'shown', triage: checked.triage }
          : { state: 'problem', problem: checked.problem },
      );
    });
    return () => {
      current = false;
    };
  }, [message, subject]);
  if (shown.state !== 'shown')
    return (
      <section aria-label="Triage" aria-busy={shown.state === 'working'}>
        <h3>{t('triageHeading')}</h3>
        <p class="status" role={shown.state === 'problem' ? 'alert' : undefined}>
          {shown.state === 'working' ? t('triageWorking') : shown.problem}
        </p>
      </section>
    );
  const result = shown.triage;
  return (
    <section aria-label="Triage">
      <h3>{t('triageHeading')}</h3>
      <p>
        <span class={`tier ${result.tier}`}>{TIER_LABELS[result.tier]}</span>{' '}
        <span class="status">{t('triageSure', Math.round(result.confidence * 100))}</span>
      </p>
      {result.check && (
        <p role="note">
          <strong>{t('triageCheck')}</strong>
          {result.checkReason ? `: ${result.checkReason}` : ''}
        </p>
      )}
      {result.deadlines.length > 0 && (
        <>
          <h3>{t('triageDates')}</h3>
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
          <h3>{t('triageAsks')}</h3>
          <ul>
            {result.actions.map((a, i) => (
              <li key={`${i}:${a}`}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {result.items && result.items.length > 0 && (
        <>
          <h3>{t('triageItems')}</h3>
          <ul>
            {result.items.map((item) => (
              <li key={item.id}>
                <span class={`tier ${item.tier}`}>{TIER_LABELS[item.tier]}</span> {item.title}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('triageWhy')}</h3>
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
