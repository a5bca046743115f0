// What every command of the network's year works with: the year tabs, the document lock, today's date in
// the spreadsheet's time zone and fresh row ids — found through services/ in Apps Script, faked in tests.
import { activeDocumentLock } from '../services/lock';
import { activeYearSheets, type YearSheets } from '../services/year-sheets';
import type { DocumentLock } from '../tracker/set-up-tracker';
import { tabByKey, type TabKey } from '../../shared/schema/sheet';

export interface YearDeps {
  sheets: YearSheets;
  lock: DocumentLock;
  today: string;
  newId(): string;
}

export function openYear(): YearDeps {
  const found = activeYearSheets();
  if (!found)
    throw new Error(
      'The network’s year lives in the network spreadsheet. Open it and choose Extensions → Rounds → Open Rounds sidebar.',
    );
  return { ...found, lock: activeDocumentLock() };
}

/** The message when a year tab is not in the spreadsheet yet: nothing is written, and the fix is one click. */
export function missingTab(key: TabKey): Error {
  return new Error(
    `This spreadsheet has no ${tabByKey(key).name} tab yet. Choose Extensions → Rounds → Upgrade tracker to add it (nothing else changes), then try again.`,
  );
}
