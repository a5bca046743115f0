// Sharing central-office mail with the network: nothing leaves before the member chooses, the choice is the
// signed-in member's own (another account on the same browser is asked again), copies go out in one batch,
// a failed write keeps them waiting with the reason, and "keep" drops only this member's waiting copies.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as SharingModuleNs from '../../extension/background/shared-mandates';
import type { SharedMandate } from '../../shared/mandates/network/seen-asks';
import { installChrome } from './fake-extension';

const state = vi.hoisted(() => ({
  email: 'pat@district.example.org' as string | undefined,
  appended: [] as string[][],
  fail: undefined as string | undefined,
}));

vi.mock('../../extension/background/account', () => ({
  workerTokens: { email: async () => state.email },
}));
vi.mock('../../extension/background/network', () => ({
  storedNetwork: async () => ({ spreadsheetId: 'sheet-1', rootFolderId: 'root-1' }),
}));
vi.mock('../../extension/background/google', () => ({ workerGoogle: () => ({ sheets: {} }) }));
vi.mock('../../shared/google/table-rows', () => ({
  TableAppender: class {
    async append(rows: Array<{ id: string }>) {
      if (state.fail) throw new Error(state.fail);
      state.appended.push(rows.map((r) => r.id));
      return { appended: rows.map((r) => r.id), alreadyThere: [] };
    }
  },
}));

const copy = (messageId: string, seenBy = 'pat@district.example.org'): SharedMandate => ({
  messageId,
  seenBy,
  subject: `Subject ${messageId}`,
  from: 'Office of Assessment <assessment@district.example.org>',
  text: 'Principals must submit the roster by Friday, December 5.',
  tier: 'must_do',
});

describe('sharing central-office mail', () => {
  let sharing: typeof SharingModuleNs;

  beforeEach(async () => {
    installChrome();
    vi.resetModules();
    state.email = 'pat@district.example.org';
    state.appended = [];
    state.fail = undefined;
    sharing = await import('../../extension/background/shared-mandates');
  });

  it('shares nothing until the member chooses', async () => {
    await sharing.share([copy('a@d')]);
    await sharing.flushShared();
    expect(state.appended).toEqual([]);
    expect(await sharing.sharingState()).toEqual({ waiting: 0 });
  });

  it('sends the mail already seen in one append when the member chooses to share', async () => {
    const state1 = await sharing.chooseSharing('share', async () => [copy('a@d'), copy('b@d')]);
    expect(state1.choice).toBe('share');
    await sharing.flushShared();
    expect(state.appended).toEqual([
      ['seen:a@d|pat@district.example.org', 'seen:b@d|pat@district.example.org'],
    ]);
    expect(await sharing.sharingState()).toEqual({ choice: 'share', waiting: 0 });
  });

  it('keeps copies waiting with the reason when the spreadsheet cannot be reached, and sends them later', async () => {
    state.fail = 'No network';
    await sharing.chooseSharing('share', async () => [copy('a@d')]);
    await sharing.flushShared();
    expect(await sharing.sharingState()).toEqual({ choice: 'share', waiting: 1, problem: 'No network' });
    state.fail = undefined;
    await sharing.flushShared();
    expect(state.appended).toEqual([['seen:a@d|pat@district.example.org']]);
    expect(await sharing.sharingState()).toEqual({ choice: 'share', waiting: 0 });
  });

  it('asks another account on the same browser again, and never sends its copies as someone else', async () => {
    state.fail = 'offline';
    await sharing.chooseSharing('share', async () => [copy('a@d')]);
    await sharing.flushShared();
    state.fail = undefined;
    state.email = 'lee@district.example.org';
    expect((await sharing.sharingState()).choice).toBeUndefined();
    await sharing.flushShared();
    expect(state.appended).toEqual([]);
    // Lee keeps his mail here; Pat's waiting copy is still Pat's.
    await sharing.chooseSharing('keep', async () => [copy('c@d', 'lee@district.example.org')]);
    state.email = 'pat@district.example.org';
    expect(await sharing.sharingState()).toMatchObject({ choice: 'share', waiting: 1 });
    await sharing.flushShared();
    expect(state.appended).toEqual([['seen:a@d|pat@district.example.org']]);
  });
});
