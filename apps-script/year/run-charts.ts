// Draw run charts: under the document lock, read the Measures and Run charts tabs once, read each measure
// as a run chart in the core (median, runs, shift, trend, too few or too many runs, astronomical points),
// then write the Run charts tab in one block and redraw Rounds' native line charts beside it.
import { tabByKey } from '../../shared/schema/sheet';
import { readTable } from '../../shared/tracker/table';
import { readMeasures } from '../../shared/year-tabs/measures';
import { planRunCharts, type RunChartSummary } from '../../shared/year-tabs/run-chart-sheet';
import { missingTab, type YearDeps } from './year-deps';

export interface RunChartsResult {
  report: string;
  problems: string[];
  charts: RunChartSummary[];
}

export function drawRunCharts(deps: Pick<YearDeps, 'sheets' | 'lock'>): RunChartsResult {
  return deps.lock.run(() => {
    const snapshots = deps.sheets.read(['measures', 'runCharts']);
    const measures = readMeasures(snapshots);
    if (!measures.sheetName) throw missingTab('measures');
    const tab = readTable(tabByKey('runCharts'), snapshots).sheetName;
    if (!tab) throw missingTab('runCharts');
    const plan = planRunCharts(measures.series);
    deps.sheets.drawRunCharts(tab, plan.values, plan.charts);
    const withSignal = plan.summaries.filter((s) => s.signals.length).length;
    const count = plan.charts.length;
    return {
      report: count
        ? `Drew ${count} run chart${count === 1 ? '' : 's'} on the ${tab} tab; ${withSignal} show${withSignal === 1 ? 's' : ''} a signal.`
        : `No measure on the ${measures.sheetName} tab has a value yet, so there is no run chart to draw.`,
      problems: measures.problems,
      charts: plan.summaries,
    };
  });
}
