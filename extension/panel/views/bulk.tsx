// Filing many from Gmail's list: the conversations ticked with Gmail's own checkboxes, or every result of
// the current search, to one cycle step. They join the queue, which shows their progress.
import { useState } from 'preact/hooks';
import type { FilingChoice } from '../../../shared/browser/panel-commands';
import { t } from '../../platform/i18n';
import { ChooseTarget } from '../choose-target';
import { account, network } from '../stores';
import { ask, defineView, pageKind, type ViewContext } from '../view';

function Bulk({ ctx }: { ctx: ViewContext }) {
  const [scope, setScope] = useState<'selected' | 'all'>('selected');
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState('');
  const file = async (choice: FilingChoice) => {
    setProblem('');
    setStatus('');
    const reply = await ask({ kind: 'file-list', tabId: ctx.tabId!, scope, choice });
    if (reply.ok) setStatus(t('bulkQueued'));
    else setProblem(reply.problem);
  };
  return (
    <section class="panel-section" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">{t('bulkTitle')}</h2>
      <fieldset>
        <legend>{t('bulkWhich')}</legend>
        <label>
          <input
            type="radio"
            name="scope"
            checked={scope === 'selected'}
            onChange={() => setScope('selected')}
          />{' '}
          {t('bulkSelected')}
        </label>
        <label>
          <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />{' '}
          {t('bulkAll')}
        </label>
      </fieldset>
      <ChooseTarget
        candidate={{ kind: 'email', title: '' }}
        action={t('bulkFile')}
        busy={false}
        onFile={file}
      />
      <p class="status" role="status">
        {status}
      </p>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

export const bulkView = defineView({
  id: 'bulk',
  applies: (ctx) =>
    account.value.state === 'signed-in' &&
    network.value.network?.layout !== undefined &&
    pageKind(ctx) === 'gmail-list',
  View: Bulk,
});
