// The panel when the tab shows nothing Rounds reads, or its record could not be read or saved.
import { Notice } from '../notice';
import { t } from '../../platform/i18n';
import { defineView, type ViewContext } from '../view';

function TabNotice({ ctx }: { ctx: ViewContext }) {
  const seen = ctx.seen;
  if (seen === 'loading') return <p class="status">{t('lookingAtTab')}</p>;
  if (seen.state === 'damaged') {
    return (
      <Notice title={t('damagedRecordTitle')} problem>
        <p>{seen.problem}</p>
        <p>{t('damagedRecordHelp')}</p>
      </Notice>
    );
  }
  if (seen.state === 'unsaved') {
    return (
      <Notice title={t('unsavedRecordTitle')} problem>
        <p>{seen.problem}</p>
        <p>{t('unsavedRecordHelp')}</p>
      </Notice>
    );
  }
  return (
    <Notice title={t('nothingHereTitle')}>
      <p>{t('nothingHereHelp')}</p>
      <p>{t('nothingHereReload')}</p>
    </Notice>
  );
}

export const tabNoticeView = defineView({
  id: 'tab-notice',
  applies: (ctx) => ctx.seen === 'loading' || ctx.seen.state !== 'seen',
  View: TabNotice,
});
