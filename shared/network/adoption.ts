// Adopting the network's existing folders: from a listing of the root folder's tree, propose which folder is
// each cycle, each cycle's steps, the schools' folder and each school's folder (see folder-layout.ts), each
// with a confidence and the reason a person can check; the user's corrections go in as fixed choices and the
// rest is proposed around them. Nothing here touches Drive: adoption-apply.ts creates only what is missing.
import type { Network } from '../domain';
import {
  folderKey,
  folderNameFor,
  layoutRoles,
  parentRole,
  stepLabelsOf,
  type FolderRole,
} from './folder-layout';
import {
  Tree,
  sameCycle,
  schoolYear,
  scoreCycle,
  scoreSchoolsFolder,
  scoreStep,
  type Score,
} from './adoption-scores';
import { matchSchoolName, readStepName, splitCycleName } from './names';

/** One folder of the listing: Drive's id, name and parent, and the key Rounds tagged it with if it made it. */
export interface FolderEntry {
  id: string;
  name: string;
  parentId: string | null;
  roundsKey?: string;
}

export interface NetworkShape {
  rootFolderId: string;
  /** The Cycles tab; a cycle's "Folder ID" cell, when filled, is its folder for every member. */
  cycles: readonly { id: string; name: string; folderId?: string }[];
  schools: readonly { id: string; name: string }[];
  stepLabels?: Network['stepLabels'];
  /** True when the Filings tab has rows: the network already has folders, even if this member cannot see them. */
  filedBefore?: boolean;
}

export interface Candidate {
  folderId: string;
  name: string;
  confidence: number;
  reason: string;
}

export interface FolderProposal {
  key: string;
  role: FolderRole;
  /** The place this folder sits in (null: the network's root folder). */
  parentKey: string | null;
  /** The place in words: "2025-26 Cycle 2", "2025-26 Cycle 2 · Step 3", "the schools' folder", "Maple Grove K-8's folder". */
  place: string;
  action: 'adopt' | 'create';
  /** The folder adopted; null when Rounds will create one. */
  folderId: string | null;
  /** The adopted folder's name as it is (never changed), or the name Rounds will create it with. */
  name: string;
  /** 0..1: how sure the proposal is; below CONFIRM_BELOW the panel asks the user to look. */
  confidence: number;
  reason: string;
  /** Other folders that could be this place, best first: what the correction list offers. */
  alternatives: Candidate[];
  /** True when the user chose this. */
  corrected: boolean;
  /** For a folder to create: the Drive id set aside for it (reserveFolderIds), kept with the stored proposal. */
  reservedId?: string;
}

export interface AdoptionProposal {
  rootFolderId: string;
  proposals: FolderProposal[];
  /** Folders in the tree that are no place of the layout; Rounds leaves them exactly as they are. */
  leftAlone: { folderId: string; path: string; reason: string }[];
  /** Folders that look like cycles missing from the Cycles tab: add the cycle, then propose again. */
  newCycles: { folderId: string; name: string; number: number | null; year: number | null }[];
  /** Corrections that could not be used, each in a sentence. */
  problems: string[];
}

/** The user corrects a place: this folder, or "create a new one" instead of the proposed folder. */
export type Correction = { key: string; folderId: string } | { key: string; create: true };

export const CONFIRM_BELOW = 0.8;
/** Below this a folder is only offered as an alternative, never adopted without the user choosing it. */
const ADOPT_FROM = 0.45;

interface Pair extends Candidate {
  key: string;
  depth: number;
}

