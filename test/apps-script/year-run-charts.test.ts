// Draw run charts over the typed fakes: each measure becomes a native line chart of its values with the
// median as a second series, its signals written beside it, in one read and one write per tab.
import { describe, expect, it } from 'vitest';
import { drawRunCharts } from '../../apps-script/year/run-charts';
import { RUN_CHART_TITLE_PREFIX } from '../../shared/year-tabs/run-chart-sheet';
import { CITING_EVIDENCE, callsPerTab, measureRows, yearDeps, yearSpreadsheet } from './year-network';

const MEASURE = 'Students citing evidence (%)';

describe('Draw run charts', () => {
  it('draws a line chart with the median for each measure and names the shift it shows', () => {
    const spreadsheet = yearSpreadsheet({
      measures: measureRows(MEASURE, 'Maple Grove K-8', CITING_EVIDENCE),
    });
    const result = drawRunCharts(yearDeps(spreadsheet));

    const tab = spreadsheet.tab('Run charts');
    expect(tab.charts).toHaveLength(1);
    const chart = tab.charts[0]!;
    expect(chart.type).toBe('LINE');
    expect(chart.options.get('title')).toBe(`${RUN_CHART_TITLE_PREFIX}${MEASURE} — Maple Grove K-8`);
    // Header row + 14 points, columns Date | Value | Median.
    expect(chart.ranges).toEqual(['A2:C16']);
    expect(tab.rows[1]!.slice(0, 3)).toEqual(['Date', 'Value', 'Median']);
    expect(tab.rows[2]!.slice(0, 3)).toEqual(['2026-09-07', 28, 30.5]);
    expect(tab.rows[15]!.slice(0, 3)).toEqual(['2026-12-07', 44, 30.5]);

    const summary = result.charts[0]!;
    expect(summary.median).toBe(30.5);
    const shift = summary.signals.find((s) => s.rule === 'shift' && s.start === 8);
    expect(shift).toMatchObject({ end: 13 });
    expect(tab.rows.some((r) => String(r[3]).startsWith('Shift: '))).toBe(true);
    expect(result.report).toBe('Drew 1 run chart on the Run charts tab; 1 shows a signal.');
  });

  it('reads each tab once and writes the Run charts tab once, however many measures there are', () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      measureRows(`Measure ${i + 1}`, '', CITING_EVIDENCE),
    ).flat();
    const spreadsheet = yearSpreadsheet({ measures: rows });
    drawRunCharts(yearDeps(spreadsheet));

    const per = callsPerTab(spreadsheet);
    expect(per.get('Measures')).toEqual({ reads: 1, writes: 0 });
    expect(spreadsheet.log.count('setValues', 'Run charts')).toBe(1);
    expect(spreadsheet.log.count('insertChart', 'Run charts')).toBe(12);
    expect(spreadsheet.log.readsBeforeWrites()).toBe(true);
  });

  it('redraws in place: the old charts go, the network’s own chart on the tab stays', () => {
    const spreadsheet = yearSpreadsheet({ measures: measureRows(MEASURE, '', CITING_EVIDENCE.slice(0, 10)) });
    drawRunCharts(yearDeps(spreadsheet));
    const tab = spreadsheet.tab('Run charts');
    const theirs = { ...tab.charts[0]!, options: new Map([['title', 'Our attendance chart']]) };
    theirs.getOptions = () => ({ get: (o: string) => theirs.options.get(o) });
    tab.charts.push(theirs);
    spreadsheet
      .tab('Measures')
      .rows.push(
        ...measureRows(MEASURE, '', [41, 43], '2026-11-16').map((r) => ['', r.measure, '', r.date, r.value]),
      );

    drawRunCharts(yearDeps(spreadsheet));
    expect(tab.charts.map((c) => c.options.get('title'))).toEqual([
      'Our attendance chart',
      `${RUN_CHART_TITLE_PREFIX}${MEASURE}`,
    ]);
    expect(tab.charts[1]!.ranges).toEqual(['A2:C14']);
  });

  it('names a hand-edited cell and still charts every other value', () => {
    const rows = measureRows(MEASURE, '', CITING_EVIDENCE);
    rows[3]!.value = 'n/a';
    const spreadsheet = yearSpreadsheet({ measures: rows });
    const sheet = spreadsheet.tab('Measures');
    sheet.rows.splice(6, 0, []);
    const result = drawRunCharts(yearDeps(spreadsheet));

    expect(result.problems).toEqual([
      'Measures!A7: row 7 is blank; Rounds skipped it and read the rows below.',
      `Measures!E5: “n/a” is not a number; this point was left out of the “${MEASURE}” run chart.`,
    ]);
    expect(result.charts[0]!.values).toHaveLength(13);
  });

  it('says what to do when the spreadsheet has no Measures tab, and writes nothing', () => {
    const spreadsheet = yearSpreadsheet();
    spreadsheet.sheets.splice(spreadsheet.sheets.indexOf(spreadsheet.tab('Measures')), 1);
    expect(() => drawRunCharts(yearDeps(spreadsheet))).toThrow(/no Measures tab yet.*Upgrade tracker/);
    expect(spreadsheet.log.writes()).toEqual([]);
  });
});
