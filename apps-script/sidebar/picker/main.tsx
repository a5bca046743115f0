// The Picker dialog's entry (PickNetwork.html): renders the connect page into the page HtmlService serves.
import { render } from 'preact';
import { PickNetwork } from './pick-network';

const root = document.getElementById('app');
if (root) render(<PickNetwork />, root);
