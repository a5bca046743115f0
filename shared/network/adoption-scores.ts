// How well one existing folder fits one place of the layout, as a confidence and the reason in words, and
// the folder listing as a tree to walk. Used by adoption.ts; pure.
import { DEFAULT_STEP_LABELS, type StepNumber } from '../domain';
import type { FolderEntry } from './adoption';
import {
  isSchoolsFolderName,
  matchSchoolName,
  normalizeName,
  readSchoolYear,
  readStepName,
  splitCycleName,
  type CycleName,
} from './names';

export interface Score {
  confidence: number;
  reason: string;
}

/** Is this folder the cycle's own folder? Its name names the cycle and no step. */
export function scoreCycle(cycleName: string, key: string, folder: FolderEntry, tree: Tree): Score | null {
  if (folder.roundsKey === key) return { confidence: 1, reason: `Rounds made this folder for ${cycleName}` };
  if (normalizeName(folder.name) === normalizeName(cycleName))
    return { confidence: 0.97, reason: `Named “${cycleName}”` };
  const { cycle, rest } = splitCycleName(folder.name);
  const step = readStepName(rest, DEFAULT_STEP_LABELS);
  if (step.number !== null) return null; // "Cycle 2 Step 4 - Observations" is a step folder
  const fit = sameCycle(cycleName, cycle, cycle.year ?? tree.yearAbove(folder.id), folder.name);
  if (!fit) return null;
  // A topic after the cycle ("Cycle 2 - Student talk") is fine; step words there make it less certain.
  return step.byWords
    ? { confidence: fit.confidence * 0.7, reason: `${fit.reason}, though it says “${step.byWords.words}”` }
    : fit;
}

/** Does a name's cycle part name this cycle? Number must match; years must match when both are known. */
export function sameCycle(
  cycleName: string,
  found: CycleName,
  foundYear: number | null,
  folderName: string,
): Score | null {
  const want = splitCycleName(cycleName).cycle;
  if (want.number === null || want.number !== found.number) return null;
  if (want.year !== null && foundYear !== null)
    return want.year === foundYear
      ? { confidence: 0.9, reason: `“${folderName}” is Cycle ${want.number} of ${schoolYear(foundYear)}` }
      : null;
  const why = want.year !== null ? ', though it names no school year' : '';
  return { confidence: 0.6, reason: `“${folderName}” is Cycle ${want.number}${why}` };
}

/** Is this folder the step's folder, judged by its name without any cycle part ("Cycle 2 Step 4 - Obs." → "Step 4 - Obs.")? */
export function scoreStep(
  step: StepNumber,
  key: string,
  folder: FolderEntry,
  labels: Readonly<Record<StepNumber, string>>,
): Score | null {
  if (folder.roundsKey === key) return { confidence: 1, reason: `Rounds made this folder for step ${step}` };
  if (folder.roundsKey) return null;
  const { number, byWords } = readStepName(splitCycleName(folder.name).rest, labels);
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

/** Is this the folder that holds the school folders? By its name, or by the school folders inside it. */
export function scoreSchoolsFolder(
  folder: FolderEntry,
  tree: Tree,
  schools: readonly { id: string; name: string }[],
): Score | null {
  if (folder.roundsKey === 'schools')
    return { confidence: 1, reason: 'Rounds made this folder for the schools' };
  const inside = new Set(
    tree.children(folder.id).flatMap((c) => matchSchoolName(c.name, schools)?.item.id ?? []),
  );
  if (isSchoolsFolderName(folder.name))
    return {
      confidence: 0.95,
      reason: `Named “${folder.name}”${inside.size ? ` and holds ${inside.size} school folders` : ''}`,
    };
  if (inside.size >= 2)
    return {
      confidence: Math.min(0.85, 0.6 + 0.05 * inside.size),
      reason: `Holds folders for ${inside.size} of the ${schools.length} schools`,
    };
  return null;
}

/** The listing as a tree under the root; folders not under the root are ignored. */
export class Tree {
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
    for (let i = 0; i < queue.length; i++) {
      const [id, d] = queue[i]!;
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
  get(id: string): FolderEntry | undefined {
    return this.byId.get(id);
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
  /** Nearest first, up to (not including) the root. */
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

export function schoolYear(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}
