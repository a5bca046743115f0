// Turns the shared schema's migration plan into the exact writes for each tab — one header write per tab —
// and into the sentence the principal reads afterwards. Pure: the Apps Script calls live in services/.
import { findTab, TABS, tabByKey, type CellValue, type TabKey } from '../schema/sheet';
import { applyToHeaderRow, type MigrationStep, type SpreadsheetState } from '../schema/migration';

/** Everything Rounds will do to one tab, so the adapter can do it with one setValues. */
export interface TabChange {
  tab: TabKey;
  /** The tab's name as the network spelled it, or the schema's name for a new tab. */
  sheetName: string;
  create: boolean;
  /** The header row's width once the change is made (the adapter makes room for it). */
  width: number;
  /** 0-based column of the first header cell written; `cells` continue from there. */
  startColumn: number;
  cells: CellValue[];
  /** 0-based column from which the written headers are Rounds' own new ones (made bold); null if none. */
  boldFrom: number | null;
  /** 0-based columns to hide (the stable-id column). */
  hideColumns: number[];
  /** A new tab's header row carries its purpose as a note on its first visible cell, and is frozen. */
  note: { column: number; text: string } | null;
  freezeHeader: boolean;
}

/** The per-tab writes for a plan, in schema order; tabs the plan doesn't touch are left out. */
export function tabChanges(state: SpreadsheetState, steps: readonly MigrationStep[]): TabChange[] {
  const touched = new Set<TabKey>();
  for (const s of steps) if (s.type !== 'setVersion') touched.add(s.tab);
  const changes: TabChange[] = [];
  for (const key of touched) {
    const spec = tabByKey(key);
    const own = steps.filter((s) => s.type !== 'setVersion' && s.tab === key);
    const added = own.find((s) => s.type === 'addTab');
    if (added) {
      const hidden = new Set(added.hiddenColumns);
      const firstVisible = added.headers.findIndex((_, i) => !hidden.has(i));
      changes.push({
        tab: key,
        sheetName: added.name,
        create: true,
        width: added.headers.length,
        startColumn: 0,
        cells: [...added.headers],
        boldFrom: added.headers.length ? 0 : null,
        hideColumns: [...added.hiddenColumns],
        note: { column: Math.max(firstVisible, 0), text: spec.purpose },
        freezeHeader: added.headers.length > 0,
      });
      continue;
    }
    const existing = findTab(spec, state.tabs);
    if (!existing)
      throw new Error(`The plan changes the ${spec.name} tab, but the spreadsheet has no such tab.`);
    const after = applyToHeaderRow(key, existing.headerRow, own);
    const changedColumns = after.flatMap((cell, i) => (cell !== (existing.headerRow[i] ?? '') ? [i] : []));
    if (!changedColumns.length) continue;
    const start = Math.min(...changedColumns);
    const end = Math.max(...changedColumns) + 1;
    const addedAt = own.flatMap((s) => (s.type === 'addColumns' ? [s.startColumn] : []));
    changes.push({
      tab: key,
      sheetName: existing.name,
      create: false,
      width: after.length,
      startColumn: start,
      cells: after.slice(start, end),
      boldFrom: addedAt.length ? Math.min(...addedAt) : null,
      hideColumns: own.flatMap((s) => (s.type === 'addColumns' ? s.hiddenColumns : [])),
      note: null,
      freezeHeader: false,
    });
  }
  return changes;
}

/** What a plan did, in the words a principal reads in the dialog or sidebar. */
export function describeChanges(from: number | null, steps: readonly MigrationStep[]): string {
  const setVersion = steps.find((s) => s.type === 'setVersion');
  const tabs = steps.flatMap((s) => (s.type === 'addTab' ? [s.name] : []));
  const columns = steps.flatMap((s) =>
    s.type === 'addColumns' ? [`${tabByKey(s.tab).name}: ${s.headers.join(', ')}`] : [],
  );
  const renames = steps.flatMap((s) =>
    s.type === 'renameHeader' ? [`${tabByKey(s.tab).name}: “${s.from}” → “${s.to}”`] : [],
  );
  if (!tabs.length && !columns.length && !renames.length && !setVersion)
    return 'The tracker is already up to date. Nothing changed.';
  const parts: string[] = [];
  if (tabs.length) parts.push(`Added tabs: ${tabs.join(', ')}.`);
  if (columns.length) parts.push(`Added columns — ${columns.join('; ')}.`);
  if (renames.length) parts.push(`Renamed columns — ${renames.join('; ')}.`);
  if (setVersion)
    parts.push(
      from === null
        ? `Tracker set up at schema version ${setVersion.version}.`
        : `Tracker upgraded from schema version ${from} to ${setVersion.version}.`,
    );
  if (columns.length || renames.length) parts.push('Columns you added yourself were left where they were.');
  return parts.join(' ');
}

/**
 * The schema version recorded in the spreadsheet's developer metadata. Null when Rounds never set it up.
 * A value that is not a whole number is refused, so a damaged marker never leads to a blind upgrade.
 */
export function parseSchemaVersion(values: readonly (string | null)[]): number | null {
  let highest: number | null = null;
  for (const value of values) {
    const text = (value ?? '').trim();
    if (!/^\d+$/.test(text))
      throw new Error(
        `The spreadsheet's Rounds schema marker reads “${value ?? ''}”, which is not a version number. Nothing was changed.`,
      );
    highest = Math.max(highest ?? 0, Number(text));
  }
  return highest;
}

/** The spreadsheet as it will be once the plan is carried out: what the sidebar shows afterwards. */
export function stateAfter(state: SpreadsheetState, steps: readonly MigrationStep[]): SpreadsheetState {
  const tabs = state.tabs.map((t) => {
    const spec = TABS.find((s) => findTab(s, state.tabs) === t);
    return spec ? { name: t.name, headerRow: applyToHeaderRow(spec.key, t.headerRow, steps) } : t;
  });
  for (const s of steps) if (s.type === 'addTab') tabs.push({ name: s.name, headerRow: [...s.headers] });
  const setVersion = steps.find((s) => s.type === 'setVersion');
  return { version: setVersion ? setVersion.version : state.version, tabs };
}
