// The open Gmail conversation: its subject and id, a keyboard-navigable list of its messages, and the
// selected message's details and triage.
import { useState } from 'preact/hooks';
import type { GmailThread } from '../../shared/browser/seen-page';
import { CopyButton } from './copy-button';
import { MessageView } from './message-view';
import { Untrusted } from './untrusted';
import { TriageView } from './triage-view';
import { t } from '../platform/i18n';

/** `triage: false` when the Mandates view shows the network's triage of this email instead. */
export function ThreadView({ thread, triage = true }: { thread: GmailThread; triage?: boolean }) {
  // The newest message is the one a principal is usually acting on.
  const [selected, setSelected] = useState(thread.messages.length - 1);
  const index = Math.min(selected, thread.messages.length - 1);
  const message = thread.messages[index]!;
  return (
    <article>
      <h2>
        <Untrusted text={thread.subject} fallback={t('noSubject')} />
      </h2>
      <dl>
        <dt>{t('threadIdLabel')}</dt>
        <dd>
          {thread.id ? (
            <>
              <span class="id">{thread.id}</span> <CopyButton value={thread.id} label={t('threadIdLabel')} />
            </>
          ) : (
            <span class="status">{t('idNotAssigned')}</span>
          )}
        </dd>
      </dl>
      <h3>
        {thread.messages.length} message{thread.messages.length === 1 ? '' : 's'} open
      </h3>
      {thread.collapsed > 0 && (
        <p class="status">
          {thread.collapsed} more {thread.collapsed === 1 ? 'is' : 'are'} collapsed in Gmail; expand them,
          then Read again, to include them.
        </p>
      )}
      <ul class="messages">
        {thread.messages.map((m, i) => (
          <li key={m.id ?? `unsent-${i}`}>
            <button type="button" aria-pressed={i === index} onClick={() => setSelected(i)}>
              <span>
                <Untrusted text={m.from.name || m.from.email} />
              </span>
              <span class="status">{m.date.text}</span>
            </button>
          </li>
        ))}
      </ul>
      <MessageView message={message} />
      {triage && <TriageView message={message} subject={thread.subject} />}
    </article>
  );
}
