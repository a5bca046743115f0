// The side panel's views: what a user sees for an open email (with its triage), a changed Gmail page,
// and a tab Rounds does not work on.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Panel } from '../../extension/panel/panel';
import { followedTab, seenPage } from '../../extension/panel/tab-state';
import type { GmailThread, SeenPage } from '../../shared/browser/seen-page';
import { installChrome } from './fake-extension';
import { runPanelCommand } from '../../extension/background/panel-commands';
import { checkToWorker } from '../../shared/browser/extension-messages';

const URL_ = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRnJrHxGwZlkDcTqSsVvWpXb';

const thread: GmailThread = {
  id: '18c05a5e07f59c35',
  subject: 'Rounds: visit plan for Maple Grove',
  collapsed: 0,
  messages: [
    {
      id: '18c05a5e07f59c35',
      from: { name: 'Dana Harper', email: 'ild.harper@example.org' },
      to: [{ name: 'Pat Okafor', email: 'p.okafor@example.org' }],
      date: { text: 'Mon, Nov 3, 2025, 9:14 AM', local: '2025-11-03T09:14' },
      body: 'Hi Pat,\nPlease submit your look-fors by Friday, November 7.\nThanks,\nDana',
      attachments: [],
    },
    {
      id: null,
      from: { name: 'Pat Okafor', email: 'p.okafor@example.org' },
      to: [],
      date: { text: 'Wed, Nov 5, 2025, 7:30 AM', local: '2025-11-05T07:30' },
      body: 'Sent.',
      attachments: [{ name: 'look-fors.pdf' }],
    },
  ],
};

let root: HTMLElement;

function show(page: SeenPage) {
  act(() => {
    followedTab.value = 4;
    seenPage.value = { state: 'seen', record: { v: 1, tabId: 4, seenAt: '2025-11-05T07:31:00.000Z', page } };
    render(<Panel />, root);
  });
}

beforeEach(() => {
  const { browser } = installChrome();
  // The worker's side of the panel's commands: the triage is worked out there, not in the panel's script.
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (raw: unknown) => {
    const message = checkToWorker(raw);
    if (message.ok && message.value.type === 'panel-command') return runPanelCommand(message.value.command);
    return undefined;
  }) as unknown as typeof browser.runtime.sendMessage);
  root = document.createElement('main');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.unstubAllGlobals();
});

describe('the side panel', () => {
  it('shows the newest message of the open email first, with its attachments and an unknown id said plainly', () => {
    show({ kind: 'gmail-thread', url: URL_, thread });
    expect(root.querySelector('h2')?.textContent).toBe('Rounds: visit plan for Maple Grove');
    expect(root.textContent).toContain('look-fors.pdf');
    expect(root.textContent).toContain('not assigned yet: Gmail numbers a message you just sent');
  });

  it("switches to another message from the list and shows that message's triage", async () => {
    show({ kind: 'gmail-thread', url: URL_, thread });
    const dana = Array.from(root.querySelectorAll<HTMLButtonElement>('.messages button')).find((b) =>
      b.textContent?.includes('Dana Harper'),
    )!;
    act(() => dana.click());
    expect(dana.getAttribute('aria-pressed')).toBe('true');
    expect(root.textContent).toContain('Dana Harper <ild.harper@example.org>');
    await vi.waitFor(() =>
      expect(root.querySelector('section[aria-label="Triage"]')?.textContent).toContain('sure'),
    );
    const triage = root.querySelector('section[aria-label="Triage"]')!;
    expect(triage.querySelector('.tier')?.textContent).toMatch(
      /^(Must do|Action|For your information|Not for principals)$/,
    );
    expect(triage.textContent).toContain('2025-11-07');
  });

  it("says it can't read a changed Gmail page and lists what is missing", () => {
    show({ kind: 'gmail-unreadable', url: URL_, missing: ['the subject of the conversation (h2.hP)'] });
    expect(root.querySelector('[role="alert"] h2')?.textContent).toBe("Rounds can't read this Gmail page");
    expect(root.textContent).toContain('the subject of the conversation (h2.hP)');
  });

  it('asks for an email or a Doc on a tab with nothing for Rounds', () => {
    act(() => {
      followedTab.value = 4;
      seenPage.value = { state: 'none' };
      render(<Panel />, root);
    });
    expect(root.textContent).toContain('Open an email or a Doc in this tab.');
    // Nothing to read again on such a tab, so no button offers to.
    expect(root.textContent).not.toContain('Read again');
  });

  it('reports a damaged stored record instead of showing part of it', () => {
    act(() => {
      seenPage.value = { state: 'damaged', problem: 'page: Invalid type' };
      render(<Panel />, root);
    });
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('page: Invalid type');
  });
});
