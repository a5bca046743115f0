// Deadlines as a principal reads them: a due date is not an event date nor the opening of a window, and
// relative deadlines are worked out from the message date or the event they hang on.
import { describe, expect, it } from 'vitest';
import { triage } from '../../../shared/mandates/triage';

const memo = (text: string, date = '2025-03-03') => triage({ id: 'd', date, text });
const kinds = (text: string, date?: string) =>
  memo(text, date).deadlines.map((d) => `${d.kind}:${d.monthDay}`);

describe('deadlines', () => {
  it('keeps a meeting date apart from the RSVP deadline', () => {
    const t = memo(
      'The spring leadership meeting will be held on Thursday, April 17 at the Garfield Center. ' +
        'Please confirm your attendance by March 28.',
    );
    expect(t.deadlines).toContainEqual(
      expect.objectContaining({ kind: 'event', monthDay: '04-17', date: '2025-04-17' }),
    );
    expect(t.deadlines).toContainEqual(
      expect.objectContaining({ kind: 'due', monthDay: '03-28', date: '2025-03-28' }),
    );
    expect(t.deadlines.filter((d) => d.kind === 'due').map((d) => d.monthDay)).not.toContain('04-17');
  });

  it('reads a registration window as a start and an end, not two due dates', () => {
    expect(
      kinds('Registration for the summer institute is open from April 1 to April 25. Sign up early.'),
    ).toEqual(['window_start:04-01', 'window_end:04-25']);
  });

  it('marks the day a portal opens as a window start', () => {
    expect(kinds('The nomination portal opens on May 5 for all campuses.')).toEqual(['window_start:05-05']);
  });

  it('works out "two weeks before the event" from the event date', () => {
    const t = memo(
      'The district science fair takes place on May 20, 2025. Schools must register their teams two weeks before the event.',
    );
    expect(t.deadlines).toContainEqual(
      expect.objectContaining({ kind: 'due', date: '2025-05-06', monthDay: '05-06' }),
    );
    expect(t.relativeDeadlines?.[0]).toMatchObject({ offsetDays: -14, date: '2025-05-06' });
  });

  it('works out "within 10 days of receipt" from the message date', () => {
    const t = memo(
      'Principals must return the signed assurance form within 10 days of receipt of this memo.',
      '2025-09-02',
    );
    expect(t.deadlines).toContainEqual(expect.objectContaining({ kind: 'due', date: '2025-09-12' }));
  });

  it('keeps a relative deadline it cannot date as a rule, without inventing a date', () => {
    const t = memo('Field trip requests must be filed at least one week in advance of the trip.');
    expect(t.relativeDeadlines?.[0]).toMatchObject({ offsetDays: -7 });
    expect(t.relativeDeadlines?.[0]?.date).toBeUndefined();
  });

  it('resolves "by Friday" against the day the message was sent', () => {
    expect(memo('Please send your staffing projections by Friday.', '2025-03-04').deadlines).toContainEqual(
      expect.objectContaining({ kind: 'due', date: '2025-03-07' }),
    );
  });

  it('reads 12/01/26 as 12 January when the message was sent in November', () => {
    expect(memo('Return the moderation form By 12/01/26', '2025-11-20').deadlines[0]).toMatchObject({
      date: '2026-01-12',
      kind: 'due',
    });
  });

  it('computes the lead time from sending to the first due date', () => {
    expect(memo('The compliance checklist is due tomorrow, March 4.', '2025-03-03').leadTimeDays).toBe(1);
  });

  it('does not take the memo header date for a deadline', () => {
    expect(
      kinds('Date: March 3, 2025\nTO: Principals\nThe audit report is due April 2.', '2025-03-03'),
    ).toEqual(['due:04-02']);
  });
});
