// `rounds lint-evidence`: evidence lines in, one verdict per line out with the judging words marked, bad
// lines named by number — including thousands of hostile ones — and the good ones all still linted.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../tools/cli/lint-evidence';
import { main } from '../../tools/cli/main';
import { capturedIO } from './captured-io';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lint-evidence-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, body: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

interface Out {
  id: string;
  kind: string;
  flags: Array<{ start: number; end: number; word: string; question: string }>;
}
const outputs = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Out);

describe('rounds lint-evidence', () => {
  it('prints each line’s kind and flags, and names bad lines without stopping', async () => {
    const path = fileWith(
      'notes.jsonl',
      [
        JSON.stringify({ id: 'e1', text: 'Great lesson; students seemed engaged.' }),
        '{not json',
        '',
        JSON.stringify({ id: 'e2', text: 'T said "excellent" to 3 of 5 groups.' }),
        JSON.stringify({ id: 'e3' }),
        JSON.stringify({ id: 7, text: 'Students wrote for 6 minutes.' }),
      ].join('\n'),
    );
    const io = capturedIO();
    expect(await main(['lint-evidence', path], io)).toBe(1);
    const lines = outputs(io.out);
    expect(lines).toEqual([
      {
        id: 'e1',
        kind: 'evaluative',
        flags: [
          {
            start: 0,
            end: 5,
            word: 'Great',
            question: "What did you see or hear that makes you say 'Great'?",
          },
          {
            start: 23,
            end: 37,
            word: 'seemed engaged',
            question: "What did you see or hear that makes you say 'seemed engaged'?",
          },
        ],
      },
      { id: 'e2', kind: 'descriptive', flags: [] },
      { id: '7', kind: 'descriptive', flags: [] },
    ]);
    expect(io.err).toMatch(/^line 2: is not valid JSON/m);
    expect(io.err).toMatch(/^line 5: "text" is missing/m);
    expect(io.err).toMatch(/2 of 5 lines could not be linted \(see above\); the other 3 were/);
  });

  it('reads standard input when the file is -', async () => {
    const io = capturedIO();
    const stdin = Readable.from([
      Buffer.from('{"id":"a","text":"The pacing was '),
      Buffer.from('too slow."}\n{"id":"b","text":"S1: it\'s 12"}'),
    ]);
    expect(await run(['-'], io, stdin)).toBe(0);
    expect(outputs(io.out).map((o) => [o.id, o.kind, o.flags.map((f) => f.word)])).toEqual([
      ['a', 'evaluative', ['too slow']],
      ['b', 'descriptive', []],
    ]);
  });

  it('lists names and room numbers too when asked with --identity', async () => {
    const path = fileWith(
      'names.jsonl',
      JSON.stringify({ id: 'n1', text: 'In Room 214, Ms. Rosario asked Marcus to read.' }) + '\n',
    );
    const io = capturedIO();
    expect(await main(['lint-evidence', path, '--identity'], io)).toBe(0);
    const [line] = outputs(io.out) as Array<Out & { identity: Array<{ found: string; kind: string }> }>;
    expect(line!.identity.map((w) => [w.kind, w.found])).toEqual([
      ['room', 'Room 214'],
      ['name', 'Ms. Rosario'],
      ['name', 'Marcus'],
    ]);
    const plain = capturedIO();
    await main(['lint-evidence', path], plain);
    expect(outputs(plain.out)[0]).not.toHaveProperty('identity');
  });

  it('exits 2 for a missing file, a folder or no file, and 1 for a file with nothing in it', async () => {
    const missing = capturedIO();
    expect(await main(['lint-evidence', join(dir, 'nope.jsonl')], missing)).toBe(2);
    expect(missing.err).toMatch(/cannot read .*nope\.jsonl: no such file/);
    const folder = capturedIO();
    expect(await main(['lint-evidence', dir], folder)).toBe(2);
    expect(folder.err).toMatch(/is a folder/);
    const none = capturedIO();
    expect(await main(['lint-evidence'], none)).toBe(2);
    expect(none.err).toMatch(/give the FILE/);
    const empty = capturedIO();
    expect(await main(['lint-evidence', fileWith('empty.jsonl', '\n\n')], empty)).toBe(1);
    expect(empty.err).toMatch(/holds no evidence lines/);
    const help = capturedIO();
    expect(await main(['lint-evidence', '--help'], help)).toBe(0);
    expect(help.out).toMatch(/Usage: rounds lint-evidence FILE/);
  });
});

