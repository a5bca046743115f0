// `rounds run-chart`: JSON Lines of measures in, one chart per line out, bad lines named by number.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../tools/cli/main';
import { capturedIO } from './captured-io';

function fileWith(content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'run-chart-'));
  const path = join(dir, 'measures.jsonl');
  writeFileSync(path, content);
  return path;
}

describe('rounds run-chart', () => {
  it('charts each measure and names each bad line without stopping', async () => {
    const shifted = [3, 4, 3, 4, 3, 4, 8, 9, 8, 9, 8, 9];
    const path = fileWith(
      [
        JSON.stringify({ id: 'reading-minutes', points: shifted }),
        '{not json',
        '',
        JSON.stringify({ id: 'short', points: [1, 2, 3] }),
        JSON.stringify({ id: 'words', points: [1, 'two', 3] }),
        JSON.stringify({ id: 'none', points: [] }),
        JSON.stringify({ points: [1] }),
        JSON.stringify({ id: 'short', points: [4] }),
        '[1,2,3]',
      ].join('\n'),
    );
    const io = capturedIO();
    expect(await main(['run-chart', path], io)).toBe(1);
    const charts = io.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(charts).toEqual([
      {
        id: 'reading-minutes',
        median: 6,
        runs: 2,
        useful: 12,
        signals: [
          { rule: 'shift', start: 0, end: 5 },
          { rule: 'runs', start: 0, end: 11 },
          { rule: 'shift', start: 6, end: 11 },
        ],
        astronomical: [],
      },
      {
        id: 'short',
        median: 2,
        runs: 2,
        useful: 2,
        signals: [],
        astronomical: [],
        note: expect.stringMatching(/too few points/),
      },
    ]);
    expect(io.err).toMatch(/^line 2: is not valid JSON$/m);
    expect(io.err).toMatch(/^line 5: point 2 is not a number \(got "two"\)$/m);
    expect(io.err).toMatch(/^line 6: "points" is empty/m);
    expect(io.err).toMatch(/^line 7: "id" is missing$/m);
    expect(io.err).toMatch(/^line 8: id "short" is already used by line 4$/m);
    expect(io.err).toMatch(/^line 9: each line should be a JSON object/m);
    expect(io.err).toMatch(/6 of 8 lines could not be charted/);
  });

  it('refuses a line that is not UTF-8 and still charts the rest; exits 0 when all lines are read', async () => {
    const mixed = Buffer.concat([
      Buffer.from([0xff, 0xfe, 0x0a]),
      Buffer.from(JSON.stringify({ id: 7, points: [1, 1, 1] })),
    ]);
    const io = capturedIO();
    expect(await main(['run-chart', fileWith(mixed)], io)).toBe(1);
    expect(io.err).toMatch(/line 1: is not valid UTF-8/);
    expect(JSON.parse(io.out)).toMatchObject({ id: '7', median: 1, runs: 0, useful: 0 });

    const ok = capturedIO();
    expect(await main(['run-chart', fileWith(JSON.stringify({ id: 'a', points: [2] }))], ok)).toBe(0);
  });

  it('exits 2 when the file is missing or no file is given', async () => {
    const missing = capturedIO();
    expect(await main(['run-chart', '/nonexistent/measures.jsonl'], missing)).toBe(2);
    expect(missing.err).toMatch(/cannot read/);
    const none = capturedIO();
    expect(await main(['run-chart'], none)).toBe(2);
    expect(none.err).toMatch(/give the FILE/);
  });
});

describe('rounds run-chart on 3,000 hostile lines', () => {
  it('names every bad line, charts every good one in order, and echoes nothing raw', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const text = (s: string) => Buffer.from(s, 'utf8');
    const json = (v: unknown) => text(JSON.stringify(v));
    const makers: Array<(n: number) => { bytes: Buffer; good?: string; blank?: boolean }> = [
      (n) => ({ bytes: json({ id: `g${n}`, points: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5] }), good: `g${n}` }),
      (n) => ({ bytes: json({ id: `h${n}`, points: [1e308, -1e308, 0] }), good: `h${n}` }),
      (n) => ({ bytes: text(`{"__proto__":{"polluted":1},"id":"p${n}","points":[1,2]}`), good: `p${n}` }),
      () => ({ bytes: json({ id: 'x', points: [1, '\u001b[31mred\u0007', 2] }) }),
      () => ({ bytes: json({ id: 'x', points: [1, [[[[1]]]]] }) }),
      () => ({ bytes: text(`{"id":"deep","points":[${'['.repeat(5000)}${']'.repeat(5000)}]}`) }),
      () => ({ bytes: json({ id: 'x', points: 'one two three' }) }),
      () => ({ bytes: json({ id: { nested: true }, points: [1] }) }),
      () => ({ bytes: json({ id: '  ', points: [1] }) }),
      () => ({ bytes: text('{"id":"x","points":[1,2,NaN]}') }),
      () => ({ bytes: text('{"id":"x","points":[1e999]}') }),
      () => ({ bytes: Buffer.from([0x7b, 0xc3, 0x28, 0x7d]) }),
      () => ({ bytes: text('\u0000\u0001 garbage \u001b[2J') }),
      () => ({ bytes: text('null') }),
      () => ({ bytes: text(' \t '), blank: true }),
    ];
    const lines = Array.from({ length: 3000 }, (_, n) => makers[Math.floor(random() * makers.length)]!(n));
    const io = capturedIO();
    const body = Buffer.concat(lines.flatMap((l) => [l.bytes, Buffer.from('\n')]));
    expect(await main(['run-chart', fileWith(body)], io)).toBe(1);
    const reported = [...io.err.matchAll(/^line (\d+): /gm)].map((m) => Number(m[1]));
    expect(reported).toEqual(lines.flatMap((l, i) => (l.good || l.blank ? [] : [i + 1])));
    const ids = io.out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(lines.flatMap((l) => (l.good ? [l.good] : [])));
    expect(io.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(io.err).toContain('point 2 is not a number (got "\\u001b[31mred\\u0007")');
    expect(io.err).toContain('point 2 is not a number (got a list)');
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
