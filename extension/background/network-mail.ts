// The network spreadsheet's say on central-office mail, read in two Sheets requests (which tabs exist, then
// those tabs): who counts as the central office (Settings), the network's corrections (Rules), the ILD's
// translations by Message-ID (Translations) and who is an ILD (Members). A hand-edited row that cannot be
// read is named — tab, row, column — and skipped; nothing here is fatal to the panel.
import type { Sheets } from '../../shared/google/sheets';
import { a1 } from '../../shared/google/sheets';
import { GoogleApiError } from '../../shared/google/errors';
import { TIERS, type Tier, type UserRule } from '../../shared/mandates/types';
import { normalizeHeader, rowToRecord, tabByKey, type CellValue } from '../../shared/schema/sheet';
import type { ShownTranslation } from '../../shared/browser/mandate-panel';
import type { ROLES } from '../../shared/browser/mandate-panel';

export type Role = (typeof ROLES)[number];

export interface NetworkMail {
  /** Whether a sender is the central office, and why, as the Settings tab describes it. */
  centralOffice(from: string): { central: boolean; why: string };
  rules: UserRule[];
  translations: Map<string, ShownTranslation>;
  role(email: string | undefined): Role;
  problems: string[];
}

/** Settings rows that name the central office: their values are addresses, domains or office names. */
export const CENTRAL_OFFICE_SETTINGS = ['central office', 'central-office senders', 'central office senders'];

const text = (value: CellValue | undefined) =>
  value === undefined || value === null ? '' : String(value).trim();

/** "must do", "Must-do", "must_do", "FYI" and "not for principals" are the four tiers; else undefined. */
export function readTier(value: string): Tier | undefined {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (TIERS as readonly string[]).includes(key) ? (key as Tier) : undefined;
}

/** The Rules tab's rows as rules, network rows after none; each unreadable row named and skipped. */
export function readRules(values: CellValue[][], problems: string[]): UserRule[] {
  const tab = tabByKey('rules');
  const [header = [], ...rows] = values;
  const tierAt = header.findIndex((h) => normalizeHeader(h) === 'tier');
  const column = (i: number) => (i >= 0 ? String.fromCharCode(65 + (i % 26)) : '');
  const rules: UserRule[] = [];
  rows.forEach((row, i) => {
    const record = rowToRecord(tab, header, row);
    if (Object.keys(record).length === 0) return;
    const at = `Rules row ${i + 2}`;
    const tier = readTier(text(record.tier));
    if (!tier) {
      problems.push(
        `${at}, column ${column(tierAt)} (Tier): “${text(record.tier)}” is not a tier (must do, action, FYI, not for principals); the rule is skipped.`,
      );
      return;
    }
    const match = {
      sender: text(record.sender) || undefined,
      department: text(record.department) || undefined,
      phrase: text(record.phrase) || undefined,
    };
    if (!match.sender && !match.department && !match.phrase) {
      problems.push(`${at} names no sender, department or phrase; the rule is skipped.`);
      return;
    }
    rules.push({
      id: text(record.id) || `row-${i + 2}`,
      match,
      tier,
      note: text(record.note) || undefined,
      scope: 'network',
      addedBy: text(record.addedBy) || undefined,
    });
  });
  return rules;
}

function readTranslations(values: CellValue[][]): Map<string, ShownTranslation> {
  const tab = tabByKey('translations');
  const [header = [], ...rows] = values;
  const found = new Map<string, ShownTranslation>();
  for (const row of rows) {
    const record = rowToRecord(tab, header, row) as Record<string, CellValue>;
    const messageId = text(record.messageId) || text(record.id).replace(/^translation:/, '');
    const meaning = text(record.meaning);
    if (!messageId || !meaning) continue;
    const effort = Number(text(record.effortMinutes));
    found.set(messageId, {
      messageId,
      meaning,
      todo: text(record.todo),
      byWhen: text(record.byWhen) || undefined,
      effortMinutes: Number.isInteger(effort) && effort > 0 ? effort : undefined,
      ipop: text(record.ipop) || undefined,
      skipIf: text(record.skipIf) || undefined,
      tier: readTier(text(record.tier)),
      translatedBy: text(record.translatedBy) || undefined,
      translatedAt: text(record.translatedAt) || undefined,
    });
  }
  return found;
}

