// Refresh tracker's plan from a snapshot of the tabs: the Schools cells it writes (and only those), the IPOP
// check reading the row's theory of action and evidence, and the dashboard's counts.
import { describe, expect, it } from 'vitest';
import { tabByKey, type CellValue, type TabKey } from '../../../shared/schema/sheet';
import { planRefresh } from '../../../shared/tracker/refresh';
import type { TabSnapshot } from '../../../shared/tracker/table';

const headers = (key: TabKey) => tabByKey(key).columns.map((c) => c.header);
function tab(key: TabKey, rows: Record<string, CellValue>[], extra: string[] = []): TabSnapshot {
  const header = [...headers(key), ...extra];
  return { name: tabByKey(key).name, values: [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))] };
}

const QUESTION = 'How do students explain their reasoning about fractions in math discussions?';

describe('the Refresh plan', () => {
  it('the IPOP check reads the row’s own theory of action and evidence sources', () => {
    const plan = planRefresh(
      [
        tab('schools', [
          { School: 'Alder', 'IPOP question': QUESTION },
          {
            School: 'Birch',
            'IPOP question': QUESTION,
            'Theory of action':
              'If the principal models talk moves, then teachers will ask for reasons, which will result in students justifying answers.',
            'Evidence sources': 'fall math interim; three learning walks',
          },
        ]),
      ],
      '2026-12-04',
      () => 'id',
    );
    const block = plan.schools!.derived[0]!;
    const checkAt = headers('schools').indexOf('IPOP check') - block.column;
    expect(block.values[0]![checkAt]).toBe('5/7 — needs: grounded in data; connected to a strategy');
    expect(block.values[1]![checkAt]).toBe('7/7');
    expect(plan.schools!.checkNotes!.notes[1]![0]).toMatch(/^✓ Worded as a question/);
  });

  it('writes only the columns Rounds works out, as one block, and never the network’s own columns', () => {
    const plan = planRefresh(
      [tab('schools', [{ School: 'Alder', Coach: 'Ms. Ortiz' }], ['Coach'])],
      '2026-12-04',
      () => 'id',
    );
    const derived = plan.schools!.derived;
    expect(derived).toHaveLength(1);
    const written = headers('schools').slice(
      derived[0]!.column,
      derived[0]!.column + derived[0]!.values[0]!.length,
    );
    expect(written).toEqual([
      'IPOP check',
      'Last filing',
      'Last visit',
      'Last ILD contact',
      'Support flag',
      'Open actions',
      'Next action due',
    ]);
    // A row typed by hand gets a stable Rounds ID, in one write over the id column.
    expect(plan.schools!.ids).toEqual({ row: 2, column: 0, values: [['id']] });
  });

  it('counts schools per step and filings per week on the dashboard', () => {
    const plan = planRefresh(
      [
        tab('schools', [
          { School: 'Alder', Step: '4 — Examine practice at the school level' },
          { School: 'Birch', Step: 4 },
          { School: 'Cedar' },
        ]),
        tab('filings', [
          { 'Filed at': '2026-12-01T09:00:00Z', School: 'Alder' },
          { 'Filed at': '2026-12-03', School: 'Birch' },
          { 'Filed at': '2026-11-24', School: 'Birch' },
        ]),
      ],
      '2026-12-04',
      () => 'id',
    );
    const rows = plan.dashboard.values;
    expect(rows[6]!.slice(0, 2)).toEqual(['4 — Examine practice at the school level', 2]);
    expect(rows[11]!.slice(0, 2)).toEqual(['Step not set', 1]);
    const week = (w: string) => rows.find((r) => r[3] === w)?.[4];
    expect(week('2026-11-30')).toBe(2);
    expect(week('2026-11-23')).toBe(1);
    expect(plan.dashboard.charts.map((c) => c.a1)).toEqual(['A3:B12', 'D3:E29', 'G3:I15']);
  });

  it('counts a filing that names its school by Rounds ID (as the extension may) for that school', () => {
    const plan = planRefresh(
      [
        tab('schools', [
          { 'Rounds ID': 'maple-grove', School: 'Maple Grove K-8' },
          { 'Rounds ID': 'harborview', School: 'Harborview K-8' },
        ]),
        tab('filings', [
          { 'Filed at': '2026-12-02', School: 'maple-grove' },
          { 'Filed at': '2026-11-20', School: 'Harborview K-8' },
        ]),
      ],
      '2026-12-04',
      () => 'id',
    );
    const block = plan.schools!.derived[0]!;
    const lastFiling = headers('schools').indexOf('Last filing') - block.column;
    expect(block.values.map((r) => r[lastFiling])).toEqual(['2026-12-02', '2026-11-20']);
  });
});
