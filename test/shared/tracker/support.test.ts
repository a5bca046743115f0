// Support consistency in the core: reading dates people type, a request for support as a Contacts row,
// settings with bad values, and who gets flagged when support fades.
import { describe, expect, it } from 'vitest';
import { stepOf } from '../../../shared/tracker/activity';
import { tabByKey } from '../../../shared/schema/sheet';
import { planRefresh } from '../../../shared/tracker/refresh';
import { supportFlag, supportRequestRow } from '../../../shared/tracker/support';
import { cellAddress, parseDay, weekOf } from '../../../shared/tracker/table';

const headers = (key: Parameters<typeof tabByKey>[0]) => tabByKey(key).columns.map((c) => c.header);

describe('dates as people type them in a sheet', () => {
  it.each([
    ['2026-11-03', '2026-11-03'],
    ['2026-11-03T14:05:00Z', '2026-11-03'],
    ['11/3/2026', '2026-11-03'],
    ['3 Nov 2026', '2026-11-03'],
    ['November 3, 2026', '2026-11-03'],
    [46329, '2026-11-03'],
  ])('%s is %s', (typed, day) => expect(parseDay(typed)).toBe(day));

  it.each(['last Tuesday', '2026-02-30', '13/45/2026', '', 'TBD'])('“%s” is not a date', (typed) =>
    expect(parseDay(typed)).toBeNull(),
  );

  it('names cells the way Sheets does, quoting tab names with spaces', () => {
    expect(cellAddress('Filings', 14, 1)).toBe('Filings!B14');
    expect(cellAddress('Action plans', 2, 27)).toBe("'Action plans'!AB2");
  });

  it('weeks start on Monday', () => expect(weekOf('2026-12-06')).toBe('2026-11-30'));

  it('a step reads from its number however it was typed', () => {
    expect([4, '4', 'Step 4', '4 — Examine practice', 'four', 9, '14'].map(stepOf)).toEqual([
      4,
      4,
      4,
      4,
      null,
      null,
      null,
    ]);
  });
});

describe('a principal asking for support', () => {
  it('becomes a Contacts row of kind “asked”, laid out under the sheet’s own header order', () => {
    const header = ['Note', ...headers('contacts').filter((h) => h !== 'Note'), 'Our column'];
    const row = supportRequestRow(header, {
      id: 'req-1',
      principal: 'R. Diaz',
      school: 'Alder K-8',
      on: '2026-12-04',
      by: 'rdiaz@district.example',
      note: 'Help with benchmark data',
    });
    expect(row).toHaveLength(header.length);
    expect(row[0]).toBe('Help with benchmark data');
    expect(row[header.indexOf('Kind')]).toBe('asked');
    expect(row[header.indexOf('Principal')]).toBe('R. Diaz');
    expect(row[header.indexOf('Date')]).toBe('2026-12-04');
    expect(row[header.indexOf('Our column')]).toBe('');
  });

  it('without a principal or a real day it is refused with what is missing', () => {
    expect(() =>
      supportRequestRow(headers('contacts'), { id: 'x', principal: ' ', school: 'A', on: 'today', by: '' }),
    ).toThrow('A request for support needs the principal, the day (YYYY-MM-DD).');
  });
});

describe('support that fades', () => {
  it('flags a principal after the set number of weeks, and one never supported', () => {
    expect(supportFlag('2026-11-20', '2026-12-04', 3)).toBe('');
    expect(supportFlag('2026-11-13', '2026-12-04', 3)).toBe('Not supported for 3 weeks');
    expect(supportFlag(null, '2026-12-04', 3)).toBe('Not supported yet');
  });

  it('a request alone is not support, and the dashboard shows each principal’s months thinning out', () => {
    const table = (key: Parameters<typeof tabByKey>[0], rows: Record<string, string>[]) => ({
      name: tabByKey(key).name,
      values: [headers(key), ...rows.map((r) => headers(key).map((h) => r[h] ?? ''))],
    });
    const plan = planRefresh(
      [
        table('schools', [
          { School: 'Alder K-8', Principal: 'R. Diaz' },
          { School: 'Birch', Principal: 'K. Lee' },
        ]),
        table('contacts', [
          { Principal: 'R. Diaz', Date: '2026-09-10', Kind: 'visit' },
          { Principal: 'R. Diaz', Date: '2026-10-02', Kind: '1:1' },
          { Principal: 'R. Diaz', Date: '2026-12-01', Kind: 'asked' },
          { School: 'Birch', Date: '2026-11-28', Kind: 'call' },
        ]),
        table('settings', [{ Setting: 'Flag principals not supported for (weeks)', Value: '4' }]),
      ],
      '2026-12-04',
      () => 'id',
    );
    expect(plan.settings.supportWeeks).toBe(4);
    expect(plan.flagged).toEqual([
      expect.objectContaining({
        school: 'Alder K-8',
        flag: 'Not supported for 9 weeks',
        lastSupported: '2026-10-02',
      }),
    ]);
    const byPrincipal = plan.dashboard.values.find((r) => r[10] === 'R. Diaz (Alder K-8)')!;
    // The last twelve months end with 2026-12: September 1, October 1, then nothing.
    expect(byPrincipal.slice(11)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
    expect(plan.settingsRows?.block.values.map((r) => r[1])).toEqual([
      'Stale after (days)',
      'District domains',
      'Central offices',
      'Central-office senders',
    ]);
  });
});
