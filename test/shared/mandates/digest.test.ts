// The weekly digest: what is dated in the window, in the order a principal should read it, with short notice
// and repeated asks called out, and HTML that stays words whatever the sender typed.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  buildDigest,
  daysBetween,
  isCalendarDay,
  type DigestSource,
} from '../../../shared/mandates/digest/digest';
import { escapeHtml, renderDigestHtml, renderDigestText } from '../../../shared/mandates/digest/render';
import type { Deadline, MandateMessage, Triage, TriageItem } from '../../../shared/mandates/types';

function source(
  message: Partial<MandateMessage> & { id: string },
  triage: Partial<Triage> = {},
): DigestSource {
  return {
    message: { text: '', ...message },
    triage: {
      id: message.id,
      tier: 'action',
      confidence: 0.9,
      audience: { roles: ['principals'], levels: [] },
      deadlines: [],
      actions: [],
      contacts: [],
      systems: [],
      reasons: [],
      ...triage,
    },
  };
}

const due = (date: string, text = `by ${date}`): Deadline => ({
  date,
  monthDay: date.slice(5),
  text,
  kind: 'due',
});
const week = { from: '2026-11-30', days: 7 };

describe('buildDigest', () => {
  it('lists must-do items first, then everything else by date', () => {
    const digest = buildDigest(
      [
        source(
          { id: 'survey', subject: 'Coaching survey' },
          { tier: 'action', deadlines: [due('2026-12-01')] },
        ),
        source({ id: 'log', subject: 'Fire drill log' }, { tier: 'must_do', deadlines: [due('2026-12-04')] }),
        source(
          { id: 'night', subject: 'Literacy night' },
          { tier: 'fyi', deadlines: [{ ...due('2026-12-02'), kind: 'event' }] },
        ),
        source({ id: 'plan', subject: 'Safety plan' }, { tier: 'must_do', deadlines: [due('2026-12-02')] }),
      ],
      week,
    );
    expect(digest.entries.map((e) => e.id)).toEqual(['plan', 'log', 'survey', 'night']);
    expect(digest.counts).toMatchObject({ must_do: 2, action: 1, fyi: 1 });
  });

  it('keeps only dates inside the window, last day included', () => {
    const digest = buildDigest(
      [
        source({ id: 'before' }, { deadlines: [due('2026-11-29')] }),
        source({ id: 'first-day' }, { deadlines: [due('2026-11-30')] }),
        source({ id: 'last-day' }, { deadlines: [due('2026-12-06')] }),
        source({ id: 'after' }, { deadlines: [due('2026-12-07')] }),
        source({ id: 'undated' }, { deadlines: [] }),
      ],
      week,
    );
    expect(digest.window.to).toBe('2026-12-06');
    expect(digest.entries.map((e) => e.id)).toEqual(['first-day', 'last-day']);
  });

  it('gives a month-and-day date the year that puts it in the window, and says so', () => {
    const digest = buildDigest(
      [source({ id: 'm' }, { deadlines: [{ monthDay: '01-02', text: 'by January 2', kind: 'due' }] })],
      { from: '2026-12-28', days: 7 },
    );
    expect(digest.entries[0]!.dates[0]).toMatchObject({ date: '2027-01-02', yearAssumed: true });
    // The window is in 2026, so a day in 2027 shows its year.
    expect(renderDigestText(digest)).toContain('Due Sat 2 Jan 2027 (year assumed): “by January 2”');
  });

  it('shows the year of a date outside the window’s year, and leaves it off the rest', () => {
    const digest = buildDigest(
      [
        source({ id: 'late', date: '2025-11-20' }, { tier: 'must_do', deadlines: [due('2026-12-03')] }),
        source({ id: 'now', date: '2026-12-01' }, { tier: 'action', deadlines: [due('2026-12-04')] }),
      ],
      week,
    );
    const text = renderDigestText(digest);
    expect(text).toContain('sent Thu 20 Nov 2025');
    expect(text).toMatch(/sent Tue 1 Dec(?! 2026)/);
    expect(text).toContain('Due Thu 3 Dec: “by 2026-12-03”');
  });

  it('shows "check this one — may be required" with the reason, even on an item for others', () => {
    const digest = buildDigest(
      [
        source(
          { id: 'close' },
          {
            tier: 'action',
            deadlines: [due('2026-12-03')],
            check: true,
            checkReason: 'it reads as optional',
          },
        ),
        source(
          { id: 'elsewhere' },
          { tier: 'not_for_principals', deadlines: [due('2026-12-04')], check: true, checkReason: 'who?' },
        ),
        source({ id: 'sure' }, { tier: 'not_for_principals', deadlines: [due('2026-12-04')] }),
      ],
      week,
    );
    expect(digest.entries.map((e) => e.id)).toEqual(['close', 'elsewhere']);
    expect(digest.forOthers).toBe(1);
    const text = renderDigestText(digest);
    expect(text).toContain('! Check this one — may be required: it reads as optional');
    expect(renderDigestHtml(digest)).toContain('Check this one — may be required: who?');
  });

  it('leaves out items addressed to others but counts them', () => {
    const digest = buildDigest(
      [
        source({ id: 'budget' }, { tier: 'not_for_principals', deadlines: [due('2026-12-03')] }),
        source({ id: 'audit' }, { tier: 'must_do', deadlines: [due('2026-12-03')] }),
      ],
      week,
    );
    expect(digest.entries.map((e) => e.id)).toEqual(['audit']);
    expect(digest.forOthers).toBe(1);
    expect(renderDigestText(digest)).toContain('1 item addressed to others (not principals) left out');
  });

  it('flags a due date sent with little notice, and not one sent weeks ahead', () => {
    const digest = buildDigest(
      [
        source(
          { id: 'rush', subject: 'Audit', date: '2026-12-01T16:00:00-05:00' },
          { tier: 'must_do', deadlines: [due('2026-12-02')] },
        ),
        source(
          { id: 'calm', subject: 'Plan', date: '2026-11-02' },
          { tier: 'must_do', deadlines: [due('2026-12-03')] },
        ),
      ],
      week,
    );
    const [rush, calm] = digest.entries;
    expect(rush!.flags).toEqual([{ kind: 'short_notice', sent: '2026-12-01', due: '2026-12-02', days: 1 }]);
    expect(calm!.flags).toEqual([]);
    expect(renderDigestText(digest)).toContain(
      '! Short notice: sent Tue 1 Dec, due Wed 2 Dec (sent the day before)',
    );
  });

  it('marks a repeated ask and the ask it repeats, so neither is counted twice unnoticed', () => {
    const digest = buildDigest(
      [
        source(
          { id: 'first', subject: 'Fire drill log', date: '2026-11-20' },
          { tier: 'must_do', deadlines: [due('2026-12-04')] },
        ),
        source(
          { id: 'again', subject: 'REMINDER: Fire drill log', date: '2026-11-27' },
          { tier: 'must_do', deadlines: [due('2026-12-04')], repeatOf: 'first' },
        ),
      ],
      week,
    );
    const byId = Object.fromEntries(digest.entries.map((e) => [e.id, e]));
    expect(byId.again!.flags).toContainEqual({
      kind: 'repeat_of',
      earlier: { id: 'first', title: 'Fire drill log', sent: '2026-11-20' },
    });
    expect(byId.first!.flags.map((f) => f.kind)).toContain('asked_again');
    expect(digest.repeats).toBe(1);
    expect(renderDigestText(digest)).toContain(
      'Repeat of an earlier ask: “Fire drill log” (sent Fri 20 Nov)',
    );
  });

  it('lists each dated item of a bulletin under the bulletin’s name', () => {
    const item = (id: string, title: string, d: Deadline, tier: Triage['tier']): TriageItem => ({
      ...source({ id }, { tier, deadlines: [d] }).triage,
      id,
      title,
    });
    const digest = buildDigest(
      [
        source(
          { id: 'weekly', subject: 'Principals’ Weekly' },
          {
            tier: 'must_do',
            deadlines: [due('2026-12-02'), due('2026-12-05')],
            items: [
              item('weekly#1', 'Title I forms', due('2026-12-02'), 'must_do'),
              item('weekly#2', 'Art show', due('2026-12-20'), 'fyi'),
            ],
          },
        ),
      ],
      week,
    );
    expect(digest.entries.map((e) => [e.id, e.title, e.bulletin])).toEqual([
      ['weekly#1', 'Title I forms', 'Principals’ Weekly'],
      ['weekly', 'Principals’ Weekly', undefined],
    ]);
    expect(digest.entries[1]!.dates.map((d) => d.date)).toEqual(['2026-12-05']);
  });
});

