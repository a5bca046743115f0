// Adds the demo network's year (year-term.ts) to its sandbox spreadsheet after the tracker is seeded: one
// append per tab, rows with stable ids, so a second start adds nothing.
import { TableAppender } from '../../shared/google/table-rows';
import { tabByKey, type TabKey } from '../../shared/schema/sheet';
import { connect } from '../google/connect';
import { staticTokens } from '../google/node-transport';
import { YEAR_ROWS } from './year-term';

export async function seedYear(sandboxUrl: string, token: string, spreadsheetId: string): Promise<number> {
  const google = connect({ origin: sandboxUrl, tokens: staticTokens(token), sheetsLimit: null });
  try {
    let added = 0;
    for (const [key, rows] of Object.entries(YEAR_ROWS))
      added += (
        await new TableAppender(google.sheets, spreadsheetId, tabByKey(key as TabKey)).append(rows ?? [])
      ).appended.length;
    return added;
  } finally {
    google.close();
  }
}
