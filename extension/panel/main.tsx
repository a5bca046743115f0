// Side panel entry: follows the tab beside it and the worker's records, and renders the panel's views.
import { render } from 'preact';
import { Panel } from './panel';
import { startStores } from './stores';
import { startFollowing } from './tab-state';

const app = document.getElementById('app');
if (app) {
  const lifetime = new AbortController().signal;
  render(<Panel />, app);
  void startStores(lifetime);
  void startFollowing(location.search, lifetime);
}
