// The week's digest of central-office deadlines, from the mail Rounds has shown in this browser and the
// ILD's translations: must-do first, then by date, with short-notice and repeated-ask flags. Copy it as
// HTML (every value escaped by the core's renderer) or open it in a Gmail compose window to send. Below,
// the ILD's summary from the tracker (next network meeting, the week's visits, what to celebrate) and, for
// an ILD, the asks several principals received in other words (the mail members share with the network).
import { useState } from 'preact/hooks';
import { checkReply, ShownDigestSchema, type ShownDigest } from '../../../shared/browser/mandate-panel';
import { t } from '../../platform/i18n';
import { openCompose } from '../compose';
import { account, network } from '../stores';
import { dateKindLabel, tierLabel } from '../triage-view';
import { Untrusted } from '../untrusted';
import { ask, defineView, pageKind } from '../view';
import { Problems } from './mandates';
import { translationLines } from './translate';

async function copyHtml(digest: ShownDigest): Promise<boolean> {
  try {
    if (typeof ClipboardItem === 'function' && navigator.clipboard.write) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([digest.html], { type: 'text/html' }),
          'text/plain': new Blob([digest.text], { type: 'text/plain' }),
        }),
      ]);
    } else await navigator.clipboard.writeText(digest.html);
    return true;
  } catch {
    return false;
  }
}

function Entries({ digest }: { digest: ShownDigest }) {
  if (digest.entries.length === 0) return <p>{t('digestEmpty', digest.seen)}</p>;
  return (
    <ol class="digest">
      {digest.entries.map((e, i) => (
        <li key={`${i}:${e.title}`} data-tier={e.tier}>
          <span class={`tier ${e.tier}`}>{tierLabel(e.tier)}</span> <Untrusted text={e.title} />
          <ul>
            {e.dates.map((d) => (
              <li key={`${d.date}:${d.text}`}>
                <strong>{d.date}</strong> {dateKindLabel(d.kind as never)}: “<Untrusted text={d.text} />”
              </li>
            ))}
          </ul>
          {e.actions.length > 0 && (
            <p>
              {t('trTodo')}: <Untrusted text={e.actions.join(' · ')} />
            </p>
          )}
          {e.flags.map((f) => (
            <p key={f.kind} class="flag" data-flag={f.kind} role="note">
              {f.text}
            </p>
          ))}
          {e.translation && (
            <div class="translation">
              <p>
                <strong>{t('trHeading')}</strong>
              </p>
              {translationLines(e.translation).map(([label, value]) => (
                <p key={label}>
                  {label}: <Untrusted text={value} />
                </p>
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A subheading and its dated lines (the week's visits, its celebrations); nothing when there are none. */
function DatedList(props: {
  kind: string;
  heading: string;
  items: ReadonlyArray<{ date: string; line: string }>;
}) {
  if (!props.items.length) return null;
  return (
    <>
      <h4>{props.heading}</h4>
      <ul data-summary={props.kind}>
        {props.items.map((item) => (
          <li key={`${item.date}:${item.line}`}>
            <strong>{item.date}</strong> <Untrusted text={item.line} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Summary({ digest }: { digest: ShownDigest }) {
  const { nextMeeting, visits, spotlight } = digest.summary;
  return (
    <section class="summary" aria-labelledby="summary-heading">
      <h3 id="summary-heading">{t('summaryHeading')}</h3>
      {!nextMeeting && !visits.length && !spotlight.length && <p class="status">{t('summaryNothing')}</p>}
      {nextMeeting && (
        <p data-summary="meeting">
          {t('summaryNextMeeting', nextMeeting.date)}{' '}
          <Untrusted text={[nextMeeting.title, nextMeeting.where].filter(Boolean).join(', ')} />
        </p>
      )}
      <DatedList kind="visits" heading={t('summaryVisits')} items={visits} />
      <DatedList kind="spotlight" heading={t('summarySpotlight')} items={spotlight} />
    </section>
  );
}

function NetworkAsks({ digest }: { digest: ShownDigest }) {
  const asks = digest.networkAsks;
  if (!asks) return null;
  const members = digest.sharingMembers ?? 0;
  return (
    <section class="network-asks" aria-labelledby="asks-heading">
      <h3 id="asks-heading">{t('asksHeading')}</h3>
      <p class="status">{asks.length ? t('asksSharing', members) : t('asksNone', members)}</p>
      <ol>
        {asks.map((a, i) => (
          <li key={`${i}:${a.subject}`} data-ask>
            <Untrusted text={a.subject} />
            <p class="status">{t('asksLine', a.messages.length, a.departments, a.seenBy)}</p>
            <ul>
              {a.messages.map((m, j) => (
                <li key={`${j}:${m.subject}`} data-relation={m.relation}>
                  <Untrusted text={m.subject} /> ·{' '}
                  <span class="status">
                    {m.department && (
                      <>
                        <Untrusted text={m.department} />
                        {', '}
                      </>
                    )}
                    {m.sent && `${m.sent}, `}
                    {t(`askRelation_${m.relation}`)}, {t('askSeenBy', m.seenBy)}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Digest() {
  const [from, setFrom] = useState('');
  const [digest, setDigest] = useState<ShownDigest | undefined>(undefined);
  const [status, setStatus] = useState('');
  const build = async () => {
    setStatus(t('digestWorking'));
    const reply = await ask({ kind: 'digest', from: from || undefined, fresh: true });
    if (!reply.ok) return setStatus(reply.problem);
    const checked = checkReply(ShownDigestSchema, reply.data);
    if (!checked.ok) return setStatus(checked.problem);
    setDigest(checked.value);
    setFrom(checked.value.from);
    setStatus('');
  };
  const subject = digest ? t('digestSubject', digest.from, digest.to) : '';
  return (
    <section class="panel-section" aria-labelledby="digest-heading">
      <h2 id="digest-heading">{t('digestHeading')}</h2>
      <div class="toolbar">
        <label>
          {t('digestWeekOf')}{' '}
          <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <button type="button" onClick={() => void build()}>
          {t('digestShow')}
        </button>
      </div>
      <p class="status" role="status">
        {status}
      </p>
      {digest && (
        <>
          <p class="status">{t('digestWindow', digest.from, digest.to, digest.seen)}</p>
          <Entries digest={digest} />
          {digest.forOthers > 0 && <p class="status">{t('digestForOthers', digest.forOthers)}</p>}
          <Summary digest={digest} />
          <NetworkAsks digest={digest} />
          <Problems problems={digest.problems} />
          <div class="toolbar">
            <button
              type="button"
              onClick={() =>
                void copyHtml(digest).then((done) => setStatus(done ? t('copied') : t('copyFailed')))
              }
            >
              {t('digestCopyHtml')}
            </button>
            <button type="button" onClick={() => void openCompose({ subject, body: digest.text })}>
              {t('digestCompose')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

export const digestView = defineView({
  id: 'digest',
  applies: (ctx) =>
    account.value.state === 'signed-in' &&
    network.value.network !== null &&
    (pageKind(ctx) ?? '').startsWith('gmail-'),
  View: Digest,
});
