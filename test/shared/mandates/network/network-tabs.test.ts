// The network spreadsheet's say on central-office mail: Settings (who is the central office), Rules (the
// network's corrections), Translations (the ILD's cards) and Members (who is the ILD), read from hand-edited
// rows with every unreadable row named by tab, row and column.
import { describe, expect, it } from 'vitest';
import { recordToRow, tabByKey, type CellValue } from '../../../../shared/schema/sheet';
import {
  DEFAULT_CENTRAL_OFFICE,
  isCentralOffice,
  readCentralOfficeSettings,
  recognizeCentralOffice,
} from '../../../../shared/mandates/network/central-office';
import {
  readNetworkRules,
  ruleToRecord,
  rulesInForce,
} from '../../../../shared/mandates/network/network-rules';
import {
  normalizeMessageId,
  readTranslations,
  translationFor,
  translationToRecord,
  type Translation,
} from '../../../../shared/mandates/network/translations';
import { readMembers, roleOf } from '../../../../shared/mandates/network/members';
import { triage } from '../../../../shared/mandates/triage';

const headers = (key: Parameters<typeof tabByKey>[0]) => tabByKey(key).columns.map((c) => c.header);

describe('central-office senders from the Settings tab', () => {
  const { settings, problems } = readCentralOfficeSettings([
    ['Rounds ID', 'Setting', 'Value', 'What it does'],
    ['s1', 'Support weeks', 3, ''],
    ['s2', 'District domains', 'district.example.org, schools.example.org; not a domain', ''],
    ['s3', 'central offices', 'Office of Assessment; Title I\nTransportation', ''],
    ['s4', 'Central-office senders', 'bulletin@news.example.net, nobody', ''],
  ]);

  it('reads domains, offices and addresses, naming what it cannot read', () => {
    expect(settings.domains).toEqual(['district.example.org', 'schools.example.org']);
    expect(settings.offices).toEqual(['Office of Assessment', 'Title I', 'Transportation']);
    expect(settings.senders).toEqual(['bulletin@news.example.net']);
    expect(problems).toEqual([
      'Settings, row 3, column "Value": "not a domain" is not a mail domain (such as district.example.org); it is left out.',
      'Settings, row 5, column "Value": "nobody" is not an email address; it is left out.',
    ]);
  });

  it('knows an office from a person at the same district domain', () => {
    expect(isCentralOffice('Office of Assessment <assess@district.example.org>', settings)).toBe(true);
    expect(isCentralOffice('"Title I Team" <title1@schools.example.org>', settings)).toBe(true);
    expect(isCentralOffice('Payroll Department <pay@district.example.org>', settings)).toBe(true);
    // A teacher writes from the schools' domain as a person.
    const teacher = recognizeCentralOffice('Dana Whitfield <dwhitfield@schools.example.org>', settings);
    expect(teacher.central).toBe(false);
    expect(teacher.why).toContain('as a person');
    // Not a district domain at all, even with an office's name.
    const outside = recognizeCentralOffice('Office of Assessment <oa@elsewhere.example.com>', settings);
    expect(outside).toMatchObject({ central: false });
    expect(outside.why).toContain('elsewhere.example.com is not one of the district domains');
    // A listed address is always the central office, whatever its domain.
    expect(isCentralOffice('News <bulletin@news.example.net>', settings)).toBe(true);
  });

  it('counts a person who signs for a listed office', () => {
    const text = 'Please send the roster by Friday.\n\nMaria Chen\nOffice of Assessment\nDistrict Office';
    expect(isCentralOffice('Maria Chen <mchen@district.example.org>', settings, { text })).toBe(true);
    expect(
      isCentralOffice('Maria Chen <mchen@district.example.org>', settings, { text: 'Thanks, Maria' }),
    ).toBe(false);
  });

  it('with an empty Settings tab, goes by office names and words on any domain', () => {
    const none = readCentralOfficeSettings(undefined);
    expect(none.settings).toEqual(DEFAULT_CENTRAL_OFFICE);
    expect(isCentralOffice('Human Resources <hr@anywhere.example>', none.settings)).toBe(true);
    expect(isCentralOffice('noreply@district.example', none.settings)).toBe(true);
    expect(isCentralOffice('Superintendent Okafor <supt@district.example>', none.settings)).toBe(true);
    expect(isCentralOffice('Jamie Rivera <jrivera@district.example>', none.settings)).toBe(false);
    expect(isCentralOffice('', none.settings)).toBe(false);
  });
});

