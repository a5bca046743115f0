// Networked improvement in the sidebar: the network's driver diagram (aim → primary drivers → secondary
// drivers → change ideas) as a nested list drawn as a tree, each test of change with its PDSA stage, and
// the run charts with the signals the run-chart rules find. It reads the spreadsheet only when asked.
import type { ChangeStage, TestOfChange } from '../../../shared/year-tabs/changes';
import { DRIVER_KIND_LABELS, type DriverNode } from '../../../shared/year-tabs/drivers';
import { findings, type RunChartSummary } from '../../../shared/year-tabs/run-chart-sheet';
import { Problems } from '../problems';
import { LoadButton, LoadFailure, useLoad } from '../load';
import { callServer } from '../server';
import { defineSidebarView } from '../view';

const STAGES: Readonly<Record<ChangeStage, string>> = {
  plan: 'Planning',
  do: 'Doing',
  study: 'Studying',
  act: 'Deciding',
  done: 'Decided',
};

function Driver({ node }: { node: DriverNode }) {
  return (
    <li class={`driver driver-${node.kind.replace(' ', '-')}`}>
      <span class="driver-kind">{DRIVER_KIND_LABELS[node.kind]}</span> {node.statement}
      {node.children.length > 0 && (
        <ul>
          {node.children.map((child) => (
            <Driver key={child.row} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Change({ change }: { change: TestOfChange }) {
  const decided = change.act ? `${change.act[0]!.toUpperCase()}${change.act.slice(1)}ed` : null;
  return (
    <li>
      <strong>{change.change}</strong>
      {change.school && ` — ${change.school}`}: {decided ?? STAGES[change.stage]}
      <span class="muted">
        {change.driver && ` · driver: ${change.driver}`}
        {change.measure && ` · measure: ${change.measure}`}
        {change.team.length > 0 && ` · team: ${change.team.join(', ')}`}
      </span>
      {change.prediction && (
        <div class="muted">
          Predicted: {change.prediction}
          {change.study && ` — found: ${change.study}`}
        </div>
      )}
    </li>
  );
}

/** A small picture of the run chart; the findings beside it say the same in words. */
function Sparkline({ chart }: { chart: RunChartSummary }) {
  if (chart.values.length < 2 || chart.median === null) return null;
  const w = 260;
  const h = 60;
  const lo = Math.min(...chart.values, chart.median);
  const hi = Math.max(...chart.values, chart.median);
  const y = (v: number) => h - 4 - ((v - lo) / (hi - lo || 1)) * (h - 8);
  const x = (i: number) => 4 + (i * (w - 8)) / (chart.values.length - 1);
  const inSignal = (i: number) => chart.signals.some((s) => s.rule !== 'runs' && i >= s.start && i <= s.end);
  return (
    <svg class="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} aria-hidden="true">
      <line x1={4} x2={w - 4} y1={y(chart.median)} y2={y(chart.median)} class="median" />
      <polyline points={chart.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} class="values" />
      {chart.values.map((v, i) => (
        <circle
          key={i}
          cx={x(i)}
          cy={y(v)}
          r={inSignal(i) ? 3.5 : 2.5}
          class={inSignal(i) ? 'signal' : 'point'}
        />
      ))}
    </svg>
  );
}

function ImprovementPanel() {
  const [look, load] = useLoad(() => callServer('getImprovementLook'));
  const [charts, draw] = useLoad(() => callServer('drawRunChartsFromSidebar'));
  const [spotlight, harvest] = useLoad(() => callServer('harvestSpotlightFromSidebar'));

  return (
    <section aria-labelledby="improvement-heading">
      <h2 id="improvement-heading">Improvement</h2>
      <div class="buttons">
        <LoadButton load={look} onClick={load} working="Reading…">
          Driver diagram and tests of change
        </LoadButton>
        <LoadButton load={charts} onClick={draw} working="Drawing…">
          Draw run charts
        </LoadButton>
        <LoadButton load={spotlight} onClick={harvest} working="Harvesting…">
          Harvest the spotlight
        </LoadButton>
      </div>
      <LoadFailure load={spotlight} />
      {spotlight.status === 'ready' && (
        <div role="status">
          <p class="report">{spotlight.value.report}</p>
          {spotlight.value.added.length > 0 && (
            <ul>
              {spotlight.value.added.map((item) => (
                <li key={item.key}>
                  {item.date}: {item.headline}
                </li>
              ))}
            </ul>
          )}
          <Problems problems={spotlight.value.problems} />
        </div>
      )}
      <LoadFailure load={look} />
      {look.status === 'ready' && (
        <div role="status">
          <h3>Driver diagram</h3>
          {look.value.diagram.aims.length === 0 ? (
            <p class="muted">No aim on the Drivers tab yet: add a row of kind Aim, then its drivers.</p>
          ) : (
            <ul
              class="driver-diagram"
              aria-label="Driver diagram: the aim, what drives it, and the change ideas"
            >
              {look.value.diagram.aims.map((aim) => (
                <Driver key={aim.row} node={aim} />
              ))}
            </ul>
          )}
          {look.value.diagram.unlinked.length > 0 && (
            <>
              <h3>Not linked yet</h3>
              <ul class="driver-diagram">
                {look.value.diagram.unlinked.map((node) => (
                  <Driver key={node.row} node={node} />
                ))}
              </ul>
            </>
          )}
          <h3>Tests of change</h3>
          {look.value.changes.length === 0 ? (
            <p class="muted">No tests of change on the Changes tab yet.</p>
          ) : (
            <ul>
              {look.value.changes.map((c) => (
                <Change key={c.row} change={c} />
              ))}
            </ul>
          )}
          <Problems problems={look.value.problems} />
        </div>
      )}
      <LoadFailure load={charts} />
      {charts.status === 'ready' && (
        <div role="status">
          <p class="report">{charts.value.report}</p>
          {charts.value.charts.map((chart) => (
            <figure key={chart.title} class="run-chart">
              <figcaption>
                <strong>{chart.title}</strong>
              </figcaption>
              <Sparkline chart={chart} />
              <ul>
                {findings(chart).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </figure>
          ))}
          <Problems problems={charts.value.problems} />
        </div>
      )}
    </section>
  );
}

export const improvementView = defineSidebarView({
  id: 'improvement',
  applies: (state) => state.kind === 'spreadsheet' && state.tracker.action !== 'set-up',
  View: ImprovementPanel,
});
