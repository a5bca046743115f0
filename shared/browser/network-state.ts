// The network this browser files to, as the extension keeps it in storage.local: the root folder and
// spreadsheet it was connected to, the folder layout the user confirmed, and a create still under way (so
// a closed panel or a stopped worker resumes it with the same reserved ids). Read back with a check: a
// damaged record means "not connected" with a reason, never a guess.
import * as v from 'valibot';
import { FolderLayoutSchema, type FolderLayout } from '../network/folder-layout';
import { describeIssues } from '../schema/issues';

export const NETWORK_KEY = 'network';
/** Session storage: the Schools, Cycles and Filings tabs as last read (for suggestions and the overview). */
export const NETWORK_TABLES_KEY = 'network-tables';
/** Session storage: what the worker is doing for the network view (connecting, adopting…) or why it stopped. */
export const NETWORK_STATUS_KEY = 'network-status';
/** storage.local: the last cycle, step and school the user filed to. */
export const LAST_CHOICE_KEY = 'last-choice';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const StoredNetworkSchema = v.object({
  v: v.literal(1),
  name: v.pipe(v.string(), v.maxLength(200)),
  rootFolderId: id,
  spreadsheetId: id,
  /** Absent until the user confirmed which folders are which (adoption). */
  layout: v.optional(FolderLayoutSchema),
  connectedAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type StoredNetwork = v.InferOutput<typeof StoredNetworkSchema> & { layout?: FolderLayout };

export function readStoredNetwork(
  input: unknown,
): { ok: true; network: StoredNetwork | null } | { ok: false; problem: string } {
  if (input === undefined || input === null) return { ok: true, network: null };
  const parsed = v.safeParse(StoredNetworkSchema, input);
  return parsed.success
    ? { ok: true, network: parsed.output }
    : { ok: false, problem: `The saved network is damaged (${describeIssues(parsed.issues, 2)}).` };
}

export const NetworkStatusSchema = v.object({
  busy: v.optional(v.pipe(v.string(), v.maxLength(300))),
  problem: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  /** A sentence about the last thing done ("Created 9 folders; adopted 12"). */
  done: v.optional(v.pipe(v.string(), v.maxLength(2000))),
});
export type NetworkStatus = v.InferOutput<typeof NetworkStatusSchema>;

export function readNetworkStatus(input: unknown): NetworkStatus {
  const parsed = v.safeParse(NetworkStatusSchema, input);
  return parsed.success ? parsed.output : {};
}
