// Ten thousand malformed and hostile records (empty, huge, binary, wrong types, deeply nested, invalid dates,
// prototype-pollution keys, lone surrogates, NUL bytes) go through `rounds triage` in one run: nothing
// crashes, every bad line is named with a reason, and every good line is still triaged.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../tools/cli/main';
import { capturedIO } from './captured-io';
import { TIERS } from '../../shared/mandates/types';

const capture = (cwd: string) => capturedIO(cwd);

/** A small seeded generator, so a failure reproduces with the same inputs. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `noted`: a good line that also gets a note on stderr (a bad optional date, an over-long text). */
type Case = { bytes: Buffer; good?: string; blank?: boolean; noted?: boolean };
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const text = (s: string) => Buffer.from(s, 'utf8');

/** Each maker returns one line (without its newline): a bare line must be refused; `good` ones triaged. */
function makers(rand: () => number): Array<(n: number) => Case | Buffer> {
  const bytesWithout = (length: number, banned: number[]) => {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) {
      let b = Math.floor(rand() * 256);
      while (banned.includes(b)) b = Math.floor(rand() * 256);
      out[i] = b;
    }
    return out;
  };
  return [
    () => json({}),
    () => text('{}{}'),
    () => json({ id: 7, text: 'number id' }),
    () => json({ id: 'x', text: ['an', 'array'] }),
    () => json({ id: 'x', text: { nested: true } }),
    () => json({ id: 'x', text: null }),
    () => json({ id: 'x', text: 'ok', subject: { no: 1 } }),
    () => json({ id: 'x', text: 'ok', from: 42 }),
    () => json({ id: '', text: 'empty id' }),
    () => json({ id: '   ', text: 'blank id' }),
    () => json({ id: 'x' }),
    () => json({ text: 'no id' }),
    // A bad optional date is a note, not a refusal: the message is still triaged, without lead time.
    (n) => ({
      bytes: json({
        id: `d${n}`,
        text: 'bad date',
        date: ['2026-13-01', 'yesterday', '2026-02-30', '', '31/12/2026', '2026-12-04T25:00'][n % 6],
      }),
      good: `d${n}`,
      noted: true,
    }),
    (n) => ({
      bytes: json({ id: `d${n}`, text: 'date is a number', date: 20261204 }),
      good: `d${n}`,
      noted: true,
    }),
    () =>
      text(
        ['42', '"just a string"', 'null', 'true', '[]', '[{"id":"a","text":"b"}]'][Math.floor(rand() * 6)]!,
      ),
    () => text('{"id":"t","text":"unterminated'),
    () => text("{'id': 'single quotes', 'text': 'python repr'}"),
    () => text('{"id":"trailing","text":"comma",}'),
    () => text('\u001b[31m{"id":"ansi"}\u001b[0m not json'),
    (n) => json({ id: `s${n}`, text: 'lone \ud800 high surrogate' }),
    (n) => json({ id: `s${n}\udc00`, text: 'lone low surrogate in the id' }),
    (n) => text(`{"id":"u${n}","text":"encoded lone surrogate \\udfff"}`),
    (n) => json({ id: `z${n}`, text: 'a NUL \u0000 inside' }),
    (n) => Buffer.concat([text(`{"id":"z${n}","text":"raw NUL `), Buffer.from([0]), text(' byte"}')]),
    () => bytesWithout(40 + Math.floor(rand() * 200), [0x0a]),
    () => Buffer.concat([text('{"id":"cesu","text":"'), Buffer.from([0xed, 0xa0, 0x80]), text('"}')]),
    () => text('['.repeat(3_000) + ']'.repeat(3_000)),
    () => text(`{"id":"deep","text":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}`),
    // Records that look hostile but are valid: each must come out triaged.
    (n) => ({
      bytes: text(
        `{"__proto__":{"polluted":true},"id":"p${n}","text":"Principals must file the form by December 4."}`,
      ),
      good: `p${n}`,
    }),
    (n) => ({
      bytes: json({ constructor: { prototype: { polluted: true } }, id: `c${n}`, text: 'Please review.' }),
      good: `c${n}`,
    }),
    (n) => ({
      bytes: json({ id: `e${n}`, text: '📚 Família, 学校, مدرسة — due 12/4 ✅', subject: '\u202eevil' }),
      good: `e${n}`,
    }),
    (n) => ({
      bytes: json({
        version: 3,
        id: `v${n}`,
        text: 'All principals must submit attendance by Friday.',
        date: 'Fri, 4 Dec 2026 09:30:00 -0500',
      }),
      good: `v${n}`,
    }),
    (n) => ({ bytes: json({ id: `w${n}`, text: '', subject: 'Subject only' }), good: `w${n}` }),
    (n) => ({
      bytes: json({
        id: `l${n}`,
        text: 'The committee met to review the plan. '.repeat(40) + 'Submit the report by December 4.',
        date: '2026-12-01',
      }),
      good: `l${n}`,
    }),
    (n) => ({
      bytes: json({
        id: `x${n}`,
        text: `\u001b[2J${'\u0007'.repeat(3)} control characters`,
        extra: { a: [1, { b: null }] },
      }),
      good: `x${n}`,
    }),
    // The first record with this id is triaged; every later one is refused as a duplicate.
    () => ({ bytes: json({ id: 'dup', text: 'Same id as another line.' }), good: 'dup' }),
    () => ({ bytes: text(' \t '), blank: true }),
  ];
}

