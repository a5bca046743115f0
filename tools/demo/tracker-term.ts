// What the demo network's spreadsheet holds by early December 2025, invented for this project: each school's
// IPOP as its principal wrote it (from a bare topic to a question with a theory of action), what was filed
// and which visits were hosted over the fall term, the ILD's support log since last school year — where
// Eastfield's principal was seen every two weeks until January and hardly since, the fade the research warns
// about — and the action plans that came out of the debriefs.
import type { CellValue } from '../../shared/schema/sheet';
import { STEP_CHOICES } from '../../shared/tracker/activity';
import { CYCLE, ILD, SCHOOLS } from './network';

/** The demo's today: the day after the newest mail in the demo inbox. The add-on's clock reads it. */
export const DEMO_TODAY = '2025-12-02';

type Row = { id: string; record: Record<string, CellValue> };

const step = (n: number) => STEP_CHOICES[n - 1]!;

/** Each school's row as the ILD and principals typed it (strengths and needs feed the visit planner); Refresh
 * works out the rest. */
export const SCHOOL_ROWS: Record<string, Record<string, CellValue>> = {
  'maple-grove': {
    strengths: 'evidence questions, discussion routines',
    needs: 'math tasks',
    ipopQuestion:
      'When our grade 3-5 students explain an answer about a text, how often do they point to a specific place in the text, and which teacher moves come just before they do?',
    theoryOfAction:
      'If the principal meets each grade-level team to plan one evidence question per reading lesson and visits to see it asked, then teachers will ask for and wait for text references, which will result in students backing their claims with quotes in discussion and in writing.',
    evidenceSources: 'Fall interim constructed responses; learning-walk tallies of students citing the text',
    phase: 'Lead',
    step: step(4),
    supportFits: 'Peer resource — pair with others',
    nextLevelOfWork: 'Share the grade 5 evidence-question plan with Harborview at the next network meeting',
  },
  harborview: {
    strengths: 'math tasks',
    needs: 'discussion routines, observation practice',
    ipopQuestion: 'Student discourse',
    phase: 'Lead',
    step: step(3),
    supportFits: 'New principal — observation practice',
    nextLevelOfWork: 'Turn the topic into a question about what students do; observe with the coach first',
  },
  'linden-park': {
    strengths: 'master schedules',
    needs: 'discussion routines',
    ipopQuestion: 'How can we get students in grades 6-8 to talk more about their reasoning in math class?',
    evidenceSources: 'Classroom walkthroughs',
    phase: 'Lead',
    step: step(4),
    supportFits: 'Veteran — operations',
    nextLevelOfWork: 'Pick the data that shows how much students talk now',
  },
  eastfield: {
    strengths: 'family engagement',
    needs: 'math tasks, observation practice',
    ipopQuestion: 'Teachers will use the new accountable talk stems in every lesson.',
    theoryOfAction: 'If we buy the stems posters for every room, then teachers will use them.',
    phase: 'Lead',
    step: step(3),
    supportFits: 'New principal — observation practice',
    nextLevelOfWork: 'Rewrite the IPOP as a question to investigate, not a program to install',
  },
  'sycamore-ridge': {
    strengths: 'data analysis, observation practice',
    needs: 'evidence questions',
    ipopQuestion:
      'On the fall interim, 62% of our grade 6-8 students scored 1 of 4 on using evidence. What are students doing when they write a constructed response in class?',
    evidenceSources: 'Fall interim item analysis; student writing samples from two classes per grade',
    phase: 'Lead',
    step: step(5),
    supportFits: 'Veteran — operations',
    nextLevelOfWork: 'Add a theory of action that names what the principal will do',
  },
  'north-bend': {
    strengths: 'intervention schedules',
    needs: 'evidence questions, data analysis',
    ipopQuestion: 'Why are our sixth graders reading scores lower than fifth grade?',
    evidenceSources: 'State test results 2024-25',
    phase: 'Lead',
    step: step(4),
    supportFits: 'New to this level — data',
    nextLevelOfWork: 'Look at the same students across the two years before visiting classrooms',
  },
};

