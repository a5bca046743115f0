// The Resources tab as requests: what a principal asked for, for whom, who owns getting it, its status, the
// date it is due (the next meeting unless the ILD sets another) and the Drive link once it is ready.
import { sameName, type TabSnapshot } from '../tracker/table';
import { readYearTable } from './year-table';

export interface ResourceRequest {
  row: number;
  id: string;
  request: string;
  forWhom: string;
  school: string;
  askedOn: string | null;
  owner: string;
  status: string;
  due: string | null;
  link: string;
}

export const REQUEST_STATUSES = ['asked', 'brokering', 'ready', 'not possible'] as const;

export function readResources(snapshots: readonly TabSnapshot[]) {
  const t = readYearTable('resources', snapshots);
  const requests: ResourceRequest[] = t.table.rows.flatMap((row) => {
    const request = t.text(row, 'request');
    if (!request) {
      t.problems.push(`${t.address(row.row, 'request')}: no request written; Rounds left this row out.`);
      return [];
    }
    return [
      {
        row: row.row,
        id: t.text(row, 'id'),
        request,
        forWhom: t.text(row, 'forWhom'),
        school: t.text(row, 'school'),
        askedOn: t.day(row, 'askedOn', 'the request still counts.'),
        owner: t.text(row, 'owner'),
        status: t.text(row, 'status') || 'asked',
        due: t.day(row, 'due', 'the request is shown without a due date.'),
        link: t.text(row, 'link'),
      },
    ];
  });
  return { requests, sheetName: t.table.sheetName, table: t.table, problems: t.problems };
}

/** One school's requests, newest first: what a principal sees in the sidebar. */
export function requestsOf(requests: readonly ResourceRequest[], school: string): ResourceRequest[] {
  return requests
    .filter((r) => sameName(r.school, school))
    .sort((a, b) => (b.askedOn ?? '').localeCompare(a.askedOn ?? '') || b.row - a.row);
}
