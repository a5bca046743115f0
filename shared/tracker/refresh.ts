// Refresh tracker, worked out in one pure pass: from a snapshot of the network's tabs, the Schools cells
// Rounds keeps up to date (IPOP check, last filing, visit and contact, support flag, open actions), the
// ids rows lack, the dropdowns and the stale-row rule, the dashboard, and every problem found, named by cell.
import { checkIpop, checkNote, summarizeCheck } from '../ipop/check';
import { CENTRAL_OFFICE_SETTING_ROWS } from '../mandates/network/central-office';
import { tabByKey, type CellValue } from '../schema/sheet';
import { PHASE_CHOICES, readActivity, schoolKey, STEP_CHOICES } from './activity';
import { planDashboard, type DashboardPlan } from './dashboard';
import {
  DEFAULT_SETTINGS,
  readSettings,
  SETTING_ROWS,
  SUPPORT_FITS,
  SUPPORT_KINDS,
  supportFlag,
  type TrackerSettings,
} from './support';
import {
  cellAddress,
  columnLetter,
  latest,
  parseDay,
  readTable,
  text,
  type TabSnapshot,
  type Table,
} from './table';

/** The Schools columns Refresh writes; everything else on the tab is the network's to type. */
export const DERIVED_SCHOOL_COLUMNS = [
  'ipopCheck',
  'lastFiling',
  'lastVisit',
  'lastContact',
  'supportFlag',
  'openActions',
  'nextActionDue',
] as const;

/** A block of cells to write: 1-based first row, 0-based first column. */
export interface CellBlock {
  row: number;
  column: number;
  values: CellValue[][];
}

/** Recognises Rounds' own stale-row rule among the network's conditional formats (formulas have no comments). */
export const STALE_RULE_MARKER = '"rounds:stale"';

export interface SchoolsPlan {
  sheetName: string;
  /** Ids for rows that had none, as one block over the id column (existing ids written back unchanged). */
  ids: CellBlock | null;
  /** The derived columns, one block per run of adjacent columns. */
  derived: CellBlock[];
  /** The IPOP check cells' notes: each criterion with its advice. */
  checkNotes: { row: number; column: number; notes: string[][] } | null;
  /** Dropdowns for adjacent columns, one entry per run; each column's list of choices. */
  /**
   * Dropdowns for runs of adjacent columns over the rows that hold schools (Sheets wants one rule per cell
   * when a single call sets several columns): first row, first column, how many rows, each column's list.
   */
  validations: { row: number; column: number; rows: number; lists: string[][] }[];
  staleRule: { a1: string; formula: string } | null;
}

export interface FlaggedPrincipal {
  school: string;
  principal: string;
  flag: string;
  lastSupported: string | null;
  supportFits: string;
}

export interface RefreshPlan {
  schools: SchoolsPlan | null;
  /** Dropdowns on other tabs: the support log's kinds, the action plans' statuses. */
  otherValidations: { sheetName: string; a1: string; list: string[] }[];
  /** Default settings to add to the Settings tab when it lacks them. */
  settingsRows: { sheetName: string; block: CellBlock } | null;
  dashboard: DashboardPlan;
  settings: TrackerSettings;
  flagged: FlaggedPrincipal[];
  problems: string[];
  /** What Refresh will change, in a sentence per tab. */
  changes: string[];
}

const MAX_PROBLEMS_PER_KIND = 8;

