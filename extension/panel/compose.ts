// A Gmail compose window the user sends themselves: the core's compose link (Gmail's own compose address
// with the subject and body as URL parameters, an over-long body cut at a line with a note), opened in a new
// tab — no Gmail API scope, nothing sent without the user.
import { gmailComposeUrl, type ComposeInput } from '../../shared/mandates/network/gmail-compose';
import { openTab } from '../platform/tabs';

export function openCompose(message: ComposeInput): Promise<void> {
  return openTab(gmailComposeUrl(message).url);
}
