// Side panel entry: follows the tab beside it and the worker's records, and renders the panel's views.
// The first values come from the first read sidepanel-first.js started (first-read.ts), or from one
// started here if that script did not run. The marks let `npm run bench:panel` split the first render.
import { render } from 'preact';
import { startFirstRead, takeFirstRead } from './first-read';
import { Panel } from './panel';
import { startStores } from './stores';
import { startFollowing } from './tab-state';
import { loadLaterViews } from './views';

/** How long the first frame waits for storage before it is drawn without the tab's record. */
const FIRST_FRAME_WAIT_MS = 50;

const app = document.getElementById('app');
if (app) {
  performance.mark('rounds:panel-script');
  const first = takeFirstRead() ?? startFirstRead(location.search);
  const lifetime = new AbortController().signal;
  const following = Promise.all([startStores(first, lifetime), startFollowing(first, lifetime)]);
  // By the time this script has run the first read has usually been answered: the panel is then drawn
  // once, with the conversation, rather than empty and again a moment later.
  let drawn = false;
  const draw = () => {
    if (drawn) return;
    drawn = true;
    // Over the heading sidepanel-first.js may have drawn (first-paint.ts), in the same task: nothing between.
    app.replaceChildren();
    render(<Panel />, app);
    performance.mark('rounds:panel-rendered');
    // The views below the email, fetched once it is drawn: before, they would compete with it for the
    // browser and the CPU.
    setTimeout(() =>
      loadLaterViews().then(
        () => performance.mark('rounds:later-views'),
        (error: unknown) => console.error('Rounds: the panel could not load its views', error),
      ),
    );
  };
  setTimeout(draw, FIRST_FRAME_WAIT_MS);
  // Once every signal has its first value, the panel's own watchers carry on alone.
  void following.finally(() => (first.stop(), draw()));
}
