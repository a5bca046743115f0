// The side panel: the views that apply to the tab beside it (views/index.ts), with a way to have the page
// read again, and a footer saying where data goes.
import { useState } from 'preact/hooks';
import { sendToTab } from '../platform/messaging';
import { googleOrigin, isSandboxBuild } from '../platform/google-origin';
import { t } from '../platform/i18n';
import { followedTab, seenPage } from './tab-state';
import { panelViews } from './views';
import type { ViewContext } from './view';

function ReadAgain({ tabId }: { tabId: number }) {
  const [status, setStatus] = useState('');
  const readAgain = async () => {
    setStatus(t('reading'));
    const reply = await sendToTab(tabId, { type: 'read-again' });
    setStatus(reply.ok ? t('upToDate') : t('pageDidNotAnswer'));
  };
  return (
    <div class="toolbar">
      <button type="button" onClick={readAgain}>
        {t('readAgain')}
      </button>
      <span class="status" role="status">
        {status}
      </span>
    </div>
  );
}

export function Panel() {
  const ctx: ViewContext = { tabId: followedTab.value, seen: seenPage.value };
  const canReadAgain = ctx.tabId !== undefined && ctx.seen !== 'loading' && ctx.seen.state === 'seen';
  return (
    <>
      <h1>{t('extName')}</h1>
      {panelViews.value
        .filter((view) => view.applies(ctx))
        .map((view) => (
          <div key={view.id} data-view={view.id}>
            <view.View ctx={ctx} />
          </div>
        ))}
      {canReadAgain && <ReadAgain tabId={ctx.tabId!} />}
      <footer>
        {t('privacyFooter')}
        {isSandboxBuild && <> {t('sandboxFooter', googleOrigin)}</>}
      </footer>
    </>
  );
}
