// Content script for Gmail: reads the open conversation whenever the view changes, adds Rounds' button,
// and answers the worker's two requests that need Gmail's own origin: a message's original, and the list.
import { readGmailPage } from './gmail-page';
import { fetchOriginal } from './gmail-original';
import { listConversations } from './gmail-list';
import { addOpenButton } from './open-button';
import { watchPage } from './page-watch';
import { asGoogleAddress } from '../platform/sandbox-pages';

const lifetime = new AbortController();
addOpenButton(document, lifetime.signal);
watchPage(
  () => readGmailPage(document, asGoogleAddress(location.href)),
  lifetime.signal,
  async (message) => {
    switch (message.type) {
      case 'fetch-original': {
        const original = await fetchOriginal(document, message.gmailMessageId);
        return original.ok ? { ok: true, data: { base64: original.base64 } } : original;
      }
      case 'list-conversations':
        return { ok: true, data: { conversations: listConversations(document, message.scope) } };
    }
  },
);
