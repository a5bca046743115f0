// The Mandates tab as the network's shared memory of central-office mail: one row per member's copy, read back
// into repeatedAsks so the ILD sees one ask that several principals received in different words.
import { describe, expect, it } from 'vitest';
import { repeatedAsks } from '../../../../shared/mandates/network/network-asks';
import {
  openingLines,
  readSharedMandates,
  sharedMandateRecord,
  sharedMandateRowId,
  type SharedMandate,
} from '../../../../shared/mandates/network/seen-asks';
import { recordToRow, tabByKey } from '../../../../shared/schema/sheet';

const tab = tabByKey('mandates');
const header = tab.columns.map((c) => c.header);
const row = (m: SharedMandate) => recordToRow(tab, header, sharedMandateRecord(m).record, []);

const roster: SharedMandate = {
  messageId: '<roster@district.example.org>',
  seenBy: 'Ana@district.example.org',
  subject: 'Required: winter proctor roster due Friday, December 5',
  from: 'Office of Assessment <assessment@district.example.org>',
  department: 'Office of Assessment',
  text: 'Principals: each school must submit its winter interim proctor roster in the assessment portal no later than Friday, December 5.',
  sent: '2025-12-03',
  tier: 'must_do',
  firstDue: '2025-12-05',
  why: 'a required submission with a date',
};
const reminder: SharedMandate = {
  messageId: 'roster-title1@district.example.org',
  seenBy: 'ben@district.example.org',
  subject: 'Reminder: proctor roster for the winter interim',
  from: 'Title I Programs <title1@district.example.org>',
  text: 'Reminder: principals must submit the winter interim proctor roster in the assessment portal by Friday, December 5.',
  sent: '2025-12-04',
  tier: 'must_do',
};

describe('shared copies of central-office mail', () => {
  it('gives one row id per email per member, whatever the brackets or case of the address', () => {
    expect(sharedMandateRowId('<roster@district.example.org>', 'Ana@District.example.org ')).toBe(
      sharedMandateRowId('roster@district.example.org', 'ana@district.example.org'),
    );
    expect(sharedMandateRowId('roster@d', 'ana@d')).not.toBe(sharedMandateRowId('roster@d', 'ben@d'));
  });

  it('shares only the opening lines, cut at a word', () => {
    const long = `${'word '.repeat(200)}end`;
    const cut = openingLines(long);
    expect(cut.length).toBeLessThanOrEqual(401);
    expect(cut.endsWith('word…')).toBe(true);
    expect(openingLines('  two\n\nlines  ')).toBe('two lines');
    expect(sharedMandateRecord({ ...roster, text: long }).record.excerpt).toBe(cut);
  });

  it('reads rows back, each copy once by Message-ID, and leaves out rows with no Message-ID', () => {
    const values = [
      header,
      row(roster),
      row({ ...roster, seenBy: 'ben@district.example.org' }),
      row(reminder),
      // Typed by hand before sharing existed: no Message-ID, nothing to match across mailboxes.
      ['', '2025-12-01', 'Budget memo', 'budget@district.example.org', 'fyi', '', ''],
    ];
    const { seen, problems } = readSharedMandates(values);
    expect(problems).toEqual([]);
    expect(seen.map((s) => [s.messageId, s.seenBy])).toEqual([
      ['roster@district.example.org', 'ana@district.example.org'],
      ['roster@district.example.org', 'ben@district.example.org'],
      ['roster-title1@district.example.org', 'ben@district.example.org'],
    ]);
    const asks = repeatedAsks(seen);
    expect(asks).toHaveLength(1);
    expect(asks[0]!.messages.map((m) => [m.messageId, m.relation])).toEqual([
      ['roster@district.example.org', 'first'],
      ['roster-title1@district.example.org', 'another_department'],
    ]);
    expect(asks[0]!.seenBy).toEqual(['ana@district.example.org', 'ben@district.example.org']);
    expect(asks[0]!.wordings).toBe(2);
  });

  it('names a date it cannot read and uses the row without it', () => {
    const bad = row(roster);
    bad[header.indexOf('Received')] = 'Wednesday';
    const { seen, problems } = readSharedMandates([header, bad]);
    expect(seen[0]!.sent).toBeUndefined();
    expect(problems).toEqual([
      'Mandates, row 2, column "Received": "Wednesday" is not a date; the row is used without it.',
    ]);
  });
});
