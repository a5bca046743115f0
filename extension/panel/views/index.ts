// The side panel's views, in the order they appear (VIEW_ORDER). Adding a view: one file in this folder,
// its id in VIEW_ORDER and one import, here or in ../later-views.ts (test/extension/views.test.ts checks
// that the folder, the order and the two lists agree).
//
// The first frame is drawn from sidepanel.js alone, which holds the views from the open email or Doc down
// to the account, Connect and the filing queue. The open email or Doc comes first, under the panel's name,
// so the heading sidepanel-first.js draws before any view (first-paint.ts) is where the view draws it. The
// views about the network (its translations, mandates and filing, lists, digest
// and overview) come below those, in a chunk of their own (later-views.ts) imported once that frame is
// drawn: they fill in under the email, and nothing already drawn moves down.
import { computed, signal } from '@preact/signals';
import type { PanelView } from '../view';
import { accountView } from './account';
import { connectView } from './connect';
import { conversationView } from './conversation';
import { docView } from './doc';
import { queueView } from './queue';
import { tabNoticeView } from './tab-notice';

export const VIEW_ORDER: readonly string[] = [
  // in sidepanel.js
  'conversation',
  'doc',
  'tab-notice',
  'account',
  'connect',
  'queue',
  // in the later chunk
  'translate',
  'mandates',
  'filing',
  'bulk',
  'digest',
  'network',
];

/** The views in sidepanel.js itself. */
export const FIRST_FRAME_VIEWS: readonly PanelView[] = [
  conversationView,
  docView,
  tabNoticeView,
  accountView,
  connectView,
  queueView,
];

const laterViews = signal<readonly PanelView[]>([]);
let loading: Promise<readonly PanelView[]> | undefined;

/** Imports the later views' chunk (once) and adds them to the panel. */
export function loadLaterViews(): Promise<readonly PanelView[]> {
  loading ??= import('../later-views').then(({ LATER_VIEWS }) => (laterViews.value = LATER_VIEWS));
  return loading;
}

/** The views loaded so far, in VIEW_ORDER. */
export const panelViews = computed(() => {
  const loaded = new Map([...FIRST_FRAME_VIEWS, ...laterViews.value].map((view) => [view.id, view]));
  return VIEW_ORDER.flatMap((id) => loaded.get(id) ?? []);
});
