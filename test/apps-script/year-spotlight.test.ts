// Harvesting the spotlight over the typed fakes: successes filed, tests of change adopted, schools moving on
// a step and run charts with a signal land in the Spotlight tab once each, in one append.
import { describe, expect, it } from 'vitest';
import { harvestTheSpotlight } from '../../apps-script/year/spotlight';
import { CITING_EVIDENCE, callsPerTab, measureRows, yearDeps, yearSpreadsheet } from './year-network';

function network() {
  return yearSpreadsheet({
    filings: [
      { filedAt: '2026-10-02', school: 'Maple Grove K-8', cycle: 'Cycle 2', step: '3', title: 'Fall data' },
      { filedAt: '2026-11-09', school: 'Maple Grove K-8', cycle: 'Cycle 2', step: '4', title: 'Walk notes' },
      {
        filedAt: '2026-11-20',
        school: 'Harborview K-8',
        cycle: 'Cycle 2',
        step: '4',
        title: 'Book club video',
        note: 'A success to share',
      },
    ],
    changes: [
      {
        change: 'Evidence sentence frames',
        school: 'Maple Grove K-8',
        plan: 'p',
        prediction: 'q',
        did: 'd',
        study: 's',
        act: 'Adopt',
        decidedOn: '2026-11-30',
      },
      { change: 'Evidence hunts', school: 'Harborview K-8', act: 'Abandon', decidedOn: '2026-11-30' },
    ],
    measures: measureRows('Students citing evidence (%)', 'Maple Grove K-8', CITING_EVIDENCE).map((r) => ({
      ...r,
      better: 'higher',
    })),
  });
}

describe('Harvest the spotlight', () => {
  it('adds each celebration once, with where it came from', () => {
    const spreadsheet = network();
    const first = harvestTheSpotlight(yearDeps(spreadsheet));
    const tab = spreadsheet.tab('Spotlight');
    const header = tab.rows[0]!;
    const rows = tab.rows.slice(1).map((r) => [r[header.indexOf('From')], r[header.indexOf('Celebration')]]);

    expect(rows).toEqual([
      [
        'Run chart',
        'Maple Grove K-8: Students citing evidence (%) has stayed above its median for 6 points in a row: a real improvement, not chance',
      ],
      ['Test of change', 'Maple Grove K-8 adopted a change after testing it: Evidence sentence frames'],
      ['Filing', 'Harborview K-8: Book club video'],
      ['Next step', 'Maple Grove K-8 moved on to step 4 of Cycle 2'],
    ]);
    expect(first.report).toBe('Added 4 celebrations to the Spotlight tab.');
    expect(callsPerTab(spreadsheet).get('Spotlight')).toEqual({ reads: 1, writes: 1 });

    const again = harvestTheSpotlight(yearDeps(spreadsheet));
    expect(again.added).toEqual([]);
    expect(tab.rows).toHaveLength(5);
  });
});
