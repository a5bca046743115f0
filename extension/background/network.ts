// The worker's side of connecting a network: create a new one (root folder, spreadsheet set up with the
// tracker plan, its schools and a first cycle, the folders), join one the member granted, propose which of
// the network's existing folders is which and create only what is missing once the user confirms. What it
// is doing, and any problem, goes to session storage for the panel; the result to storage.local.
import {
  LAST_CHOICE_KEY,
  NETWORK_KEY,
  NETWORK_STATUS_KEY,
  NETWORK_TABLES_KEY,
  readStoredNetwork,
  type NetworkStatus,
  type StoredNetwork,
} from '../../shared/browser/network-state';
import { TableAppender } from '../../shared/google/table-rows';
import { listFolderTree, applyAdoption } from '../../shared/network/adoption-apply';
import { proposeAdoption, type AdoptionProposal, type Correction } from '../../shared/network/adoption';
import {
  createNetwork,
  joinNetwork,
  planNewNetwork,
  setUpNetworkTracker,
} from '../../shared/network/network-files';
import { loadNetworkTables, type NetworkTables } from '../../shared/network/network-tables';
import { tabByKey } from '../../shared/schema/sheet';
import { localStore, sessionStore } from '../platform/storage';
import { workerGoogle } from './google';

/** Session storage: the folder proposal the panel shows for the user to confirm or correct. */
export const ADOPTION_KEY = 'adoption-proposal';
/** storage.local: a create under way, with the ids reserved for it (so a retry makes nothing twice). */
const PENDING_CREATE_KEY = 'network-create';

async function status(value: NetworkStatus): Promise<void> {
  await sessionStore.set(NETWORK_STATUS_KEY, value);
}

export async function storedNetwork(): Promise<StoredNetwork | null> {
  const read = readStoredNetwork(await localStore.get(NETWORK_KEY));
  return read.ok ? read.network : null;
}

/** Runs one network task with its "busy" line and turns a failure into the panel's problem line. */
async function task<T>(busy: string, run: () => Promise<T>): Promise<T | undefined> {
  await status({ busy });
  try {
    return await run();
  } catch (error) {
    await status({ problem: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'school';

export async function refreshTables(): Promise<NetworkTables | undefined> {
  const network = await storedNetwork();
  if (!network) return undefined;
  const tables = await loadNetworkTables(workerGoogle().sheets, network.spreadsheetId);
  await sessionStore.set(NETWORK_TABLES_KEY, tables);
  return tables;
}

export async function proposeFolders(
  corrections: readonly Correction[] = [],
): Promise<AdoptionProposal | undefined> {
  const network = await storedNetwork();
  if (!network) return undefined;
  const tables = (await refreshTables())!;
  const listing = await listFolderTree(workerGoogle().drive, network.rootFolderId);
  const proposal = proposeAdoption(
    {
      rootFolderId: network.rootFolderId,
      cycles: tables.cycles.map((c) => ({ id: c.id, name: c.name, schoolId: c.school })),
      schools: tables.schools.map((s) => ({ id: s.id, name: s.name })),
    },
    listing.folders,
    corrections,
  );
  await sessionStore.set(ADOPTION_KEY, { proposal, truncated: listing.truncated });
  return proposal;
}

async function adopt(corrections: readonly Correction[]): Promise<string> {
  const network = await storedNetwork();
  if (!network) throw new Error('Connect a network first.');
  const proposal = await proposeFolders(corrections);
  if (!proposal) throw new Error('Connect a network first.');
  const { layout, created } = await applyAdoption(workerGoogle().drive, proposal);
  await localStore.set(NETWORK_KEY, { ...network, layout });
  await sessionStore.remove(ADOPTION_KEY);
  const adopted = proposal.proposals.filter((p) => p.action === 'adopt').length;
  return `Adopted ${adopted} of your folders as they are; created ${created.length} that were missing.`;
}

export function adoptFolders(corrections: readonly Correction[]): Promise<unknown> {
  return task('Setting up the folders…', async () => status({ done: await adopt(corrections) }));
}

export function createNewNetwork(name: string, schools: readonly string[]): Promise<unknown> {
  return task('Creating the network…', async () => {
    const google = workerGoogle();
    // The reserved ids are kept first, so a retry after a stopped worker or a lost answer finds the same files.
    const pending = (await localStore.get(PENDING_CREATE_KEY)) as { name: string } | undefined;
    const plan =
      pending && pending.name === name.trim()
        ? (pending as Awaited<ReturnType<typeof planNewNetwork>>)
        : await planNewNetwork(google.drive, name);
    await localStore.set(PENDING_CREATE_KEY, plan);
    const connected = await createNetwork(google, plan);
    const { rootFolderId } = connected.network;
    const spreadsheetId = connected.network.spreadsheetId ?? plan.spreadsheetId;
    const rows = schools.map((school) => ({ id: `school:${slug(school)}`, record: { name: school } }));
    if (rows.length) await new TableAppender(google.sheets, spreadsheetId, tabByKey('schools')).append(rows);
    // A first cycle to file to: the network's common problem, at step 1 (the ILD renames it in the sheet).
    await new TableAppender(google.sheets, spreadsheetId, tabByKey('cycles')).append([
      {
        id: 'cycle:1',
        record: { name: 'Cycle 1', phase: 'lead', problem: 'common', currentStep: 1 },
      },
    ]);
    const network: StoredNetwork = {
      v: 1,
      name: connected.network.name,
      rootFolderId,
      spreadsheetId,
      connectedAt: new Date().toISOString(),
    };
    await localStore.set(NETWORK_KEY, network);
    await localStore.remove(PENDING_CREATE_KEY);
    // A new network has no folders of its own to adopt: every place is created.
    await status({ done: `${connected.tracker.report} ${await adopt([])}` });
  });
}

export function joinExistingNetwork(picked: {
  rootFolderId: string;
  spreadsheetId: string;
}): Promise<unknown> {
  return task('Joining the network…', async () => {
    const google = workerGoogle();
    const joined = await joinNetwork(google, picked);
    const setUp = await setUpNetworkTracker(google.sheets, picked.spreadsheetId);
    await localStore.set(NETWORK_KEY, {
      v: 1,
      name: joined.network.name,
      rootFolderId: picked.rootFolderId,
      spreadsheetId: picked.spreadsheetId,
      connectedAt: new Date().toISOString(),
    } satisfies StoredNetwork);
    await proposeFolders();
    await status({
      done: [setUp.report, ...joined.notes, 'Check which of your folders is which, then confirm.'].join(' '),
    });
  });
}

export async function forgetNetwork(): Promise<void> {
  // Only this browser's link to the network goes: nothing in Drive or the spreadsheet is touched.
  await localStore.remove(NETWORK_KEY);
  await localStore.remove(LAST_CHOICE_KEY);
  await sessionStore.remove(NETWORK_TABLES_KEY);
  await sessionStore.remove(ADOPTION_KEY);
  await status({});
}
