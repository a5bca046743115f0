// The observation form Rounds puts in an observer's Doc, as a plan of blocks the Docs adapter draws: a
// header that labels the notes by visit and observer initials (never a teacher's name or a room), one
// section per look-for with its prompt and an evidence table, the reminder to sit with students, and the
// reflection the debrief is built from. The same titles let Rounds read the form back.
import type { LookFor } from './look-fors';

export interface FormHeader {
  network: string;
  school: string;
  visit: string;
  date: string;
  /** The observer's initials: rounds notes are labelled by visit, not by person. */
  observer: string;
}

export const FORM_TITLE = 'Rounds observation form';

export const HEADER_LABELS: Readonly<Record<keyof FormHeader, string>> = {
  network: 'Network',
  school: 'School',
  visit: 'Visit',
  date: 'Date',
  observer: 'Observer initials',
};

export const STUDENT_REMINDER =
  'Sit with students and ask two or three of them: “What are you learning? How will you know when you have learned it?” Write what you see and hear — quotes, counts, what students do — not judgments. Label classrooms A, B, C in the order you visit them: no teacher names, no room numbers.';

export type ReflectionKey = 'warm' | 'wondering' | 'predict' | 'next';

export const REFLECTION: readonly { key: ReflectionKey; title: string; hint: string }[] = [
  { key: 'warm', title: 'Warm feedback', hint: 'What is working, with the evidence that shows it.' },
  { key: 'wondering', title: 'Wonderings', hint: 'Questions for the host: “I wonder…”.' },
  {
    key: 'predict',
    title: 'Prediction',
    hint: 'If a student did everything they were asked to do today, what would they learn?',
  },
  { key: 'next', title: 'Next level of work', hint: 'What the school could work on next, one item a line.' },
];

export const EVIDENCE_HEADERS = {
  classroom: 'Classroom',
  evidence: 'What I saw or heard',
  rating: 'Rating (1–4)',
};

/** Rows left empty under each look-for for the observer to fill (Docs adds more with Tab in the last cell). */
export const EMPTY_EVIDENCE_ROWS = 3;

export type FormBlock =
  | { type: 'title'; text: string }
  | { type: 'header'; rows: [string, string][] }
  | { type: 'reminder'; text: string }
  | { type: 'look-for'; code: string; heading: string; columns: string[]; emptyRows: number }
  | { type: 'reflection'; key: ReflectionKey; heading: string; hint: string };

/** A section heading for a look-for; the same words are read back by `lookForOfHeading`. */
export const lookForHeading = (l: LookFor) => `Look-for #${l.code}: ${l.prompt}`;

export function lookForOfHeading(text: string): LookFor | null {
  const m = /^\s*Look-for #([a-z][a-z0-9-]{0,23}):\s*(.*)$/i.exec(text);
  return m ? { code: m[1]!.toLowerCase(), prompt: m[2]!.trim() } : null;
}

export const reflectionHeading = (r: (typeof REFLECTION)[number]) => `Reflection — ${r.title}`;

export function reflectionOfHeading(text: string): ReflectionKey | null {
  const t = text.trim().toLowerCase();
  return REFLECTION.find((r) => reflectionHeading(r).toLowerCase() === t)?.key ?? null;
}

/** The header as typed in the sidebar, checked: each field's problem names the field. */
export function checkHeader(raw: Readonly<Record<keyof FormHeader, string>>): {
  header: FormHeader | null;
  problems: string[];
} {
  const problems: string[] = [];
  const h: FormHeader = {
    network: raw.network.trim(),
    school: raw.school.trim(),
    visit: raw.visit.trim(),
    date: raw.date.trim(),
    observer: raw.observer.trim(),
  };
  if (!h.network) problems.push('Network: write the network’s name.');
  if (!h.school) problems.push('School: write the host school.');
  if (!/^\d{1,4}$/.test(h.visit)) problems.push(`Visit: “${h.visit}” is not a visit number (such as 3).`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(h.date) || Number.isNaN(Date.parse(`${h.date}T00:00:00Z`)))
    problems.push(`Date: “${h.date}” is not a date as YYYY-MM-DD.`);
  const initials = h.observer.replace(/[.\s]/g, '').toUpperCase();
  // A word with capital-then-lower letters (Lee, Maria) is a name; initials are 1–4 letters in one case.
  const nameLike = h.observer.split(/[\s.]+/).some((w) => /^[A-Z][a-z]+$/.test(w) && w.length > 1);
  if (nameLike || !/^[A-Z]{1,4}$/.test(initials))
    problems.push(
      `Observer initials: write initials such as “RD”, not a name — rounds notes are labelled by visit and initials only.`,
    );
  else h.observer = initials;
  return { header: problems.length ? null : h, problems };
}

/** The form's blocks in order; `ratingScale` adds the 1–4 rating column used for calibration. */
export function planObservationForm(
  header: FormHeader,
  lookFors: readonly LookFor[],
  ratingScale: boolean,
): FormBlock[] {
  const columns = [EVIDENCE_HEADERS.classroom, EVIDENCE_HEADERS.evidence];
  if (ratingScale) columns.push(EVIDENCE_HEADERS.rating);
  return [
    { type: 'title', text: FORM_TITLE },
    {
      type: 'header',
      rows: (Object.keys(HEADER_LABELS) as (keyof FormHeader)[]).map((k) => [HEADER_LABELS[k], header[k]]),
    },
    { type: 'reminder', text: STUDENT_REMINDER },
    ...lookFors.map((l): FormBlock => ({
      type: 'look-for',
      code: l.code,
      heading: lookForHeading(l),
      columns: [...columns],
      emptyRows: EMPTY_EVIDENCE_ROWS,
    })),
    ...REFLECTION.map((r): FormBlock => ({
      type: 'reflection',
      key: r.key,
      heading: reflectionHeading(r),
      hint: r.hint,
    })),
  ];
}
