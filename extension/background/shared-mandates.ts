// Sharing central-office mail with the network, by the member's choice: each central-office email they open
// (never teacher mail: the Settings tab decides) becomes one row of the Mandates tab — its Message-ID,
// sender, subject, opening lines, tier, first due date and who received it — so the ILD sees one ask that
// several principals received in different words. Rows wait in storage.local and go out in one batched
// append at most every FLUSH_GAP_MS (Sheets allows 60 requests a minute per user); a failed append keeps
// them waiting, and the next email opened, the next digest or the worker's next start sends them.
import type { SharingState } from '../../shared/browser/mandate-panel';
import { TableAppender } from '../../shared/google/table-rows';
import {
  sharedMandateRecord,
  sharedMandateRowId,
  type SharedMandate,
} from '../../shared/mandates/network/seen-asks';
import { tabByKey } from '../../shared/schema/sheet';
import { localStore } from '../platform/storage';
import { workerTokens } from './account';
import { workerGoogle } from './google';
import { storedNetwork } from './network';

/**
 * storage.local: each member's choice by email, 'share' or 'keep'; a member not in it has not chosen. The
 * choice is the signed-in member's own: another account signing in on this browser is asked again.
 */
export const SHARE_CHOICE_KEY = 'mandates-share-choice';
/** storage.local: copies chosen to be shared, not yet in the Mandates tab. */
export const SHARE_WAITING_KEY = 'mandates-share-waiting';
const FLUSH_GAP_MS = 15_000;
const KEEP_WAITING = 500;

interface Waiting {
  copies: SharedMandate[];
  /** Why the last append failed, until one succeeds. */
  problem?: string;
}

async function waiting(): Promise<Waiting> {
  const stored = (await localStore.get(SHARE_WAITING_KEY)) as Waiting | undefined;
  return { copies: Array.isArray(stored?.copies) ? stored.copies : [], problem: stored?.problem };
}

const same = (a: string | undefined, b: string | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
const key = (email: string) => email.trim().toLowerCase();

async function choices(): Promise<Record<string, unknown>> {
  const stored = await localStore.get(SHARE_CHOICE_KEY);
  return stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
}

export async function shareChoice(): Promise<'share' | 'keep' | undefined> {
  const me = await workerTokens.email();
  const choice = me ? (await choices())[key(me)] : undefined;
  return choice === 'share' || choice === 'keep' ? choice : undefined;
}

export async function sharingState(): Promise<SharingState> {
  const [choice, w, me] = await Promise.all([shareChoice(), waiting(), workerTokens.email()]);
  return {
    ...(choice && { choice }),
    waiting: w.copies.filter((c) => same(c.seenBy, me)).length,
    ...(w.problem && { problem: w.problem }),
  };
}

/** A copy's Mandates row id: one per email per member. */
const idOf = (c: SharedMandate) => sharedMandateRowId(c.messageId, c.seenBy);

let writing: Promise<unknown> = Promise.resolve();
/** One change of the waiting list at a time, so two emails opened together lose neither. */
function changeWaiting(change: (w: Waiting) => Waiting | void): Promise<void> {
  const write = writing.then(async () => {
    const w = await waiting();
    await localStore.set(SHARE_WAITING_KEY, change(w) ?? w);
  });
  writing = write.catch(() => undefined);
  return write;
}

/** Queues copies to share (when the member chose to) and sends them now or after the gap. */
export async function share(copies: readonly SharedMandate[]): Promise<void> {
  if ((await shareChoice()) !== 'share' || copies.length === 0) return;
  await changeWaiting((w) => {
    const fresh = copies.filter((c) => !w.copies.some((o) => idOf(o) === idOf(c)));
    w.copies = [...w.copies, ...fresh].slice(-KEEP_WAITING);
  });
  scheduleFlush();
}

/** The member's choice; choosing to share sends the central-office mail already seen in this browser too. */
export async function chooseSharing(
  choice: 'share' | 'keep',
  alreadySeen: () => Promise<SharedMandate[]>,
): Promise<SharingState> {
  const me = await workerTokens.email();
  if (!me) throw new Error('Sign in first: the choice to share is your own.');
  await localStore.set(SHARE_CHOICE_KEY, { ...(await choices()), [key(me)]: choice });
  if (choice === 'share') await share(await alreadySeen());
  else await changeWaiting((w) => ({ copies: w.copies.filter((c) => !same(c.seenBy, me)) }));
  return sharingState();
}

let lastFlush = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> | undefined;

function scheduleFlush(): void {
  if (timer) return;
  const wait = Math.max(0, lastFlush + FLUSH_GAP_MS - Date.now());
  timer = setTimeout(() => {
    timer = undefined;
    void flushShared();
  }, wait);
}

/**
 * Sends what the signed-in member has waiting, in one append; what fails stays waiting with the reason.
 * Copies of another account that signed in on this browser wait for that account.
 */
export function flushShared(): Promise<void> {
  flushing ??= (async () => {
    try {
      lastFlush = Date.now();
      const network = await storedNetwork();
      const me = await workerTokens.email();
      const copies = (await waiting()).copies.filter((c) => same(c.seenBy, me));
      if (!network || copies.length === 0) return;
      try {
        await new TableAppender(workerGoogle().sheets, network.spreadsheetId, tabByKey('mandates')).append(
          copies.map(sharedMandateRecord),
        );
        const sent = new Set(copies.map(idOf));
        await changeWaiting((w) => ({
          copies: w.copies.filter((c) => !sent.has(idOf(c))),
        }));
      } catch (error) {
        const problem = error instanceof Error ? error.message : String(error);
        await changeWaiting((w) => ({ ...w, problem }));
      }
    } finally {
      flushing = undefined;
    }
  })();
  return flushing;
}

/** At the worker's start: copies left waiting when it was stopped go out. */
export async function resumeSharing(): Promise<void> {
  if ((await waiting()).copies.length) scheduleFlush();
}