describe('the Rules tab', () => {
  const header = headers('rules');
  const row = (r: Record<string, CellValue>) => recordToRow(tabByKey('rules'), header, r);

  it('reads rules, names each unreadable row and skips it, newest row first', () => {
    const { rules, problems } = readNetworkRules([
      header,
      row({ id: 'r1', sender: 'wellness@district.example', tier: 'fyi', addedBy: 'lee@district.example' }),
      row({ id: 'r2', phrase: 'Bus pass renewal', tier: 'Not for principals' }),
      [],
      row({ id: 'r3', department: 'Title I', tier: 'urgent' }),
      row({ id: 'r4', tier: 'must do', note: 'forgot the match' }),
      row({ id: 'r5', department: 'Office of Assessment', tier: 'Must-do' }),
    ]);
    expect(rules.map((r) => [r.id, r.tier, r.row])).toEqual([
      ['r5', 'must_do', 7],
      ['r2', 'not_for_principals', 3],
      ['r1', 'fyi', 2],
    ]);
    expect(rules.every((r) => r.scope === 'network')).toBe(true);
    expect(problems).toEqual([
      'Rules, row 5, column "Tier": "urgent" is not one of must_do, action, fyi, not_for_principals; the rule is skipped.',
      'Rules, row 6: names no sender, department or phrase, so it would match nothing; skipped.',
    ]);
  });

  it('writes a rule as a row that reads back as the same rule', () => {
    const record = ruleToRecord(
      { id: 'new', match: { department: 'Title I', phrase: 'comparability' }, tier: 'must_do' },
      { by: 'ild@district.example', at: '2026-12-04T10:00:00Z' },
    );
    const back = readNetworkRules([header, row(record)]);
    expect(back.problems).toEqual([]);
    expect(back.rules[0]).toMatchObject({
      id: 'new',
      match: { department: 'Title I', phrase: 'comparability' },
      tier: 'must_do',
      addedBy: 'ild@district.example',
      addedAt: '2026-12-04T10:00:00Z',
    });
  });

  it('shows a network rule as the reason, with who added it; the user’s own rule comes first', () => {
    const message = {
      id: 'm1',
      from: 'Wellness Office <wellness@district.example>',
      date: '2026-04-01',
      text: 'Principals must post the updated wellness poster in the staff room by April 10.',
    };
    const { rules: network } = readNetworkRules([
      header,
      row({ id: 'n1', sender: 'wellness@district.example', tier: 'fyi', addedBy: 'Lee Park' }),
    ]);
    const t = triage(message, rulesInForce([], network));
    expect(t.tier).toBe('fyi');
    expect(t.reasons[0]?.explanation).toBe(
      'Network rule: mail from "wellness@district.example" is FYI (added by Lee Park).',
    );
    const mine = triage(
      message,
      rulesInForce([{ id: 'l1', match: { phrase: 'wellness poster' }, tier: 'action' }], network),
    );
    const noted = triage(
      message,
      rulesInForce([], [{ ...network[0]!, note: 'The office manager handles posters.' }]),
    );
    expect(noted.reasons[0]?.explanation).toBe(
      'Network rule: mail from "wellness@district.example" is FYI (added by Lee Park). The office manager handles posters.',
    );
    expect(mine.tier).toBe('action');
    expect(mine.reasons[0]?.explanation).toBe('Your rule: mail mentioning "wellness poster" is action.');
  });
});

