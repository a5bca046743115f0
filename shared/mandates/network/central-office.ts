// Which mail is from the central office, as the network describes it in the spreadsheet's Settings tab, so a
// teacher's email is never triaged as a mandate. Three settings (one row each; values split on commas,
// semicolons or new lines):
//   District domains        district.example.org, schools.example.org — where the district's mail comes from
//   Central offices         Office of Assessment; Title I; Transportation — the offices that send mandates
//   Central-office senders  bulletin@district.example.org — addresses that are always the central office
// A sender counts as the central office when it is a listed address, or it writes from a district domain (any
// domain when none is listed) as an office rather than a person: its name or address names a listed office
// (or, with no offices listed, one of DEFAULT_OFFICES), or reads like an office ("Department", "no-reply").
// A person writing from a district domain (a teacher, a colleague) is not the central office unless their
// signature names a listed office.
import type { SheetValues } from './sheet-rows';
import { cellProblem, cellText, readRows } from './sheet-rows';

export interface CentralOfficeSettings {
  /** Mail domains of the district, lower case, without "@"; empty = any domain. Subdomains count. */
  domains: string[];
  /** Office names that send mandates, as people write them ("Office of Assessment", "Title I"). */
  offices: string[];
  /** Addresses that are always the central office, lower case. */
  senders: string[];
}

/** The Settings tab's names for the three settings (compared case-insensitively, spaces and dashes alike). */
export const CENTRAL_OFFICE_SETTING_NAMES = {
  domains: 'District domains',
  offices: 'Central offices',
  senders: 'Central-office senders',
} as const;

/** The three rows as the Settings tab shows them, with what each does (for set-up to add when missing). */
export const CENTRAL_OFFICE_SETTING_ROWS: ReadonlyArray<{ setting: string; value: string; about: string }> = [
  {
    setting: CENTRAL_OFFICE_SETTING_NAMES.domains,
    value: '',
    about:
      "The district's mail domains, separated by commas (district.example.org, schools.example.org). Empty: any domain.",
  },
  {
    setting: CENTRAL_OFFICE_SETTING_NAMES.offices,
    value: '',
    about:
      'The central offices that send mandates, separated by semicolons (Office of Assessment; Title I). Empty: common department names.',
  },
  {
    setting: CENTRAL_OFFICE_SETTING_NAMES.senders,
    value: '',
    about: 'Addresses that are always the central office (a bulletin list), separated by commas.',
  },
];

/**
 * The offices recognised when the Settings tab lists none: the departments a district's central office is
 * usually made of. A sender whose name holds one of these (and is not a person's name) is the central office.
 */
export const DEFAULT_OFFICES: readonly string[] = [
  'Superintendent',
  'Office of',
  'Department of',
  'Division of',
  'Assessment',
  'Accountability',
  'Title I',
  'Special Education',
  'Student Services',
  'Human Resources',
  'Payroll',
  'Finance',
  'Budget',
  'Business Office',
  'Transportation',
  'Facilities',
  'Food Services',
  'Nutrition Services',
  'Health Services',
  'Communications',
  'Technology',
  'Curriculum',
  'Teaching and Learning',
  'Professional Learning',
  'Compliance',
  'Research',
  'Enrollment',
  'Safety',
  'Operations',
  'Wellness',
];

/** Settings when the tab has none of the three rows: any domain, DEFAULT_OFFICES, no listed addresses. */
export const DEFAULT_CENTRAL_OFFICE: CentralOfficeSettings = { domains: [], offices: [], senders: [] };

/** Words in a sender's name or address that make it an office rather than a person. */
const OFFICE_WORDS =
  /\b(?:office|offices|department|dept|division|services?|superintendent|district|central|team|unit|center|centre|board|bureau|committee|program|programs|no-?reply|do-?not-?reply|notifications?|bulletin|newsletter|communications|announcements?|admin|hr|payroll|helpdesk|help desk|compliance|accountability|assessment|transportation|facilities)\b/i;