function readMembers(values: CellValue[][]): Map<string, Role> {
  const [header = [], ...rows] = values;
  const emailAt = header.findIndex((h) => normalizeHeader(h) === 'email');
  const roleAt = header.findIndex((h) => normalizeHeader(h) === 'role');
  const roles = new Map<string, Role>();
  if (emailAt < 0 || roleAt < 0) return roles;
  for (const row of rows) {
    const email = text(row[emailAt]).toLowerCase();
    const role = text(row[roleAt]).toLowerCase();
    if (email) roles.set(email, role === 'ild' ? 'ild' : role === 'principal' ? 'principal' : 'member');
  }
  return roles;
}

/** The address in "Name <address>" (the last <…>: a display name may hold angle brackets of its own). */
export const addressIn = (from: string): string => /<([^<>]*)>\s*$/.exec(from)?.[1]?.trim() ?? from.trim();

/** Entries of the central-office settings: addresses, @domains or domains, and office names. */
export function centralOfficeOf(entries: readonly string[]): NetworkMail['centralOffice'] {
  const list = entries.map((e) => e.trim().toLowerCase()).filter(Boolean);
  return (from) => {
    if (list.length === 0)
      return { central: true, why: 'The Settings tab names no central office, so every email is triaged.' };
    const lower = from.toLowerCase();
    const address = addressIn(lower);
    const domain = address.split('@')[1] ?? '';
    for (const entry of list) {
      const hit = entry.includes('@')
        ? entry.startsWith('@')
          ? domain === entry.slice(1)
          : address === entry
        : /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(entry)
          ? domain === entry || domain.endsWith(`.${entry}`)
          : lower.includes(entry);
      if (hit) return { central: true, why: `The Settings tab names “${entry}” as the central office.` };
    }
    return { central: false, why: 'The sender is not among the central-office senders in the Settings tab.' };
  };
}

/**
 * One Sheets request when the four tabs are there (set-up adds them); when one is missing (an older sheet,
 * a renamed tab), Sheets refuses the whole read, so the tabs are listed and only those found are read.
 */
export async function loadNetworkMail(sheets: Sheets, spreadsheetId: string): Promise<NetworkMail> {
  const wanted = MAIL_TABS.map((key) => tabByKey(key).name);
  try {
    const got = await sheets.batchGet(
      spreadsheetId,
      wanted.map((t) => a1(t)),
    );
    return readNetworkMail(wanted.map((_, i) => (got.valueRanges?.[i]?.values ?? []) as CellValue[][]));
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
  return readNetworkMail(
    present.map((title) =>
      title === undefined ? [] : ((got.valueRanges?.[ranges.indexOf(title)]?.values ?? []) as CellValue[][]),
    ),
  );
}

const MAIL_TABS = ['settings', 'rules', 'translations', 'members'] as const;

/** The four tabs' values (Settings, Rules, Translations, Members) read into what the panel needs. */
export function readNetworkMail(tabs: CellValue[][][]): NetworkMail {
  const valuesOf = (i: number): CellValue[][] => tabs[i] ?? [];
  const problems: string[] = [];
  const settings = valuesOf(0);
  const [settingsHeader = [], ...settingRows] = settings;
  const settingAt = settingsHeader.findIndex((h) => normalizeHeader(h) === 'setting');
  const valueAt = settingsHeader.findIndex((h) => normalizeHeader(h) === 'value');
  const offices = settingRows
    .filter((r) => CENTRAL_OFFICE_SETTINGS.includes(normalizeHeader(r[settingAt])))
    .flatMap((r) => text(r[valueAt]).split(/[,;\n]+/));
  const members = readMembers(valuesOf(3));
  return {
    centralOffice: centralOfficeOf(offices),
    rules: readRules(valuesOf(1), problems),
    translations: readTranslations(valuesOf(2)),
    role: (email) => (email ? (members.get(email.toLowerCase()) ?? 'member') : 'member'),
    problems,
  };
}
