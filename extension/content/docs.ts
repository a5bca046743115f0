// Content script for Google Docs: reports which Doc is open and adds Rounds' button on Doc pages.
import { readDocsAddress } from '../../shared/browser/docs-ids';
import { readDocsPage } from './docs-page';
import { addOpenButton } from './open-button';
import { watchPage } from './page-watch';
import { asGoogleAddress } from '../platform/sandbox-pages';

const lifetime = new AbortController();
// Sheets, Slides and the Docs home share the host; the button only belongs where there is a Doc to file.
if (readDocsAddress(asGoogleAddress(location.href)).kind === 'document')
  addOpenButton(document, lifetime.signal);
watchPage(() => readDocsPage(document, asGoogleAddress(location.href)), lifetime.signal);
