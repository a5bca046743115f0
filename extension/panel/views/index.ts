// The side panel's views, in the order they appear (VIEW_ORDER). Adding a view: one file in this folder,
// its id in VIEW_ORDER and one import, here or in ../later-views.ts (test/extension/views.test.ts checks
// that the folder, the order and the two lists agree).
//
// The first frame is drawn from sidepanel.js alone, which holds the views an open email or Doc needs
// before anyone has signed in. The others come in a chunk of their own (later-views.ts), imported as the
// panel starts. Each of those needs a signed-in account or filings in the queue (laterMayApply; the test
// tries every later view against it), and only then does the first frame wait for that chunk: so a view
// never jumps in above what has been drawn.
import { computed, signal } from '@preact/signals';
import { account, queue } from '../stores';
import type { PanelView } from '../view';
import { accountView } from './account';
import { conversationView } from './conversation';
import { docView } from './doc';
import { tabNoticeView } from './tab-notice';

export const VIEW_ORDER: readonly string[] = [
  'account',
  'connect',
  'tab-notice',
  'translate',
  'mandates',
  'filing',
  'bulk',
  'queue',
  'conversation',
  'doc',
  'digest',
  'network',
];

/** The views in sidepanel.js itself. */
export const FIRST_FRAME_VIEWS: readonly PanelView[] = [
  accountView,
  tabNoticeView,
  conversationView,
  docView,
];

const laterViews = signal<readonly PanelView[]>([]);
let loading: Promise<readonly PanelView[]> | undefined;

/** Imports the later views' chunk (once) and adds them to the panel. */
export function loadLaterViews(): Promise<readonly PanelView[]> {
  loading ??= import('../later-views').then(({ LATER_VIEWS }) => (laterViews.value = LATER_VIEWS));
  return loading;
}

/** Whether any later view could apply now: only then must the first frame wait for them. */
export const laterMayApply = (): boolean =>
  account.value.state === 'signed-in' || queue.value.entries.length > 0 || queue.value.damaged.length > 0;

/** The views loaded so far, in VIEW_ORDER. */
export const panelViews = computed(() => {
  const loaded = new Map([...FIRST_FRAME_VIEWS, ...laterViews.value].map((view) => [view.id, view]));
  return VIEW_ORDER.flatMap((id) => loaded.get(id) ?? []);
});
