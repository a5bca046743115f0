// Spotlight: celebrations harvested from filings, tests of change, step moves and run-chart signals.
import { describe, expect, it } from 'vitest';
import { harvestSpotlight } from '../../../shared/year/spotlight';

const dates = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `2026-${String(9 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')}`,
  );

describe('harvesting the spotlight', () => {
  const inputs = {
    filings: [
      {
        school: 'Maple Grove',
        title: 'Students cited evidence in every group',
        date: '2026-10-02',
        success: true,
        link: 'https://docs.google.com/document/d/abc',
      },
      { school: 'Cedar Ridge', title: 'Observation notes', date: '2026-10-03', success: false },
    ],
    changes: [
      {
        school: 'Linden Park',
        change: 'Sentence stems for claims',
        date: '2026-10-05',
        decision: 'adopt' as const,
      },
      {
        school: 'Linden Park',
        change: 'Exit tickets every day',
        date: '2026-10-06',
        decision: 'abandon' as const,
      },
    ],
    stepMoves: [{ school: 'Harbor View', toStep: '5 · Plan the work', date: '2026-10-07', cycle: 'Cycle 2' }],
    measures: [
      // Twelve points: six low, then six high: a shift above the median ending at point 12.
      {
        measure: 'Students citing evidence (%)',
        school: 'Maple Grove',
        dates: dates(12),
        points: [20, 22, 21, 23, 20, 22, 40, 42, 41, 45, 43, 44],
        better: 'up' as const,
      },
    ],
  };

  it('collects one dated item per celebration, newest first', () => {
    const items = harvestSpotlight(inputs);
    expect(items.map((i) => [i.date, i.kind, i.headline])).toEqual([
      [
        '2026-11-22',
        'run-chart-signal',
        'Maple Grove: Students citing evidence (%) has stayed above its median for 6 points in a row: a real improvement, not chance',
      ],
      ['2026-10-07', 'next-step', 'Harbor View moved on to step 5 · Plan the work of Cycle 2'],
      [
        '2026-10-05',
        'change-adopted',
        'Linden Park adopted a change after testing it: Sentence stems for claims',
      ],
      ['2026-10-02', 'success', 'Maple Grove: Students cited evidence in every group'],
    ]);
    expect(items[3]!.link).toBe('https://docs.google.com/document/d/abc');
    expect(new Set(items.map((i) => i.key)).size).toBe(4);
  });

  it('celebrates a signal only in the better direction, and keeps a week with a date window', () => {
    const worse = harvestSpotlight({ measures: [{ ...inputs.measures[0]!, better: 'down' }] });
    expect(worse.map((i) => i.headline)).toEqual([expect.stringMatching(/stayed below its median/)]);
    expect(harvestSpotlight(inputs, '2026-10-03', '2026-10-07').map((i) => i.kind)).toEqual([
      'next-step',
      'change-adopted',
    ]);
  });

  it('skips a measure whose dates do not line up with its points rather than misdating it', () => {
    expect(harvestSpotlight({ measures: [{ ...inputs.measures[0]!, dates: dates(11) }] })).toEqual([]);
  });
});
