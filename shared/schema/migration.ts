// The network spreadsheet's forward migration: it only ever adds — new tabs, new columns after everything
// already there (the network's own columns included), renamed Rounds headers, the version — so a column the
// network added by hand is never dropped or moved. Both platforms apply the same plan.
import {
  findTab,
  normalizeHeader,
  SHEET_SCHEMA_VERSION,
  TABS,
  type CellValue,
  type ColumnSpec,
  type TabKey,
} from './sheet';

/** The spreadsheet as found: its schema version (null if Rounds never set it up) and each tab's header row. */
export interface SpreadsheetState {
  version: number | null;
  tabs: readonly { name: string; headerRow: readonly CellValue[] }[];
}

export type MigrationStep =
  | { type: 'addTab'; tab: TabKey; name: string; headers: string[]; hiddenColumns: number[] }
  | { type: 'renameHeader'; tab: TabKey; column: number; from: string; to: string }
  | { type: 'addColumns'; tab: TabKey; startColumn: number; headers: string[]; hiddenColumns: number[] }
  | { type: 'setVersion'; version: number };

export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(
      `This spreadsheet was set up by a newer version of Rounds (schema ${found}; this one knows ${SHEET_SCHEMA_VERSION}). Update Rounds before changing it.`,
    );
  }
}

/**
 * The steps that bring a spreadsheet up to the current schema. Only additions and renames of Rounds' own
 * headers: new tabs, new columns appended after everything already there (the network's own columns
 * included), and the version. An up-to-date sheet yields no steps.
 */
export function planMigration(state: SpreadsheetState): MigrationStep[] {
  if (state.version !== null && state.version > SHEET_SCHEMA_VERSION)
    throw new NewerSchemaError(state.version);
  const steps: MigrationStep[] = [];
  for (const tab of TABS) {
    const existing = findTab(tab, state.tabs);
    if (!existing) {
      steps.push({
        type: 'addTab',
        tab: tab.key,
        name: tab.name,
        headers: tab.columns.map((c) => c.header),
        hiddenColumns: tab.columns.flatMap((c, i) => (c.hidden ? [i] : [])),
      });
      continue;
    }
    const headerRow = existing.headerRow;
    const normalized = headerRow.map(normalizeHeader);
    const missing: ColumnSpec[] = [];
    for (const c of tab.columns) {
      if (normalized.includes(normalizeHeader(c.header))) continue;
      const former = (c.formerHeaders ?? [])
        .map(normalizeHeader)
        .map((h) => normalized.indexOf(h))
        .find((i) => i >= 0);
      if (former !== undefined) {
        steps.push({
          type: 'renameHeader',
          tab: tab.key,
          column: former,
          from: String(headerRow[former]),
          to: c.header,
        });
      } else missing.push(c);
    }
    if (missing.length) {
      // Trailing empty header cells are not the network's columns; new columns go right after the last named one.
      let end = headerRow.length;
      while (end > 0 && normalizeHeader(headerRow[end - 1]) === '') end--;
      steps.push({
        type: 'addColumns',
        tab: tab.key,
        startColumn: end,
        headers: missing.map((c) => c.header),
        hiddenColumns: missing.flatMap((c, i) => (c.hidden ? [end + i] : [])),
      });
    }
  }
  if (state.version !== SHEET_SCHEMA_VERSION)
    steps.push({ type: 'setVersion', version: SHEET_SCHEMA_VERSION });
  return steps;
}

/** A header row after the plan's steps: what the sheet will look like (used by both platforms and tests). */
export function applyToHeaderRow(
  tab: TabKey,
  headerRow: readonly CellValue[],
  steps: readonly MigrationStep[],
): CellValue[] {
  const row = [...headerRow];
  for (const s of steps) {
    if (s.type === 'addTab' && s.tab === tab) return [...s.headers];
    if (s.type === 'renameHeader' && s.tab === tab) row[s.column] = s.to;
    if (s.type === 'addColumns' && s.tab === tab) {
      row.length = Math.max(row.length, s.startColumn);
      row.splice(s.startColumn, row.length - s.startColumn, ...s.headers);
    }
  }
  return row;
}
