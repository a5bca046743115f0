// Central-office mail in the panel: the open email triaged with the network's rules (tier, dates, what to
// do, why, "check this one"), the same ask seen before, and a one-click correction; on Gmail's list, the
// visible rows sorted by tier then date, each a first guess from its subject and snippet. Mail that is
// not from the central office (the network's Settings tab says who is) is left alone.
import { useEffect, useState } from 'preact/hooks';
import { checkReply, ShownListSchema, type ShownList } from '../../../shared/browser/mandate-panel';
import { t } from '../../platform/i18n';
import { Correction } from '../correction';
import { reloadMandate, useOpenMandate } from '../open-mandate';
import { Sharing } from '../sharing';
import { inNetwork } from '../stores';
import { TriageDetails, tierLabel } from '../triage-view';
import { Untrusted } from '../untrusted';
import { ask, defineView, pageKind, type ViewContext } from '../view';

export function Problems({ problems }: { problems: readonly string[] }) {
  if (!problems.length) return null;
  return (
    <div class="problem" role="note">
      <p>{t('mandateRowsSkipped')}</p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

function OpenEmail({ ctx }: { ctx: ViewContext }) {
  const open = useOpenMandate(ctx);
  if (!open) return null;
  if (open.state === 'working') return <p class="status">{t('mandateWorking')}</p>;
  if (open.state === 'problem')
    return (
      <p class="problem" role="alert">
        {open.problem}
      </p>
    );
  const m = open.mandate;
  if (m.state === 'not-central')
    return (
      <>
        <p class="status">{t('notCentralOffice', m.why)}</p>
        <Problems problems={m.problems} />
      </>
    );
  return (
    <>
      {m.repeatOf && (
        <p role="note">
          {t('repeatOf')} <Untrusted text={m.repeatOf.title} />{' '}
          {m.repeatOf.sent ? `(${m.repeatOf.sent})` : ''}
        </p>
      )}
      {m.askedAgain && (
        <div role="note">
          <p>{t('askedAgain')}</p>
          <ul>
            {m.askedAgain.map((a, i) => (
              <li key={`${i}:${a.title}`}>
                <Untrusted text={a.title} /> {a.sent ? `(${a.sent})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Problems problems={m.problems} />
      <TriageDetails result={m.triage} />
      <div class="toolbar">
        <button type="button" onClick={() => void reloadMandate(ctx, true)}>
          {t('readSheetAgain')}
        </button>
      </div>
      <Correction key={m.gmailMessageId} mandate={m} onSaved={() => void reloadMandate(ctx)} />
      <Sharing key={m.gmailMessageId} initial={m.sharing} />
    </>
  );
}

function ListedMail({ tabId }: { tabId: number }) {
  const [shown, setShown] = useState<ShownList | string | undefined>(undefined);
  const load = (fresh = false) =>
    void ask({ kind: 'mandate-list', tabId, fresh }).then((reply) => {
      if (!reply.ok) return setShown(reply.problem);
      const checked = checkReply(ShownListSchema, reply.data);
      setShown(checked.ok ? checked.value : checked.problem);
    });
  useEffect(() => load(), [tabId]);
  if (shown === undefined) return <p class="status">{t('mandateWorking')}</p>;
  if (typeof shown === 'string')
    return (
      <p class="problem" role="alert">
        {shown}
      </p>
    );
  return (
    <>
      <p class="status">{t('listFirstGuess')}</p>
      <div class="toolbar">
        <button type="button" onClick={() => load(true)}>
          {t('readSheetAgain')}
        </button>
      </div>
      <Problems problems={shown.problems} />
      {shown.rows.length === 0 ? (
        <p>{t('listNoMandates')}</p>
      ) : (
        <ul class="mandate-list">
          {shown.rows.map((row) => (
            <li key={row.threadId}>
              <span class={`tier ${row.tier}`}>{tierLabel(row.tier)}</span> <Untrusted text={row.subject} />
              {row.firstDate && <span class="status"> · {row.firstDate}</span>}
              {row.check && <span class="status"> · {t('triageCheck')}</span>}
              {row.opened && <span class="status"> · {t('listOpened')}</span>}
              <br />
              <span class="status">
                <Untrusted text={row.snippet} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {shown.notCentral > 0 && <p class="status">{t('listNotCentral', shown.notCentral)}</p>}
    </>
  );
}

function Mandates({ ctx }: { ctx: ViewContext }) {
  const kind = pageKind(ctx);
  return (
    <section class="panel-section" aria-labelledby="mandates-heading">
      <h2 id="mandates-heading">{t('mandatesHeading')}</h2>
      {kind === 'gmail-thread' && <OpenEmail ctx={ctx} />}
      {kind === 'gmail-list' && ctx.tabId !== undefined && <ListedMail tabId={ctx.tabId} />}
    </section>
  );
}

export const mandatesView = defineView({
  id: 'mandates',
  applies: (ctx) => inNetwork() && ['gmail-thread', 'gmail-list'].includes(pageKind(ctx) ?? ''),
  View: Mandates,
});
