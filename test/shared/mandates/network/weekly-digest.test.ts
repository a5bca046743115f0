// The weekly digest with the ILD's translations: must-do first then by date, short notice in school days,
// repeats flagged, the ILD's summary sections, and HTML that stays inert whatever the subjects and senders say.
import { describe, expect, it } from 'vitest';
import { triageAll } from '../../../../shared/mandates/triage';
import type { MandateMessage } from '../../../../shared/mandates/types';
import { schoolDaysBetween } from '../../../../shared/mandates/digest/digest';
import {
  applyTranslation,
  buildWeeklyDigest,
  renderWeeklyHtml,
  renderWeeklyText,
} from '../../../../shared/mandates/network/weekly-digest';
import type { Translation } from '../../../../shared/mandates/network/translations';
import { summaryFromTracker } from '../../../../shared/mandates/network/weekly-summary';
import { tabByKey } from '../../../../shared/schema/sheet';

const mail: MandateMessage[] = [
  {
    id: 'short@d',
    subject: 'Staffing comparability data',
    from: 'Title I Office <titlei@district.example.org>',
    date: '2026-11-30',
    text: 'Principals must submit the staffing comparability data in the grants portal by December 1, 2026.',
  },
  {
    id: 'acc-1@d',
    subject: 'Testing accommodations list',
    from: 'Office of Assessment <assessment@district.example.org>',
    date: '2026-11-23',
    text: 'Principals must submit the list of testing accommodations for students with IEPs and 504 plans by December 4, 2026.',
  },
  {
    id: 'acc-2@d',
    subject: 'Accommodations for state testing',
    from: 'Special Education <sped@district.example.org>',
    date: '2026-11-25',
    text: "Please send your school's list of testing accommodations for students with IEPs and 504 plans by December 4, 2026.",
  },
  {
    id: 'concert@d',
    subject: '<script>alert(1)</script> Winter concert season',
    from: '"onerror=alert(1) x" <news@district.example.org>',
    date: '2026-11-24',
    text: 'For your information: the winter concert season opens on December 3, 2026 at the arts center.',
  },
  {
    id: 'boiler@d',
    subject: 'Boiler checks',
    from: 'Facilities <facilities@district.example.org>',
    date: '2026-11-24',
    text: 'Head custodians must log the boiler pressure readings by December 2, 2026.',
  },
];

const translations: Translation[] = [
  {
    messageId: '<concert@d>',
    tier: 'must_do',
    meaning: 'Each school sends <b>two</b> families to the opening: javascript:alert(1)',
    todo: 'Reply with two family names',
    byWhen: '2026-12-02',
    effortMinutes: 10,
    skipIf: 'You already sent names in November.',
    translatedBy: 'Lee Park',
  },
  {
    messageId: 'unseen@d',
    subject: 'Safety drill log',
    tier: 'action',
    meaning: 'The drill log moves online.',
    todo: 'Enter the November drill in the safety portal',
    byWhen: '2026-12-05',
  },
];

const triaged = triageAll(mail);
const sources = mail.map((message, i) => ({ message, triage: triaged[i]! }));
const weekly = buildWeeklyDigest({
  sources,
  translations,
  window: { from: '2026-11-30', days: 7 },
  nextMeeting: { date: '2026-12-10', title: 'Network meeting 4', where: 'Hillside library' },
  visits: [
    { date: '2026-12-03', school: 'Hillside Elementary', visit: 'Visit 2' },
    { date: '2026-12-20', school: 'Outside the week' },
  ],
});

