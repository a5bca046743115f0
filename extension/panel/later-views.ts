// The panel's views that come below the open email or Doc (see views/index.ts): built into a chunk of
// their own, which sidepanel.js imports once its first frame is drawn.
import type { PanelView } from './view';
import { bulkView } from './views/bulk';
import { digestView } from './views/digest';
import { filingView } from './views/filing';
import { mandatesView } from './views/mandates';
import { networkView } from './views/network';
import { translateView } from './views/translate';

export const LATER_VIEWS: readonly PanelView[] = [
  translateView,
  mandatesView,
  filingView,
  bulkView,
  digestView,
  networkView,
];