let dir: string;
let lines: Case[];
let run: ReturnType<typeof capture> & { code: number };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rounds-hostile-'));
  const rand = random(9);
  const make = makers(rand);
  lines = [];
  const used = new Set<string>();
  for (let n = 0; n < 10_000; n++) {
    const made = make[Math.floor(rand() * make.length)]!(n);
    const line: Case = Buffer.isBuffer(made) ? { bytes: made } : made;
    if (line.good && used.has(line.good)) delete line.good;
    if (line.good) used.add(line.good);
    lines.push(line);
  }
  // A few huge lines: past the 4 MiB line cap, and a text field past the character limit.
  lines[17] = { bytes: Buffer.alloc(5 * 1024 * 1024, 0x61) };
  lines[4242] = {
    bytes: json({ id: 'huge-text', text: 'a'.repeat(1_200_000) }),
    good: 'huge-text',
    noted: true,
  };
  lines[5000] = { bytes: text('['.repeat(500_000) + ']'.repeat(500_000)) };
  lines[9999] = {
    bytes: json({ id: 'p-last', text: 'The final line, with no newline after it.' }),
    good: 'p-last',
  };
  const body = Buffer.concat(
    lines.flatMap((c, i) => (i < lines.length - 1 ? [c.bytes, Buffer.from('\n')] : [c.bytes])),
  );
  writeFileSync(join(dir, 'hostile.jsonl'), body);
  // One in-process run of the real command serves every assertion below.
  const io = capture(dir);
  run = Object.assign(io, { code: await main(['triage', 'hostile.jsonl'], io) });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rounds triage on 10,000 hostile records', () => {
  it('refuses every bad line by number and triages every good one, without crashing', () => {
    const io = run;
    expect(io.code).toBe(1);

    const reported = new Map<number, string>();
    const noted = new Map<number, string>();
    for (const m of io.err.matchAll(/^line (\d+): (.*)$/gm))
      (m[2]!.startsWith('note: ') ? noted : reported).set(Number(m[1]), m[2]!);
    const expectedBad = lines.flatMap((c, i) => (c.good || c.blank ? [] : [i + 1]));
    expect(expectedBad.length).toBeGreaterThan(5_000);
    expect([...reported.keys()].sort((a, b) => a - b)).toEqual(expectedBad);
    for (const reason of reported.values()) expect(reason.length).toBeGreaterThan(10);
    expect(reported.get(18)).toMatch(/longer than 4 MiB/);
    expect(noted.get(4243)).toMatch(/its text is 1,200,000 characters long; only the first 60,000 are read/);
    const expectedNoted = lines.flatMap((c, i) => (c.good && c.noted ? [i + 1] : []));
    expect(expectedNoted.length).toBeGreaterThan(100);
    for (const line of expectedNoted) expect(noted.has(line)).toBe(true);

    const ids = io.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; tier: string });
    const expectedGood = lines.flatMap((c) => (c.good ? [c.good] : []));
    expect(ids.map((t) => t.id)).toEqual(expectedGood);
    expect(ids.every((t) => TIERS.includes(t.tier as never))).toBe(true);
    expect(io.err).toMatch(
      new RegExp(
        `${expectedBad.length} of ${expectedBad.length + expectedGood.length} records could not be triaged`,
      ),
    );
  });

  it('says why, in words, for each kind of bad line', () => {
    const io = run;
    for (const phrase of [
      '"id" is missing',
      '"text" must be a string (got an array)',
      '"id" must not be empty',
      'a record must be a JSON object',
      'is not valid JSON',
      'is not valid UTF-8 text',
      'contains broken Unicode (a lone surrogate)',
      'contains a NUL character',
      'is already used by line',
    ]) {
      expect(io.err).toContain(phrase);
    }
    // Echoed input is escaped: no raw escape sequence, bell or NUL reaches the terminal.
    expect(io.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('lets no "__proto__" key pollute objects', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('rounds triage on hostile mail files', () => {
  const nested = (depth: number) =>
    Array.from(
      { length: depth },
      (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n`,
    ).join('') + 'Content-Type: text/plain\n\nhello\n';
  const files: Array<[string, string | Buffer, RegExp, number]> = [
    ['empty.eml', '', /empty\.eml: the file is empty/, 1],
    [
      'binary.eml',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
      /binary\.eml: does not look like an email/,
      1,
    ],
    [
      'headers-only.eml',
      'From: a@b.example\nTo: c@d.example\n\n',
      /has neither a subject nor any readable text/,
      1,
    ],
    [
      'nested.eml',
      `From: a@b.example\nSubject: deep\nMIME-Version: 1.0\n${nested(400)}`,
      /nested\.eml: could not be read as an email/,
      1,
    ],
    [
      'preamble.mbox',
      'junk before the first message\n\nFrom a@b Tue Dec  1 09:00:00 2026\nFrom: a@b.example\nSubject: After junk\n\nHello.\n',
      /^line 1: the text before the first "From " separator/m,
      1,
    ],
    [
      'empty-message.mbox',
      'From a@b Tue Dec  1 09:00:00 2026\n\nFrom c@d Tue Dec  1 10:00:00 2026\nFrom: c@d.example\nSubject: Fine\n\nFine.\n',
      /^message 1 \(line 1\): does not look like an email/m,
      1,
    ],
    [
      'mystery',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      /cannot tell what mystery holds/,
      2,
    ],
  ];

  it.each(files)(
    '%s gets a clear message and the right exit status',
    async (name, content, message, status) => {
      writeFileSync(join(dir, name), content);
      const io = capture(dir);
      expect(await main(['triage', name], io)).toBe(status);
      expect(io.err).toMatch(message);
    },
  );

  it('triages the good message in a mailbox that also holds bad ones', async () => {
    const io = capture(dir);
    await main(['triage', 'empty-message.mbox'], io);
    expect(io.out.trim().split('\n')).toHaveLength(1);
    expect(io.out).toContain('"tier"');
  });

  it('keeps a message whose Date header is not a date, with a note', async () => {
    writeFileSync(
      join(dir, 'bad-date.eml'),
      'From: a@b.example\nSubject: Forms\nDate: someday soon\n\nPlease send the forms.\n',
    );
    const io = capture(dir);
    expect(await main(['triage', 'bad-date.eml'], io)).toBe(0);
    expect(io.err).toMatch(/bad-date\.eml: note: its Date header "someday soon" is not a date/);
    expect(JSON.parse(io.out).leadTimeDays).toBeUndefined();
  });
});
