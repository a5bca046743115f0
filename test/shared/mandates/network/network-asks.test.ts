// The same ask across the network: each member's copy counted once, reminders, extensions and another
// department's different words linked to the first email.
import { describe, expect, it } from 'vitest';
import { repeatedAsks, type SeenMandate } from '../../../../shared/mandates/network/network-asks';

const assessment = 'Office of Assessment <assessment@district.example.org>';
const settings = {
  domains: ['district.example.org'],
  offices: ['Office of Assessment', 'Special Education'],
  senders: [],
};
const first = {
  messageId: '<acc-1@district.example.org>',
  from: assessment,
  subject: 'Testing accommodations list due December 11',
  excerpt:
    'Principals must submit the list of testing accommodations for students with IEPs and 504 plans by December 11, 2026.',
  sent: '2026-12-01',
};
const seen: SeenMandate[] = [
  { ...first, seenBy: 'ana@district.example.org' },
  { ...first, messageId: 'acc-1@district.example.org', seenBy: 'Ben@district.example.org' },
  {
    messageId: 'sped-7@district.example.org',
    from: 'Special Education <sped@district.example.org>',
    subject: 'Accommodations for state testing',
    excerpt:
      "Please send your school's list of testing accommodations for students with IEPs and 504 plans by December 11, 2026.",
    sent: '2026-12-02',
    seenBy: 'cruz@district.example.org',
  },
  {
    messageId: 'acc-2@district.example.org',
    from: assessment,
    subject: 'Reminder: testing accommodations list',
    excerpt:
      'Reminder: principals must submit the list of testing accommodations for students with IEPs and 504 plans by December 11, 2026.',
    sent: '2026-12-07',
    seenBy: 'ana@district.example.org',
  },
  {
    messageId: 'acc-3@district.example.org',
    from: assessment,
    subject: 'Extended: testing accommodations list',
    excerpt:
      'The deadline for the list of testing accommodations for students with IEPs and 504 plans has been extended to December 18, 2026. Principals must submit it by then.',
    sent: '2026-12-10',
    seenBy: 'ben@district.example.org',
  },
  {
    messageId: 'bus@district.example.org',
    from: 'Transportation <bus@district.example.org>',
    subject: 'Winter bus routes',
    excerpt: 'Principals must share the winter bus routes with families by December 15, 2026.',
    sent: '2026-12-03',
    seenBy: 'ana@district.example.org',
  },
];

describe('repeated asks across the network', () => {
  it('groups the same ask from every copy, naming reminders, extensions and other departments', () => {
    const asks = repeatedAsks(seen, settings);
    expect(asks).toHaveLength(1);
    const [ask] = asks;
    expect(ask!.messages.map((m) => [m.messageId, m.relation, m.department, m.seenBy])).toEqual([
      [
        'acc-1@district.example.org',
        'first',
        'Office of Assessment',
        ['ana@district.example.org', 'ben@district.example.org'],
      ],
      [
        'sped-7@district.example.org',
        'another_department',
        'Special Education',
        ['cruz@district.example.org'],
      ],
      ['acc-2@district.example.org', 'reminder', 'Office of Assessment', ['ana@district.example.org']],
      ['acc-3@district.example.org', 'extension', 'Office of Assessment', ['ben@district.example.org']],
    ]);
    expect(ask!.seenBy).toEqual([
      'ana@district.example.org',
      'ben@district.example.org',
      'cruz@district.example.org',
    ]);
    expect(ask!.wordings).toBe(4);
    expect(ask!.departments).toBe(2);
  });

  it('leaves out asks made once, and one email seen by many is still one email', () => {
    expect(repeatedAsks(seen.slice(0, 2), settings)).toEqual([]);
    expect(repeatedAsks([seen[5]!], settings)).toEqual([]);
  });
});
