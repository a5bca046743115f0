// The open Gmail conversation (and Gmail states around it): its messages, details and triage, or a plain
// "can't read this Gmail page" listing what Rounds did not find.
import { Notice } from '../notice';
import { ThreadView } from '../thread-view';
import { t } from '../../platform/i18n';
import { inNetwork } from '../stores';
import { defineView, pageKind, type ViewContext } from '../view';

function Conversation({ ctx }: { ctx: ViewContext }) {
  if (ctx.seen === 'loading' || ctx.seen.state !== 'seen') return null;
  const page = ctx.seen.record.page;
  // Signed in to a network, the Mandates view shows this email's triage with the network's rules.
  if (page.kind === 'gmail-thread') return <ThreadView thread={page.thread} triage={!inNetwork()} />;
  if (page.kind === 'gmail-list') {
    return (
      <Notice title={t('noEmailOpenTitle')}>
        <p>{t('noEmailOpenHelp')}</p>
      </Notice>
    );
  }
  if (page.kind !== 'gmail-unreadable') return null;
  return (
    <Notice title={t('unreadableGmailTitle')} problem>
      <p>{t('unreadableGmailMissing')}</p>
      <ul>
        {page.missing.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <p>{t('unreadableGmailHelp')}</p>
    </Notice>
  );
}

export const conversationView = defineView({
  id: 'conversation',
  applies: (ctx) => (pageKind(ctx) ?? '').startsWith('gmail-'),
  View: Conversation,
});
