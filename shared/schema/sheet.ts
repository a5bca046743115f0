// The network spreadsheet: its tabs, their columns and header rows, and the schema version (the forward
// migration that brings a sheet up to it is migration.ts). Rows are read and written by header text, so
// user-added or reordered columns survive every write.

import { yearTabs } from './year-sheet';

export const SHEET_SCHEMA_VERSION = 1;

/** Developer metadata on the spreadsheet that records which schema version it was last upgraded to. */
export const SCHEMA_VERSION_METADATA_KEY = 'rounds.schemaVersion';
/** Developer metadata on each row Rounds writes: a stable id that follows the row when people sort or move it. */
export const ROW_ID_METADATA_KEY = 'rounds.rowId';
/** The hidden first column of every table tab: the same stable id, readable with one batchGet. */
export const ROW_ID_HEADER = 'Rounds ID';

export type CellValue = string | number | boolean | null;

export interface ColumnSpec {
  key: string;
  header: string;
  hidden?: boolean;
  /** Headers this column had in earlier schema versions; the migration renames them in place. */
  formerHeaders?: readonly string[];
}

export interface TabSpec {
  key: TabKey;
  name: string;
  /** What the tab is for, shown as the header row's note. */
  purpose: string;
  /** Table tabs hold one record per row; the dashboard is drawn, not appended to. */
  kind: 'table' | 'dashboard';
  columns: readonly ColumnSpec[];
}

export type TabKey =
  | 'schools'
  | 'cycles'
  | 'filings'
  | 'mandates'
  | 'translations'
  | 'rules'
  | 'protocols'
  | 'visits'
  | 'debrief'
  | 'contacts'
  | 'dashboard'
  | 'actionPlans'
  | 'settings'
  // The network's year (issue 18): meetings, buddy pairs, topics, improvement work, spotlight, resources.
  | 'meetings'
  | 'pairs'
  | 'topics'
  | 'drivers'
  | 'changes'
  | 'measures'
  | 'runCharts'
  | 'spotlight'
  | 'resources'
  // Issue 15: who is the network's ILD and who its principals.
  | 'members';

const rowId: ColumnSpec = { key: 'id', header: ROW_ID_HEADER, hidden: true };
const col = (key: string, header: string): ColumnSpec => ({ key, header });

