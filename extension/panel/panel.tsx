// The side panel: what Rounds sees on the tab beside it, with a way to have the page read again.
import { useState } from 'preact/hooks';
import { sendToTab } from '../platform/messaging';
import { googleOrigin, isSandboxBuild } from '../platform/google-origin';
import { DocView } from './doc-view';
import { Notice } from './notice';
import { followedTab, seenPage } from './tab-state';
import { ThreadView } from './thread-view';

function ReadAgain({ tabId }: { tabId: number }) {
  const [status, setStatus] = useState('');
  const readAgain = async () => {
    setStatus('Reading…');
    const reply = await sendToTab(tabId, { type: 'read-again' });
    setStatus(reply.ok ? 'Up to date' : 'The page did not answer: reload the tab, then try again.');
  };
  return (
    <div class="toolbar">
      <button type="button" onClick={readAgain}>
        Read again
      </button>
      <span class="status" role="status">
        {status}
      </span>
    </div>
  );
}

function Seen() {
  const state = seenPage.value;
  if (state === 'loading') return <p class="status">Looking at this tab…</p>;
  if (state.state === 'none') {
    return (
      <Notice title="Nothing to show here">
        <p>Rounds works beside Gmail and Google Docs. Open an email or a Doc in this tab.</p>
        <p>
          If this tab already shows Gmail or a Doc, reload it: pages opened before Rounds was installed or
          updated cannot be read until then.
        </p>
      </Notice>
    );
  }
  if (state.state === 'damaged') {
    return (
      <Notice title="Rounds could not read what it saved for this tab" problem>
        <p>{state.problem}</p>
        <p>Reload the tab to have Rounds look again.</p>
      </Notice>
    );
  }
  const { page } = state.record;
  switch (page.kind) {
    case 'gmail-thread':
      return <ThreadView thread={page.thread} />;
    case 'gmail-list':
      return (
        <Notice title="No email open">
          <p>Open an email in Gmail and Rounds will show it here.</p>
        </Notice>
      );
    case 'gmail-unreadable':
      return (
        <Notice title="Rounds can't read this Gmail page" problem>
          <p>Gmail seems to have changed how it shows conversations. Rounds did not find:</p>
          <ul>
            {page.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          <p>Nothing was changed in your mail. Try reloading Gmail; if this stays, Rounds needs an update.</p>
        </Notice>
      );
    case 'doc':
      return <DocView name={page.name} docId={page.docId} />;
    case 'doc-published':
      return (
        <Notice title="This is a published copy">
          <p>A published Doc (…/d/e/…/pub) is not the file itself. Open the original Doc to work with it.</p>
        </Notice>
      );
    case 'docs-other':
      return (
        <Notice title="Not a Google Doc">
          <p>Rounds works with Docs on this site. Open a document to see it here.</p>
        </Notice>
      );
  }
}

export function Panel() {
  const tabId = followedTab.value;
  const state = seenPage.value;
  const canReadAgain = tabId !== undefined && state !== 'loading' && state.state === 'seen';
  return (
    <>
      <h1>Rounds</h1>
      <Seen />
      {canReadAgain && <ReadAgain tabId={tabId} />}
      <footer>
        Everything shown here stays in your browser.
        {isSandboxBuild && <> Development build: Google calls go to the local sandbox at {googleOrigin}.</>}
      </footer>
    </>
  );
}
