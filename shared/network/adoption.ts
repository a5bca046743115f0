// Adopting the network's existing folders: from a listing of the root folder's tree, propose which folder is
// each cycle, each cycle's steps and each school's place in a step (see folder-layout.ts), each with a
// confidence and the reason a person can check; the user's corrections go in as fixed choices and the rest is
// proposed around them. Nothing here touches Drive: adoption-apply.ts creates only what is missing.
import { STEP_NUMBERS, type Network, type StepNumber } from '../domain';
import {
  FOLDER_SOURCE_PREFIX,
  folderKey,
  folderNameFor,
  parentRole,
  stepLabelsOf,
  type FolderRole,
} from './folder-layout';
import { matchSchoolName, normalizeName, readCycleName, readSchoolYear, readStepName } from './names';

/** One folder of the listing: Drive's id, name and parent, and the key Rounds tagged it with if it made it. */
export interface FolderEntry {
  id: string;
  name: string;
  parentId: string | null;
  roundsKey?: string;
}

export interface NetworkShape {
  rootFolderId: string;
  /** The Cycles tab: a cycle with a school works one leader's individual problem (no school folders). */
  cycles: readonly { id: string; name: string; schoolId?: string }[];
  schools: readonly { id: string; name: string }[];
  stepLabels?: Network['stepLabels'];
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
  /** Where it will be in the proposed layout, in words: "2025-26 Cycle 2 · Step 3 · Maple Grove". */
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