export function proposeAdoption(
  network: NetworkShape,
  folders: readonly FolderEntry[],
  corrections: readonly Correction[] = [],
): AdoptionProposal {
  const tree = new Tree(network.rootFolderId, folders);
  const labels = stepLabelsOf(network);
  const roles = layoutRoles(network);
  const schoolName = new Map(network.schools.map((s) => [s.id, s.name]));
  const cycleName = new Map(network.cycles.map((c) => [c.id, c.name]));
  const chosen = new Map<string, { folderId: string | null; confidence: number; reason: string }>();
  const fixed = new Set<string>();
  const used = new Set<string>();
  const offered = new Map<string, Candidate[]>();
  const problems: string[] = [];

  function place(role: FolderRole): string {
    if (role.kind === 'schools') return "the schools' folder";
    if (role.kind === 'school') return `${schoolName.get(role.schoolId) ?? role.schoolId}'s folder`;
    const cycle = cycleName.get(role.cycleId) ?? role.cycleId;
    return role.kind === 'cycle' ? cycle : `${cycle} · Step ${role.step}`;
  }

  // Under drive.file a member sees only the folders they picked or Rounds made for them: an empty tree in a
  // network that has filed before means "not visible", and creating folders now would make a second set.
  if (network.filedBefore && tree.children(network.rootFolderId).length === 0)
    problems.push(
      "Rounds can't see any folder inside the network's folder, though the network has filed work there — pick the network's folders first, so no second set of folders is made beside them.",
    );

  const roleByKey = new Map(roles.map((r) => [folderKey(r), r]));
  for (const c of corrections) {
    if (!roleByKey.has(c.key)) problems.push(`There is no place “${c.key}” in this network's layout.`);
    else if ('create' in c) {
      chosen.set(c.key, { folderId: null, confidence: 1, reason: 'You asked for a new folder here.' });
      fixed.add(c.key);
    } else if (!tree.has(c.folderId))
      problems.push(
        `The folder you chose for ${place(roleByKey.get(c.key)!)} is not inside the network's folder.`,
      );
    else if (used.has(c.folderId))
      problems.push(
        `“${tree.name(c.folderId)}” is already chosen for another place; a folder can be only one.`,
      );
    else {
      chosen.set(c.key, { folderId: c.folderId, confidence: 1, reason: 'You chose this folder.' });
      fixed.add(c.key);
      used.add(c.folderId);
    }
  }

  // The Cycles tab is shared by every member: a folder named there is the cycle's, whoever looks.
  for (const cycle of network.cycles) {
    const key = folderKey({ kind: 'cycle', cycleId: cycle.id });
    if (!cycle.folderId || chosen.has(key)) continue;
    if (!tree.has(cycle.folderId) || used.has(cycle.folderId))
      problems.push(
        `The Cycles tab names a folder for ${cycle.name} that Rounds can't see in the network's folder — pick it, or clear that Folder ID cell to choose another.`,
      );
    else {
      chosen.set(key, {
        folderId: cycle.folderId,
        confidence: 1,
        reason: 'The Cycles tab names this folder.',
      });
      used.add(cycle.folderId);
    }
  }

  /** Takes the best pairs first; a folder serves one place, a place gets one folder. */
  function assign(pairs: Pair[]): void {
    pairs.sort((a, b) => b.confidence - a.confidence || a.depth - b.depth || a.name.localeCompare(b.name));
    for (const p of pairs) offered.set(p.key, [...(offered.get(p.key) ?? []), p]);
    for (const p of pairs) {
      if (chosen.has(p.key) || used.has(p.folderId) || p.confidence < ADOPT_FROM) continue;
      const rival = pairs.find(
        (q) => q.key === p.key && q !== p && q.confidence === p.confidence && !used.has(q.folderId),
      );
      const reason = rival ? `${p.reason}; “${rival.name}” fits as well, so check which` : p.reason;
      chosen.set(p.key, {
        folderId: p.folderId,
        confidence: rival ? p.confidence * 0.6 : p.confidence,
        reason,
      });
      used.add(p.folderId);
    }
  }
  const folderOf = (role: FolderRole | null): string | null =>
    role === null ? network.rootFolderId : (chosen.get(folderKey(role))?.folderId ?? null);
  // A tree of a few thousand folders asks the same names many times: read each name once.
  const schoolMatches = new Map<
    string,
    ReturnType<typeof matchSchoolName<NetworkShape['schools'][number]>>
  >();
  const schoolOf = (name: string) => {
    if (!schoolMatches.has(name)) schoolMatches.set(name, matchSchoolName(name, network.schools));
    return schoolMatches.get(name)!;
  };
  const isSchoolFolder = (name: string) => (schoolOf(name)?.confidence ?? 0) >= 0.9;
  const nearTop = tree.within(network.rootFolderId, 2);

  // Cycles: folders up to two levels down ("2025-26 / Cycle 2" puts the year on the level above).
  const cyclePairs: Pair[] = [];
  for (const cycle of network.cycles) {
    const key = folderKey({ kind: 'cycle', cycleId: cycle.id });
    for (const f of nearTop) {
      const score = scoreCycle(cycle.name, key, f, tree);
      if (score) cyclePairs.push(pair(key, f, tree.depth(f.id), score));
    }
  }
  assign(cyclePairs);

  // Steps: inside the cycle's folder (directly or one level down, never inside a school's folder), or near
  // the top of the tree when the folder's own name names the cycle ("2025-26 Cycle 2/3 - School data").
  const stepPairs: Pair[] = [];
  for (const role of roles) {
    if (role.kind !== 'step') continue;
    const key = folderKey(role);
    const cycle = network.cycles.find((c) => c.id === role.cycleId)!;
    const cycleFolder = folderOf(parentRole(role));
    const inside = cycleFolder ? tree.within(cycleFolder, 2) : [];
    for (const f of inside) {
      if (isSchoolFolder(f.name) || (f.parentId && isSchoolFolder(tree.name(f.parentId)))) continue;
      const named = splitCycleName(f.name).cycle;
      if (named.number !== null && !sameCycle(cycle.name, named, named.year, f.name)) continue;
      const score = scoreStep(role.step, key, f, labels);
      if (!score) continue;
      const depth = tree.depth(f.id) - tree.depth(cycleFolder!);
      const where = depth === 2 ? ` (inside “${tree.name(f.parentId!)}”)` : '';
      const confidence = depth === 2 ? score.confidence * 0.9 : score.confidence;
      stepPairs.push(pair(key, f, depth, { confidence, reason: score.reason + where }));
    }
    for (const f of nearTop) {
      if (inside.includes(f)) continue;
      const named = splitCycleName(f.name).cycle;
      const fit = sameCycle(cycle.name, named, named.year ?? tree.yearAbove(f.id), f.name);
      const score = fit && scoreStep(role.step, key, f, labels);
      if (!fit || !score) continue;
      const confidence = score.confidence * (fit.confidence >= 0.9 ? 0.95 : 0.8);
      stepPairs.push(
        pair(key, f, tree.depth(f.id) + 1, { confidence, reason: `${score.reason}, for ${cycle.name}` }),
      );
    }
  }
  assign(stepPairs);

  // The schools' folder: named "Schools", or the folder that holds most of the school folders.
  const containerPairs: Pair[] = [];
  for (const f of nearTop) {
    const score = scoreSchoolsFolder(f, tree, network.schools);
    if (score) containerPairs.push(pair('schools', f, tree.depth(f.id), score));
  }
  if (network.schools.length) assign(containerPairs);

  // Each school's folder: by name in the schools' folder, or near the top of the tree.
  const schoolPairs: Pair[] = [];
  const container = folderOf({ kind: 'schools' });
  const pool = [...new Set([...(container ? tree.children(container) : []), ...nearTop])];
  for (const role of roles) {
    if (role.kind !== 'school') continue;
    const key = folderKey(role);
    const school = network.schools.find((s) => s.id === role.schoolId)!;
    for (const f of pool) {
      if (f.roundsKey === key)
        schoolPairs.push(
          pair(key, f, 1, { confidence: 1, reason: `Rounds made this folder for ${school.name}` }),
        );
      const match = schoolOf(f.name);
      if (match?.item.id !== school.id) continue;
      const there = container !== null && f.parentId === container;
      const confidence = there ? match.confidence : match.confidence * 0.8;
      const reason = capitalize(match.reason) + (there ? '' : ` (at “${tree.path(f.id)}”)`);
      schoolPairs.push(pair(key, f, there ? 1 : 2, { confidence, reason }));
    }
  }
  assign(schoolPairs);

  const proposals: FolderProposal[] = roles.map((role) => {
    const key = folderKey(role);
    const parent = parentRole(role);
    const got = chosen.get(key);
    const alternatives = (offered.get(key) ?? [])
      .filter((c) => c.folderId !== got?.folderId)
      .filter((c, i, all) => all.findIndex((d) => d.folderId === c.folderId) === i)
      .slice(0, 3)
      .map(({ folderId, name, confidence, reason }) => ({
        folderId,
        name,
        confidence: round(confidence),
        reason,
      }));
    const base = { key, role, parentKey: parent && folderKey(parent), place: place(role), alternatives };
    if (got?.folderId)
      return {
        ...base,
        action: 'adopt' as const,
        folderId: got.folderId,
        name: tree.name(got.folderId),
        confidence: round(got.confidence),
        reason: got.reason,
        corrected: fixed.has(key),
      };
    const name = folderNameFor(role, {
      cycle: 'cycleId' in role ? cycleName.get(role.cycleId) : undefined,
      school: role.kind === 'school' ? schoolName.get(role.schoolId) : undefined,
      labels,
    });
    const where = parent ? `in ${place(parent)}` : "in the network's folder";
    const closest = alternatives[0];
    return {
      ...base,
      action: 'create' as const,
      folderId: null,
      name,
      confidence: got ? 1 : round(closest ? 1 - closest.confidence : 1),
      reason: got
        ? `${got.reason} Rounds will create “${name}” ${where}.`
        : closest
          ? `The closest folder, “${closest.name}” (${closest.reason}), is not close enough: Rounds will create “${name}” ${where}.`
          : `No folder for this yet: Rounds will create “${name}” ${where}.`,
      corrected: fixed.has(key),
    };
  });

  const { leftAlone, newCycles } = leftovers(tree, network, used, proposals);
  return { rootFolderId: network.rootFolderId, proposals, leftAlone, newCycles, problems };
}

