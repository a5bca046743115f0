// The side panel's views, in the order they appear. Adding a view: one file in this folder and one line
// here (test/extension/views.test.ts checks that the two agree).
import type { PanelView } from '../view';
import { accountView } from './account';
import { bulkView } from './bulk';
import { connectView } from './connect';
import { conversationView } from './conversation';
import { digestView } from './digest';
import { docView } from './doc';
import { filingView } from './filing';
import { mandatesView } from './mandates';
import { networkView } from './network';
import { queueView } from './queue';
import { tabNoticeView } from './tab-notice';
import { translateView } from './translate';

export const VIEWS: readonly PanelView[] = [
  accountView,
  connectView,
  tabNoticeView,
  translateView,
  mandatesView,
  filingView,
  bulkView,
  queueView,
  conversationView,
  docView,
  digestView,
  networkView,
];
