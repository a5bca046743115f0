// The panel's registry of views is checked, not trusted: every file in extension/panel/views/ is one
// listed view whose id is its file name, nothing is listed twice, and the views left out of the first
// frame (later-views.ts) really cannot apply when the panel draws without waiting for them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LATER_VIEWS } from '../../extension/panel/later-views';
import { account, network, queue } from '../../extension/panel/stores';
import type { PanelView, ViewContext } from '../../extension/panel/view';
import {
  FIRST_FRAME_VIEWS,
  laterMayApply,
  loadLaterViews,
  panelViews,
  VIEW_ORDER,
} from '../../extension/panel/views';
import type { Account } from '../../shared/browser/account';
import type { SeenPage } from '../../shared/browser/seen-page';

const FOLDER = join(import.meta.dirname, '../../extension/panel/views');
const ALL: PanelView[] = [...FIRST_FRAME_VIEWS, ...LATER_VIEWS];

describe('the panel views registry', () => {
  beforeAll(async () => {
    await loadLaterViews();
  });

  it('lists exactly the view files in extension/panel/views, each under its file name', () => {
    const files = readdirSync(FOLDER)
      .filter((f) => /\.tsx?$/.test(f) && f !== 'index.ts')
      .map((f) => f.replace(/\.tsx?$/, ''))
      .sort();
    expect(ALL.map((v) => v.id).sort()).toEqual(files);
    expect([...VIEW_ORDER].sort()).toEqual(files);
  });

  it('lists each view once', () => {
    const ids = ALL.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(VIEW_ORDER).size).toBe(VIEW_ORDER.length);
  });

  it('shows the views in their order once the later ones have loaded', () => {
    expect(panelViews.value.map((v) => v.id)).toEqual(VIEW_ORDER);
  });
});

describe('the views the first frame does without', () => {
  const url = 'https://mail.google.com/mail/u/0/#inbox/x';
  const pages: SeenPage[] = [
    { kind: 'gmail-thread', url, thread: { id: 'x', subject: 's', collapsed: 0, messages: [] } },
    { kind: 'gmail-list', url },
    { kind: 'gmail-unreadable', url, missing: [] },
    { kind: 'doc', url: 'https://docs.google.com/document/d/x/edit', docId: 'x'.repeat(25), name: 't' },
    { kind: 'doc-published', url: 'https://docs.google.com/document/d/e/x/pub' },
    { kind: 'docs-other', url: 'https://docs.google.com/spreadsheets/d/x/edit' },
  ];
  const contexts: ViewContext[] = [
    { tabId: undefined, seen: 'loading' },
    { tabId: 4, seen: { state: 'none' } },
    ...pages.map((page): ViewContext => ({
      tabId: 4,
      seen: { state: 'seen', record: { v: 1, tabId: 4, seenAt: '2025-11-05T07:31:00.000Z', page } },
    })),
  ];
  const notSignedIn: Account[] = [
    { state: 'signed-out' },
    { state: 'signing-in' },
    { state: 'needs-sign-in', email: 'p@example.org', problem: 'expired' },
    { state: 'failed', problem: 'no' },
  ];
  const layout = { root: 'r' } as never;
  const savedNetwork = {
    v: 1 as const,
    name: 'Network',
    rootFolderId: 'f',
    spreadsheetId: 's',
    connectedAt: '2025-11-05T07:31:00.000Z',
  };

  it('never apply when no one is signed in and nothing is queued, whatever the tab and the saved network', () => {
    queue.value = { ...queue.value, entries: [], damaged: [] };
    for (const state of notSignedIn) {
      account.value = state;
      for (const saved of [null, { ...savedNetwork, layout }]) {
        network.value = { network: saved };
        expect(laterMayApply()).toBe(false);
        for (const ctx of contexts) {
          const applying = LATER_VIEWS.filter((view) => view.applies(ctx)).map((view) => view.id);
          expect(applying, `${state.state}, ${JSON.stringify(ctx.seen).slice(0, 60)}`).toEqual([]);
        }
      }
    }
  });

  it('are waited for once someone is signed in or filings are queued', () => {
    account.value = { state: 'signed-in', email: 'p@example.org' };
    expect(laterMayApply()).toBe(true);
    account.value = { state: 'signed-out' };
    queue.value = { ...queue.value, damaged: ['a damaged entry'] };
    expect(laterMayApply()).toBe(true);
    queue.value = { ...queue.value, damaged: [] };
  });
});