export const TABS: readonly TabSpec[] = [
  {
    key: 'schools',
    name: 'Schools',
    purpose: 'The schools in the network and their principals.',
    kind: 'table',
    columns: [
      rowId,
      col('name', 'School'),
      col('level', 'Level'),
      col('principal', 'Principal'),
      col('principalEmail', 'Principal email'),
      col('lastSupportedOn', 'Last supported'),
      // The IPOP tracker (issue 17). What the ILD and principal type: the IPOP, its theory of action and data,
      // where the school is in the cycle, what comes next, and what kind of support fits the principal.
      col('ipopQuestion', 'IPOP question'),
      col('theoryOfAction', 'Theory of action'),
      col('evidenceSources', 'Evidence sources'),
      // Phase, step and support-that-fits sit together so their three dropdowns are one write.
      col('phase', 'Phase'),
      col('step', 'Step'),
      col('supportFits', 'Support that fits'),
      col('nextVisit', 'Next visit'),
      col('nextLevelOfWork', 'Next level of work'),
      // What Refresh tracker works out and writes (kept together so one write covers them).
      col('ipopCheck', 'IPOP check'),
      col('lastFiling', 'Last filing'),
      col('lastVisit', 'Last visit'),
      col('lastContact', 'Last ILD contact'),
      col('supportFlag', 'Support flag'),
      col('openActions', 'Open actions'),
      col('nextActionDue', 'Next action due'),
      // The visit planner (issue 18): what each school is strong in and needs (tags, comma-separated), and
      // the dates it cannot host a network meeting.
      col('strengths', 'Strengths'),
      col('needs', 'Needs'),
      col('unavailable', 'Unavailable dates'),
    ],
  },
  {
    key: 'cycles',
    name: 'Cycles',
    purpose: 'Each inquiry cycle: its phase, problem, IPOP and current step.',
    kind: 'table',
    columns: [
      rowId,
      col('name', 'Cycle'),
      col('phase', 'Phase'),
      col('problem', 'Problem'),
      col('school', 'School'),
      col('ipop', 'IPOP'),
      col('currentStep', 'Step'),
      col('folderId', 'Folder ID'),
      col('startedOn', 'Started'),
    ],
  },
  {
    key: 'filings',
    name: 'Filings',
    purpose: 'Every email and document filed to a cycle step, one row each.',
    kind: 'table',
    columns: [
      rowId,
      col('filedAt', 'Filed at'),
      col('kind', 'Kind'),
      col('cycle', 'Cycle'),
      col('step', 'Step'),
      col('title', 'Title'),
      col('from', 'From'),
      col('sourceId', 'Source ID'),
      col('driveFileId', 'Drive file ID'),
      col('filedBy', 'Filed by'),
      // Added for filing from Gmail and Docs; the migration appends them after whatever the sheet has.
      col('school', 'School'),
      col('messageId', 'Message-ID'),
      col('gmailThreadId', 'Gmail thread ID'),
      col('links', 'Links'),
      col('note', 'Note'),
    ],
  },
  {
    key: 'mandates',
    name: 'Mandates',
    purpose:
      'Central-office mail as triaged, one row for each member who shares their copy: tier, first due date, why, who received it.',
    kind: 'table',
    columns: [
      rowId,
      col('receivedAt', 'Received'),
      col('subject', 'Subject'),
      col('from', 'From'),
      col('tier', 'Tier'),
      col('firstDue', 'First due'),
      col('reasons', 'Why'),
      // Issue 15: one row per member's copy (shared by choice), so the ILD sees one ask several received.
      col('messageId', 'Message-ID'),
      col('department', 'Department'),
      col('excerpt', 'Opening lines'),
      col('seenBy', 'Seen by'),
    ],
  },
  {
    key: 'translations',
    name: 'Translations',
    purpose: "The ILD's re-framing of each mandate, keyed by the email's Message-ID.",
    kind: 'table',
    columns: [
      rowId,
      col('tier', 'Tier'),
      col('meaning', 'What this means for you'),
      col('todo', 'What to do'),
      col('byWhen', 'By when'),
      col('skipIf', 'Skip if'),
      col('translatedBy', 'Translated by'),
      col('translatedAt', 'Translated at'),
      // Issue 15: the key each member's own copy is matched by, and the rest of the ILD's card.
      col('messageId', 'Message-ID'),
      col('subject', 'Subject'),
      col('effortMinutes', 'Effort (minutes)'),
      col('ipop', 'Connects to our IPOP'),
    ],
  },
  {
    key: 'rules',
    name: 'Rules',
    purpose: 'Corrections turned into rules: a sender, department or phrase and the tier it means.',
    kind: 'table',
    columns: [
      rowId,
      col('sender', 'Sender'),
      col('department', 'Department'),
      col('phrase', 'Phrase'),
      col('tier', 'Tier'),
      col('note', 'Note'),
      col('addedBy', 'Added by'),
      col('addedAt', 'Added at'),
    ],
  },
  {
    key: 'protocols',
    name: 'Protocols',
    purpose: 'The few look-fors each host principal chose for a visit.',
    kind: 'table',
    columns: [
      rowId,
      col('cycle', 'Cycle'),
      col('visit', 'Visit'),
      col('lookFor', 'Look-for'),
      // Issue 16: one row per look-for, owned by the host school and tied to its problem of practice.
      col('code', 'Code'),
      col('prompt', 'Prompt'),
      col('hostSchool', 'Host school'),
      col('problemOfPractice', 'Problem of practice'),
      col('ratingScale', 'Rating scale'),
    ],
  },
  {
    key: 'visits',
    name: 'Visits',
    purpose: 'School visits, numbered; classrooms are labelled by number, never by teacher.',
    kind: 'table',
    columns: [
      rowId,
      col('number', 'Visit'),
      col('hostSchool', 'Host school'),
      col('cycle', 'Cycle'),
      col('date', 'Date'),
      col('protocol', 'Protocol'),
      // Issue 16: the Drive folder holding the observers' Docs that Collect the visit reads.
      col('folder', 'Observation folder'),
    ],
  },
  {
    key: 'debrief',
    name: 'Debrief',
    purpose: 'Evidence from visits, sorted into the debrief: warm, questions, patterns, predict, next level.',
    kind: 'table',
    columns: [
      rowId,
      col('visit', 'Visit'),
      col('classroom', 'Classroom'),
      col('lookFor', 'Look-for'),
      col('evidence', 'Evidence'),
      col('section', 'Debrief section'),
      col('observer', 'Observer'),
      // Issue 16: what Collect the visit writes beside each line (observer initials only, never names).
      col('kind', 'Evidence kind'),
      col('rating', 'Rating'),
      col('consensus', 'Consensus'),
      col('collectedAt', 'Collected'),
    ],
  },
  {
    key: 'contacts',
    name: 'Contacts',
    purpose:
      "The ILD's support log, one row per contact with a principal (visit, 1:1, call, modeling, brokering, or the principal asked), and central-office contacts named in mandates.",
    kind: 'table',
    columns: [
      rowId,
      col('office', 'Office'),
      col('email', 'Email'),
      col('phone', 'Phone'),
      col('handles', 'Handles'),
      // The support log (issue 17): one row per contact between the ILD and a principal.
      col('principal', 'Principal'),
      col('school', 'School'),
      col('date', 'Date'),
      col('supportKind', 'Kind'),
      col('by', 'By'),
      col('note', 'Note'),
    ],
  },
  {
    key: 'dashboard',
    name: 'Dashboard',
    purpose: "The network at a glance: each school's IPOP and step, and who has not been supported lately.",
    kind: 'dashboard',
    columns: [],
  },
  {
    key: 'actionPlans',
    name: 'Action plans',
    purpose:
      'The actions each school takes out of the debrief and step 7, public to the whole network: what, who, by when, and the evidence it worked.',
    kind: 'table',
    columns: [
      rowId,
      col('school', 'School'),
      col('action', 'Action'),
      col('owner', 'Owner'),
      col('due', 'Due'),
      col('status', 'Status'),
      col('evidence', 'Evidence it worked'),
      col('step', 'Step'),
    ],
  },
  {
    key: 'settings',
    name: 'Settings',
    purpose: "The network's own settings for the tracker; change a value and refresh the tracker.",
    kind: 'table',
    columns: [rowId, col('setting', 'Setting'), col('value', 'Value'), col('about', 'What it does')],
  },
  ...yearTabs(rowId),
  {
    key: 'members',
    name: 'Members',
    purpose:
      "The network's people and their role: the ILD (who translates mandates) and the principals, with their school.",
    kind: 'table',
    columns: [
      rowId,
      col('email', 'Email'),
      col('name', 'Name'),
      col('role', 'Role'),
      col('school', 'School'),
    ],
  },
];

