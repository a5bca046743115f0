// The same ask again is linked to the first one instead of being counted twice.
import { describe, expect, it } from 'vitest';
import { triageAll } from '../../../shared/mandates/triage';

const first = {
  id: 'm1',
  date: '2025-02-03',
  subject: 'Title I family engagement budget plan',
  text: 'Principals must upload the Title I family engagement budget plan to the grants portal by February 14. The plan needs signatures from the school site council chair.',
};

describe('repeated asks', () => {
  it('links a reminder to the original request', () => {
    const [, reminder] = triageAll([
      first,
      {
        id: 'm2',
        date: '2025-02-11',
        subject: 'Reminder: Title I family engagement budget plan',
        text: 'Reminder: the Title I family engagement budget plan must be uploaded to the grants portal by February 14 with the site council chair signature.',
      },
    ]);
    expect(reminder?.repeatOf).toBe('m1');
  });

  it('links an extended deadline to the original request', () => {
    const [, extended] = triageAll([
      first,
      {
        id: 'm3',
        date: '2025-02-13',
        subject: 'Extended: Title I engagement budget plans',
        text: 'The deadline for the Title I family engagement budget plan has been extended to February 21. Upload the plan to the grants portal.',
      },
    ]);
    expect(extended?.repeatOf).toBe('m1');
  });

  it('links the same data asked for by another department', () => {
    const [, other] = triageAll([
      {
        id: 'm4',
        date: '2025-09-02',
        text: 'Office of Assessment: principals must submit the list of testing accommodations for students with IEPs and 504 plans by September 19.',
      },
      {
        id: 'm5',
        date: '2025-09-05',
        text: 'Special Education Department: please submit your list of testing accommodations for students with IEPs and 504 plans by September 19.',
      },
    ]);
    expect(other?.repeatOf).toBe('m4');
  });

  it('does not link unrelated asks', () => {
    const results = triageAll([
      first,
      {
        id: 'm6',
        date: '2025-02-05',
        text: 'Principals must complete fire drill logs in the safety system by February 28.',
      },
    ]);
    expect(results[1]?.repeatOf).toBeUndefined();
  });
});
