// The year's menu commands (Extensions → Rounds in the network spreadsheet): the same commands as the
// sidebar's buttons, answered in an alert that says what changed and names every cell Rounds could not use.
import { activeEditorUi } from '../services/editor';
import { drawRunCharts } from './run-charts';
import { harvestTheSpotlight } from './spotlight';
import { openYear } from './year-deps';

function answerInAlert(title: string, run: () => { report: string; problems: string[] }): void {
  const ui = activeEditorUi();
  let message: string;
  try {
    const result = run();
    message = result.problems.length
      ? `${result.report}\n\nCells to look at:\n${result.problems.join('\n')}`
      : result.report;
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  ui.alert(title, message);
}

/** Menu: Draw run charts. */
export function drawRunChartsFromMenu(): void {
  answerInAlert('Draw run charts', () => drawRunCharts(openYear()));
}

/** Menu: Harvest the spotlight. */
export function harvestSpotlightFromMenu(): void {
  answerInAlert('Harvest the spotlight', () => harvestTheSpotlight(openYear()));
}
