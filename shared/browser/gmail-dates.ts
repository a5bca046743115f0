// Gmail shows a message's date as localized text with no time zone ("Mon, Nov 3, 2025, 9:14 AM", with a
// narrow no-break space before AM); this reads the English forms into a local date-time, or says it can't.

export interface GmailDate {
  /** The text as shown, with Gmail's special spaces made plain. */
  text: string;
  /** `YYYY-MM-DDTHH:mm` in the reader's own time zone (Gmail gives none), when the text could be read. */
  local?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** U+202F (before AM/PM since ICU 72), U+00A0 and thin spaces all become a plain space. */
export function plainSpaces(text: string): string {
  return text
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1]!;
}

/**
 * Reads "Mon, Nov 3, 2025, 9:14 AM", "Monday, November 3, 2025 at 9:14 AM", "3 Nov 2025, 09:14" and the
 * like. Other locales keep their text and get no `local`: a wrong date is worse than none.
 */
export function readGmailDate(raw: string): GmailDate {
  const text = plainSpaces(raw);
  const result: GmailDate = { text };
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?=[\s,]|$)/i.exec(text);
  const year = /\b(\d{4})\b/.exec(text);
  const time = /\b(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([ap])\.?\s?m\.?)?(?=[\s,]|$)/i.exec(text);
  if (!month || !year) return result;
  // The day is the 1-2 digit number that is neither the year nor part of the time.
  const withoutTime = time ? text.replace(time[0], ' ') : text;
  const day = /(?<![\d:])(\d{1,2})(?![\d:])/.exec(withoutTime.replace(year[1]!, ' '));
  if (!day) return result;

  const m = MONTHS.indexOf(month[1]!.toLowerCase()) + 1;
  const y = Number(year[1]);
  const d = Number(day[1]);
  if (d < 1 || d > daysIn(y, m)) return result;

  let hours = 0;
  let minutes = 0;
  if (time) {
    hours = Number(time[1]);
    minutes = Number(time[2]);
    const half = time[3]?.toLowerCase();
    if (half) {
      if (hours < 1 || hours > 12) return result;
      hours = (hours % 12) + (half === 'p' ? 12 : 0);
    }
    if (hours > 23 || minutes > 59) return result;
  }
  result.local = `${y}-${pad(m)}-${pad(d)}T${pad(hours)}:${pad(minutes)}`;
  return result;
}
