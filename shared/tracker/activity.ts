// What happened at each school, read from the network's own tabs: filings (by school, or through the
// cycle they were filed to), visits hosted, support contacts, and the school's action plan. Every cell that
// cannot be read is named; the rest of its row still counts.
import { DEFAULT_STEP_LABELS } from '../domain';
import { normalizeHeader } from '../schema/sheet';
import { isSupport, readContacts, type SupportContact } from './support';
import { cellAddress, isEmpty, latest, parseDay, text, type Table } from './table';

export interface SchoolActivity {
  filings: string[];
  lastFiling: string | null;
  lastVisit: string | null;
  lastContact: string | null;
  /** Contacts and visits month by month (YYYY-MM → count), for the dashboard. */
  supportByMonth: Map<string, number>;
  openActions: { action: string; due: string | null }[];
}

export interface NetworkActivity {
  bySchool: Map<string, SchoolActivity>;
  /** Every filing day in the network, including filings to no school. */
  filingDays: string[];
  contacts: SupportContact[];
  problems: string[];
}

/** Action statuses that close an action; anything else (blank, open, in progress, late) is still open. */
const CLOSED = new Set(['done', 'complete', 'completed', 'closed', 'dropped', 'cancelled', 'canceled']);

/** How a school's name is matched across tabs: case and spacing do not make two schools. */
export const schoolKey = (name: string) => normalizeHeader(name);
const key = schoolKey;

/**
 * Reads the tabs around Schools. `schools` are the names, principals and Rounds IDs on the Schools tab: a
 * row elsewhere may name its school either way (the extension writes the id when it could not read names).
 */
export function readActivity(
  schools: readonly { name: string; principal: string; id?: string }[],
  tabs: { cycles: Table; filings: Table; visits: Table; contacts: Table; actionPlans: Table },
  today: string,
): NetworkActivity {
  const problems: string[] = [];
  const bySchool = new Map<string, SchoolActivity>();
  const byPrincipal = new Map<string, string>();
  for (const s of schools) {
    bySchool.set(key(s.name), {
      filings: [],
      lastFiling: null,
      lastVisit: null,
      lastContact: null,
      supportByMonth: new Map(),
      openActions: [],
    });
    if (s.principal) byPrincipal.set(key(s.principal), key(s.name));
  }
  const byId = new Map(schools.flatMap((s) => (s.id ? [[s.id, key(s.name)] as const] : [])));
  const at = (name: string) => bySchool.get(key(name)) ?? bySchool.get(byId.get(name.trim()) ?? '');
  const dayIn = (
    table: Table,
    row: { row: number; get(k: string): unknown },
    column: string,
    what: string,
  ) => {
    const raw = row.get(column) as Parameters<typeof parseDay>[0];
    const day = parseDay(raw);
    if (!day && !isEmpty(raw))
      problems.push(
        `${cellAddress(table.sheetName ?? table.spec.name, row.row, table.positions.get(column) ?? 0)}: “${text(raw)}” is not a date; ${what}`,
      );
    return day;
  };

  const cycleSchool = new Map<string, string>();
  for (const row of tabs.cycles.rows) {
    const name = text(row.get('name'));
    if (name && text(row.get('school'))) cycleSchool.set(key(name), text(row.get('school')));
  }

  const filingDays: string[] = [];
  for (const row of tabs.filings.rows) {
    const day = dayIn(
      tabs.filings,
      row,
      'filedAt',
      'this filing was left out of “Last filing” and the weekly count.',
    );
    if (!day) continue;
    filingDays.push(day);
    const school = text(row.get('school')) || cycleSchool.get(key(text(row.get('cycle')))) || '';
    const activity = school ? at(school) : undefined;
    if (activity) {
      activity.filings.push(day);
      if (day <= today) activity.lastFiling = latest(activity.lastFiling, day);
    }
  }

  for (const row of tabs.visits.rows) {
    const day = dayIn(tabs.visits, row, 'date', 'this visit was left out of “Last visit”.');
    const activity = at(text(row.get('hostSchool')));
    if (!day || !activity || day > today) continue;
    activity.lastVisit = latest(activity.lastVisit, day);
    bump(activity.supportByMonth, day);
  }

  const { contacts, problems: contactProblems } = readContacts(tabs.contacts);
  problems.push(...contactProblems);
  for (const c of contacts) {
    const activity = at(c.school) ?? at(byPrincipal.get(key(c.principal)) ?? '');
    if (!activity || !isSupport(c) || c.day > today) continue;
    activity.lastContact = latest(activity.lastContact, c.day);
    bump(activity.supportByMonth, c.day);
  }

  for (const row of tabs.actionPlans.rows) {
    const activity = at(text(row.get('school')));
    if (!activity || CLOSED.has(text(row.get('status')).toLowerCase())) continue;
    const due = dayIn(tabs.actionPlans, row, 'due', 'the action is listed without a due date.');
    activity.openActions.push({ action: text(row.get('action')) || '(no action written)', due });
  }
  return { bySchool, filingDays, contacts, problems };
}

function bump(counts: Map<string, number>, day: string): void {
  const month = day.slice(0, 7);
  counts.set(month, (counts.get(month) ?? 0) + 1);
}

/** The step dropdown's choices: the number first, so "4 — Examine practice…" sorts and reads as step 4. */
export const STEP_CHOICES = Object.entries(DEFAULT_STEP_LABELS).map(([n, label]) => `${n} — ${label}`);
export const PHASE_CHOICES = ['Connect', 'Lead', 'Succeed'];

/** The step a Step cell names (1–8), or null; "4", 4, "Step 4" and "4 — Examine practice" are all step 4. */
export function stepOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 8 ? value : null;
  const m = /^\s*(?:step\s*)?([1-8])(?!\d)/i.exec(String(value ?? ''));
  return m ? Number(m[1]) : null;
}
