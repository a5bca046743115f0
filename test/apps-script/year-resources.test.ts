// The resource binder over the typed fakes: a principal's request lands in the Resources tab, due by the
// next meeting, in one append; each principal sees their own requests and their status.
import { describe, expect, it } from 'vitest';
import { askForResource, lookAtResources } from '../../apps-script/year/resources';
import { requestsOf } from '../../shared/year-tabs/resources';
import { callsPerTab, yearDeps, yearSpreadsheet } from './year-network';

const network = () =>
  yearSpreadsheet({
    schools: [{ name: 'Maple Grove K-8' }, { name: 'Harborview K-8' }],
    meetings: [
      { date: '2026-11-17', host: 'Harborview K-8' },
      { date: '2026-12-15', host: 'Maple Grove K-8' },
      { date: '2027-01-12', host: 'Linden Park K-8' },
    ],
    resources: [
      {
        request: 'The ELA binder',
        school: 'Maple Grove K-8',
        askedOn: '2026-11-02',
        status: 'ready',
        link: 'https://drive.google.com/file/d/abc',
      },
      { request: 'Sub coverage', school: 'Harborview K-8', askedOn: '2026-11-03', status: 'brokering' },
    ],
  });

describe('the resource binder', () => {
  it('adds a principal’s request as asked, due by the next meeting, in one read and one write', () => {
    const spreadsheet = network();
    const message = askForResource(
      yearDeps(spreadsheet),
      'maple grove k-8',
      'The binder the curriculum office made for Ms. Rosario',
      'Grade 3 team',
    );

    expect(message).toContain('due by the next meeting on 2026-12-15');
    const rows = spreadsheet.tab('Resources').rows;
    expect(rows).toHaveLength(4);
    const header = rows[0]!;
    const added = Object.fromEntries(header.map((h, i) => [h, rows[3]![i]]));
    expect(added).toMatchObject({
      Request: 'The binder the curriculum office made for Ms. Rosario',
      'For whom': 'Grade 3 team',
      'Asked by': 'Maple Grove K-8',
      'Asked on': '2026-12-04',
      Status: 'asked',
      Due: '2026-12-15',
    });
    const per = callsPerTab(spreadsheet);
    expect(per.get('Resources')).toEqual({ reads: 1, writes: 1 });
    expect(spreadsheet.log.readsBeforeWrites()).toBe(true);
  });

  it('refuses a school that is not on the Schools tab and writes nothing', () => {
    const spreadsheet = network();
    expect(() => askForResource(yearDeps(spreadsheet), 'Nowhere K-8', 'Anything', '')).toThrow(
      /“Nowhere K-8” is not on the Schools tab.*Nothing was written/,
    );
    expect(spreadsheet.log.writes()).toEqual([]);
  });

  it('shows each principal the status of their own requests', () => {
    const look = lookAtResources(yearDeps(network()));
    expect(look.schools).toEqual(['Maple Grove K-8', 'Harborview K-8']);
    expect(look.nextMeeting).toBe('2026-12-15');
    expect(requestsOf(look.requests, 'Maple Grove K-8').map((r) => [r.request, r.status, r.link])).toEqual([
      ['The ELA binder', 'ready', 'https://drive.google.com/file/d/abc'],
    ]);
  });
});
