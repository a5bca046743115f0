// Where a network's filed work lives in Drive, and the keys that name each place.
//
// The layout is root → cycle → step → school:
//   Network root / "2025-26 Cycle 2" / "3 - Analyze individual school data" / "Maple Grove Elementary"
// because the core already files to a *step* folder inside a cycle (Cycle.folderId, Step.folderId,
// EmailToFile.stepFolderId) and the network's own folders are named that way ("2025-26 Cycle 2 / 3 - School
// data"). In a cycle on the network's common problem (Lead) each step folder holds one folder per school; a
// cycle on one leader's individual problem (Succeed) belongs to one school, so its step folders hold the files
// themselves. Work that is not about one school (a research reading for step 2) goes in the step folder.
import * as v from 'valibot';
import { DEFAULT_STEP_LABELS, STEP_NUMBERS, type Network, type StepNumber } from '../domain';
import { describeIssues } from '../schema/issues';

/** What one folder is for in the network. */
export type FolderRole =
  | { kind: 'cycle'; cycleId: string }
  | { kind: 'step'; cycleId: string; step: StepNumber }
  | { kind: 'school'; cycleId: string; step: StepNumber; schoolId: string };

/** A stable name for a folder's role: "cycle:c2", "cycle:c2/step:3", "cycle:c2/step:3/school:mge". */
export function folderKey(role: FolderRole): string {
  const cycle = `cycle:${role.cycleId}`;
  if (role.kind === 'cycle') return cycle;
  const step = `${cycle}/step:${role.step}`;
  return role.kind === 'step' ? step : `${step}/school:${role.schoolId}`;
}

/** The role above this one (null: the network's root folder). */
export function parentRole(role: FolderRole): FolderRole | null {
  if (role.kind === 'cycle') return null;
  if (role.kind === 'step') return { kind: 'cycle', cycleId: role.cycleId };
  return { kind: 'step', cycleId: role.cycleId, step: role.step };
}

/** Rounds tags the folders it creates with {src:'rounds', srcId:'folder:<key>'}, so any retry finds them. */
export const FOLDER_SOURCE_PREFIX = 'folder:';

/** The step labels this network uses: its renamed ones, the defaults for the rest. */
export function stepLabelsOf(network: Pick<Network, 'stepLabels'> = {}): Record<StepNumber, string> {
  const labels = { ...DEFAULT_STEP_LABELS };
  for (const step of STEP_NUMBERS) {
    const renamed = network.stepLabels?.[String(step) as `${StepNumber}`]?.trim();
    if (renamed) labels[step] = renamed;
  }
  return labels;
}

/** The name Rounds gives a folder it creates: the cycle's name, "3 - <step label>", the school's name. */
export function folderNameFor(
  role: FolderRole,
  names: { cycle: string; school?: string; labels: Readonly<Record<StepNumber, string>> },
): string {
  if (role.kind === 'cycle') return names.cycle;
  if (role.kind === 'step') return `${role.step} - ${names.labels[role.step]}`;
  return names.school ?? role.schoolId;
}

const FolderPlaceSchema = v.object({
  folderId: v.pipe(v.string(), v.minLength(1)),
  name: v.string(),
  /** True: the network's own folder, adopted as it was; false: Rounds created it. */
  adopted: v.boolean(),
});

/** Every place of the layout with its Drive folder: what the panel stores and files against. */
export const FolderLayoutSchema = v.object({
  rootFolderId: v.pipe(v.string(), v.minLength(1)),
  folders: v.record(v.string(), FolderPlaceSchema),
});
export type FolderLayout = v.InferOutput<typeof FolderLayoutSchema>;

/** Reads a stored layout back; a damaged one comes back as a sentence, never as a guess. */
export function readFolderLayout(
  stored: unknown,
): { ok: true; layout: FolderLayout } | { ok: false; problem: string } {
  const parsed = v.safeParse(FolderLayoutSchema, stored);
  return parsed.success
    ? { ok: true, layout: parsed.output }
    : { ok: false, problem: `The saved folder layout is damaged (${describeIssues(parsed.issues)}).` };
}

/**
 * The folder a filing goes to: the school's folder inside the step when the layout has one, else the step
 * folder. Null when the step has no folder yet (adopt or create the folders first).
 */
export function filingFolder(
  layout: FolderLayout,
  target: { cycleId: string; step: StepNumber; schoolId?: string },
): string | null {
  const step = { kind: 'step' as const, cycleId: target.cycleId, step: target.step };
  if (target.schoolId) {
    const school = layout.folders[folderKey({ ...step, kind: 'school', schoolId: target.schoolId })];
    if (school) return school.folderId;
  }
  return layout.folders[folderKey(step)]?.folderId ?? null;
}