describe('the weekly digest', () => {
  it('counts school days, not calendar days', () => {
    expect(schoolDaysBetween('2026-11-30', '2026-12-01')).toBe(1);
    expect(schoolDaysBetween('2026-12-04', '2026-12-07')).toBe(1); // Friday to Monday
    expect(schoolDaysBetween('2026-12-04', '2026-12-04')).toBe(0);
    expect(schoolDaysBetween('2026-11-30', '2026-12-03')).toBe(3);
  });

  it('lists must-do first then by date, with translations laid over the engine and flags', () => {
    const rows = weekly.digest.entries.map((e) => [
      e.id,
      e.tier,
      e.dates[0]!.date,
      e.flags.map((f) => f.kind),
      Boolean(e.translation),
    ]);
    expect(rows).toEqual([
      ['short@d', 'must_do', '2026-12-01', ['short_notice'], false],
      ['concert@d', 'must_do', '2026-12-02', [], true],
      ['acc-1@d', 'must_do', '2026-12-04', ['asked_again'], false],
      ['acc-2@d', 'must_do', '2026-12-04', ['repeat_of'], false],
      ['unseen@d', 'action', '2026-12-05', [], true],
    ]);
    expect(weekly.digest.forOthers).toBe(1); // the custodians' boiler log
    expect(weekly.translated).toBe(2);
    expect(weekly.digest.entries[0]!.flags[0]).toEqual({
      kind: 'short_notice',
      sent: '2026-11-30',
      due: '2026-12-01',
      days: 1,
      schoolDays: 1,
    });
    expect(weekly.digest.entries[1]!.actions).toEqual(['Reply with two family names']);
  });

  it('does not flag three school days as short notice', () => {
    const message = { ...mail[0]!, id: 'later@d', date: '2026-11-26' }; // Thursday → Tuesday: 3 school days
    const w = buildWeeklyDigest({
      sources: triageAll([message]).map((triage) => ({ message, triage })),
      window: { from: '2026-11-30', days: 7 },
    });
    expect(w.digest.entries[0]!.flags).toEqual([]);
  });

  it('keeps the engine’s call when a translation gives no tier, and says who translated', () => {
    const t = applyTranslation(triaged[1]!, {
      messageId: 'acc-1@d',
      meaning: 'Same list as last year.',
      todo: '',
    });
    expect(t.tier).toBe(triaged[1]!.tier);
    expect(t.actions).toEqual(triaged[1]!.actions);
    expect(t.reasons[0]!.explanation).toBe('Translated by the ILD: Same list as last year.');
  });

  it('writes plain text with the translation and the ILD’s summary sections', () => {
    const text = renderWeeklyText(weekly);
    expect(text).toContain('What this means for you (Lee Park): Each school sends <b>two</b> families');
    expect(text).toContain('Effort: about 10 minutes');
    expect(text).toContain('Skip if: You already sent names in November.');
    expect(text).toContain('Short notice: sent Mon 30 Nov, due Tue 1 Dec (sent the day before)');
    expect(text).toContain(
      'NEXT NETWORK MEETING\n\n- Thu 10 Dec (in 10 days): Network meeting 4, Hillside library',
    );
    expect(text).toContain('VISITS THIS WEEK\n\n- Thu 3 Dec: Visit 2 at Hillside Elementary');
    expect(text).not.toContain('Outside the week');
    expect(text.indexOf('Staffing comparability')).toBeLessThan(text.indexOf('Safety drill log'));
  });

  it('renders HTML in which subjects, senders and translations are inert text', () => {
    const html = renderWeeklyHtml(weekly);
    expect(html).not.toMatch(/<script|<b>|<x@/i);
    expect(html).not.toMatch(/\sonerror=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Winter concert season');
    expect(html).toContain('&quot;onerror=alert(1) x&quot; &lt;news@district.example.org&gt;');
    expect(html).not.toMatch(/href=/i); // a "javascript:" value can never become a link
    expect(html).toContain('Next network meeting');
    // Every tag is one of the few the renderer writes itself.
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(['div', 'h2', 'h3', 'li', 'p', 'span', 'ul']);
  });

  it('leaves the summary sections out when none are given', () => {
    const plain = buildWeeklyDigest({ sources, window: { from: '2026-11-30', days: 7 } });
    expect(renderWeeklyText(plain)).not.toContain('NEXT NETWORK MEETING');
    expect(renderWeeklyHtml(plain)).not.toContain('Visits this week');
    expect(plain.translated).toBe(0);
  });
});

describe('the ILD’s summary from the tracker', () => {
  const header = (key: Parameters<typeof tabByKey>[0]) => tabByKey(key).columns.map((c) => c.header);
  it('takes the next meeting on or after the week’s start and the week’s visits, naming unreadable dates', () => {
    const meetings = [
      header('meetings'),
      ['m1', '2026-11-12', 'Hillside', 'Feedback'],
      ['m2', '2026-12-10', 'Lakeview', 'Student talk'],
      ['m3', '2027-01-14', 'Oak', 'Data'],
    ];
    const visitsHeader = header('visits');
    const at = (h: string) => visitsHeader.indexOf(h);
    const visit = (number: string, school: string, date: string | number) => {
      const row: (string | number)[] = visitsHeader.map(() => '');
      row[at('Visit')] = number;
      row[at('Host school')] = school;
      row[at('Date')] = date;
      return row;
    };
    const summary = summaryFromTracker(
      {
        meetings,
        visits: [
          visitsHeader,
          visit('3', 'Lakeview', '12/2/2026'),
          visit('4', 'Oak', 'soon'),
          visit('5', 'Pine', '2026-12-09'),
        ],
      },
      { from: '2026-11-30', days: 7 },
    );
    expect(summary.nextMeeting).toEqual({
      date: '2026-12-10',
      title: 'Network meeting: Student talk',
      where: 'hosted by Lakeview',
    });
    expect(summary.visits).toEqual([{ date: '2026-12-02', school: 'Lakeview', visit: 'Visit 3' }]);
    expect(summary.problems).toEqual([
      'Visits, row 3, column "Date": "soon" is not a date; left out of the summary.',
    ]);
    expect(summaryFromTracker({}, { from: '2026-11-30', days: 7 })).toEqual({
      visits: [],
      spotlight: [],
      problems: [],
    });
  });

  it('takes the week’s celebrations from the Spotlight tab, leaving out empty and undated rows', () => {
    const spotlight = [
      header('spotlight'),
      ['s1', '2026-12-01', 'Hillside', 'Hillside: half of room 4 cited the text', 'filing', 'Filings'],
      ['s2', '2026-11-20', 'Oak', 'Oak moved to step 5', '', ''],
      ['s3', '2026-12-03', 'Pine', '', '', ''],
      ['s4', 'last week', 'Lakeview', 'Lakeview adopted talk moves', '', ''],
    ];
    const summary = summaryFromTracker({ spotlight }, { from: '2026-11-30', days: 7 });
    expect(summary.spotlight).toEqual([
      { date: '2026-12-01', school: 'Hillside', celebration: 'Hillside: half of room 4 cited the text' },
    ]);
    expect(summary.problems).toEqual([
      'Spotlight, row 5, column "Date": "last week" is not a date; left out of the summary.',
    ]);
    const weekly = buildWeeklyDigest({ sources: [], window: { from: '2026-11-30', days: 7 }, ...summary });
    expect(renderWeeklyText(weekly)).toContain(
      'TO CELEBRATE\n\n- Tue 1 Dec: Hillside: half of room 4 cited the text',
    );
  });
});

describe('the ILD’s summary of asks several principals received', () => {
  const ask = {
    messages: [
      {
        messageId: 'a@d',
        subject: 'Testing accommodations list',
        department: 'Office of Assessment',
        sent: '2026-12-01',
        tier: 'must_do' as const,
        relation: 'first' as const,
        seenBy: ['ana@d', 'ben@d'],
      },
      {
        messageId: 'b@d',
        subject: '<b>Accommodations</b> for state testing',
        department: 'Special Education',
        sent: '2026-12-02',
        tier: 'must_do' as const,
        relation: 'another_department' as const,
        seenBy: ['cruz@d'],
      },
    ],
    seenBy: ['ana@d', 'ben@d', 'cruz@d'],
    wordings: 2,
    departments: 2,
  };
  const weekly = buildWeeklyDigest({
    sources: [],
    window: { from: '2026-11-30', days: 7 },
    repeatedAsks: [ask],
  });

  it('says how often, by how many departments, and to how many members', () => {
    expect(renderWeeklyText(weekly)).toContain(
      'ASKED MORE THAN ONCE ACROSS THE NETWORK\n\n- Testing accommodations list: asked 2 times by 2 departments, received by 3 members. Testing accommodations list (Office of Assessment, Tue 1 Dec, first asked); <b>Accommodations</b> for state testing (Special Education, Wed 2 Dec, another department)',
    );
  });

  it('keeps the subjects inert in HTML', () => {
    const html = renderWeeklyHtml(weekly);
    expect(html).toContain('&lt;b&gt;Accommodations&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });
});
