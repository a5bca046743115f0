// `rounds triage FILE`: JSON Lines, .eml and .mbox in; one JSON line per message out with its id kept; bad
// records named by line while the rest are triaged; user rules applied; usage mistakes answered with exit 2.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../tools/cli/main';
import { capturedIO } from './captured-io';
import { readMessages } from '../../tools/mail/read-messages';
import type { MandateMessage, Triage } from '../../shared/mandates/types';

const root = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, '../fixtures/mail');
const scratch = mkdtempSync(join(tmpdir(), 'rounds-triage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const capture = (cwd = fixtures) => capturedIO(cwd);

async function triage(...argv: string[]) {
  const io = capture();
  const code = await main(['triage', ...argv], io);
  const results = io.out
    ? io.out
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Triage)
    : [];
  return { code, results, err: io.err, byId: Object.fromEntries(results.map((r) => [r.id, r])) };
}

async function messagesIn(path: string): Promise<MandateMessage[]> {
  const out: MandateMessage[] = [];
  for await (const item of readMessages(path)) if (item.kind === 'message') out.push(item.message);
  return out;
}

describe('rounds triage on JSON Lines', () => {
  it('prints one JSON line per record, ids kept, with every triage field', async () => {
    const { code, results, err } = await triage('notices.jsonl');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(results.map((r) => r.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    for (const r of results) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining([
          'tier',
          'audience',
          'deadlines',
          'actions',
          'contacts',
          'systems',
          'reasons',
        ]),
      );
    }
  });

  it('reads a hard deadline, its lead time, and a reminder as a repeat of the first ask', async () => {
    const { byId } = await triage('notices.jsonl');
    expect(byId.n1!.tier).toBe('must_do');
    expect(byId.n1!.deadlines).toContainEqual(expect.objectContaining({ date: '2026-12-04', kind: 'due' }));
    expect(byId.n1!.leadTimeDays).toBe(3);
    expect(byId.n2!.repeatOf).toBe('n1');
    expect(byId.n3!.tier).toBe('not_for_principals');
  });

  it('names each bad line and why, and still triages the good ones (exit 1)', async () => {
    const { code, results, err } = await triage('broken.jsonl');
    expect(code).toBe(1);
    // Line 4's only fault is its optional date: a note, and the message is triaged without lead time.
    expect(results.map((r) => r.id)).toEqual(['b1', 'b4', 'b8']);
    expect(results.find((r) => r.id === 'b4')?.leadTimeDays).toBeUndefined();
    expect(err).toContain('line 2: "text" must be a string (got number 42)\n');
    expect(err).toContain('line 3: is not valid JSON');
    expect(err).toContain('line 4: note: "date" is not a date like 2026-12-04');
    expect(err).toContain('(got "2026-02-30"), so it is triaged without lead time');
    expect(err).toContain('line 5: id "b1" is already used by line 1; ids must be unique');
    expect(err).toContain(
      'line 6: a record must be a JSON object like {"id": "m1", "text": "..."} (got an array)',
    );
    expect(err).toContain('line 7: "id" is missing');
    expect(err).toContain('5 of 8 records could not be triaged');
  });

  it('skips blank lines and tolerates a version field and null headers', async () => {
    const { code, results } = await triage('good.jsonl');
    expect(code).toBe(0);
    expect(results.map((r) => r.id)).toEqual(['g1', 'g2']);
  });
});

describe('rounds triage on mail', () => {
  it('reads an .eml: Message-ID is the id and the sender’s own date anchors the deadline', async () => {
    const { code, results } = await triage('safety-plan.eml');
    expect(code).toBe(0);
    expect(results).toHaveLength(1);
    expect(results[0]!.id).toBe('safety-plan-2026@district.example');
    expect(results[0]!.deadlines).toContainEqual(
      expect.objectContaining({ date: '2026-12-04', kind: 'due' }),
    );
    // Sent at 19:45 on 1 December New York time: the lead time counts from the 1st, not the UTC 2nd.
    expect(results[0]!.leadTimeDays).toBe(3);
  });

  it('reads an HTML-only email as text and gives it a stable id when it has no Message-ID', async () => {
    const first = await triage('html-only.eml');
    const second = await triage('html-only.eml');
    expect(first.results[0]!.id).toMatch(/^sha256-[0-9a-f]{20}$/);
    expect(second.results[0]!.id).toBe(first.results[0]!.id);
    const [message] = await messagesIn(join(fixtures, 'html-only.eml'));
    expect(message!.text).toContain(
      'Registration for the district science fair opens December 7 and closes December 18.',
    );
    expect(message!.text).toContain('• Schools may register up to five projects & one alternate.');
    expect(message!.text).not.toMatch(/<|color:red/);
  });

  it('splits an .mbox into its messages and unescapes ">From " lines', async () => {
    const { code, results } = await triage('mailbox.mbox');
    expect(code).toBe(0);
    expect(results.map((r) => r.id)).toEqual([
      'mbox-1@district.example',
      'mbox-2@district.example',
      expect.stringMatching(/^sha256-/),
    ]);
    const messages = await messagesIn(join(fixtures, 'mailbox.mbox'));
    expect(messages[0]!.text).toContain('\nFrom the transportation office');
    expect(messages[0]!.text).not.toContain('>From');
    expect(messages[0]!.date).toBe('2026-12-01T09:00:00-05:00');
  });

  it('reads a mailbox saved with Windows line endings the same way', async () => {
    const crlf = readFileSync(join(fixtures, 'mailbox.mbox'), 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(join(scratch, 'crlf.mbox'), crlf);
    const messages = await messagesIn(join(scratch, 'crlf.mbox'));
    expect(messages.map((m) => m.subject)).toEqual([
      'Bus evacuation drill report due December 2',
      'Custodial overtime sheets',
      'Leadership institute',
    ]);
  });

  it('tells formats apart by content when the extension is wrong or missing', async () => {
    copyFileSync(join(fixtures, 'safety-plan.eml'), join(scratch, 'saved-mail.txt'));
    copyFileSync(join(fixtures, 'good.jsonl'), join(scratch, 'records'));
    copyFileSync(join(fixtures, 'mailbox.mbox'), join(scratch, 'mailbox.eml'));
    const ids = async (file: string) => {
      const io = capture(scratch);
      expect(await main(['triage', file], io)).toBe(0);
      return io.out
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as Triage).id);
    };
    expect(await ids('saved-mail.txt')).toEqual(['safety-plan-2026@district.example']);
    expect(await ids('records')).toEqual(['g1', 'g2']);
    expect(await ids('mailbox.eml')).toHaveLength(3);
  });

  it('refuses a file with an .eml name that is not an email', async () => {
    const { code, err } = await triage('not-mail.eml');
    expect(code).toBe(1);
    expect(err).toMatch(/^not-mail\.eml: does not look like an email/m);
  });
});

