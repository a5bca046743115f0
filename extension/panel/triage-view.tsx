// The selected message's mandate triage — how much it asks of a principal, by when, and why. The shared
// engine runs in Rounds' worker (keeping it out of the panel's script makes the panel open fast); the
// mail still never leaves the browser.
import { useEffect, useState } from 'preact/hooks';
import type { Deadline, MandateMessage, Tier } from '../../shared/mandates/types';
import type { GmailMessage } from '../../shared/browser/seen-page';
import { checkShownTriage, type ShownTriage } from '../../shared/browser/shown-triage';
import { t, type MessageKey } from '../platform/i18n';
import { ask } from './view';

const TIER_KEYS = {
  must_do: 'tierMustDo',
  action: 'tierAction',
  fyi: 'tierFyi',
  not_for_principals: 'tierNotForPrincipals',
} as const satisfies Record<Tier, MessageKey>;

/** A tier in the panel's words (from _locales). */
export const tierLabel = (tier: Tier): string => t(TIER_KEYS[tier]);

const KIND_KEYS = {
  due: 'dateDue',
  event: 'dateEvent',
  window_start: 'dateOpens',
  window_end: 'dateCloses',
  recurring: 'dateRecurring',
} as const satisfies Record<Deadline['kind'], MessageKey>;

/** What kind of date a deadline is ("due", "opens"…), from _locales. */
export const dateKindLabel = (kind: Deadline['kind']): string => t(KIND_KEYS[kind]);

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
      <section aria-label={t('triageHeading')} aria-busy={shown.state === 'working'}>
        <h3>{t('triageHeading')}</h3>
        <p class="status" role={shown.state === 'problem' ? 'alert' : undefined}>
          {shown.state === 'working' ? t('triageWorking') : shown.problem}
        </p>
      </section>
    );
  return <TriageDetails result={shown.triage} />;
}

/** A triage as the worker worked it out: tier, how sure, "check this one", dates, asks, items and why. */
export function TriageDetails({ result }: { result: ShownTriage }) {
  return (
    <section aria-label={t('triageHeading')}>
      <h3>{t('triageHeading')}</h3>
      <p>
        <span class={`tier ${result.tier}`}>{tierLabel(result.tier)}</span>{' '}
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
                <strong>{d.date ?? d.monthDay}</strong> {dateKindLabel(d.kind)}: “{d.text}”
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
                <span class={`tier ${item.tier}`}>{tierLabel(item.tier)}</span> {item.title}
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
