// The network's improvement work as the sidebar shows it, read without changing anything: the driver
// diagram (aim → primary → secondary → change ideas) and each test of change with where it is in its cycle.
import { readChanges, type TestOfChange } from '../../shared/year-tabs/changes';
import { readDriverDiagram, type DriverDiagram } from '../../shared/year-tabs/drivers';
import type { YearDeps } from './year-deps';

export interface ImprovementLook {
  diagram: DriverDiagram;
  changes: TestOfChange[];
  problems: string[];
}

export function lookAtImprovement(deps: Pick<YearDeps, 'sheets'>): ImprovementLook {
  const snapshots = deps.sheets.read(['drivers', 'changes']);
  const diagram = readDriverDiagram(snapshots);
  const changes = readChanges(snapshots);
  return {
    diagram,
    changes: changes.changes,
    problems: [...diagram.problems, ...changes.problems],
  };
}
