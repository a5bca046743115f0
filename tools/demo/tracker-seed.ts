// Fills the demo network's spreadsheet as the ILD left it after setting up the tracker with the add-on:
// the tracker's tabs (the same plan the add-on and the extension apply), the six schools with their IPOPs,
// cycle 2 in the Lead phase at step 4 on the network's common problem, and the fall term's filings, visits,
// support log and action plans (tracker-term.ts). Rows carry stable ids, so a second run appends nothing.
import { setUpNetworkTracker } from '../../shared/network/network-files';
import { TableAppender, type TableRow } from '../../shared/google/table-rows';
import { tabByKey, type TabKey } from '../../shared/schema/sheet';
import { connect } from '../google/connect';
import { staticTokens } from '../google/node-transport';
import { CYCLE, IPOP, SCHOOLS } from './network';
import { ACTION_ROWS, contactRows, filingRows, SCHOOL_ROWS, VISIT_ROWS } from './tracker-term';

export interface SeededTracker {
  /** Rows this run added (0 on a second run). */
  rowsAdded: number;
}

export async function seedTracker(
  sandboxUrl: string,
  token: string,
  spreadsheetId: string,
): Promise<SeededTracker> {
  const google = connect({ origin: sandboxUrl, tokens: staticTokens(token), sheetsLimit: null });
  const append = async (key: TabKey, rows: readonly TableRow[]) =>
    (await new TableAppender(google.sheets, spreadsheetId, tabByKey(key)).append(rows)).appended.length;
  try {
    await setUpNetworkTracker(google.sheets, spreadsheetId);
    let rowsAdded = await append(
      'schools',
      SCHOOLS.map((s) => ({
        id: s.id,
        record: {
          name: s.name,
          level: s.level ?? null,
          principal: s.principal ?? null,
          principalEmail: s.principalEmail ?? null,
          ...SCHOOL_ROWS[s.id],
        },
      })),
    );
    rowsAdded += await append('cycles', [
      {
        id: CYCLE.id,
        record: {
          name: CYCLE.name,
          phase: CYCLE.phase,
          problem: CYCLE.problem,
          ipop: IPOP.question,
          currentStep: CYCLE.currentStep,
          startedOn: CYCLE.startedOn ?? null,
        },
      },
    ]);
    rowsAdded += await append('filings', filingRows());
    rowsAdded += await append('visits', VISIT_ROWS);
    rowsAdded += await append('contacts', contactRows());
    rowsAdded += await append('actionPlans', ACTION_ROWS);
    return { rowsAdded };
  } finally {
    google.close();
  }
}
