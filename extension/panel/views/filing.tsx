// Filing the open email or Doc: what is about to be filed (as Gmail's original has it, attachments
// included), where it went if anyone in the network filed it already, or where to file it — with a
// suggestion and its reason — and how the filing is going.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FilingChoice } from '../../../shared/browser/panel-commands';
import { lookedUpKey, readLookedUp } from '../../../shared/browser/looked-up';
import type { QueueEntry } from '../../../shared/browser/filing-queue';
import { t } from '../../platform/i18n';
import { ChooseTarget } from '../choose-target';
import { FiledLine } from '../filed-line';
import { account, network, queue } from '../stores';
import { Untrusted } from '../untrusted';
import { useStored } from '../use-stored';
import { ask, defineView, pageKind, type ViewContext } from '../view';

/** The original's Date header, read as a principal reads dates; the raw text when it is not a date. */
function sentAt(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function EntryState({ entry }: { entry: QueueEntry }) {
  const result = entry.job?.result;
  if (entry.state === 'done' && result?.status === 'already-filed') {
    return <FiledLine {...result} />;
  }
  if (entry.state === 'done' && result?.status === 'linked') {
    return (
      <p class="filed" role="status">
        {t('linkedInstead')} <Untrusted text={result.reason} />
      </p>
    );
  }
  if (entry.state === 'done' && result?.status === 'filed') {
    return (
      <FiledLine
        cycleId={entry.choice.cycleId}
        step={entry.choice.step}
        school={entry.job?.target.school}
        filedBy={result.filedBy}
        filedAt={result.filedAt}
        byYou
      />
    );
  }
  if (entry.state === 'failed')
    return (
      <p class="problem" role="alert">
        {t('filingFailed', entry.problem ?? '')}
      </p>
    );
  if (entry.state === 'cancelled') return <p class="status">{t('filingCancelled')}</p>;
  return (
    <p class="status" role="status">
      {entry.state === 'filing' ? t('filingNow') : t('filingQueued')}
      {entry.problem ? ` ${t('lastTry', entry.problem)}` : ''}
    </p>
  );
}

function FileEmail({
  ctx,
  gmailMessageId,
  threadId,
}: {
  ctx: ViewContext;
  gmailMessageId: string;
  threadId?: string;
}) {
  const looked = useStored(lookedUpKey(gmailMessageId), readLookedUp);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    if (ctx.tabId !== undefined) void ask({ kind: 'look-up', tabId: ctx.tabId });
  }, [gmailMessageId, ctx.tabId]);
  const entry = queue.value.entries.find((e) => e.id === `gmail:${gmailMessageId}`);
  const candidate = useMemo(
    () => ({
      kind: 'email' as const,
      title: looked?.state === 'found' ? looked.subject : '',
      from: looked?.state === 'found' ? looked.from : undefined,
      gmailThreadId: threadId,
    }),
    [looked, threadId],
  );
  if (!looked || looked.state === 'looking') return <p class="status">{t('readingOriginal')}</p>;
  if (looked.state === 'failed')
    return (
      <p class="problem" role="alert">
        {looked.problem}
      </p>
    );
  const file = async (choice: FilingChoice) => {
    setProblem('');
    const reply = await ask({ kind: 'file-email', tabId: ctx.tabId!, gmailMessageId, choice });
    if (!reply.ok) setProblem(reply.problem);
  };
  return (
    <>
      <dl>
        <dt>{t('subjectLabel')}</dt>
        <dd>
          <Untrusted text={looked.subject} fallback={t('noSubject')} />
        </dd>
        <dt>{t('fromLabel')}</dt>
        <dd>
          <Untrusted text={looked.from} />
        </dd>
        <dt>{t('dateLabel')}</dt>
        <dd>{looked.date ? sentAt(looked.date) : ''}</dd>
        <dt>{t('attachmentsLabel')}</dt>
        <dd>
          {looked.attachments.length === 0 ? (
            t('none')
          ) : (
            <ul class="files">
              {looked.attachments.map((a, i) => (
                <li key={`${i}:${a.name}`}>
                  <Untrusted text={a.name} /> <span class="status">({Math.ceil(a.size / 1024)} KB)</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {looked.prior ? (
        <FiledLine {...looked.prior} />
      ) : entry ? (
        <EntryState entry={entry} />
      ) : (
        <ChooseTarget candidate={candidate} action={t('fileEmail')} busy={false} onFile={file} />
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

function FileDoc({ ctx, docId, name }: { ctx: ViewContext; docId: string; name: string }) {
  const [problem, setProblem] = useState('');
  const entry = queue.value.entries.find((e) => e.job?.what.kind === 'doc' && e.job.what.docId === docId);
  const file = async (choice: FilingChoice) => {
    setProblem('');
    const reply = await ask({ kind: 'file-doc', tabId: ctx.tabId!, choice });
    if (!reply.ok) setProblem(reply.problem);
  };
  return (
    <>
      {entry && <EntryState entry={entry} />}
      {(!entry || entry.state === 'done') && (
        <ChooseTarget
          candidate={{ kind: 'doc', title: name }}
          action={t('fileDoc')}
          busy={false}
          onFile={file}
        />
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

function Filing({ ctx }: { ctx: ViewContext }) {
  if (ctx.seen === 'loading' || ctx.seen.state !== 'seen') return null;
  const page = ctx.seen.record.page;
  return (
    <section class="panel-section" aria-labelledby="filing-heading">
      <h2 id="filing-heading">{page.kind === 'doc' ? t('fileThisDoc') : t('fileThisEmail')}</h2>
      {page.kind === 'doc' && <FileDoc ctx={ctx} docId={page.docId} name={page.name} />}
      {page.kind === 'gmail-thread' &&
        (page.thread.messages.at(-1)?.id ? (
          <FileEmail
            ctx={ctx}
            gmailMessageId={page.thread.messages.at(-1)!.id!}
            threadId={page.thread.id ?? undefined}
          />
        ) : (
          <p class="status">{t('notNumberedYet')}</p>
        ))}
    </section>
  );
}

export const filingView = defineView({
  id: 'filing',
  applies: (ctx) =>
    account.value.state === 'signed-in' &&
    network.value.network?.layout !== undefined &&
    ['gmail-thread', 'doc'].includes(pageKind(ctx) ?? ''),
  View: Filing,
});