export function planRefresh(tabs: readonly TabSnapshot[], today: string, newId: () => string): RefreshPlan {
  const table = (key: Parameters<typeof tabByKey>[0]) => readTable(tabByKey(key), tabs);
  const schools = table('schools');
  const settingsTable = table('settings');
  const problems: string[] = [];
  const changes: string[] = [];
  for (const t of [
    schools,
    table('cycles'),
    table('filings'),
    table('visits'),
    table('contacts'),
    table('actionPlans'),
    settingsTable,
  ])
    problems.push(...tableProblems(t));

  const { settings, problems: settingProblems, missing: missingNumbers } = readSettings(settingsTable);
  problems.push(...settingProblems);
  // The central-office rows the extension reads (district domains, offices, senders) start empty: the
  // extension then uses its defaults until the ILD fills them in.
  const named = new Set(settingsTable.rows.map((r) => text(r.get('setting')).toLowerCase()));
  const missing = [
    ...missingNumbers,
    ...CENTRAL_OFFICE_SETTING_ROWS.filter((r) => !named.has(r.setting.toLowerCase())).map((r) => r.setting),
  ];
  const settingsRows =
    settingsTable.sheetName && missing.length
      ? { sheetName: settingsTable.sheetName, block: defaultSettingRows(settingsTable, missing) }
      : null;
  if (settingsRows) changes.push(`Settings: added ${missing.join(', ')} with their defaults.`);

  const people = schools.rows.map((r) => ({
    name: text(r.get('name')),
    principal: text(r.get('principal')),
    id: text(r.get('id')),
  }));
  const activity = readActivity(
    people.filter((p) => p.name),
    {
      cycles: table('cycles'),
      filings: table('filings'),
      visits: table('visits'),
      contacts: table('contacts'),
      actionPlans: table('actionPlans'),
    },
    today,
  );
  problems.push(...cap(activity.problems));

  const flagged: FlaggedPrincipal[] = [];
  let plan: SchoolsPlan | null = null;
  if (schools.sheetName) {
    const lastRow = schools.rows.at(-1)?.row ?? 1;
    const byRow = new Map(schools.rows.map((r) => [r.row, r]));
    const computed = new Map<number, Record<string, CellValue>>();
    const notes = new Map<number, string>();
    for (const row of schools.rows) {
      const name = text(row.get('name'));
      if (!name) {
        problems.push(
          `${cellAddress(schools.sheetName, row.row, schools.positions.get('name') ?? 1)}: the row has no school name, so nothing was worked out for it.`,
        );
        continue;
      }
      const a = activity.bySchool.get(schoolKey(name))!;
      const question = text(row.get('ipopQuestion'));
      const check = question
        ? checkIpop(question, {
            theoryOfAction: text(row.get('theoryOfAction')),
            evidenceSources: text(row.get('evidenceSources')),
          })
        : null;
      if (check) notes.set(row.row, checkNote(check));
      const typed = parseDay(row.get('lastSupportedOn'));
      const lastSupported = latest(latest(a.lastContact, a.lastVisit), typed);
      const flag = supportFlag(lastSupported, today, settings.supportWeeks);
      if (flag)
        flagged.push({
          school: name,
          principal: text(row.get('principal')),
          flag,
          lastSupported,
          supportFits: text(row.get('supportFits')),
        });
      const open = [...a.openActions].sort((x, y) => (x.due ?? '9999').localeCompare(y.due ?? '9999'));
      computed.set(row.row, {
        ipopCheck: check ? summarizeCheck(check) : 'No IPOP yet',
        lastFiling: a.lastFiling ?? '',
        lastVisit: a.lastVisit ?? '',
        lastContact: a.lastContact ?? '',
        supportFlag: flag,
        openActions: open.length ? `${open.length} open: ${open[0]!.action}` : '',
        nextActionDue: open.find((o) => o.due)?.due ?? '',
      });
    }
    plan = schoolsPlan(schools, lastRow, byRow, computed, notes, settings, newId);
    const changed = countChanges(schools, computed);
    const idCount = plan.ids ? schools.rows.filter((r) => !text(r.get('id'))).length : 0;
    changes.push(
      `Schools: worked out the IPOP check, last filing, visit and contact, support flag and open actions for ${computed.size} schools (${changed} cells changed)` +
        (idCount ? `; gave ${idCount} rows a Rounds ID.` : '.'),
    );
    if (flagged.length)
      changes.push(
        `${flagged.length} principal${flagged.length === 1 ? '' : 's'} not supported for ${settings.supportWeeks} weeks or more: see “Support flag”.`,
      );
  } else
    problems.push(
      'There is no Schools tab, so there is nothing to refresh. Run Set up network tracker first.',
    );

  const dashboard = planDashboard(schools, activity, today);
  changes.push(
    `Dashboard: redrew schools per step, filings per week and support by month for ${people.length} schools.`,
  );
  const otherValidations = [
    dropdown(table('contacts'), 'supportKind', [...SUPPORT_KINDS]),
    dropdown(table('actionPlans'), 'status', ACTION_STATUSES),
  ].filter((v) => v !== null);
  return { schools: plan, otherValidations, settingsRows, dashboard, settings, flagged, problems, changes };
}