function pair(key: string, f: FolderEntry, depth: number, score: Score): Pair {
  return { key, folderId: f.id, name: f.name, depth, ...score };
}

/** What the proposal does not use, and why; cycle-looking folders are offered as cycles to add. */
function leftovers(
  tree: Tree,
  network: NetworkShape,
  used: ReadonlySet<string>,
  proposals: FolderProposal[],
) {
  const labels = stepLabelsOf(network);
  const leftAlone: AdoptionProposal['leftAlone'] = [];
  const newCycles: AdoptionProposal['newCycles'] = [];
  const adopted = new Map(proposals.filter((p) => p.folderId).map((p) => [p.folderId!, p]));
  for (const f of tree.within(network.rootFolderId, Infinity)) {
    if (used.has(f.id)) continue;
    const path = tree.path(f.id);
    const lost = proposals.find((p) => p.alternatives.some((a) => a.folderId === f.id));
    if (lost) {
      const why = lost.alternatives.find((a) => a.folderId === f.id)!.reason;
      const winner = lost.action === 'adopt' ? `“${lost.name}” fits better` : 'it is not close enough';
      leftAlone.push({ folderId: f.id, path, reason: `Could be ${lost.place} (${why}), but ${winner}.` });
      continue;
    }
    const holder = tree.ancestors(f.id).find((a) => adopted.has(a));
    const kind = holder ? adopted.get(holder)!.role.kind : undefined;
    if (holder && (kind === 'step' || kind === 'school')) {
      leftAlone.push({ folderId: f.id, path, reason: `Kept as it is inside ${adopted.get(holder)!.place}.` });
      continue;
    }
    const { cycle, rest } = splitCycleName(f.name);
    if (cycle.number !== null && tree.depth(f.id) <= 2) {
      const year = cycle.year ?? tree.yearAbove(f.id);
      const which = `Cycle ${cycle.number}${year !== null ? ` of ${schoolYear(year)}` : ''}`;
      const step = readStepName(rest, labels);
      if (step.number === null && !step.byWords) {
        newCycles.push({ folderId: f.id, name: f.name, number: cycle.number, year });
        leftAlone.push({
          folderId: f.id,
          path,
          reason: `Looks like ${which}, which is not in the Cycles tab yet.`,
        });
      } else
        leftAlone.push({
          folderId: f.id,
          path,
          reason: `Belongs to ${which}, which is not in the Cycles tab.`,
        });
      continue;
    }
    leftAlone.push({ folderId: f.id, path, reason: 'Not recognised as a cycle, step or school folder.' });
  }
  return { leftAlone, newCycles };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
