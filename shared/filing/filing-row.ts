// A Filing as the network spreadsheet keeps it: its stable row id (the same email filed to the same step
// is the same Filing, however often it is retried or clicked) and its cells in the Filings tab.

import * as v from 'valibot';
import { type Filing, FilingSchema, type StepNumber } from '../domain';
import { describeIssues } from '../schema/issues';
import type { TableRow } from '../google/table-rows';

export function filingId(kind: Filing['kind'], sourceId: string, cycleId: string, step: StepNumber): string {
  return `${kind}:${sourceId}:${cycleId}:${step}`;
}

/** Checks a Filing before anything is written, so bad input stops with a sentence and leaves no half-filing. */
export function checkFiling(filing: Filing): Filing {
  const parsed = v.safeParse(FilingSchema, filing);
  if (!parsed.success) throw new Error(`This cannot be filed: ${describeIssues(parsed.issues)}`);
  return parsed.output;
}

export function filingRow(filing: Filing): TableRow {
  return {
    id: filing.id,
    record: {
      filedAt: filing.filedAt,
      kind: filing.kind,
      cycle: filing.cycleId,
      step: filing.step,
      title: filing.title,
      from: filing.from,
      sourceId: filing.sourceId,
      driveFileId: filing.driveFileId,
      filedBy: filing.filedBy,
    },
  };
}
