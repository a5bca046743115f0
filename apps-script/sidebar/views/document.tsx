// What the sidebar says in a Doc: which document it is, and what Rounds does with documents.
import { defineSidebarView, inDocument } from '../view';
function DocumentPanel({ documentName }: { documentName: string }) {
  return (
    <section aria-labelledby="document-heading">
      <h1 id="document-heading">This document</h1>
      <p class="file-name">{documentName}</p>
      <h2>What Rounds does with a Doc</h2>
      <ul>
        <li>
          The Rounds browser extension files it to a step of an inquiry cycle from its side panel: the Doc
          stays where it is, and a shortcut goes in the step's folder.
        </li>
        <li>
          The network's records live in the network spreadsheet. Open it and choose Extensions → Rounds → Set
          up network tracker to create or upgrade its tabs.
        </li>
      </ul>
    </section>
  );
}

export const documentView = defineSidebarView({
  id: 'document',
  applies: inDocument,
  View: ({ state }) =>
    state.kind === 'document' ? <DocumentPanel documentName={state.documentName} /> : null,
});
