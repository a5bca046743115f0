// The Changes tab as small tests of change (PDSA): each test's plan and prediction, what was done, what was
// learned against the prediction, and the decision — adopt, adapt or abandon — tied to a driver, a school
// and a measure. The team may name families and students; they are people on the team like anyone else.
import { normalizeHeader } from '../schema/sheet';
import type { TabSnapshot } from '../tracker/table';
import { readYearTable } from './year-table';

export type ChangeDecision = 'adopt' | 'adapt' | 'abandon';
/** Where a test is in its cycle: the first of plan, do, study, act that is still empty, or done. */
export type ChangeStage = 'plan' | 'do' | 'study' | 'act' | 'done';

export interface TestOfChange {
  row: number;
  id: string;
  change: string;
  driver: string;
  school: string;
  measure: string;
  team: string[];
  plan: string;
  prediction: string;
  did: string;
  study: string;
  act: ChangeDecision | null;
  /** The Act cell as typed, for the notes a team writes after the decision ("adapt: try it in grade 3"). */
  actNote: string;
  startedOn: string | null;
  /** When the team decided to adopt, adapt or abandon. */
  decidedOn: string | null;
  stage: ChangeStage;
}

function decisionOf(value: string): ChangeDecision | null {
  const first = normalizeHeader(value).split(/[^a-z]/)[0] ?? '';
  if (first.startsWith('adopt')) return 'adopt';
  if (first.startsWith('adapt')) return 'adapt';
  if (first.startsWith('abandon')) return 'abandon';
  return null;
}

export function readChanges(snapshots: readonly TabSnapshot[]) {
  const t = readYearTable('changes', snapshots);
  const changes: TestOfChange[] = t.table.rows.flatMap((row) => {
    const change = t.text(row, 'change');
    if (!change) {
      t.problems.push(
        `${t.address(row.row, 'change')}: this test of change has no name; Rounds left it out.`,
      );
      return [];
    }
    const actNote = t.text(row, 'act');
    const act = decisionOf(actNote);
    if (actNote && !act)
      t.problems.push(
        `${t.address(row.row, 'act')}: “${actNote}” is not adopt, adapt or abandon; “${change}” is counted as still deciding.`,
      );
    const test = {
      row: row.row,
      id: t.text(row, 'id'),
      change,
      driver: t.text(row, 'driver'),
      school: t.text(row, 'school'),
      measure: t.text(row, 'measure'),
      team: t.list(row, 'team'),
      plan: t.text(row, 'plan'),
      prediction: t.text(row, 'prediction'),
      did: t.text(row, 'did'),
      study: t.text(row, 'study'),
      act,
      actNote,
      startedOn: t.day(row, 'startedOn', 'the test still counts, without a start date.'),
      decidedOn: t.day(row, 'decidedOn', 'the decision still counts, without its date.'),
    };
    const stage: ChangeStage =
      !test.plan || !test.prediction
        ? 'plan'
        : !test.did
          ? 'do'
          : !test.study
            ? 'study'
            : !act
              ? 'act'
              : 'done';
    return [{ ...test, stage }];
  });
  return { changes, sheetName: t.table.sheetName, problems: t.problems };
}
