// The add-on sidebar's entry: renders the sidebar into the page HtmlService serves.
import { render } from 'preact';
import { Sidebar } from './sidebar';

const root = document.getElementById('app');
if (root) render(<Sidebar />, root);
