// The network's year as the ILD describes it to the visit planner — when meetings start, how often, how many
// rounds of buddy visits, and each school's strengths, needs and unavailable dates — checked with messages
// that name the school and the field, so a hand-written NETWORK.json or a sheet row can be fixed.
import * as v from 'valibot';
import { isCalendarDate } from './calendar-dates';

export const LIMITS = { schools: 3_000, meetings: 400, rounds: 52, cadenceDays: 366, tags: 50, text: 500 };

const text = (what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.maxLength(LIMITS.text, `${what} is longer than ${LIMITS.text} characters`),
  );
const calendarDate = (what: string) =>
  v.pipe(
    v.string(`${what} must be a date written YYYY-MM-DD`),
    v.check(isCalendarDate, (issue) => `${what} ${JSON.stringify(issue.input)} is not a date (YYYY-MM-DD)`),
  );
const tags = (what: string) =>
  v.optional(
    v.pipe(
      v.array(text(`each of ${what}`), `${what} must be a list of words, like ["student discourse"]`),
      v.maxLength(LIMITS.tags, `${what} has more than ${LIMITS.tags} entries`),
    ),
    [],
  );
const count = (what: string, min: number, max: number) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.integer(`${what} must be a whole number`),
    v.minValue(min, `${what} must be at least ${min}`),
    v.maxValue(max, `${what} must be at most ${max}`),
  );

const SchoolSchema = v.looseObject({
  id: v.pipe(
    v.union([v.string(), v.number()], '"id" must be text'),
    v.transform(String),
    v.check((id) => id.trim() !== '', '"id" must not be empty'),
  ),
  name: v.pipe(
    text('"name"'),
    v.check((n) => n.trim() !== '', '"name" must not be empty'),
  ),
  level: v.optional(text('"level"'), ''),
  ipop: v.optional(text('"ipop"'), ''),
  strengths: tags('"strengths"'),
  needs: tags('"needs"'),
  unavailable: v.optional(
    v.array(calendarDate('each unavailable date'), '"unavailable" must be a list of dates'),
    [],
  ),
});

const NetworkYearSchema = v.looseObject({
  start: calendarDate('"start"'),
  meetings: count('"meetings"', 0, LIMITS.meetings),
  cadenceDays: v.optional(count('"cadenceDays"', 1, LIMITS.cadenceDays), 14),
  rounds: v.optional(count('"rounds"', 0, LIMITS.rounds), 0),
  schools: v.pipe(
    v.array(SchoolSchema, '"schools" must be a list of schools'),
    v.minLength(1, '"schools" is empty: the network needs at least one school'),
    v.maxLength(LIMITS.schools, `"schools" has more than ${LIMITS.schools} schools`),
  ),
});

export type NetworkSchool = v.InferOutput<typeof SchoolSchema>;
export type NetworkYear = v.InferOutput<typeof NetworkYearSchema>;
/** What a caller may pass: ids may be numbers, lists may be left out. */
export type NetworkYearInput = v.InferInput<typeof NetworkYearSchema>;

export type ReadNetworkYear = { ok: true; year: NetworkYear } | { ok: false; problems: string[] };

/** Checks a parsed NETWORK.json (or rows gathered from the sheet); every problem is listed, none fixed silently. */
export function readNetworkYear(value: unknown): ReadNetworkYear {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      problems: [
        'the network should be a JSON object like {"start": "2026-09-01", "meetings": 18, "schools": [...]}',
      ],
    };
  const parsed = v.safeParse(NetworkYearSchema, value);
  if (!parsed.success) {
    const schools = (value as { schools?: unknown }).schools;
    // One line per problem: a school that is not an object is named once, not once per missing field.
    const problems = [...new Set(parsed.issues.map((issue) => describe(issue, schools)))];
    return { ok: false, problems: problems.slice(0, 20) };
  }
  const year = parsed.output;
  const problems: string[] = [];
  const firstRow = new Map<string, number>();
  year.schools.forEach((school, i) => {
    const earlier = firstRow.get(school.id);
    if (earlier !== undefined)
      problems.push(
        `school ${i + 1} (${school.name}): id ${JSON.stringify(school.id)} is already used by school ${earlier + 1}`,
      );
    else firstRow.set(school.id, i);
  });
  if (year.rounds > 0 && year.schools.length < 2)
    problems.push('buddy visits need at least two schools: set "rounds" to 0 or add a school');
  return problems.length ? { ok: false, problems } : { ok: true, year };
}

/** `school 3 (Maple Grove K-8): each unavailable date "2027-02-30" is not a date (YYYY-MM-DD)`. */
function describe(issue: v.BaseIssue<unknown>, schools: unknown): string {
  const path = issue.path ?? [];
  const where: string[] = [];
  if (path[0]?.key === 'schools' && typeof path[1]?.key === 'number') {
    const index = path[1].key;
    const school = Array.isArray(schools) ? (schools[index] as { name?: unknown } | undefined) : undefined;
    const name = typeof school?.name === 'string' && school.name.trim() ? ` (${school.name.trim()})` : '';
    where.push(`school ${index + 1}${name}`);
    const raw: unknown = Array.isArray(schools) ? schools[index] : undefined;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return `${where[0]}: should be an object like {"id": "...", "name": "..."}`;
  }
  const missing = issue.kind === 'schema' && issue.received === 'undefined' && path.length;
  if (missing) {
    const key = String(path[path.length - 1]!.key);
    return [...where, `"${key}" is missing`].join(': ');
  }
  return [...where, issue.message].join(': ');
}
