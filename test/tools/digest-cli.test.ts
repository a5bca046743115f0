// `rounds digest FILE --from DAY --days N`: the dated asks of a window from real triage of the user's file,
// must-do first, flags for short notice and repeats, plain text or email-safe HTML, and clear usage errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../tools/cli/main';
import { capturedIO } from './captured-io';

const fixtures = join(import.meta.dirname, '../fixtures/mail');
const scratch = mkdtempSync(join(tmpdir(), 'rounds-digest-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function digest(argv: string[], cwd = fixtures) {
  const io = capturedIO(cwd);
  const code = await main(['digest', ...argv], io);
  return { code, out: io.out, err: io.err };
}

const week = ['--from', '2026-11-30', '--days', '7'];

describe('rounds digest', () => {
  it('lists the week’s must-do asks first, with what to do, and leaves out mail for others', async () => {
    const { code, out, err } = await digest(['notices.jsonl', ...week]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/^Mandate dates Mon 30 Nov 2026 – Sun 6 Dec 2026 \(7 days\)\n/);
    expect(out).toContain('1 item addressed to others (not principals) left out.');
    expect(out).not.toContain('Budget worksheets');
    // The literacy night on 8 December falls after the window.
    expect(out).not.toContain('Family literacy night');
    const mustDo = out.indexOf('MUST DO');
    expect(mustDo).toBeGreaterThan(0);
    expect(out.indexOf('1. Fri 4 Dec · Fire drill log due Friday')).toBeGreaterThan(mustDo);
    expect(out).toContain('To do: all schools must submit the November fire drill log in SafeSchools');
  });

  it('flags the reminder as a repeat of the first ask, and its short notice', async () => {
    const { out } = await digest(['notices.jsonl', ...week]);
    const reminder = out.slice(out.indexOf('REMINDER: Fire drill log due Friday\n'));
    expect(reminder).toContain('! Short notice: sent Thu 3 Dec, due Fri 4 Dec (sent the day before)');
    expect(reminder).toContain('! Repeat of an earlier ask: “Fire drill log due Friday” (sent Tue 1 Dec)');
    expect(out).toContain('1 is a repeat of an earlier ask.');
  });

  it('puts a wider window’s later dates in, in date order after the must-dos', async () => {
    const { out } = await digest(['notices.jsonl', '--from', '2026-11-30', '--days', '14']);
    expect(out).toContain('Family literacy night [FYI]');
    expect(out.indexOf('Family literacy night')).toBeGreaterThan(out.indexOf('REMINDER: Fire drill log'));
  });

  it('writes an HTML fragment with inline styles in which a <script> subject is only text', async () => {
    const { code, out } = await digest(['weekly.jsonl', ...week, '--html']);
    expect(code).toBe(0);
    expect(out).toMatch(/^<div style="[^"]+">\n<h2 /);
    expect(out).not.toMatch(/<script|<b>|class=|<style/i);
    expect(out).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Forms &amp; &quot;quotes&quot;');
    expect(out).toContain('submit the &lt;b&gt;enrollment&lt;/b&gt; form');
  });

  it('lists a bulletin’s dated items under the bulletin’s name', async () => {
    const { out } = await digest(['weekly.jsonl', ...week]);
    expect(out).toContain("In: Principals' Weekly Update");
    expect(out).toContain('December 1: Principals must submit staff attendance reports in the HR portal');
    // The concert (9 December) and the testing window (15 December) fall outside this week.
    expect(out).not.toContain('Holiday concert');
  });

  it('builds from a mailbox too, and says so when nothing is dated in the window', async () => {
    const inWindow = await digest(['mailbox.mbox', ...week]);
    expect(inWindow.code).toBe(0);
    expect(inWindow.out).toContain('Bus evacuation drill report due December 2');
    const empty = await digest(['mailbox.mbox', '--from', '2027-06-01', '--days', '7']);
    expect(empty.out).toContain('Nothing for principals is dated in this window.');
  });

  it('still builds the digest when some records are bad, naming them and exiting 1', async () => {
    const { code, out, err } = await digest(['broken.jsonl', ...week]);
    expect(code).toBe(1);
    expect(err).toContain('line 2: "text" must be a string (got number 42)');
    expect(err).toContain('5 records could not be read (see above) and are not in the digest.');
    expect(out).toContain('Attendance audit');
  });

  it('keeps the must-dos of a record whose optional date cannot be read, with a note', async () => {
    const records = [
      {
        id: 'year-only',
        date: '2014',
        subject: 'Fire drill log',
        text: 'Schools must file the fire drill log by December 2, 2026.',
      },
      {
        id: 'words',
        date: 'next Friday',
        subject: 'Staff census',
        text: 'Principals are required to submit the staff census no later than December 4, 2026.',
      },
      {
        id: 'no-such-day',
        date: '2026-02-30',
        subject: 'Bus routes',
        text: 'Principals must confirm bus routes by December 3, 2026.',
      },
    ];
    writeFileSync(join(scratch, 'bad-dates.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const { code, out, err } = await digest(['bad-dates.jsonl', ...week], scratch);
    expect(code).toBe(0);
    expect(err).toContain('line 1: note: "date" is not a date like');
    expect(err).toContain('(got "next Friday"), so it is triaged without lead time');
    expect(err).toContain('line 3: note:');
    expect(out).toContain('3 items: 3 must do');
    for (const title of ['Fire drill log', 'Staff census', 'Bus routes']) expect(out).toContain(title);
  });

  it('applies user rules to the digest', async () => {
    const { out } = await digest(['notices.jsonl', ...week, '--rules', 'rules.json']);
    expect(out).not.toContain('MUST DO');
    expect(out).toContain('Fire drill log due Friday [FYI]');
  });
});

describe('rounds digest usage', () => {
  it.each([
    [['notices.jsonl', '--days', '7'], /--from is required/],
    [['notices.jsonl', '--from', '2026-11-30'], /--days is required/],
    [
      ['notices.jsonl', '--from', '2026-02-30', '--days', '7'],
      /--from must be a real day written YYYY-MM-DD/,
    ],
    [['notices.jsonl', '--from', 'monday', '--days', '7'], /--from must be a real day/],
    [
      ['notices.jsonl', ...['--from', '2026-11-30'], '--days', '0'],
      /--days must be a whole number from 1 to 366 \(got "0"\)/,
    ],
    [['notices.jsonl', ...['--from', '2026-11-30'], '--days', 'a week'], /--days must be a whole number/],
    [['--from', '2026-11-30', '--days', '7'], /give the FILE/],
    [['missing.jsonl', ...week], /cannot read missing\.jsonl: no such file/],
    [['notices.jsonl', ...week, '--rules', 'bad-rules.json'], /rule 1 \("r1"\): "tier" must be one of/],
    [['notices.jsonl', ...week, '--colour'], /Unknown option '--colour'/],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    const { code, out, err } = await digest(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).toContain('rounds digest');
  });

  it('explains itself with --help', async () => {
    const { code, out } = await digest(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: rounds digest FILE --from YYYY-MM-DD --days N \[--html\]/);
  });

  it('reads a file given relative to the working folder', async () => {
    writeFileSync(
      join(scratch, 'one.jsonl'),
      JSON.stringify({
        id: 'a',
        subject: 'Audit',
        date: '2026-12-01',
        text: 'Principals must upload the audit by December 3.',
      }) + '\n',
    );
    const { code, out } = await digest(['one.jsonl', ...week], scratch);
    expect(code).toBe(0);
    expect(out).toContain('Thu 3 Dec · Audit');
  });
});
