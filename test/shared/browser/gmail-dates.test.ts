import { describe, expect, it } from 'vitest';
import { plainSpaces, readGmailDate } from '../../../shared/browser/gmail-dates';

describe("Gmail's date text", () => {
  it('reads the US form with the narrow no-break space Gmail puts before AM/PM', () => {
    expect(readGmailDate('Mon, Nov 3, 2025, 9:14\u202fAM')).toEqual({
      text: 'Mon, Nov 3, 2025, 9:14 AM',
      local: '2025-11-03T09:14',
    });
    expect(readGmailDate('Tue, Nov 4, 2025, 1:47\u202fPM').local).toBe('2025-11-04T13:47');
  });

  it('reads noon and midnight the way a clock does', () => {
    expect(readGmailDate('Nov 3, 2025, 12:05 PM').local).toBe('2025-11-03T12:05');
    expect(readGmailDate('Nov 3, 2025, 12:05 AM').local).toBe('2025-11-03T00:05');
  });

  it('reads long month names, "at", and the day-first 24-hour form', () => {
    expect(readGmailDate('Monday, November 3, 2025 at 9:14\u202fAM').local).toBe('2025-11-03T09:14');
    expect(readGmailDate('Mon, 3 Nov 2025, 21:14').local).toBe('2025-11-03T21:14');
    expect(readGmailDate('3 Sept 2025, 08:00').local).toBe('2025-09-03T08:00');
    // Where another language abbreviates the month the English way, the date still reads right.
    expect(readGmailDate('lun. 3 nov. 2025, 09:14').local).toBe('2025-11-03T09:14');
  });

  it('keeps the text but gives no date when it cannot be sure', () => {
    expect(readGmailDate('3. listopadu 2025 9:14').local).toBeUndefined();
    expect(readGmailDate('Feb 30, 2025, 9:00 AM').local).toBeUndefined();
    expect(readGmailDate('Nov 3, 2025, 13:00 PM').local).toBeUndefined();
    expect(readGmailDate('9:14 AM (2 days ago)').local).toBeUndefined();
  });

  it('makes special spaces plain', () => {
    expect(plainSpaces(' a\u00a0b\u202fc\u2009 d ')).toBe('a b c d');
  });
});
