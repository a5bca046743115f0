// `rounds digest --translations FILE`: the ILD's translations from a Sheets CSV export or JSON Lines are laid
// over the triage; bad rows are named by row (CSV) or line (JSON Lines) and the rest are used.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../tools/cli/main';
import { capturedIO } from './captured-io';
import { parseCsv } from '../../shared/mandates/network/csv';

const fixtures = join(import.meta.dirname, '../fixtures/mail');
const scratch = mkdtempSync(join(tmpdir(), 'rounds-translations-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

async function digest(argv: string[]) {
  const io = capturedIO(fixtures);
  const code = await main(['digest', 'notices.jsonl', '--from', '2026-11-30', '--days', '7', ...argv], io);
  return { code, out: io.out, err: io.err };
}

// As Google Sheets downloads a tab: CRLF line ends, quotes only where a cell needs them, the hidden Rounds ID
// column included, the network's own column kept.
const csv = [
  'Rounds ID,Tier,What this means for you,What to do,By when,Skip if,Translated by,Translated at,Message-ID,Subject,Effort (minutes),Connects to our IPOP,Our notes',
  'translation:n3,must_do,"Your business manager needs your sign-off, or the budget stalls.","Sign the worksheet\nbefore it goes in",2026-12-03,,Lee Park,2026-12-01T09:00:00Z,n3,Budget worksheets,15,,called Finance',
  'translation:n9,action,The drill log moves online.,Enter the November drill,2026-12-05,,Lee Park,,n9,Safety drill log,,,',
  'translation:bad,urgent,"Quotes ""inside"" survive",Nothing,someday,,,,n4,,,,',
  ',,,,,,,,,,,,',
].join('\r\n');

describe('rounds digest --translations', () => {
  it('reads a Sheets CSV export: each cell as typed, quotes and line breaks kept', () => {
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(5);
    expect(rows[1]![3]).toBe('Sign the worksheet\nbefore it goes in');
    expect(rows[3]![2]).toBe('Quotes "inside" survive');
    expect(parseCsv('\uFEFFa,b\n1,"2"')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('lays the translations over the triage, lists one for unseen mail, and names the bad row', async () => {
    const { code, out, err } = await digest(['--translations', file('translations.csv', csv)]);
    expect(code).toBe(1);
    // For superintendents by the engine; a must-do by the ILD's reading, with their words.
    const mustDo = out.slice(out.indexOf('MUST DO'), out.indexOf('ALSO IN THIS WINDOW'));
    expect(mustDo).toContain('Thu 3 Dec · Budget worksheets for superintendents');
    expect(mustDo).toContain(
      'What this means for you (Lee Park): Your business manager needs your sign-off, or the budget stalls.',
    );
    expect(mustDo).toContain('To do: Sign the worksheet\nbefore it goes in');
    expect(mustDo).toContain('Effort: about 15 minutes');
    expect(out).not.toContain('addressed to others (not principals) left out');
    expect(out).toContain('Sat 5 Dec · Safety drill log [Action]');
    expect(err).toContain(
      'translations.csv: Translations, row 4, column "Tier": "urgent" is not one of must_do, action, fyi, not_for_principals; the engine\'s tier is kept.',
    );
    expect(err).toContain('translations.csv: Translations, row 4, column "By when": "someday" is not a date');
    expect(err).toContain(
      'rounds digest: 2 problems in the translations file (see above); the digest uses the rest.',
    );
  });

  it('reads JSON Lines by field name or by the tab’s headers, naming bad lines', async () => {
    const jsonl = [
      JSON.stringify({
        messageId: 'n3',
        tier: 'must_do',
        meaning: 'Sign-off needed.',
        todo: 'Sign it',
        byWhen: '2026-12-03',
      }),
      '{not json',
      JSON.stringify({
        'Message-ID': 'n9',
        Tier: 'action',
        'What to do': 'Enter the drill',
        'By when': '2026-12-05',
        Subject: 'Safety drill log',
      }),
      JSON.stringify({ messageId: 'n4', meaning: 'x', effortMinutes: 'lots' }),
    ].join('\n');
    const { code, out, err } = await digest(['--translations', file('t.jsonl', jsonl)]);
    expect(code).toBe(1);
    expect(out).toContain('Thu 3 Dec · Budget worksheets for superintendents');
    expect(out).toContain('Safety drill log [Action]');
    expect(err).toContain('t.jsonl, line 2: not JSON; skipped.');
    expect(err).toContain(
      't.jsonl, line 4, column "Effort (minutes)": "lots" is not a whole number of minutes; left out.',
    );
  });

  it('exits 0 when every translation reads, and 2 when the file is not a translations export', async () => {
    const good = csv.split('\r\n').slice(0, 3).join('\r\n');
    expect((await digest(['--translations', file('good.csv', good)])).code).toBe(0);
    const other = await digest(['--translations', file('schools.csv', 'Rounds ID,School\ns1,Hillside\n')]);
    expect(other.code).toBe(2);
    expect(other.err).toContain('schools.csv: the first row has no "Message-ID" column');
    expect(other.out).toBe('');
    const open = await digest(['--translations', file('open.csv', 'Message-ID,Tier\n"n3,must_do\n')]);
    expect(open.code).toBe(2);
    expect(open.err).toContain('row 2: a quoted cell is never closed');
    const missing = await digest(['--translations', join(scratch, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
  });
});
