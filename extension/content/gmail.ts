// Content script for Gmail: reads the open conversation whenever the view changes and adds Rounds' button.
import { readGmailPage } from './gmail-page';
import { addOpenButton } from './open-button';
import { watchPage } from './page-watch';
import { asGoogleAddress } from '../platform/sandbox-pages';

const lifetime = new AbortController();
addOpenButton(document, lifetime.signal);
watchPage(() => readGmailPage(document, asGoogleAddress(location.href)), lifetime.signal);
