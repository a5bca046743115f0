// Recognises a bulletin that carries many items (a list of upcoming dates, a bulletin's action table, a
// table of contents) and cuts it into those items, so each can be triaged on its own.

/** One item cut from a bulletin. */
export interface BulletinPart {
  title: string;
  text: string;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
/** A line that starts with a date: "January 20 · Test coordinator training", "07 May 2009 ...". */
const LEADING_DATE = new RegExp(
  `^(?:[-•*·●Ø]\\s*)?${WEEKDAY}(?:${MONTH}\\s+${DAY}|${DAY}\\s+${MONTH}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)\\b`,
  'i',
);
/** A list line that ends with its date: "- Graduation Reporting, due Oct. 31". */
const TRAILING_DUE = new RegExp(
  `[\\s,:·-]${WEEKDAY}(?:${MONTH}\\s+${DAY}|${DAY}\\s+${MONTH}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)\\b[^a-z]{0,12}(?:\\(reminder\\))?\\s*$`,
  'i',
);
/** A line that is only a date or a frequency: the right-hand cell of an action table. */
const DATE_ONLY = new RegExp(
  `^(?:(?:by|on|extended to|due)\\s+)?${WEEKDAY}(?:${DAY}\\s+${MONTH}|${MONTH}\\s+${DAY}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)(?:,?\\s+\\d{4})?\\s*$|^(?:daily|weekly|fortnightly|monthly|termly)\\b.{0,40}$`,
  'i',
);
/** A trailing date has digits in the line's last 50 characters (a date, a few marks, "(reminder)"). */
function endsWithDate(line: string): boolean {
  return /\d/.test(line.slice(-50)) && TRAILING_DUE.test(line);
}
const BULLET = /^(?:[•*·●Ø▪◦-]|\d{1,2}[.)])\s+/;

/** The items of a bulletin, or undefined when the message is a single item. */
export function splitBulletin(text: string): BulletinPart[] | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length < 3) return undefined;
  return datedList(lines) ?? actionTable(lines) ?? contents(lines);
}

const DIGIT = /\d/;

function datedList(lines: string[]): BulletinPart[] | undefined {
  // Every dated line has a digit: most messages are prose and have too few such lines to be a list.
  const enough = (n: number) => n >= 3 && n >= lines.length * 0.4;
  if (!enough(lines.filter((l) => l.length <= 200 && DIGIT.test(l)).length)) return undefined;
  const dated = lines.filter((l) => l.length <= 200 && (LEADING_DATE.test(l) || endsWithDate(l)));
  if (dated.length < 3 || dated.length < lines.length * 0.4) return undefined;
  return dated.map((l) => ({ title: l.replace(BULLET, ''), text: l.replace(BULLET, '') }));
}

function actionTable(lines: string[]): BulletinPart[] | undefined {
  const dateLines = lines.filter((l) => l.length <= 50 && DATE_ONLY.test(l));
  if (dateLines.length < 2) return undefined;
  const parts: BulletinPart[] = [];
  let body: string[] = [];
  let dates: string[] = [];
  const flush = () => {
    if (body.length === 0 && dates.length === 0) return;
    if (body.length === 0 && parts.length > 0) {
      // A second date cell for the previous row ("Secondary data ... 17th July ... 16th August").
      const last = parts[parts.length - 1] as BulletinPart;
      last.text += '\n' + dates.join('\n');
    } else {
      const title = body[0] ?? dates[0] ?? '';
      parts.push({ title, text: [...body, ...dates].join('\n') });
    }
    body = [];
    dates = [];
  };
  for (const line of lines) {
    if (line.length <= 50 && DATE_ONLY.test(line)) {
      // The date cell of an action table is when the row is due: "13th June" reads as "By 13th June".
      dates.push(
        /^(?:by|on|due|extended|daily|weekly|fortnightly|monthly|termly)\b/i.test(line) ? line : `By ${line}`,
      );
      continue;
    }
    if (dates.length > 0) flush();
    body.push(line);
  }
  flush();
  return parts.length >= 2 ? parts : undefined;
}

function contents(lines: string[]): BulletinPart[] | undefined {
  const bullets = lines.filter((l) => BULLET.test(l) && l.length <= 110);
  if (bullets.length < 6) return undefined;
  const total = lines.reduce((n, l) => n + l.length, 0);
  const long = lines.filter((l) => l.length > 110).reduce((n, l) => n + l.length, 0);
  // Item bodies present means a memo with a list in it, not a table of contents.
  if (long > total * 0.15) return undefined;
  return bullets.map((l) => ({ title: l.replace(BULLET, ''), text: l.replace(BULLET, '') }));
}
