// The worker's reading of the network spreadsheet for central-office mail and its small decisions: who is
// the central office, which Rules rows are used and which are named and skipped, who is an ILD, the same
// correction keeping one id, and which week a digest starts on.
import { describe, expect, it } from 'vitest';
import { ruleId } from '../../extension/background/mandates';
import { mondayOf } from '../../extension/background/week-digest';
import { addressIn, readNetworkMail } from '../../extension/background/network-mail';

const SETTINGS = [
  ['Rounds ID', 'Setting', 'Value', 'What it does'],
  ['s1', 'District domains', 'district.example.org', ''],
  ['s2', 'Central offices', 'Office of Assessment; Facilities and Operations', ''],
];
const RULES = [
  ['Rounds ID', 'Sender', 'Department', 'Phrase', 'Tier', 'Note'],
  ['r1', '', 'Facilities and Operations', '', 'not for principals', ''],
  ['r2', 'news@district.example.org', '', '', 'urgent!!', ''],
  ['r3', '', '', '', 'fyi', ''],
];
const TRANSLATIONS = [
  ['Rounds ID', 'Tier', 'What this means for you', 'What to do', 'Message-ID'],
  [
    'translation:roster@district.example.org',
    'must_do',
    'Name two proctors.',
    'Enter them.',
    '<roster@district.example.org>',
  ],
];
const MEMBERS = [
  ['Rounds ID', 'Email', 'Name', 'Role'],
  ['m1', 'Dana@District.example.org', 'Dana', 'ILD'],
  ['m2', 'pat@district.example.org', 'Pat', 'principal'],
];

describe("the network spreadsheet's say on central-office mail", () => {
  const mail = readNetworkMail([SETTINGS, RULES, TRANSLATIONS, MEMBERS]);

  it('counts an office writing from the district as the central office, and a teacher elsewhere not', () => {
    expect(mail.centralOffice('Office of Assessment <assessment@district.example.org>').central).toBe(true);
    const teacher = mail.centralOffice('Lee Carter <l.carter@maplegrove.example.org>');
    expect(teacher.central).toBe(false);
    expect(teacher.why).toContain('maplegrove.example.org');
  });

  it('uses readable Rules rows and names each damaged one (tab, row, column) instead of failing', () => {
    expect(mail.rules.map((r) => r.match.department)).toEqual(['Facilities and Operations']);
    expect(mail.problems.join('\n')).toMatch(/Rules, row 3, column "Tier": "urgent!!"/);
    expect(mail.problems.join('\n')).toMatch(/Rules, row 4/);
  });

  it('finds the translation by Message-ID, brackets or not, and knows the ILD by email in any case', () => {
    expect(mail.translations.get('roster@district.example.org')?.meaning).toBe('Name two proctors.');
    expect(mail.role('dana@district.example.org')).toBe('ild');
    expect(mail.role('pat@district.example.org')).toBe('principal');
    expect(mail.role('someone@else.org')).toBe('member');
  });

  it('reads the address of a sender whose name carries angle brackets of its own', () => {
    expect(addressIn('<b onmouseover=x>Safety</b> <safety@district.example.org>')).toBe(
      'safety@district.example.org',
    );
  });
});

describe('corrections and the digest week', () => {
  it('gives the same correction the same id, however it is typed, and another tier another id', () => {
    const a = ruleId({ match: { department: 'Facilities and Operations ' }, tier: 'fyi' });
    expect(ruleId({ match: { department: 'facilities and operations' }, tier: 'fyi' })).toBe(a);
    expect(ruleId({ match: { department: 'Facilities and Operations' }, tier: 'action' })).not.toBe(a);
  });

  it('starts a week on its Monday', () => {
    expect(mondayOf('2025-12-03')).toBe('2025-12-01');
    expect(mondayOf('2025-12-07')).toBe('2025-12-01');
    expect(mondayOf('2025-12-01')).toBe('2025-12-01');
  });
});
