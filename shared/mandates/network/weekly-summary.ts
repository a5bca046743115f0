// The ILD's weekly summary sections from the tracker: the next network meeting (Meetings tab), the week's
// visits (Visits tab) and what to celebrate (Spotlight tab), for buildWeeklyDigest. A row whose date cannot
// be read is named and left out.
import type { CellValue } from '../../schema/sheet';
import { addDays, type DigestWindow } from '../digest/digest';
import { cellDay, cellProblem, cellText, readRows, type SheetValues } from './sheet-rows';
import type { Celebration, NetworkMeeting, WeekVisit } from './weekly-digest';

export function summaryFromTracker(
  tabs: { meetings?: SheetValues; visits?: SheetValues; spotlight?: SheetValues },
  window: DigestWindow,
): { nextMeeting?: NetworkMeeting; visits: WeekVisit[]; spotlight: Celebration[]; problems: string[] } {
  const problems: string[] = [];
  const to = addDays(window.from, window.days - 1);
  const dated = <T>(
    key: 'meetings' | 'visits' | 'spotlight',
    values: SheetValues | undefined,
    make: (r: Record<string, CellValue>, day: string) => T,
  ) => {
    const { tab, rows } = readRows(key, values);
    const out: T[] = [];
    for (const { row, record } of rows) {
      const raw = cellText(record.date);
      const day = cellDay(record.date);
      if (!day) {
        if (raw)
          problems.push(cellProblem(tab, row, 'date', `"${raw}" is not a date; left out of the summary.`));
        continue;
      }
      out.push(make(record, day));
    }
    return out;
  };
  const meetings = dated('meetings', tabs.meetings, (r, date) => {
    const topic = cellText(r.topic);
    const host = cellText(r.host);
    return {
      date,
      title: topic ? `Network meeting: ${topic}` : 'Network meeting',
      ...(host && { where: `hosted by ${host}` }),
    } satisfies NetworkMeeting;
  })
    .filter((m) => m.date >= window.from)
    .sort((a, b) => a.date.localeCompare(b.date));
  const visits = dated('visits', tabs.visits, (r, date) => {
    const number = cellText(r.number);
    const cycle = cellText(r.cycle);
    return {
      date,
      school: cellText(r.hostSchool) || 'a school not named',
      ...(number && { visit: /^\d+$/.test(number) ? `Visit ${number}` : number }),
      ...(cycle && { cycle }),
    } satisfies WeekVisit;
  }).filter((v) => v.date >= window.from && v.date <= to);
  const spotlight = dated('spotlight', tabs.spotlight, (r, date): Celebration | undefined => {
    const celebration = cellText(r.celebration);
    const school = cellText(r.school);
    return celebration ? { date, celebration, ...(school && { school }) } : undefined;
  }).filter((c): c is Celebration => c !== undefined && c.date >= window.from && c.date <= to);
  return { ...(meetings[0] && { nextMeeting: meetings[0] }), visits, spotlight, problems };
}
