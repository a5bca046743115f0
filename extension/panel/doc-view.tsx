// The open Google Doc: its name and Drive file id (the id filing will use to add a shortcut).
import { CopyButton } from './copy-button';

export function DocView({ name, docId }: { name: string; docId: string }) {
  return (
    <article>
      <h2>{name || 'Untitled document'}</h2>
      <dl>
        <dt>Drive file id</dt>
        <dd>
          <span class="id">{docId}</span> <CopyButton value={docId} label="Drive file id" />
        </dd>
      </dl>
    </article>
  );
}