describe('the Translations tab', () => {
  const header = headers('translations');
  const row = (r: Record<string, CellValue>) => recordToRow(tabByKey('translations'), header, r);
  const card: Translation = {
    messageId: 'CAF1234.5678@mail.district.example',
    subject: 'Comparability report due',
    tier: 'must_do',
    meaning: 'Title I needs our staffing numbers to keep funding.',
    todo: 'Send the staffing sheet to Title I.',
    byWhen: '2026-12-09',
    effortMinutes: 30,
    ipop: 'Frees the data team for our reading-discussion work.',
    skipIf: 'Your school is not Title I.',
    translatedBy: 'ild@district.example',
    translatedAt: '2026-12-04T15:00:00Z',
  };

  it('writes a card and reads it back, matched by Message-ID with or without brackets', () => {
    const { translations, problems } = readTranslations([header, row(translationToRecord(card))]);
    expect(problems).toEqual([]);
    expect(translations).toEqual([card]);
    expect(translationFor('<CAF1234.5678@mail.district.example>', translations)).toEqual(card);
    expect(translationFor('Message-ID: <caf1234.5678@mail.district.example>', translations)).toBeUndefined();
    expect(normalizeMessageId(' <a@b> ')).toBe('a@b');
  });

  it('names unreadable cells, keeps the rest of the row, and skips rows it cannot key', () => {
    const { translations, problems } = readTranslations([
      header,
      row({
        messageId: '<x@d>',
        meaning: 'Means a form.',
        tier: 'soon',
        byWhen: 'next Friday',
        effortMinutes: 'half an hour',
      }),
      row({ meaning: 'No key' }),
      row({ messageId: 'y@d', skipIf: 'always' }),
      row({ messageId: 'z@d', todo: 'Reply', byWhen: 46000, effortMinutes: '15 min' }),
    ]);
    expect(translations.map((t) => t.messageId)).toEqual(['x@d', 'z@d']);
    expect(translations[0]).toEqual({ messageId: 'x@d', meaning: 'Means a form.', todo: '' });
    expect(translations[1]).toMatchObject({ byWhen: '2025-12-09', effortMinutes: 15 });
    expect(problems).toEqual([
      'Translations, row 2, column "Tier": "soon" is not one of must_do, action, fyi, not_for_principals; the engine\'s tier is kept.',
      'Translations, row 2, column "By when": "next Friday" is not a date (write 2026-12-04); left out.',
      'Translations, row 2, column "Effort (minutes)": "half an hour" is not a whole number of minutes; left out.',
      'Translations, row 3, column "Message-ID": empty, so no email can be matched; the row is skipped.',
      'Translations, row 4, column "What this means for you": empty, and so is "What to do"; the row is skipped.',
    ]);
  });
});

describe('the Members tab', () => {
  it('reads roles and answers who is the ILD', () => {
    const header = ['Rounds ID', 'Email', 'Name', 'Role', 'School'];
    const { members, problems } = readMembers([
      header,
      ['m1', 'ILD@District.example', 'Lee Park', 'ILD', ''],
      ['m2', 'Ana Ruiz <ana@district.example>', 'Ana Ruiz', 'principal', 'Hillside Elementary'],
      ['m3', 'sam@district.example', 'Sam', 'coach', ''],
      ['m4', '', 'Nobody', 'principal', ''],
    ]);
    expect(members.map((m) => [m.email, m.role, m.school])).toEqual([
      ['ild@district.example', 'ild', undefined],
      ['ana@district.example', 'principal', 'Hillside Elementary'],
    ]);
    expect(problems).toEqual([
      'Members, row 4, column "Role": "coach" is not one of ild, principal; the row is skipped.',
      'Members, row 5, column "Email": no email; the row is skipped.',
    ]);
    expect(roleOf('ild@district.EXAMPLE', members)).toBe('ild');
    expect(roleOf('Ana <ana@district.example>', members)).toBe('principal');
    expect(roleOf('sam@district.example', members)).toBeUndefined();
    expect(roleOf(undefined, members)).toBeUndefined();
  });
});
