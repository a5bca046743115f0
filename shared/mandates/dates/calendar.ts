// Small calendar arithmetic for deadlines, in UTC day numbers so results never shift with the reader's
// time zone: ISO strings, month-days, day differences and the year a year-less date most likely means.

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export function dayNumber(x: YMD): number {
  return Math.floor(Date.UTC(x.y, x.m - 1, x.d) / 86_400_000);
}

export function fromDayNumber(n: number): YMD {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function isValid(x: YMD): boolean {
  if (x.m < 1 || x.m > 12 || x.d < 1 || x.d > 31 || x.y < 1900 || x.y > 2200) return false;
  const back = fromDayNumber(dayNumber(x));
  return back.m === x.m && back.d === x.d;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoOf(x: YMD): string {
  return `${x.y}-${pad(x.m)}-${pad(x.d)}`;
}

export function monthDayOf(x: { m: number; d: number }): string {
  return `${pad(x.m)}-${pad(x.d)}`;
}

/** Parse "2024-03-05" or "2024-03-05T10:00:00Z" (the date part only); undefined when not a real date. */
export function parseIsoDate(text: string | undefined): YMD | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text.trim());
  if (!m) return undefined;
  const x = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValid(x) ? x : undefined;
}

/**
 * The year a month-day without a year most likely means, seen from the day the message was sent:
 * the nearest occurrence, leaning forward (mail mostly announces what is coming) but keeping dates a few
 * weeks back in the same year ("applications opened on 2 September" in a bulletin of 10 September).
 */
export function nearestYear(md: { m: number; d: number }, sent: YMD): number {
  const sentDay = dayNumber(sent);
  let best = sent.y;
  let bestCost = Infinity;
  for (const y of [sent.y - 1, sent.y, sent.y + 1]) {
    const candidate = { y, m: md.m, d: md.d };
    if (!isValid(candidate)) continue;
    const diff = dayNumber(candidate) - sentDay;
    const cost = diff < 0 ? -diff * 3 : diff;
    if (cost < bestCost) {
      bestCost = cost;
      best = y;
    }
  }
  return best;
}

export function twoDigitYear(y: number): number {
  return y < 100 ? (y < 70 ? 2000 + y : 1900 + y) : y;
}