const TERM_START = Date.UTC(2025, 7, 25); // Monday 25 August 2025, the first week of school
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => day(Date.parse(`${iso}T00:00:00Z`) + n * 86400000);

/** Filings per week over the fall term (15 weeks to 1 December), school by school. */
const FILINGS_PER_WEEK: Record<string, { name: string; weeks: number[] }> = {
  'maple-grove': { name: 'Maple Grove K-8', weeks: [1, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 1, 2, 1] },
  harborview: { name: 'Harborview K-8', weeks: [0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1] },
  'linden-park': { name: 'Linden Park K-8', weeks: [1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1] },
  // Eastfield stops filing in September: its row turns amber as stale.
  eastfield: { name: 'Eastfield K-8', weeks: [1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
  'sycamore-ridge': { name: 'Sycamore Ridge K-8', weeks: [0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0] },
  'north-bend': { name: 'North Bend K-8', weeks: [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0] },
};

/** What was filed at each step of the cycle, as the week's work: research early, data, then practice. */
const TITLES: Record<number, { kind: 'email' | 'doc'; title: string }[]> = {
  1: [
    { kind: 'doc', title: 'IPOP draft - team notes' },
    { kind: 'email', title: 'Re: our problem of practice wording' },
  ],
  2: [
    { kind: 'doc', title: 'Reading group notes - evidence in discussion' },
    { kind: 'email', title: 'Article to read before Thursday' },
  ],
  3: [
    { kind: 'doc', title: 'Interim results by grade band' },
    { kind: 'email', title: 'Data team agenda and item analysis' },
    { kind: 'doc', title: 'Student work sort - constructed response' },
  ],
  4: [
    { kind: 'doc', title: 'Learning walk tallies' },
    { kind: 'email', title: 'Notes from grade-level planning' },
    { kind: 'doc', title: 'Classroom visit notes (rooms by number)' },
  ],
  5: [{ kind: 'doc', title: 'Problem of practice presentation for the network' }],
};

/** The cycle's step in a given week of the term: research in September, data in October, practice after. */
const stepInWeek = (week: number, school: string) =>
  Math.min(week < 3 ? 1 : week < 6 ? 2 : week < 10 ? 3 : 4, school === 'sycamore-ridge' && week > 12 ? 5 : 4);

export function filingRows(): Row[] {
  const rows: Row[] = [];
  for (const [id, { name, weeks }] of Object.entries(FILINGS_PER_WEEK))
    weeks.forEach((count, week) => {
      for (let n = 0; n < count; n++) {
        const s = stepInWeek(week, id);
        const titles = TITLES[s]!;
        const pick = titles[(week + n) % titles.length]!;
        // Tuesdays and Thursdays, mid-afternoon Pacific time.
        const filedAt = `${addDays(day(TERM_START), week * 7 + 1 + n * 2)}T${String(22 + (n % 2)).padStart(2, '0')}:15:00.000Z`;
        rows.push({
          id: `seed-filing-${id}-${week}-${n}`,
          record: {
            filedAt,
            kind: pick.kind,
            cycle: CYCLE.id,
            step: s,
            title: `${pick.title} (${name})`,
            school: name,
            filedBy: SCHOOLS.find((school) => school.id === id)?.principalEmail ?? '',
          },
        });
      }
    });
  return rows;
}

/** The network's visits: numbered, each hosted by a school; the fourth and fifth are still ahead. */
export const VISIT_ROWS: Row[] = [
  { n: 1, host: 'Linden Park K-8', date: '2025-09-23' },
  { n: 2, host: 'Sycamore Ridge K-8', date: '2025-10-21' },
  { n: 3, host: 'Maple Grove K-8', date: '2025-11-18' },
  { n: 4, host: 'Harborview K-8', date: '2025-12-09' },
  { n: 5, host: 'North Bend K-8', date: '2026-01-13' },
].map((v) => ({
  id: `seed-visit-${v.n}`,
  record: { number: v.n, hostSchool: v.host, cycle: CYCLE.id, date: v.date },
}));

const KINDS = ['1:1', 'visit', 'call', 'modeling', 'brokering'] as const;

/** Contacts every `every` days from `from` to `to`, skipping the summer break. */
function cadence(from: string, to: string, every: number): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, every))
    if (!(d >= '2025-06-14' && d < '2025-08-18')) days.push(d);
  return days;
}

