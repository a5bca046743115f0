// Reads the open Google Doc from its address: the Drive file id (what filing uses) and its name.
import { docNameFromTitle, readDocsAddress } from '../../shared/browser/docs-ids';
import type { SeenPage } from '../../shared/browser/seen-page';

export function readDocsPage(doc: Document, url: string): SeenPage {
  const address = readDocsAddress(url);
  switch (address.kind) {
    case 'document':
      return { kind: 'doc', url, docId: address.docId, name: docNameFromTitle(doc.title).slice(0, 1000) };
    case 'published':
      return { kind: 'doc-published', url };
    case 'other':
      return { kind: 'docs-other', url };
  }
}
