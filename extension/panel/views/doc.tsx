// The open Google Doc (its name and Drive file id), or why this Docs page is not one Rounds files.
import { DocView } from '../doc-view';
import { Notice } from '../notice';
import { t } from '../../platform/i18n';
import { defineView, pageKind, type ViewContext } from '../view';

function Doc({ ctx }: { ctx: ViewContext }) {
  if (ctx.seen === 'loading' || ctx.seen.state !== 'seen') return null;
  const page = ctx.seen.record.page;
  if (page.kind === 'doc') return <DocView name={page.name} docId={page.docId} />;
  if (page.kind === 'doc-published') {
    return (
      <Notice title={t('publishedDocTitle')}>
        <p>{t('publishedDocHelp')}</p>
      </Notice>
    );
  }
  return (
    <Notice title={t('notADocTitle')}>
      <p>{t('notADocHelp')}</p>
    </Notice>
  );
}

export const docView = defineView({
  id: 'doc',
  applies: (ctx) => ['doc', 'doc-published', 'docs-other'].includes(pageKind(ctx) ?? ''),
  View: Doc,
});