/** The ILD's support log: who was supported when, since September 2024. */
const SUPPORT: Record<string, { principal: string; school: string; days: string[] }> = {
  'maple-grove': {
    principal: 'Rosa Delgado',
    school: 'Maple Grove K-8',
    days: cadence('2024-09-03', '2025-11-25', 14),
  },
  // New this year, so the ILD sees him every week.
  harborview: {
    principal: 'Marcus Bell',
    school: 'Harborview K-8',
    days: cadence('2025-08-19', '2025-12-01', 7),
  },
  'linden-park': {
    principal: 'Priya Nair',
    school: 'Linden Park K-8',
    days: cadence('2024-09-05', '2025-11-20', 14),
  },
  // Every two weeks in the first semester of last year, once in March, once this September: support faded.
  eastfield: {
    principal: 'Tom Okafor',
    school: 'Eastfield K-8',
    days: [...cadence('2024-09-04', '2025-01-22', 14), '2025-03-12', '2025-09-04'],
  },
  // A veteran the ILD has not reached since early November.
  'sycamore-ridge': {
    principal: 'Ellen Whitaker',
    school: 'Sycamore Ridge K-8',
    days: cadence('2024-09-10', '2025-11-06', 21),
  },
  'north-bend': {
    principal: 'Sam Kowalski',
    school: 'North Bend K-8',
    days: cadence('2025-08-21', '2025-11-27', 14),
  },
};

export function contactRows(): Row[] {
  const rows: Row[] = [];
  Object.entries(SUPPORT).forEach(([id, s], p) =>
    s.days.forEach((date, i) =>
      rows.push({
        id: `seed-contact-${id}-${i + 1}`,
        record: {
          principal: s.principal,
          school: s.school,
          date,
          supportKind: KINDS[(i + p) % KINDS.length]!,
          by: ILD.name,
        },
      }),
    ),
  );
  // Priya asked for help with her data; a request is not support until the ILD acts on it.
  rows.push({
    id: 'seed-contact-linden-park-asked',
    record: {
      principal: 'Priya Nair',
      school: 'Linden Park K-8',
      date: '2025-11-24',
      supportKind: 'asked',
      by: 'priya.nair@cvsd.example.org',
      note: 'Help reading our interim data by grade band',
    },
  });
  return rows;
}

export const ACTION_ROWS: Row[] = (
  [
    {
      school: 'Maple Grove K-8',
      action: 'Post sentence frames for citing the text in grades 3-5',
      owner: 'Rosa Delgado',
      due: '2025-10-31',
      status: 'Done',
      evidence: 'Visit 3: 9 of 24 students pointed to the text, up from 3 of 24 in October',
      step: 7,
    },
    {
      school: 'Maple Grove K-8',
      action: 'Plan one evidence question per reading lesson in each grade-level team',
      owner: 'Rosa Delgado',
      due: '2025-12-12',
      status: 'Open',
      step: 7,
    },
    {
      school: 'Harborview K-8',
      action: 'Observe two classrooms with the coach using the network look-fors',
      owner: 'Marcus Bell',
      due: '2025-11-21',
      status: 'Open',
      step: 4,
    },
    {
      school: 'Linden Park K-8',
      action: 'Model wait time after a reasoning question at the staff meeting',
      owner: 'Priya Nair',
      due: '2025-12-05',
      status: 'Open',
      step: 7,
    },
    {
      school: 'Sycamore Ridge K-8',
      action: 'Hold a grade 6-8 data talk on constructed responses',
      owner: 'Ellen Whitaker',
      due: '2026-01-09',
      status: 'Open',
      step: 7,
    },
  ] as Record<string, CellValue>[]
).map((a, i) => ({ id: `seed-action-${i + 1}`, record: a }));