export function tabByKey(key: TabKey): TabSpec {
  const tab = TABS.find((t) => t.key === key);
  if (!tab) throw new Error(`no tab "${key}" in the network spreadsheet schema`);
  return tab;
}

/** Headers compare trimmed and case-insensitively: "filed at " typed by hand is still "Filed at". */
export function normalizeHeader(header: unknown): string {
  return String(header ?? '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * The sheet that holds a tab: the one with its name, or — when someone renamed the tab — the one other sheet
 * whose header row carries the stable-id column and most of the tab's headers. Finding a renamed tab keeps
 * set-up from making an empty twin beside the network's data.
 */
export function findTab<T extends { name: string; headerRow: readonly CellValue[] }>(
  spec: TabSpec,
  tabs: readonly T[],
): T | undefined {
  const byName = tabs.find((t) => normalizeHeader(t.name) === normalizeHeader(spec.name));
  if (byName || !spec.columns.length) return byName;
  const schemaNames = new Set(TABS.map((t) => normalizeHeader(t.name)));
  const known = spec.columns.filter((c) => c.header !== ROW_ID_HEADER).map((c) => normalizeHeader(c.header));
  const candidates = tabs.filter((t) => {
    if (schemaNames.has(normalizeHeader(t.name))) return false;
    const headers = new Set(t.headerRow.map(normalizeHeader));
    if (!headers.has(normalizeHeader(ROW_ID_HEADER))) return false;
    const matched = known.filter((h) => headers.has(h)).length;
    return matched >= 3 && matched * 2 > known.length;
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Where each of the tab's columns sits in this sheet's header row (missing columns are absent). */
export function columnPositions(tab: TabSpec, headerRow: readonly CellValue[]): Map<string, number> {
  const byHeader = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n && !byHeader.has(n)) byHeader.set(n, i);
  });
  const positions = new Map<string, number>();
  for (const c of tab.columns) {
    const at = [c.header, ...(c.formerHeaders ?? [])]
      .map((h) => byHeader.get(normalizeHeader(h)))
      .find((i) => i !== undefined);
    if (at !== undefined) positions.set(c.key, at);
  }
  return positions;
}

/**
 * A record as a row under this sheet's header row. Cells of columns Rounds doesn't know (added by the
 * network) keep what `existing` had, so rewriting a row never erases someone's notes.
 */
export function recordToRow(
  tab: TabSpec,
  headerRow: readonly CellValue[],
  record: Readonly<Record<string, CellValue | undefined>>,
  existing: readonly CellValue[] = [],
): CellValue[] {
  const row: CellValue[] = headerRow.map((_, i) => existing[i] ?? '');
  for (const [key, at] of columnPositions(tab, headerRow)) {
    const value = record[key];
    if (value !== undefined) row[at] = value;
  }
  return row;
}

/** A row read back as a record of the tab's known columns; empty cells are left out. */
export function rowToRecord(
  tab: TabSpec,
  headerRow: readonly CellValue[],
  row: readonly CellValue[],
): Record<string, CellValue> {
  const record: Record<string, CellValue> = {};
  for (const [key, at] of columnPositions(tab, headerRow)) {
    const value = row[at];
    if (value !== undefined && value !== null && value !== '') record[key] = value;
  }
  return record;
}
