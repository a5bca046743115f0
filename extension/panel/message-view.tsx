// One message of the open conversation: who sent it to whom and when, its Gmail id and its attachments.
import type { GmailMessage, Person } from '../../shared/browser/seen-page';
import { CopyButton } from './copy-button';
import { Untrusted } from './untrusted';

const who = (p: Person) => (p.name && p.name !== p.email ? `${p.name} <${p.email}>` : p.email);

export function MessageView({ message }: { message: GmailMessage }) {
  return (
    <section aria-label="Selected message">
      <dl>
        <dt>From</dt>
        <dd>
          <Untrusted text={who(message.from)} />
        </dd>
        {message.to.length > 0 && (
          <>
            <dt>To</dt>
            <dd>
              <Untrusted text={message.to.map(who).join(', ')} />
            </dd>
          </>
        )}
        <dt>Date</dt>
        <dd>
          {message.date.text || 'not shown'}
          {message.date.local === undefined && message.date.text && (
            <span class="status"> (Rounds could not read this date format)</span>
          )}
        </dd>
        <dt>Gmail id</dt>
        <dd>
          {message.id ? (
            <>
              <span class="id">{message.id}</span> <CopyButton value={message.id} label="message id" />
            </>
          ) : (
            <span class="status">not assigned yet: Gmail numbers a message you just sent a moment later</span>
          )}
        </dd>
      </dl>
      <h3>Attachments</h3>
      {message.attachments.length === 0 ? (
        <p class="status">None</p>
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
