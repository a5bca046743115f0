// The ILD's translation of the open mandate, above its triage: what it means for you, what to do, by when,
// the effort, how it connects to the problem of practice, and when to skip it. Every member who opens
// their own copy (the same Message-ID) sees it; only the network's ILDs (Members tab) see the editor. Any
// member can forward it: a Gmail compose window with the translation above the original.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ShownMandate, ShownTranslation } from '../../../shared/browser/mandate-panel';
import { t } from '../../platform/i18n';
import { openCompose } from '../compose';
import { reloadMandate, useOpenMandate } from '../open-mandate';
import { account, network } from '../stores';
import { Untrusted } from '../untrusted';
import { ask, defineView, pageKind, type ViewContext } from '../view';

type Mandate = Extract<ShownMandate, { state: 'mandate' }>;

/** The translation as lines of plain text: the card's content, and what a forward puts first. */
export function translationLines(
  tr: Pick<ShownTranslation, 'meaning'> & Partial<ShownTranslation>,
): Array<[string, string]> {
  const lines: Array<[string, string | undefined]> = [
    [t('trMeaning'), tr.meaning],
    [t('trTodo'), tr.todo],
    [t('trByWhen'), tr.byWhen],
    [t('trEffort'), tr.effortMinutes !== undefined ? t('trMinutes', tr.effortMinutes) : undefined],
    [t('trIpop'), tr.ipop],
    [t('trSkipIf'), tr.skipIf],
  ];
  return lines.filter((l): l is [string, string] => !!l[1]);
}

function Card({ translation }: { translation: ShownTranslation }) {
  return (
    <div class="translation">
      <dl>
        {translationLines(translation).map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>
              <Untrusted text={value} />
            </dd>
          </Fragment>
        ))}
      </dl>
      {translation.translatedBy && (
        <p class="status">
          {t('trBy')} <Untrusted text={translation.translatedBy} />
          {translation.translatedAt ? `, ${translation.translatedAt.slice(0, 10)}` : ''}
        </p>
      )}
    </div>
  );
}

function forward(ctx: ViewContext, m: Mandate): Promise<void> {
  const tr = m.translation!;
  const page = ctx.seen !== 'loading' && ctx.seen.state === 'seen' ? ctx.seen.record.page : undefined;
  const original = page?.kind === 'gmail-thread' ? page.thread.messages.at(-1)?.body : '';
  const body = [
    ...translationLines(tr).map(([label, value]) => `${label}: ${value}`),
    '',
    t('trOriginal'),
    `${t('fromLabel')}: ${m.from}`,
    `${t('subjectLabel')}: ${m.subject}`,
    '',
    original ?? '',
  ].join('\n');
  return openCompose({ subject: `Fwd: ${m.subject}`, body });
}

function Editor({ ctx, m }: { ctx: ViewContext; m: Mandate }) {
  const before = m.translation;
  const firstDue = m.triage.deadlines.find((d) => d.kind === 'due' && d.date)?.date;
  const [status, setStatus] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: string) => String(form.get(name) ?? '').trim();
    const effort = field('effort');
    setStatus(t('trSaving'));
    const reply = await ask({
      kind: 'save-translation',
      translation: {
        messageId: m.messageId ?? '',
        subject: m.subject,
        tier: m.triage.tier,
        meaning: field('meaning'),
        todo: field('todo'),
        byWhen: field('byWhen') || undefined,
        effortMinutes: effort ? Math.max(0, Math.round(Number(effort))) || 0 : undefined,
        ipop: field('ipop') || undefined,
        skipIf: field('skipIf') || undefined,
      },
    });
    if (!reply.ok) return setStatus(reply.problem);
    setStatus(t('trSaved'));
    await reloadMandate(ctx);
  };
  if (!m.messageId) return <p class="status">{t('trNoMessageId')}</p>;
  return (
    <>
      <details open={!before}>
        <summary>{before ? t('trEdit') : t('trWrite')}</summary>
        <form class="translate" onSubmit={(e) => void submit(e)}>
          <label>
            {t('trMeaning')}
            <textarea name="meaning" required maxLength={2000} defaultValue={before?.meaning ?? ''} />
          </label>
          <label>
            {t('trTodo')}
            <textarea
              name="todo"
              maxLength={2000}
              defaultValue={before?.todo ?? m.triage.actions.join('\n')}
            />
          </label>
          <label>
            {t('trByWhen')}
            <input
              name="byWhen"
              type="text"
              maxLength={100}
              defaultValue={before?.byWhen ?? firstDue ?? ''}
            />
          </label>
          <label>
            {t('trEffortLabel')}
            <input
              name="effort"
              type="number"
              min={0}
              max={10000}
              step={5}
              defaultValue={before?.effortMinutes ?? ''}
            />
          </label>
          <label>
            {t('trIpopLabel')}
            <textarea name="ipop" maxLength={2000} defaultValue={before?.ipop ?? ''} />
          </label>
          <label>
            {t('trSkipIf')}
            <input name="skipIf" type="text" maxLength={2000} defaultValue={before?.skipIf ?? ''} />
          </label>
          <button type="submit">{t('trSave')}</button>
        </form>
      </details>
      <p class="status" role="status">
        {status}
      </p>
    </>
  );
}

function Translate({ ctx }: { ctx: ViewContext }) {
  const open = useOpenMandate(ctx);
  if (open?.state !== 'shown' || open.mandate.state !== 'mandate') return null;
  const m = open.mandate;
  if (!m.translation && m.role !== 'ild') return null;
  return (
    <section class="panel-section" aria-labelledby="translate-heading">
      <h2 id="translate-heading">{m.translation ? t('trHeading') : t('trWriteHeading')}</h2>
      {m.translation && (
        <>
          <Card translation={m.translation} />
          <div class="toolbar">
            <button type="button" onClick={() => void forward(ctx, m)}>
              {t('trForward')}
            </button>
          </div>
        </>
      )}
      {m.role === 'ild' && <Editor key={m.messageId} ctx={ctx} m={m} />}
    </section>
  );
}

export const translateView = defineView({
  id: 'translate',
  applies: (ctx) =>
    account.value.state === 'signed-in' && network.value.network !== null && pageKind(ctx) === 'gmail-thread',
  View: Translate,
});
