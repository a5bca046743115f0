// Side panel entry: follows the tab beside it and renders what Rounds sees there.
import { render } from 'preact';
import { Panel } from './panel';
import { startFollowing } from './tab-state';

const app = document.getElementById('app');
if (app) {
  render(<Panel />, app);
  void startFollowing(location.search, new AbortController().signal);
}
