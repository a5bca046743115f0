// What the panel shows besides the tab itself — the account, the network, its tables, the folder proposal,
// the filing queue — each a signal kept live from the storage the worker writes. The panel reads; only the
// worker writes (and holds the token, which is never read here).
import { signal, type Signal } from '@preact/signals';
import { ACCOUNT_KEY, readAccount, type Account } from '../../shared/browser/account';
import { QUEUE_KEY, readQueue, type QueueState } from '../../shared/browser/filing-queue';
import {
  LAST_CHOICE_KEY,
  NETWORK_KEY,
  NETWORK_STATUS_KEY,
  NETWORK_TABLES_KEY,
  readNetworkStatus,
  readStoredNetwork,
  type NetworkStatus,
  type StoredNetwork,
} from '../../shared/browser/network-state';
import type { AdoptionProposal } from '../../shared/network/adoption';
import type { NetworkTables } from '../../shared/network/network-tables';
import type { StepNumber } from '../../shared/domain';
import { localStore, sessionStore } from '../platform/storage';

export const account = signal<Account>({ state: 'signed-out' });
export const network = signal<{ network: StoredNetwork | null; problem?: string }>({ network: null });
export const networkStatus = signal<NetworkStatus>({});
export const tables = signal<NetworkTables | undefined>(undefined);
export const adoption = signal<{ proposal: AdoptionProposal; truncated: boolean } | undefined>(undefined);
export const queue = signal<QueueState>(readQueue(undefined));
export const lastChoice = signal<{ cycleId: string; step: StepNumber; schoolId?: string } | undefined>(
  undefined,
);

/** Loose shape checks for records the worker wrote with shared/ code (their own schemas checked them). */
const asTables = (value: unknown) =>
  value && typeof value === 'object' && Array.isArray((value as NetworkTables).cycles)
    ? (value as NetworkTables)
    : undefined;
const asAdoption = (value: unknown) =>
  value && typeof value === 'object' && 'proposal' in value ? (value as typeof adoption.value) : undefined;
const asChoice = (value: unknown) =>
  value && typeof value === 'object' && 'cycleId' in value ? (value as typeof lastChoice.value) : undefined;

function follow<T>(
  store: typeof sessionStore,
  key: string,
  target: Signal<T>,
  read: (value: unknown) => T,
  lifetime: AbortSignal,
): Promise<void> {
  store.watch(key, (value) => (target.value = read(value)), lifetime);
  return store.get(key).then((value) => {
    if (!lifetime.aborted) target.value = read(value);
  });
}

export function startStores(lifetime: AbortSignal): Promise<unknown> {
  return Promise.all([
    follow(sessionStore, ACCOUNT_KEY, account, readAccount, lifetime),
    follow(
      localStore,
      NETWORK_KEY,
      network,
      (value) => {
        const read = readStoredNetwork(value);
        return read.ok ? { network: read.network } : { network: null, problem: read.problem };
      },
      lifetime,
    ),
    follow(sessionStore, NETWORK_STATUS_KEY, networkStatus, readNetworkStatus, lifetime),
    follow(sessionStore, NETWORK_TABLES_KEY, tables, asTables, lifetime),
    follow(sessionStore, 'adoption-proposal', adoption, asAdoption, lifetime),
    follow(localStore, QUEUE_KEY, queue, readQueue, lifetime),
    follow(localStore, LAST_CHOICE_KEY, lastChoice, asChoice, lifetime),
  ]);
}
