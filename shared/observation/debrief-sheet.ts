// Where a collected visit lands in the network spreadsheet: its rows in the Debrief tab (replacing what an
// earlier collection of the same visit wrote, every other row and the network's own columns kept) and its
// next level of work in the host school's row of Schools, beside whatever the ILD typed there.
import { recordToRow, tabByKey, type CellValue } from '../schema/sheet';
import { readTable, sameName, text, type TabSnapshot } from '../tracker/table';
import type { DebriefRecord } from './collect';

export interface BlockWrite {
  /** The tab's name in this spreadsheet. */
  sheetName: string;
  /** 1-based first row and column of the block. */
  row: number;
  column: number;
  values: CellValue[][];
}

/**
 * The Debrief tab's rows below the header, rewritten in one block: other visits' rows in their order, then
 * this visit's new rows; rows left over at the bottom are emptied. Null when the tab is missing.
 */
export function debriefWrite(
  snapshots: readonly TabSnapshot[],
  visit: string,
  records: readonly DebriefRecord[],
): BlockWrite | null {
  const spec = tabByKey('debrief');
  const table = readTable(spec, snapshots);
  if (!table.sheetName) return null;
  const header = table.headerRow;
  const width = header.length;
  const kept = table.rows.filter((r) => text(r.get('visit')) !== visit).map((r) => pad(r.cells, width));
  const fresh = records.map((r, i) =>
    pad(recordToRow(spec, header, { ...r, id: `debrief-v${visit}-${i + 1}` }), width),
  );
  const lastRow = Math.max(1, ...table.rows.map((r) => r.row), ...table.blankRows);
  const height = Math.max(lastRow - 1, kept.length + fresh.length);
  const values = [...kept, ...fresh];
  while (values.length < height) values.push(Array.from({ length: width }, () => ''));
  return { sheetName: table.sheetName, row: 2, column: 1, values };
}

/** The host school's "Next level of work" with this visit's items on their own line (replacing the visit's earlier line). */
export function nextLevelWrite(
  snapshots: readonly TabSnapshot[],
  visit: { number: string; date: string; hostSchool: string },
  items: readonly string[],
): { write: BlockWrite | null; problem: string | null } {
  if (!items.length) return { write: null, problem: null };
  const spec = tabByKey('schools');
  const table = readTable(spec, snapshots);
  const column = table.positions.get('nextLevelOfWork');
  if (!table.sheetName || column === undefined)
    return {
      write: null,
      problem: 'The Schools tab has no “Next level of work” column: run Upgrade tracker.',
    };
  const row = table.rows.find((r) => sameName(r.get('name'), visit.hostSchool));
  if (!row)
    return {
      write: null,
      problem: `“${visit.hostSchool}” is not on the Schools tab, so the next level of work stays in the Debrief tab only.`,
    };
  const label = `Visit ${visit.number}${visit.date ? ` (${visit.date})` : ''}:`;
  const ours = `${label} ${items.join('; ')}`;
  const lines = text(row.get('nextLevelOfWork'))
    .split('\n')
    .filter(
      (l) => l.trim() && !l.startsWith(`Visit ${visit.number} (`) && !l.startsWith(`Visit ${visit.number}:`),
    );
  return {
    write: {
      sheetName: table.sheetName,
      row: row.row,
      column: column + 1,
      values: [[[...lines, ours].join('\n')]],
    },
    problem: null,
  };
}

function pad(cells: readonly CellValue[], width: number): CellValue[] {
  return Array.from({ length: width }, (_, i) => cells[i] ?? '');
}
