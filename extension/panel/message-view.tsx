// One message of the open conversation: who sent it to whom and when, its Gmail id and its attachments.
import type { GmailMessage, Person } from '../../shared/browser/seen-page';
import { CopyButton } from './copy-button';
import { Untrusted } from './untrusted';
import { t } from '../platform/i18n';

const who = (p: Person) => (p.name && p.name !== p.email ? `${p.name} <${p.email}>` : p.email);

export function MessageView({ message }: { message: GmailMessage }) {
  return (
    <section aria-label={t('selectedMessage')}>
      <dl>
        <dt>{t('fromLabel')}</dt>
        <dd>
          <Untrusted text={who(message.from)} />
        </dd>
        {message.to.length > 0 && (
          <>
            <dt>{t('toLabel')}</dt>
            <dd>
              <Untrusted text={message.to.map(who).join(', ')} />
            </dd>
          </>
        )}
        <dt>{t('dateLabel')}</dt>
        <dd>
          {message.date.text || 'not shown'}
          {message.date.local === undefined && message.date.text && (
            <span class="status"> {t('dateUnread')}</span>
          )}
        </dd>
        <dt>{t('gmailIdLabel')}</dt>
        <dd>
          {message.id ? (
            <>
              <span class="id">{message.id}</span>{' '}
              <CopyButton value={message.id} label={t('messageIdLabel')} />
            </>
          ) : (
            <span class="status">{t('idNotAssignedMessage')}</span>
          )}
        </dd>
      </dl>
      <h3>{t('attachmentsLabel')}</h3>
      {message.attachments.length === 0 ? (
        <p class="status">{t('none')}</p>
      ) : (
        <ul>
          {message.attachments.map((a, i) => (
            <li key={`${i}:${a.name}`}>
              <Untrusted text={a.name} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