describe('rounds triage --rules', () => {
  it('applies a user rule before the built-in ones and shows it as the reason', async () => {
    const plain = await triage('notices.jsonl');
    const ruled = await triage('notices.jsonl', '--rules', 'rules.json');
    expect(plain.byId.n1!.tier).toBe('must_do');
    expect(ruled.code).toBe(0);
    expect(ruled.byId.n1!.tier).toBe('fyi');
    const reason = ruled.byId.n1!.reasons.find((r) => r.rule.includes('quiet-safety'));
    expect(reason).toMatchObject({ effect: 'fyi' });
    // Mail from other senders is untouched by the rule.
    expect(ruled.byId.n3!.tier).toBe(plain.byId.n3!.tier);
  });

  it('rejects a bad rules file rule by rule, and triages nothing (exit 2)', async () => {
    const { code, results, err } = await triage('notices.jsonl', '--rules', 'bad-rules.json');
    expect(code).toBe(2);
    expect(results).toEqual([]);
    expect(err).toContain(
      'bad-rules.json: rule 1 ("r1"): "tier" must be one of must_do, action, fyi, not_for_principals (got "urgent")',
    );
    expect(err).toContain(
      'bad-rules.json: rule 2 ("r2"): "match" needs at least one of "sender", "department" or "phrase"',
    );
    expect(err).toContain('bad-rules.json: rule 3: a rule must be a JSON object (got "not a rule")');
  });

  it('says when the rules file is not JSON or not there', async () => {
    writeFileSync(join(scratch, 'rules.txt'), '[{"id": "r1",]');
    const io = capture(scratch);
    expect(await main(['triage', join(fixtures, 'good.jsonl'), '--rules', 'rules.txt'], io)).toBe(2);
    expect(io.err).toMatch(/rules\.txt is not valid JSON/);
    const missing = await triage('good.jsonl', '--rules', 'nope.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read the rules file nope.json: no such file');
  });
});

describe('rounds triage usage', () => {
  it.each([
    [[], /give the FILE to triage/],
    [['nope.jsonl'], /cannot read nope\.jsonl: no such file/],
    [['.'], /\. is a folder/],
    [['good.jsonl', '--bogus'], /Unknown option '--bogus'/],
    [['good.jsonl', 'notices.jsonl'], /one FILE at a time/],
    [['good.jsonl', '--rules'], /--rules/],
  ])('%j exits 2 with a clear message', async (argv, message) => {
    const { code, err } = await triage(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('explains itself with --help', async () => {
    const io = capture();
    expect(await main(['triage', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: rounds triage FILE \[--rules RULES\.json\]/);
    expect(io.out).toContain('Exit status: 0');
  });

  it('runs as a real process with the exit status a script can test', () => {
    const proc = spawnSync(
      process.execPath,
      ['tools/bin/rounds.mjs', 'triage', 'test/fixtures/mail/broken.jsonl'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(proc.status).toBe(1);
    expect(proc.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(proc.stderr).toContain('line 2: "text" must be a string (got number 42)');
    // A fresh process compiles the TypeScript through tsx: seconds on a busy shared machine, not a speed test.
  }, 30_000);
});
