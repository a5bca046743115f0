// Support consistency: the ILD's support log (Contacts) and the network's settings, read into who was
// supported when, which principals have gone too long without support, and the Contacts row a principal's
// own request for support becomes — the same row whether the sidebar or the extension writes it.
import { recordToRow, tabByKey, type CellValue } from '../schema/sheet';
import { cellAddress, isEmpty, parseDay, text, type Table } from './table';

/** The kinds of contact the support log records; "asked" is the principal asking for support. */
export const SUPPORT_KINDS = ['visit', '1:1', 'call', 'modeling', 'brokering', 'asked'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** What kind of support fits a principal, offered as the Schools tab's dropdown (free text is kept too). */
export const SUPPORT_FITS = [
  'New principal — observation practice',
  'Veteran — operations',
  'New to this level — data',
  'Peer resource — pair with others',
] as const;

export interface TrackerSettings {
  /** A school's row turns amber when nothing was filed, visited or logged for this many days. */
  staleDays: number;
  /** A principal is flagged for the ILD after this many weeks without a contact or visit. */
  supportWeeks: number;
}

export const DEFAULT_SETTINGS: TrackerSettings = { staleDays: 21, supportWeeks: 3 };

export const SETTING_ROWS: readonly { key: keyof TrackerSettings; setting: string; about: string }[] = [
  {
    key: 'staleDays',
    setting: 'Stale after (days)',
    about: "A school's row is highlighted when nothing was filed, visited or logged for this many days.",
  },
  {
    key: 'supportWeeks',
    setting: 'Flag principals not supported for (weeks)',
    about: 'A principal with no contact or visit for this many weeks is flagged for the ILD.',
  },
];

/** The settings the network typed, each checked; a value that is not a sensible number keeps the default. */
export function readSettings(table: Table): {
  settings: TrackerSettings;
  problems: string[];
  missing: string[];
} {
  const settings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const spec = SETTING_ROWS.find((s) => text(row.get('setting')).toLowerCase() === s.setting.toLowerCase());
    if (!spec) continue;
    seen.add(spec.key);
    const raw = row.get('value');
    const value = typeof raw === 'number' ? raw : Number(text(raw));
    if (!isEmpty(raw) && Number.isInteger(value) && value > 0 && value <= 365) settings[spec.key] = value;
    else
      problems.push(
        `${cellAddress(table.sheetName ?? 'Settings', row.row, table.positions.get('value') ?? 0)}: “${text(raw)}” is not a whole number of ${spec.key === 'staleDays' ? 'days' : 'weeks'} from 1 to 365; using ${DEFAULT_SETTINGS[spec.key]}.`,
      );
  }
  return { settings, problems, missing: SETTING_ROWS.filter((s) => !seen.has(s.key)).map((s) => s.setting) };
}

/** One logged contact between the ILD and a principal. */
export interface SupportContact {
  principal: string;
  school: string;
  day: string;
  kind: string;
}

/** The support log's rows as contacts; a row whose date cannot be read is named and left out. */
export function readContacts(table: Table): { contacts: SupportContact[]; problems: string[] } {
  const contacts: SupportContact[] = [];
  const problems: string[] = [];
  for (const row of table.rows) {
    const principal = text(row.get('principal'));
    const school = text(row.get('school'));
    if (!principal && !school) continue; // a central-office contact, not a support contact
    const raw = row.get('date');
    const day = parseDay(raw);
    if (!day) {
      problems.push(
        `${cellAddress(table.sheetName ?? 'Contacts', row.row, table.positions.get('date') ?? 0)}: ${isEmpty(raw) ? 'no date' : `“${text(raw)}” is not a date`}; this contact was left out of the support counts.`,
      );
      continue;
    }
    contacts.push({ principal, school, day, kind: text(row.get('supportKind')).toLowerCase() });
  }
  return { contacts, problems };
}

/** Whether a contact counts as the ILD supporting the principal: a request alone is not support yet. */
export const isSupport = (contact: SupportContact) => contact.kind !== 'asked';

/** The flag shown beside a principal when support has lapsed, or '' when it has not. */
export function supportFlag(lastSupported: string | null, today: string, weeks: number): string {
  if (!lastSupported) return 'Not supported yet';
  const days = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastSupported}T00:00:00Z`)) / 86400000,
  );
  if (days < weeks * 7) return '';
  return `Not supported for ${Math.floor(days / 7)} weeks`;
}

/** What the principal sends when asking the ILD for support. */
export interface SupportRequest {
  principal: string;
  school: string;
  /** The day of the request, YYYY-MM-DD. */
  on: string;
  /** Who recorded it (the principal's email, as the sidebar or extension knows it). */
  by: string;
  note?: string;
  /** A stable id, so a retried request from the extension lands once. */
  id: string;
}

/**
 * The Contacts row for a principal's own request for support, laid out under this sheet's header row. The
 * extension appends it through the Sheets API and the add-on through SpreadsheetApp; both call this.
 */
export function supportRequestRow(headerRow: readonly CellValue[], request: SupportRequest): CellValue[] {
  const problems = [
    request.principal.trim() ? null : 'the principal',
    /^\d{4}-\d{2}-\d{2}$/.test(request.on) ? null : 'the day (YYYY-MM-DD)',
    request.id.trim() ? null : 'an id',
  ].filter(Boolean);
  if (problems.length) throw new Error(`A request for support needs ${problems.join(', ')}.`);
  return recordToRow(tabByKey('contacts'), headerRow, {
    id: request.id,
    principal: request.principal.trim(),
    school: request.school.trim(),
    date: request.on,
    supportKind: 'asked',
    by: request.by,
    note: (request.note ?? '').slice(0, 1000),
  });
}
