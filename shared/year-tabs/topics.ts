// The Topics tab as records: what principals proposed for the extended session, who voted for it (one vote
// per school, however often it is typed) and the meeting that took it.
import { normalizeHeader } from '../schema/sheet';
import type { TabSnapshot } from '../tracker/table';
import { readYearTable } from './year-table';

export interface Topic {
  row: number;
  id: string;
  topic: string;
  proposedBy: string;
  proposedOn: string | null;
  /** Each voter once, as first typed. */
  voters: string[];
  /** The meeting that took it; empty while the topic is open. */
  takenOn: string;
}

export function readTopics(snapshots: readonly TabSnapshot[]) {
  const t = readYearTable('topics', snapshots);
  const topics: Topic[] = t.table.rows.flatMap((row) => {
    const topic = t.text(row, 'topic');
    if (!topic) {
      t.problems.push(
        `${t.address(row.row, 'topic')}: this row has no topic; Rounds left it out of the vote.`,
      );
      return [];
    }
    const seen = new Set<string>();
    const voters = t.list(row, 'votes').filter((v) => {
      const key = normalizeHeader(v);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return [
      {
        row: row.row,
        id: t.text(row, 'id'),
        topic,
        proposedBy: t.text(row, 'proposedBy'),
        proposedOn: t.day(row, 'proposedOn', 'the topic still counts.'),
        voters,
        takenOn: t.text(row, 'takenOn'),
      },
    ];
  });
  return { topics, sheetName: t.table.sheetName, table: t.table, problems: t.problems };
}
