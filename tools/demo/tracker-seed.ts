// Fills the demo network's spreadsheet as the ILD left it after setting up the tracker with the add-on:
// the tracker's tabs (the same plan the add-on and the extension apply), the six schools, and cycle 2 in
// the Lead phase at step 4 on the network's common problem. Rows carry stable ids, so a second run on the
// same store appends nothing.
import { setUpNetworkTracker } from '../../shared/network/network-files';
import { TableAppender } from '../../shared/google/table-rows';
import { tabByKey } from '../../shared/schema/sheet';
import { connect } from '../google/connect';
import { staticTokens } from '../google/node-transport';
import { CYCLE, IPOP, SCHOOLS } from './network';

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
  try {
    await setUpNetworkTracker(google.sheets, spreadsheetId);
    const schools = await new TableAppender(google.sheets, spreadsheetId, tabByKey('schools')).append(
      SCHOOLS.map((s) => ({
        id: s.id,
        record: {
          name: s.name,
          level: s.level ?? null,
          principal: s.principal ?? null,
          principalEmail: s.principalEmail ?? null,
        },
      })),
    );
    const cycles = await new TableAppender(google.sheets, spreadsheetId, tabByKey('cycles')).append([
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
    return { rowsAdded: schools.appended.length + cycles.appended.length };
  } finally {
    google.close();
  }
}
