// What the panel shows besides the tab itself — the account, the network, its tables, the folder proposal,
// the filing queue — each a signal kept live from the storage the worker writes (stored-keys.ts), its first
// value from the panel's first read. The panel reads; only the worker writes (and holds the token, which
// is never read here).
import { signal, type Signal } from '@preact/signals';
import { readAccount, type Account } from '../../shared/browser/account';
import { readQueue, type QueueState } from '../../shared/browser/filing-queue';
import {
  readNetworkStatus,
  readStoredNetwork,
  type NetworkStatus,
  type StoredNetwork,
} from '../../shared/browser/network-state';
import type { AdoptionProposal } from '../../shared/network/adoption';
import type { NetworkTables } from '../../shared/network/network-tables';
import type { StepNumber } from '../../shared/domain';
import { localStore, sessionStore } from '../platform/storage';
import type { FirstRead } from './first-read';
import { STORED, type Area } from './stored-keys';

export const account = signal<Account>({ state: 'signed-out' });
export const network = signal<{ network: StoredNetwork | null; problem?: string }>({ network: null });
export const networkStatus = signal<NetworkStatus>({});
export const tables = signal<NetworkTables | undefined>(undefined);
export const adoption = signal<{ proposal: AdoptionProposal; truncated: boolean } | undefined>(undefined);
export const queue = signal<QueueState>(readQueue(undefined));
export const lastChoice = signal<{ cycleId: string; step: StepNumber; schoolId?: string } | undefined>(
  undefined,
);

/** Signed in with a network: the network's views (Mandates, Translate, Digest) take over the email's triage. */
export const inNetwork = (): boolean => account.value.state === 'signed-in' && network.value.network !== null;

/** Loose shape checks for records the worker wrote with shared/ code (their own schemas checked them). */
const asTables = (value: unknown) =>
  value && typeof value === 'object' && Array.isArray((value as NetworkTables).cycles)
    ? (value as NetworkTables)
    : undefined;
const asAdoption = (value: unknown) =>
  value && typeof value === 'object' && 'proposal' in value ? (value as typeof adoption.value) : undefined;
const asChoice = (value: unknown) =>
  value && typeof value === 'object' && 'cycleId' in value ? (value as typeof lastChoice.value) : undefined;

const stores = { session: sessionStore, local: localStore };

async function follow<T>(
  { area, key }: { area: Area; key: string },
  target: Signal<T>,
  read: (value: unknown) => T,
  first: FirstRead,
  lifetime: AbortSignal,
): Promise<void> {
  const store = stores[area];
  store.watch(key, (value) => (target.value = read(value)), lifetime);
  const known = await first.value(area, key).catch(() => undefined);
  const value = known ? known.value : await store.get(key);
  if (!lifetime.aborted) target.value = read(value);
}

export function startStores(first: FirstRead, lifetime: AbortSignal): Promise<unknown> {
  return Promise.all([
    follow(STORED.account, account, readAccount, first, lifetime),
    follow(
      STORED.network,
      network,
      (value) => {
        const read = readStoredNetwork(value);
        return read.ok ? { network: read.network } : { network: null, problem: read.problem };
      },
      first,
      lifetime,
    ),
    follow(STORED.networkStatus, networkStatus, readNetworkStatus, first, lifetime),
    follow(STORED.tables, tables, asTables, first, lifetime),
    follow(STORED.adoption, adoption, asAdoption, first, lifetime),
    follow(STORED.queue, queue, readQueue, first, lifetime),
    follow(STORED.lastChoice, lastChoice, asChoice, first, lifetime),
  ]);
}