function schoolsPlan(
  schools: Table,
  lastRow: number,
  byRow: Map<number, Table['rows'][number]>,
  computed: Map<number, Record<string, CellValue>>,
  notes: Map<number, string>,
  settings: TrackerSettings,
  newId: () => string,
): SchoolsPlan {
  const sheetName = schools.sheetName!;
  const pos = schools.positions;
  const height = lastRow - 1;
  const rowsRange = Array.from({ length: Math.max(height, 0) }, (_, i) => i + 2);
  const cell = (r: number, k: string): CellValue => (computed.get(r) ?? {})[k] ?? byRow.get(r)?.get(k) ?? '';

  let ids: CellBlock | null = null;
  const idAt = pos.get('id');
  if (idAt !== undefined && schools.rows.some((r) => !text(r.get('id')))) {
    ids = {
      row: 2,
      column: idAt,
      values: rowsRange.map((r) => {
        const row = byRow.get(r);
        return [row ? text(row.get('id')) || newId() : ''];
      }),
    };
  }

  const derived: CellBlock[] = [];
  if (height > 0)
    for (const run of runs(
      DERIVED_SCHOOL_COLUMNS.filter((k) => pos.has(k)).map((k) => ({ k, at: pos.get(k)! })),
    ))
      derived.push({
        row: 2,
        column: run[0]!.at,
        values: rowsRange.map((r) => run.map(({ k }) => (byRow.has(r) ? cell(r, k) : ''))),
      });

  const checkAt = pos.get('ipopCheck');
  const checkNotes =
    checkAt !== undefined && height > 0
      ? { row: 2, column: checkAt, notes: rowsRange.map((r) => [notes.get(r) ?? '']) }
      : null;

  const choices: Record<string, string[]> = {
    phase: PHASE_CHOICES,
    step: STEP_CHOICES,
    supportFits: [...SUPPORT_FITS],
  };
  const validations =
    height > 0
      ? runs(
          Object.keys(choices)
            .filter((k) => pos.has(k))
            .map((k) => ({ k, at: pos.get(k)! })),
        ).map((run) => ({ row: 2, column: run[0]!.at, rows: height, lists: run.map(({ k }) => choices[k]!) }))
      : [];

  const activityColumns = (['lastFiling', 'lastVisit', 'lastContact', 'lastSupportedOn'] as const).filter(
    (k) => pos.has(k),
  );
  const nameAt = pos.get('name');
  const width = Math.max(schools.headerRow.length, ...[...pos.values()].map((p) => p + 1));
  const staleRule =
    nameAt !== undefined && activityColumns.length
      ? {
          a1: `A2:${columnLetter(width - 1)}`,
          formula: `=AND(LEN($${columnLetter(nameAt)}2)>0,MAX(${activityColumns.map((k) => `$${columnLetter(pos.get(k)!)}2`).join(',')})<TODAY()-${settings.staleDays},${STALE_RULE_MARKER}<>"")`,
        }
      : null;
  return { sheetName, ids, derived, checkNotes, validations, staleRule };
}

/** The statuses offered on Action plans; any other word is kept and read as still open. */
const ACTION_STATUSES = ['Open', 'In progress', 'Done', 'Dropped'];

function dropdown(table: Table, key: string, list: string[]) {
  const at = table.positions.get(key);
  if (!table.sheetName || at === undefined) return null;
  return { sheetName: table.sheetName, a1: `${columnLetter(at)}2:${columnLetter(at)}`, list };
}

/** Groups columns into runs of adjacent positions, so each run is one write. */
function runs<T extends { at: number }>(columns: T[]): T[][] {
  const sorted = [...columns].sort((a, b) => a.at - b.at);
  const out: T[][] = [];
  for (const c of sorted) {
    const last = out.at(-1);
    if (last && last.at(-1)!.at + 1 === c.at) last.push(c);
    else out.push([c]);
  }
  return out;
}

function countChanges(schools: Table, computed: Map<number, Record<string, CellValue>>): number {
  let changed = 0;
  for (const row of schools.rows)
    for (const [k, v] of Object.entries(computed.get(row.row) ?? {}))
      if (schools.positions.has(k) && String(row.get(k) ?? '') !== String(v)) changed++;
  return changed;
}

function tableProblems(table: Table): string[] {
  const name = table.sheetName;
  if (!name) return [];
  const problems: string[] = [];
  if (name.trim().toLowerCase() !== table.spec.name.toLowerCase())
    problems.push(
      `The ${table.spec.name} tab is named “${name}” here (${cellAddress(name, 1, 0)}); Rounds found it by its columns and read it. Rename it back to “${table.spec.name}” so the browser extension finds it too.`,
    );
  for (const r of table.blankRows.slice(0, MAX_PROBLEMS_PER_KIND))
    problems.push(
      `${cellAddress(name, r, 0)}: row ${r} of ${name} is blank; Rounds skipped it and read the rows below.`,
    );
  if (table.blankRows.length > MAX_PROBLEMS_PER_KIND)
    problems.push(`…and ${table.blankRows.length - MAX_PROBLEMS_PER_KIND} more blank rows in ${name}.`);
  return problems;
}

function cap(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS_PER_KIND * 3) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS_PER_KIND * 3),
    `…and ${problems.length - MAX_PROBLEMS_PER_KIND * 3} more cells like these.`,
  ];
}

function defaultSettingRows(table: Table, missing: string[]): CellBlock {
  const width = Math.max(table.headerRow.length, ...[...table.positions.values()].map((p) => p + 1));
  const rows = [
    ...SETTING_ROWS.map((s) => ({
      id: `setting-${s.key}`,
      setting: s.setting,
      value: DEFAULT_SETTINGS[s.key],
      about: s.about,
    })),
    ...CENTRAL_OFFICE_SETTING_ROWS.map((s) => ({
      id: `setting-${s.setting.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      ...s,
    })),
  ];
  const values = rows
    .filter((s) => missing.includes(s.setting))
    .map((s) => {
      const row: CellValue[] = Array.from({ length: width }, () => '');
      const put = (k: string, v: CellValue) => {
        const at = table.positions.get(k);
        if (at !== undefined) row[at] = v;
      };
      put('id', s.id);
      put('setting', s.setting);
      put('value', s.value);
      put('about', s.about);
      return row;
    });
  return { row: (table.rows.at(-1)?.row ?? 1) + 1, column: 0, values };
}
