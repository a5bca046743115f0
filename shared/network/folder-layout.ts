// Where a network's filed work lives in Drive, and the keys that name each place.
//
// The layout is root → cycle → step for filed work, and root → "Schools" → school for each school's own folder:
//   Network root / "2025-26 Cycle 2" / "3 - Analyze individual school data"      ← emails and Doc shortcuts
//   Network root / "Schools" / "Maple Grove K-8"
// Cycle → step because the core already files to a step folder inside a cycle (Cycle.folderId,
// Step.folderId, FilingTarget.stepFolderId) and networks name their folders that way ("2025-26 Cycle 2 / 3 -
// School data"). The school is not a folder level under the step: every filing's row names its school, so
// the Network view and suggestions tell schools apart without eight folders per school per cycle; the one
// folder per school is where networks already keep a school's standing material. A cycle on one leader's
// individual problem has the same shape. Adopted folders stay where they are: a step folder named
// "2025-26 Cycle 2/1 - IPOP drafts" at the root is step 1 of that cycle wherever it sits.
import * as v from 'valibot';
import { DEFAULT_STEP_LABELS, STEP_NUMBERS, type Network, type StepNumber } from '../domain';
import { describeIssues } from '../schema/issues';

/** What one folder is for in the network. */
export type FolderRole =
  | { kind: 'cycle'; cycleId: string }
  | { kind: 'step'; cycleId: string; step: StepNumber }
  | { kind: 'schools' }
  | { kind: 'school'; schoolId: string };

/** A stable name for a folder's role: "cycle:c2", "cycle:c2/step:3", "schools", "school:mge". */
export function folderKey(role: FolderRole): string {
  if (role.kind === 'schools') return 'schools';
  if (role.kind === 'school') return `school:${role.schoolId}`;
  const cycle = `cycle:${role.cycleId}`;
  return role.kind === 'cycle' ? cycle : `${cycle}/step:${role.step}`;
}

/** The role above this one (null: the network's root folder). */
export function parentRole(role: FolderRole): FolderRole | null {
  if (role.kind === 'step') return { kind: 'cycle', cycleId: role.cycleId };
  if (role.kind === 'school') return { kind: 'schools' };
  return null;
}

/** The name of the folder that holds one folder per school, when Rounds has to create it. */
export const SCHOOLS_FOLDER_NAME = 'Schools';

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

/** The name Rounds gives a folder it creates: the cycle's name, "3 - <step label>", "Schools", the school's name. */
export function folderNameFor(
  role: FolderRole,
  names: { cycle?: string; school?: string; labels: Readonly<Record<StepNumber, string>> },
): string {
  if (role.kind === 'cycle') return names.cycle ?? role.cycleId;
  if (role.kind === 'step') return `${role.step} - ${names.labels[role.step]}`;
  if (role.kind === 'schools') return SCHOOLS_FOLDER_NAME;
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

/** The step folder a filing goes to; null when the step has no folder yet (adopt or create the folders first). */
export function filingFolder(
  layout: FolderLayout,
  target: { cycleId: string; step: StepNumber },
): string | null {
  return layout.folders[folderKey({ kind: 'step', ...target })]?.folderId ?? null;
}

/** The school's own folder, if the layout has one. */
export function schoolFolder(layout: FolderLayout, schoolId: string): string | null {
  return layout.folders[folderKey({ kind: 'school', schoolId })]?.folderId ?? null;
}

/** Every place of the layout, parents before children: cycles and their steps, the schools' folder, each school. */
export function layoutRoles(network: {
  cycles: readonly { id: string }[];
  schools: readonly { id: string }[];
}): FolderRole[] {
  const roles: FolderRole[] = [];
  for (const cycle of network.cycles) {
    roles.push({ kind: 'cycle', cycleId: cycle.id });
    for (const step of STEP_NUMBERS) roles.push({ kind: 'step', cycleId: cycle.id, step });
  }
  if (network.schools.length) roles.push({ kind: 'schools' });
  for (const school of network.schools) roles.push({ kind: 'school', schoolId: school.id });
  return roles;
}

/** The folder's Rounds key from its appProperties, when Rounds made it. */
export function roundsKeyOf(appProperties: Record<string, string> | null | undefined): string | undefined {
  const srcId = appProperties?.src === 'rounds' ? appProperties.srcId : undefined;
  return srcId?.startsWith(FOLDER_SOURCE_PREFIX) ? srcId.slice(FOLDER_SOURCE_PREFIX.length) : undefined;
}
