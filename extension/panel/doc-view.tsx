// The open Google Doc: its name and Drive file id (the id filing will use to add a shortcut).
import { CopyButton } from './copy-button';
import { t } from '../platform/i18n';

export function DocView({ name, docId }: { name: string; docId: string }) {
  return (
    <article>
      <h2>{name || t('untitledDoc')}</h2>
      <dl>
        <dt>{t('driveFileIdLabel')}</dt>
        <dd>
          <span class="id">{docId}</span> <CopyButton value={docId} label={t('driveFileIdLabel')} />
        </dd>
      </dl>
    </article>
  );
}
