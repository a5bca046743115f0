// The background worker: turns the side panel on for Gmail and Docs tabs only, opens it when the user
// clicks Rounds' button on the page, and files what each tab shows into session storage for the panel.
// Every listener is registered at the top level, synchronously, so an event that wakes the worker finds it.
import { roundsSiteOf } from '../../shared/browser/rounds-sites';
import { onWorkerMessage } from '../platform/messaging';
import {
  disablePanel,
  disablePanelByDefault,
  enablePanel,
  openPanel,
  toggleSidebarFromToolbar,
} from '../platform/side-panel';
import { onTabClosed, onTabNavigated } from '../platform/tabs';
import { browserApi } from '../platform/browser';
import { asGoogleAddress } from '../platform/sandbox-pages';
import { forgetSeenPage, rememberSeenPage } from './seen-pages';
import { signIn, signOut } from './account';
import { runPanelCommand } from './panel-commands';
import { restrictSessionToExtension } from '../platform/storage';
import { onWake } from '../platform/alarms';
import { kickQueue, RETRY_ALARM } from './filing-runner';
import { resumeSharing } from './shared-mandates';

const api = browserApi();

// Panel settings persist in the browser, but set them on install and on every start in case an update
// changed them (both events wake the worker; neither leaves anything in memory).
api.runtime.onInstalled.addListener(() => void disablePanelByDefault());
api.runtime.onStartup.addListener(() => void disablePanelByDefault());
toggleSidebarFromToolbar();
// Before anything is stored: the sign-in token lives in session storage, which content scripts must not read.
void restrictSessionToExtension();
// The filing queue outlives the worker: whatever woke it (an alarm, a tab, the panel) picks the work up again.
onWake(RETRY_ALARM, () => void kickQueue());
void kickQueue();
void resumeSharing();

onTabNavigated((tabId, url) => {
  if (url !== undefined && roundsSiteOf(asGoogleAddress(url))) {
    void enablePanel(tabId);
  } else {
    // Another site, or one whose address the browser hides from Rounds: the tab no longer shows
    // anything Rounds reads, so its panel goes off and its record goes away.
    void disablePanel(tabId);
    void forgetSeenPage(tabId);
  }
});

onTabClosed((tabId) => void forgetSeenPage(tabId));

onWorkerMessage((message, tabId, sender) => {
  // The panel's requests reach Google with the user's token: a content script (beside a web page that
  // could be hostile) may not make them.
  if (!sender.extensionPage && ['sign-in', 'sign-out', 'panel-command'].includes(message.type)) {
    return { ok: false, problem: "Only Rounds' own panel can ask for this." };
  }
  switch (message.type) {
    case 'sign-in':
      return signIn().then((account) => {
        if (account.state !== 'signed-in')
          return { ok: false, problem: 'problem' in account ? account.problem : 'Not signed in.' };
        // Work queued while signed out goes now.
        void kickQueue();
        return { ok: true } as const;
      });
    case 'sign-out':
      return signOut().then(() => ({ ok: true }) as const);
    case 'panel-command':
      return runPanelCommand(message.command);
  }
  if (tabId === undefined) return { ok: false, problem: 'This message must come from a Gmail or Docs tab.' };
  switch (message.type) {
    case 'open-panel':
      // Called before any await: the click's user gesture is only good for this turn of the event loop.
      return openPanel(tabId).then(
        () => ({ ok: true }) as const,
        () => ({
          ok: false,
          problem: 'Open Rounds from its toolbar button: this browser only opens the panel from there.',
        }),
      );
    case 'page-seen':
      return Promise.all([enablePanel(tabId), rememberSeenPage(tabId, message.page)]).then(
        () => ({ ok: true }) as const,
      );
  }
});
