// A weekly bulletin is several items: each is triaged, and the bulletin takes the most demanding tier.
import { describe, expect, it } from 'vitest';
import { triage } from '../../../shared/mandates/triage';

describe('bulletins', () => {
  it('splits a list of upcoming dates into items, each triaged', () => {
    const t = triage({
      id: 'b1',
      date: '2025-01-06',
      text: [
        'Key dates for school leaders this month',
        'January 10 · Winter data review: principals must submit the attendance audit in the SIS',
        'January 15 · Optional book study kickoff for interested leaders',
        'January 22 · Board meeting (information only)',
        'January 29 · Nominations for the family engagement award are welcome',
      ].join('\n'),
    });
    expect(t.items).toHaveLength(4);
    expect(t.items?.[0]?.tier).toBe('must_do');
    expect(t.items?.[0]?.id).toBe('b1#1');
    expect(t.tier).toBe('must_do');
    expect(t.deadlines.map((d) => d.monthDay)).toContain('01-10');
  });

  it('pairs each row of an action table with the date under it', () => {
    const t = triage({
      id: 'b2',
      date: '2025-06-02',
      text: [
        'Please submit the end-of-year inventory using the facilities form',
        '13th June',
        'Share the summer reading flyer with families if you wish',
        '20th June',
        'Submit the incident log to the safeguarding team',
        'Weekly for all settings',
      ].join('\n'),
    });
    expect(t.items?.length).toBe(3);
    expect(t.items?.[0]?.deadlines).toContainEqual(
      expect.objectContaining({ monthDay: '06-13', kind: 'due' }),
    );
    expect(t.items?.[1]?.tier).toBe('action');
  });

  it('takes the most demanding tier even when it is the last item', () => {
    const t = triage({
      id: 'b3',
      date: '2025-02-03',
      text: [
        '- Library week poster contest, results announced Feb. 10',
        '- New cafeteria menu posted, effective Feb. 12',
        '- Spring testing window, opens Feb. 24',
        '- Principals must certify testing staff training, due Feb. 20',
      ].join('\n'),
    });
    expect(t.items?.map((i) => i.tier)).toEqual(['fyi', 'fyi', 'fyi', 'must_do']);
    expect(t.tier).toBe('must_do');
  });

  it('reads the date heading a line that asks something as its due date', () => {
    const t = triage({
      id: 'b5',
      date: '2026-11-16',
      text: [
        'Upcoming dates for school leaders',
        'November 20: Principals should attend the fall data review at the district office',
        'December 1: Principals must submit the staffing plan in the HR portal',
        'December 3 - Principals submit the winter testing roster',
        'December 8: Winter concert rehearsal at Lincoln Hall',
      ].join('\n'),
    });
    const [review, staffing, roster, concert] = t.items ?? [];
    expect(staffing?.deadlines).toEqual([
      { monthDay: '12-01', date: '2026-12-01', text: 'December 1', kind: 'due' },
    ]);
    expect(staffing?.tier).toBe('must_do');
    expect(roster?.deadlines[0]?.kind).toBe('due');
    expect(roster?.tier).toBe('must_do');
    // Attending is taking part in the event on its date; a line that asks nothing keeps its date an event.
    expect(review?.deadlines[0]?.kind).toBe('event');
    expect(concert?.deadlines[0]?.kind).toBe('event');
    expect(t.leadTimeDays).toBe(15);
  });

  it('leaves an ordinary memo whole', () => {
    const t = triage({
      id: 'b4',
      text: 'Please review the attached safety plan with your leadership team before the next meeting.',
    });
    expect(t.items).toBeUndefined();
  });
});
