// The tour's steps for the network's year, in the ILD's Rounds sidebar on the demo spreadsheet: the next
// meeting's agenda with the warnings its format calls for, the year's buddy visits planned with their
// reasons and who is left out, the network's driver diagram, and a run chart with the signal it shows.
import type { StepRun } from './tour-steps';
import { trackerTour } from './tour-tracker';

const clean = (texts: string[]) => texts.map((t) => t.replace(/\s+/g, ' ').trim());

export const YEAR_STEPS: Array<[string, StepRun]> = [
  [
    'plan the next network meeting: its agenda and warnings',
    async (t) => {
      const { sidebar } = await trackerTour(t);
      await sidebar.getByRole('button', { name: 'Plan the next meeting' }).click();
      const warnings = sidebar.locator('ul.warnings li');
      await warnings.first().waitFor({ timeout: 30_000 });
      await sidebar.locator('#meetings-heading').scrollIntoViewIfNeeded();
      await t.shoot(sidebar, 'meeting-agenda');
      const meeting = (await sidebar.locator('#meeting-pick option:checked').textContent()) ?? '';
      return `${meeting.trim()}: ${clean(await warnings.allInnerTexts()).join(' | ')}`;
    },
  ],
  [
    'plan the year’s buddy visits, each pair with its reason',
    async (t) => {
      const { sidebar } = await trackerTour(t);
      await sidebar.getByLabel('First meeting').fill('2026-02-10');
      await sidebar.getByLabel('Meetings', { exact: true }).fill('6');
      await sidebar.getByLabel('Rounds of buddy visits').fill('3');
      await sidebar.getByRole('button', { name: 'Plan visits' }).click();
      const coverage = sidebar.locator('table.coverage');
      await coverage.waitFor({ timeout: 30_000 });
      await sidebar.locator('#year-visits-heading').scrollIntoViewIfNeeded();
      await t.shoot(sidebar, 'visit-pairs');
      const round = clean(await sidebar.locator('h4:text("Round 1") + ul li').allInnerTexts());
      return `round 1: ${round.join(' | ')}`;
    },
  ],
  [
    'see the network’s driver diagram and tests of change',
    async (t) => {
      const { sidebar } = await trackerTour(t);
      await sidebar.getByRole('button', { name: 'Driver diagram and tests of change' }).click();
      const diagram = sidebar.locator('ul.driver-diagram').first();
      await diagram.waitFor({ timeout: 30_000 });
      await diagram.scrollIntoViewIfNeeded();
      await t.shoot(sidebar, 'driver-diagram');
      const count = async (kind: string) => sidebar.locator(`ul.driver-diagram li.driver-${kind}`).count();
      return `aim ${await count('aim')}, primary drivers ${await count('primary')}, secondary ${await count('secondary')}, change ideas ${await count('change-idea')}`;
    },
  ],
  [
    'draw a run chart and show its signal',
    async (t) => {
      const { sidebar } = await trackerTour(t);
      await sidebar.getByRole('button', { name: 'Draw run charts' }).click();
      const chart = sidebar.locator('figure.run-chart').first();
      await chart.waitFor({ timeout: 30_000 });
      await chart.scrollIntoViewIfNeeded();
      await t.shoot(sidebar, 'run-chart');
      const findings = clean(await chart.locator('li').allInnerTexts());
      const signal =
        findings.find((f) => /^Shift: .* above/.test(f)) ??
        findings.find((f) => /^(Shift|Trend|Runs):/.test(f));
      if (!signal) throw new Error(`the run chart showed no signal: ${findings.join(' | ')}`);
      return `${(await chart.locator('figcaption').innerText()).trim()}: ${signal}`;
    },
  ],
];
