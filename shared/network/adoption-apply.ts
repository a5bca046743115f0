// The Drive side of adopting folders: list the root folder's tree (one query per level, many parents at a
// time), and carry out a confirmed proposal by creating only the folders that are missing. Existing folders
// are only ever read: this module never renames, moves, re-parents or deletes anything.
import type { Drive } from '../google/drive';
import { FOLDER_MIME, MAX_GENERATED_IDS } from '../google/drive';
import { NOT_TRASHED, allOf, inFolder, mimeTypeIs } from '../google/drive-query';
import { ensureFolder } from '../google/source-files';
import type { AdoptionProposal, FolderEntry } from './adoption';
import { FOLDER_SOURCE_PREFIX, roundsKeyOf, type FolderLayout } from './folder-layout';

export interface TreeListing {
  folders: FolderEntry[];
  /** True when the tree was deeper or larger than listed: the proposal covers only what was read. */
  truncated: boolean;
}

/** Parents per `in parents` query: keeps each query well under Drive's query-length limit. */
const PARENTS_PER_QUERY = 25;

/**
 * Every folder under the root, down to `maxDepth` levels (root → year → cycle → step → school is 4; one more
 * for good measure), at most `maxFolders`. Requests: about one per level per 25 folders of the level above.
 */
export async function listFolderTree(
  drive: Drive,
  rootFolderId: string,
  options: { maxDepth?: number; maxFolders?: number } = {},
): Promise<TreeListing> {
  const maxDepth = options.maxDepth ?? 5;
  const maxFolders = options.maxFolders ?? 3000;
  const folders: FolderEntry[] = [];
  const seen = new Set<string>([rootFolderId]);
  let level = [rootFolderId];
  let truncated = false;
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > maxDepth || folders.length >= maxFolders) {
      truncated = true;
      break;
    }
    const next: string[] = [];
    for (let i = 0; i < level.length; i += PARENTS_PER_QUERY) {
      const parents = level.slice(i, i + PARENTS_PER_QUERY);
      const q = allOf(parents.map(inFolder).join(' or '), mimeTypeIs(FOLDER_MIME), NOT_TRASHED);
      for (const f of await drive.listAll(q)) {
        // A folder with two parents (older Drives allowed it) or a cycle in the graph is listed once.
        if (!f.id || seen.has(f.id)) continue;
        seen.add(f.id);
        const parentId = (f.parents ?? []).find((p) => parents.includes(p)) ?? null;
        folders.push({ id: f.id, name: f.name ?? '', parentId, roundsKey: roundsKeyOf(f.appProperties) });
        next.push(f.id);
      }
    }
    level = next;
  }
  if (folders.length > maxFolders) {
    folders.length = maxFolders;
    truncated = true;
  }
  return { folders, truncated };
}

export interface AdoptionResult {
  layout: FolderLayout;
  /** The places whose folders Rounds created just now (a re-run finds them and creates nothing). */
  created: string[];
}

/**
 * Sets aside a Drive id for each folder the proposal will create (one files.generateIds). Store the result
 * before applying it: a retry after a stopped worker then names the same folders instead of making others,
 * even while Drive's search does not show them yet.
 */
export async function reserveFolderIds(
  drive: Pick<Drive, 'generateIds'>,
  proposal: AdoptionProposal,
): Promise<AdoptionProposal> {
  const missing = proposal.proposals.filter((p) => p.action === 'create' && !p.reservedId);
  const ids: string[] = [];
  while (ids.length < missing.length)
    ids.push(...(await drive.generateIds(Math.min(MAX_GENERATED_IDS, missing.length - ids.length))));
  const byKey = new Map(missing.map((p, i) => [p.key, ids[i]!]));
  return {
    ...proposal,
    proposals: proposal.proposals.map((p) => (byKey.has(p.key) ? { ...p, reservedId: byKey.get(p.key) } : p)),
  };
}

/**
 * Creates the proposal's missing folders, parents first, under ids set aside for them (reserveFolderIds; done
 * here when the caller has not), each tagged {src:'rounds', srcId:'folder:<key>'}, so a lost answer is settled
 * with files.get and a later proposal recognises them. Adopted folders are used as they are, never changed.
 * A proposal with problems is refused before anything is created.
 */
export async function applyAdoption(
  drive: Drive,
  proposal: AdoptionProposal,
  options: { concurrency?: number } = {},
): Promise<AdoptionResult> {
  if (proposal.problems.length)
    throw new Error(`Nothing was created: ${proposal.problems.join(' ')} Correct these first.`);
  // Ids reserved earlier may already name folders an interrupted run made; ids reserved now cannot.
  const reservedBefore = new Set(proposal.proposals.flatMap((p) => (p.reservedId ? [p.key] : [])));
  const reserved = await reserveFolderIds(drive, proposal);
  const folders: FolderLayout['folders'] = {};
  const created: string[] = [];
  for (const p of reserved.proposals)
    if (p.action === 'adopt' && p.folderId)
      folders[p.key] = { folderId: p.folderId, name: p.name, adopted: true };
  const missing = reserved.proposals.filter((p) => p.action === 'create');
  // Parents first: a level can only start when the level above has its folders.
  for (const kind of ['cycle', 'step', 'schools', 'school'] as const) {
    const level = missing.filter((p) => p.role.kind === kind);
    await inParallel(level, options.concurrency ?? 4, async (p) => {
      const parentId = p.parentKey === null ? proposal.rootFolderId : folders[p.parentKey]?.folderId;
      if (!parentId) throw new Error(`No folder for the place above ${p.place}; nothing more was created.`);
      const made = await ensureFolder(drive, {
        parentId,
        source: { src: 'rounds', srcId: `${FOLDER_SOURCE_PREFIX}${p.key}` },
        name: p.name,
        id: p.reservedId,
        maybeMade: reservedBefore.has(p.key),
      });
      if (!made.file.id) throw new Error(`Drive made the folder for ${p.place} without an id.`);
      folders[p.key] = { folderId: made.file.id, name: made.file.name ?? p.name, adopted: false };
      if (made.created) created.push(p.key);
    });
  }
  return { layout: { rootFolderId: proposal.rootFolderId, folders }, created };
}

async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}