  function place(role: FolderRole): string {
    const cycle = cycleName.get(role.cycleId) ?? role.cycleId;
    if (role.kind === 'cycle') return cycle;
    const step = `${cycle} · Step ${role.step}`;
    return role.kind === 'step' ? step : `${step} · ${schoolName.get(role.schoolId) ?? role.schoolId}`;
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

  // Cycles: folders up to two levels down ("2025-26 / Cycle 2" puts the year on the level above).
  const cyclePairs: Pair[] = [];
  for (const cycle of network.cycles) {
    const key = folderKey({ kind: 'cycle', cycleId: cycle.id });
    for (const f of tree.within(network.rootFolderId, 2)) {
      const score = scoreCycle(cycle.name, key, f, tree);
      if (score) cyclePairs.push({ key, folderId: f.id, name: f.name, depth: tree.depth(f.id), ...score });
    }
  }
  assign(cyclePairs);

  // Steps: inside the cycle's folder, directly or one level down ("Steps / 3 - Data"), never inside a school.
  const stepPairs: Pair[] = [];
  for (const role of roles) {
    if (role.kind !== 'step') continue;
    const cycleFolder = folderOf(parentRole(role));
    if (!cycleFolder) continue;
    const key = folderKey(role);
    for (const f of tree.within(cycleFolder, 2)) {
      if (matchSchoolName(f.name, network.schools)) continue;
      const depth = tree.depth(f.id) - tree.depth(cycleFolder);
      if (depth === 2 && matchSchoolName(tree.name(f.parentId!), network.schools)) continue;
      const score = scoreStep(role.step, key, f, labels);
      if (!score) continue;
      const inside = depth === 2 ? ` (inside “${tree.name(f.parentId!)}”)` : '';
      stepPairs.push({
        key,
        folderId: f.id,
        name: f.name,
        depth,
        confidence: depth === 2 ? score.confidence * 0.9 : score.confidence,
        reason: score.reason + inside,
      });
    }
  }
  assign(stepPairs);

  // Schools: in the step's folder by name; or, where the network sorted by school first, the step's folder
  // inside the school's folder in the cycle ("Cycle 2 / Maple Grove / 3 - Data").
  const schoolPairs: Pair[] = [];
  for (const role of roles) {
    if (role.kind !== 'school') continue;
    const key = folderKey(role);
    const school = network.schools.find((s) => s.id === role.schoolId)!;
    const stepFolder = folderOf(parentRole(role));
    for (const f of stepFolder ? tree.children(stepFolder) : []) {
      if (f.roundsKey === key)
        schoolPairs.push(pair(key, f, 1, 1, `Rounds made this folder for ${school.name}`));
      const match = matchSchoolName(f.name, network.schools);
      if (match?.item.id === school.id)
        schoolPairs.push(pair(key, f, 1, match.confidence, capitalize(match.reason)));
    }
    const cycleFolder = folderOf({ kind: 'cycle', cycleId: role.cycleId });
    for (const sf of cycleFolder ? tree.children(cycleFolder) : []) {
      const match = matchSchoolName(sf.name, network.schools);
      if (match?.item.id !== school.id) continue;
      for (const f of tree.children(sf.id)) {
        const score = scoreStep(role.step, key, f, labels);
        if (score)
          schoolPairs.push(
            pair(
              key,
              f,
              2,
              Math.min(score.confidence, match.confidence) * 0.9,
              `${score.reason}, inside ${school.name}'s folder “${sf.name}”`,
            ),
          );
      }
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
      .map(({ folderId, name, confidence, reason }) => ({ folderId, name, confidence, reason }));
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
      cycle: cycleName.get(role.cycleId) ?? role.cycleId,
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

/** Every place of the layout, parents before children: cycles, their steps, and each school's folder in a step. */
export function layoutRoles(network: Pick<NetworkShape, 'cycles' | 'schools'>): FolderRole[] {
  const roles: FolderRole[] = [];
  for (const cycle of network.cycles) {
    roles.push({ kind: 'cycle', cycleId: cycle.id });
    for (const step of STEP_NUMBERS) {
      roles.push({ kind: 'step', cycleId: cycle.id, step });
      // A cycle on one leader's own problem already belongs to a school: its files go in the step folder.
      if (cycle.schoolId) continue;
      for (const school of network.schools)
        roles.push({ kind: 'school', cycleId: cycle.id, step, schoolId: school.id });
    }
  }
  return roles;
}

function scoreCycle(
  cycleName: string,
  key: string,
  folder: FolderEntry,
  tree: Tree,
): { confidence: number; reason: string } | null {
  if (folder.roundsKey === key) return { confidence: 1, reason: `Rounds made this folder for ${cycleName}` };
  if (normalizeName(folder.name) === normalizeName(cycleName))
    return { confidence: 0.97, reason: `Named “${cycleName}”` };
  const want = readCycleName(cycleName);
  const found = readCycleName(folder.name);
  if (want.number === null || want.number !== found.number) return null;
  const year = found.year ?? tree.yearAbove(folder.id);
  if (want.year !== null && year !== null) {
    return want.year === year
      ? { confidence: 0.9, reason: `“${folder.name}” is Cycle ${want.number} of ${schoolYear(year)}` }
      : null;
  }
  const why = want.year !== null ? `, though it names no school year` : '';
  return { confidence: 0.6, reason: `“${folder.name}” is Cycle ${want.number}${why}` };
}

function scoreStep(
  step: StepNumber,
  key: string,
  folder: FolderEntry,
  labels: Readonly<Record<StepNumber, string>>,
): { confidence: number; reason: string } | null {
  if (folder.roundsKey === key) return { confidence: 1, reason: `Rounds made this folder for step ${step}` };
  if (folder.roundsKey?.startsWith('cycle:')) return null;
  const { number, byWords } = readStepName(folder.name, labels);
  if (number === step) {
    if (!byWords) return { confidence: 0.85, reason: `“${folder.name}” is numbered ${step}` };
    if (byWords.step === step)
      return { confidence: 0.95, reason: `“${folder.name}” is numbered ${step} and says “${byWords.words}”` };
    return {
      confidence: 0.45,
      reason: `“${folder.name}” is numbered ${step}, but “${byWords.words}” sounds like step ${byWords.step}`,
    };
  }
  if (number === null && byWords?.step === step)
    return {
      confidence: 0.7,
      reason: `“${folder.name}” says “${byWords.words}”, which is step ${step} (${labels[step]})`,
    };
  return null;
}

function pair(key: string, f: FolderEntry, depth: number, confidence: number, reason: string): Pair {
  return { key, folderId: f.id, name: f.name, depth, confidence, reason };
}

/** What the proposal does not use, and why; cycle-looking folders are offered as cycles to add. */
function leftovers(
  tree: Tree,
  network: NetworkShape,
  used: ReadonlySet<string>,
  proposals: FolderProposal[],
) {
  const leftAlone: AdoptionProposal['leftAlone'] = [];
  const newCycles: AdoptionProposal['newCycles'] = [];
  const adopted = new Map(proposals.filter((p) => p.folderId).map((p) => [p.folderId!, p]));
  for (const f of tree.within(network.rootFolderId, Infinity)) {
    if (used.has(f.id)) continue;
    const path = tree.path(f.id);
    const holder = tree.ancestors(f.id).find((a) => adopted.get(a)?.role.kind === 'school');
    if (holder) {
      leftAlone.push({ folderId: f.id, path, reason: `Kept as it is inside ${adopted.get(holder)!.place}.` });
      continue;
    }
    const lost = proposals.find((p) => p.alternatives.some((a) => a.folderId === f.id));
    if (lost) {
      const why = lost.alternatives.find((a) => a.folderId === f.id)!.reason;
      const winner = lost.action === 'adopt' ? `“${lost.name}” fits better` : 'not close enough';
      leftAlone.push({ folderId: f.id, path, reason: `Could be ${lost.place} (${why}), but ${winner}.` });
      continue;
    }
    const cycle = readCycleName(f.name);
    if (cycle.number !== null && tree.depth(f.id) <= 2) {
      const year = cycle.year ?? tree.yearAbove(f.id);
      newCycles.push({ folderId: f.id, name: f.name, number: cycle.number, year });
      leftAlone.push({
        folderId: f.id,
        path,
        reason: 'Looks like a cycle that is not in the Cycles tab yet.',
      });
      continue;
    }
    leftAlone.push({ folderId: f.id, path, reason: 'Not recognised as a cycle, step or school folder.' });
  }
  return { leftAlone, newCycles };
}

/** The listing as a tree under the root; folders outside the root are ignored. */
class Tree {
  private readonly byId = new Map<string, FolderEntry>();
  private readonly kids = new Map<string, FolderEntry[]>();
  private readonly depths = new Map<string, number>();

  constructor(
    private readonly root: string,
    folders: readonly FolderEntry[],
  ) {
    for (const f of folders) {
      if (f.id === root || this.byId.has(f.id)) continue;
      this.byId.set(f.id, f);
      const list = this.kids.get(f.parentId ?? '') ?? [];
      list.push(f);
      this.kids.set(f.parentId ?? '', list);
    }
    for (const list of this.kids.values())
      list.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const queue: [string, number][] = [[root, 0]];
    this.depths.set(root, 0);
    while (queue.length) {
      const [id, d] = queue.shift()!;
      for (const k of this.kids.get(id) ?? [])
        if (!this.depths.has(k.id)) {
          this.depths.set(k.id, d + 1);
          queue.push([k.id, d + 1]);
        }
    }
  }

  has(id: string): boolean {
    return this.byId.has(id) && this.depths.has(id);
  }
  name(id: string): string {
    return this.byId.get(id)?.name ?? id;
  }
  depth(id: string): number {
    return this.depths.get(id) ?? Infinity;
  }
  children(id: string): FolderEntry[] {
    return this.kids.get(id) ?? [];
  }
  /** Folders below `id`, down to `levels` levels, shallower first. */
  within(id: string, levels: number): FolderEntry[] {
    const out: FolderEntry[] = [];
    let level = this.children(id);
    for (let d = 1; d <= levels && level.length; d++) {
      out.push(...level);
      level = level.flatMap((f) => this.children(f.id));
    }
    return out;
  }
  ancestors(id: string): string[] {
    const out: string[] = [];
    for (
      let p = this.byId.get(id)?.parentId;
      p && p !== this.root && !out.includes(p);
      p = this.byId.get(p)?.parentId
    )
      out.push(p);
    return out;
  }
  path(id: string): string {
    return [...this.ancestors(id).reverse(), id].map((a) => this.name(a)).join(' / ');
  }
  /** The school year a folder above this one names ("2025-26 / Cycle 2"). */
  yearAbove(id: string): number | null {
    for (const a of this.ancestors(id)) {
      const year = readSchoolYear(this.name(a));
      if (year !== null) return year;
    }
    return null;
  }
}

function schoolYear(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The folder's Rounds key from its appProperties, when Rounds made it. */
export function roundsKeyOf(appProperties: Record<string, string> | null | undefined): string | undefined {
  const srcId = appProperties?.src === 'rounds' ? appProperties.srcId : undefined;
  return srcId?.startsWith(FOLDER_SOURCE_PREFIX) ? srcId.slice(FOLDER_SOURCE_PREFIX.length) : undefined;
}
