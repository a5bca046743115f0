// The network spreadsheet's say on central-office mail, read in one Sheets request (two when a tab is
// missing): who counts as the central office (Settings), the network's corrections (Rules), the ILD's
// translations by Message-ID (Translations) and who is an ILD (Members) — each read by the core's readers in
// shared/mandates/network. A hand-edited row that cannot be read is named (tab, row, column) and skipped.
import { GoogleApiError } from '../../shared/google/errors';
import type { Sheets } from '../../shared/google/sheets';
import { a1 } from '../../shared/google/sheets';
import {
  readCentralOfficeSettings,
  recognizeCentralOffice,
  type CentralOfficeCall,
  type CentralOfficeSettings,
} from '../../shared/mandates/network/central-office';
import { readMembers, roleOf } from '../../shared/mandates/network/members';
import { readNetworkRules, type NetworkRule } from '../../shared/mandates/network/network-rules';
import {
  readTranslations,
  translationsById,
  type Translation,
} from '../../shared/mandates/network/translations';
import { normalizeHeader, tabByKey, type CellValue, type TabKey } from '../../shared/schema/sheet';
import type { ROLES } from '../../shared/browser/mandate-panel';

export type Role = (typeof ROLES)[number];

export interface NetworkMail {
  settings: CentralOfficeSettings;
  /** Whether a sender is the central office, and why, as the Settings tab describes it. */
  centralOffice(from: string, text?: string): CentralOfficeCall;
  /** The Rules tab's rules, newest row first. */
  rules: NetworkRule[];
  translations: Map<string, Translation>;
  role(email: string | undefined): Role;
  problems: string[];
}

/** The address in "Name <address>" (the last <…>: a display name may hold angle brackets of its own). */
export const addressIn = (from: string): string => /<([^<>]*)>\s*$/.exec(from)?.[1]?.trim() ?? from.trim();

/** Without a network: the core's default idea of a central office, no rules, no translations. */
export function noNetworkMail(problems: string[] = []): NetworkMail {
  return readNetworkMail([], problems);
}

/** The four tabs' values, read in one request (two when one is missing). */
export async function loadNetworkMail(sheets: Sheets, spreadsheetId: string): Promise<NetworkMail> {
  return readNetworkMail(await readTabs(sheets, spreadsheetId, MAIL_TABS));
}

/**
 * Tabs of the network spreadsheet by key, each as its values ([] when the tab is not there): one Sheets
 * request when all are there (set-up adds them); when one is missing (an older sheet, a renamed tab, a year
 * tab the add-on has not made yet), Sheets refuses the whole read, so the tabs are listed and only those
 * found are read.
 */
export async function readTabs(
  sheets: Sheets,
  spreadsheetId: string,
  keys: readonly TabKey[],
): Promise<CellValue[][][]> {
  const wanted = keys.map((key) => tabByKey(key).name);
  try {
    const got = await sheets.batchGet(
      spreadsheetId,
      wanted.map((t) => a1(t)),
    );
    return wanted.map((_, i) => (got.valueRanges?.[i]?.values ?? []) as CellValue[][]);
  } catch (error) {
    if (!(error instanceof GoogleApiError) || error.status !== 400) throw error;
  }
  const found = await sheets.get(spreadsheetId, { fields: 'sheets.properties(title)' });
  const titles = (found.sheets ?? []).map((s) => s.properties?.title ?? '');
  const present = wanted.map((name) => titles.find((t) => normalizeHeader(t) === normalizeHeader(name)));
  const ranges = present.filter((t): t is string => t !== undefined);
  const got = ranges.length
    ? await sheets.batchGet(
        spreadsheetId,
        ranges.map((t) => a1(t)),
      )
    : {};
  return present.map((title) =>
    title === undefined ? [] : ((got.valueRanges?.[ranges.indexOf(title)]?.values ?? []) as CellValue[][]),
  );
}

const MAIL_TABS = ['settings', 'rules', 'translations', 'members'] as const;

/** The four tabs' values (Settings, Rules, Translations, Members) read into what the panel needs. */
export function readNetworkMail(tabs: CellValue[][][], problems: string[] = []): NetworkMail {
  const settings = readCentralOfficeSettings(tabs[0]);
  const rules = readNetworkRules(tabs[1]);
  const translations = readTranslations(tabs[2]);
  const members = readMembers(tabs[3]);
  return {
    settings: settings.settings,
    centralOffice: (from, text) => recognizeCentralOffice(from, settings.settings, { text }),
    rules: rules.rules,
    translations: translationsById(translations.translations),
    role: (email) => roleOf(email, members.members) ?? 'member',
    problems: [
      ...problems,
      ...settings.problems,
      ...rules.problems,
      ...translations.problems,
      ...members.problems,
    ],
  };
}