describe('rendering', () => {
  const hostile = buildDigest(
    [
      source(
        {
          id: 'x',
          subject: '<script>alert("hi")</script>',
          from: 'Tom & Jerry <tj@district.example>',
          date: '2026-12-01',
        },
        {
          tier: 'must_do',
          deadlines: [due('2026-12-03', 'by <b>Thursday</b>')],
          actions: ["submit the 'form' <now>"],
        },
      ),
    ],
    week,
  );

  it('escapes every value in the HTML, so a subject with <script> arrives as text', () => {
    const html = renderDigestHtml(hostile);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>Thursday');
    expect(html).toContain('&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;');
    expect(html).toContain('Tom &amp; Jerry &lt;tj@district.example&gt;');
    expect(html).toContain('submit the &#39;form&#39; &lt;now&gt;');
  });

  it('uses inline styles only, as mail clients require', () => {
    const html = renderDigestHtml(hostile);
    expect(html).not.toMatch(/<style|class=|<link|<script/i);
    expect(html).toMatch(/^<div style="/);
    const tags = html.match(/<[a-z0-9]+/g) ?? [];
    expect(new Set(tags)).toEqual(new Set(['<div', '<h2', '<p', '<h3', '<span']));
  });

  it('writes each item as a few lines: date and title, dates, call to action, sender, flags', () => {
    const text = renderDigestText(hostile);
    expect(text).toContain('MUST DO');
    expect(text).toContain('1. Thu 3 Dec · <script>alert("hi")</script>');
    expect(text).toContain('   Due Thu 3 Dec: “by <b>Thursday</b>”');
    expect(text).toContain("   To do: submit the 'form' <now>");
    expect(text).toContain('   From: Tom & Jerry <tj@district.example> · sent Tue 1 Dec');
    expect(text).toContain('   ! Short notice: sent Tue 1 Dec, due Thu 3 Dec (2 days to act)');
  });

  it('says plainly when nothing is dated in the window', () => {
    expect(renderDigestText(buildDigest([], week))).toContain(
      'Nothing for principals is dated in this window.',
    );
  });

  it('escapes all five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('calendar days', () => {
  it('counts days across months and leap years', () => {
    expect(daysBetween('2026-11-30', '2026-12-04')).toBe(4);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
  });
});
