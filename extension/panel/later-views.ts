// The panel's views that its first frame can do without (see views/index.ts): built into a chunk of their
// own, which sidepanel.js imports as it starts.
import type { PanelView } from './view';
import { bulkView } from './views/bulk';
import { connectView } from './views/connect';
import { digestView } from './views/digest';
import { filingView } from './views/filing';
import { mandatesView } from './views/mandates';
import { networkView } from './views/network';
import { queueView } from './views/queue';
import { translateView } from './views/translate';

export const LATER_VIEWS: readonly PanelView[] = [
  connectView,
  translateView,
  mandatesView,
  filingView,
  bulkView,
  queueView,
  digestView,
  networkView,
];