/** A small seeded generator, so a failure reproduces with the same inputs. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Case = { bytes: Buffer; good?: { id: string; text: string }; blank?: boolean; reason?: RegExp };
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const raw = (s: string) => Buffer.from(s, 'utf8');

describe('rounds lint-evidence on 5,000 hostile lines', () => {
  let lines: Case[];
  let io: ReturnType<typeof capturedIO>;
  let code: number;

  beforeAll(async () => {
    const rand = random(16);
    const makers: Array<(n: number) => Case> = [
      () => ({ bytes: json({}), reason: /"id" is missing/ }),
      () => ({ bytes: raw('{}{}'), reason: /not valid JSON/ }),
      () => ({
        bytes: json({ id: 'x', text: ['an', 'array'] }),
        reason: /"text" must be a string \(got an array\)/,
      }),
      () => ({ bytes: json({ id: 'x', text: null }), reason: /"text" must be a string \(got null\)/ }),
      () => ({ bytes: json({ id: { a: 1 }, text: 'x' }), reason: /"id" must be a string/ }),
      () => ({ bytes: json({ id: '  ', text: 'x' }), reason: /"id" must not be empty/ }),
      () => ({ bytes: json({ id: 'x', text: '   ' }), reason: /"text" is empty/ }),
      () => ({ bytes: raw('[{"id":"a","text":"b"}]'), reason: /must be a JSON object/ }),
      () => ({ bytes: raw('"just a string"'), reason: /must be a JSON object/ }),
      () => ({ bytes: raw("{'id': 'py', 'text': 'repr'}"), reason: /not valid JSON/ }),
      () => ({ bytes: raw('\u001b[31m{"id":"ansi"}\u001b[0m'), reason: /not valid JSON/ }),
      (n) => ({ bytes: json({ id: `s${n}`, text: 'lone \ud800 high' }), reason: /lone surrogate/ }),
      (n) => ({ bytes: raw(`{"id":"u${n}","text":"escaped \\udfff"}`), reason: /lone surrogate/ }),
      (n) => ({ bytes: json({ id: `z${n}`, text: 'a NUL \u0000 inside' }), reason: /NUL character/ }),
      () => ({ bytes: Buffer.from([0x7b, 0xff, 0xfe, 0x22, 0xc3]), reason: /not valid UTF-8/ }),
      () => ({ bytes: raw('['.repeat(5_000) + ']'.repeat(5_000)), reason: /must be a JSON object/ }),
      () => ({
        bytes: raw(`{"id":"deep","text":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}`),
        reason: /"text" must be a string/,
      }),
      () => ({ bytes: json({ id: 'long', text: 'x'.repeat(20_001) }), reason: /20,001 characters long/ }),
      (n) => {
        const text = 'Students seemed confused, as if the task were too hard.';
        return {
          bytes: raw(`{"__proto__":{"polluted":true},"id":"p${n}","text":"${text}"}`),
          good: { id: `p${n}`, text },
        };
      },
      (n) => {
        const text = '📚 Família: T said “muito bem” — 5 of 9 wrote 学校; rigorous!';
        return {
          bytes: json({ id: `e${n}`, text, extra: { nested: [1, null] } }),
          good: { id: `e${n}`, text },
        };
      },
      (n) => {
        const text = `\u001b[2J${'\u0007'.repeat(2)} control characters, then great work`;
        return { bytes: json({ id: `c${n}`, text }), good: { id: `c${n}`, text } };
      },
      (n) => {
        const text = 'Students wrote answers on whiteboards. '.repeat(400) + 'The class was clearly bored.';
        return { bytes: json({ id: `l${n}`, text }), good: { id: `l${n}`, text } };
      },
      () => ({ bytes: raw(' \t '), blank: true }),
    ];
    lines = Array.from({ length: 5_000 }, (_, n) => makers[Math.floor(rand() * makers.length)]!(n));
    lines[11] = { bytes: Buffer.alloc(5 * 1024 * 1024, 0x61), reason: /longer than 4 MiB/ };
    const body = Buffer.concat(lines.flatMap((c, i) => (i ? [Buffer.from('\n'), c.bytes] : [c.bytes])));
    io = capturedIO(dir);
    code = await main(['lint-evidence', fileWith('hostile.jsonl', body)], io);
  });

  it('names every bad line with its reason and lints every good one, in order', () => {
    expect(code).toBe(1);
    const reported = new Map<number, string>();
    for (const m of io.err.matchAll(/^line (\d+): (.*)$/gm)) reported.set(Number(m[1]), m[2]!);
    const bad = lines.flatMap((c, i) => (c.reason ? [i + 1] : []));
    expect(bad.length).toBeGreaterThan(3_000);
    expect([...reported.keys()].sort((a, b) => a - b)).toEqual(bad);
    lines.forEach((c, i) => {
      if (c.reason) expect(reported.get(i + 1)).toMatch(c.reason);
    });

    const good = lines.flatMap((c) => (c.good ? [c.good] : []));
    const out = outputs(io.out);
    expect(out.map((o) => o.id)).toEqual(good.map((g) => g.id));
    out.forEach((o, k) => {
      expect(o.kind).not.toBe('descriptive');
      for (const f of o.flags) expect(good[k]!.text.slice(f.start, f.end)).toBe(f.word);
    });
    expect(io.err).toMatch(
      new RegExp(`${bad.length} of ${bad.length + good.length} lines could not be linted`),
    );
  });

  it('echoes nothing that would move the cursor or ring the terminal, and lets no "__proto__" pollute', () => {
    expect(io.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