const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
const split = (s: string) =>
  s
    .split(/[,;\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The three settings from the Settings tab's rows; an unreadable domain or address is named and left out. */
export function readCentralOfficeSettings(values: SheetValues | undefined): {
  settings: CentralOfficeSettings;
  problems: string[];
} {
  const { tab, rows } = readRows('settings', values);
  const settings: CentralOfficeSettings = { domains: [], offices: [], senders: [] };
  const problems: string[] = [];
  for (const { row, record } of rows) {
    const name = key(cellText(record.setting));
    const value = cellText(record.value);
    if (name === key(CENTRAL_OFFICE_SETTING_NAMES.offices)) settings.offices.push(...split(value));
    else if (name === key(CENTRAL_OFFICE_SETTING_NAMES.domains)) {
      for (const raw of split(value)) {
        const domain = raw.toLowerCase().replace(/^@/, '');
        if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(domain)) settings.domains.push(domain);
        else
          problems.push(
            cellProblem(
              tab,
              row,
              'value',
              `"${raw}" is not a mail domain (such as district.example.org); it is left out.`,
            ),
          );
      }
    } else if (name === key(CENTRAL_OFFICE_SETTING_NAMES.senders)) {
      for (const raw of split(value)) {
        const address = raw.toLowerCase();
        if (/^[^\s@<>]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(address)) settings.senders.push(address);
        else
          problems.push(cellProblem(tab, row, 'value', `"${raw}" is not an email address; it is left out.`));
      }
    }
  }
  return { settings, problems };
}

/** A From header split into its display name and address ("Office of Assessment <oa@d.org>"). */
export function parseSender(from: string | undefined): { name: string; address: string } {
  const raw = (from ?? '').trim();
  const angle = /^(.*?)<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/.exec(raw);
  if (angle)
    return {
      name: (angle[1] ?? '').trim().replace(/^"|"$/g, '').trim(),
      address: (angle[2] ?? '').toLowerCase(),
    };
  const bare = /[^\s<>"]+@[^\s<>"]+/.exec(raw);
  if (bare)
    return {
      name: raw
        .replace(bare[0], '')
        .replace(/[<>"()]/g, '')
        .trim(),
      address: bare[0].toLowerCase(),
    };
  return { name: raw.replace(/^"|"$/g, ''), address: '' };
}

function includesWords(haystack: string, needle: string): boolean {
  const n = key(needle);
  if (!n) return false;
  const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`).test(key(haystack));
}

export interface CentralOfficeCall {
  central: boolean;
  /** Why, in a principal's words. */
  why: string;
  /** The office the sender names, when it names one. */
  office?: string;
}

/**
 * Whether a message is from the central office, and why. `context` may carry the subject and the text: a
 * person's signature (the last lines) naming a listed office makes them the central office too.
 */
export function recognizeCentralOffice(
  from: string | undefined,
  settings: CentralOfficeSettings = DEFAULT_CENTRAL_OFFICE,
  context: { text?: string } = {},
): CentralOfficeCall {
  const { name, address } = parseSender(from);
  if (address && settings.senders.includes(address))
    return { central: true, why: `${address} is listed as a central-office sender in the Settings tab.` };
  const domain = address.split('@')[1] ?? '';
  if (settings.domains.length) {
    const inDistrict = settings.domains.some((d) => domain === d || domain.endsWith(`.${d}`));
    if (!inDistrict)
      return {
        central: false,
        why: domain
          ? `${domain} is not one of the district domains in the Settings tab.`
          : 'The sender has no address in a district domain.',
      };
  }
  const offices = settings.offices.length ? settings.offices : DEFAULT_OFFICES;
  const local = address.split('@')[0]?.replace(/[._]+/g, ' ') ?? '';
  const office = offices.find((o) => includesWords(name, o) || includesWords(local, o));
  const where = settings.domains.length ? ` writing from ${domain}` : '';
  if (office) {
    // A listed office is named as the network wrote it; a default one by the sender's own name.
    const named = settings.offices.length ? office : name || address;
    return {
      central: true,
      why: settings.offices.length
        ? `The sender names the central office “${named}” (Settings tab)${where}.`
        : `“${named}” is a central-office department${where}.`,
      office: named,
    };
  }
  if (OFFICE_WORDS.test(name) || OFFICE_WORDS.test(local))
    return { central: true, why: `“${name || address}” is an office rather than a person${where}.` };
  if (settings.offices.length && context.text) {
    const signature = context.text.slice(-400);
    const signed = settings.offices.find((o) => includesWords(signature, o));
    if (signed)
      return {
        central: true,
        why: `The sender signs for the central office “${signed}”${where}.`,
        office: signed,
      };
  }
  return {
    central: false,
    why: `${name || address || 'The sender'} writes as a person (a teacher or a colleague), not as a central office.`,
  };
}

/** Whether a message is from the central office (see recognizeCentralOffice for the reason). */
export function isCentralOffice(
  from: string | undefined,
  settings: CentralOfficeSettings = DEFAULT_CENTRAL_OFFICE,
  context: { text?: string } = {},
): boolean {
  return recognizeCentralOffice(from, settings, context).central;
}
