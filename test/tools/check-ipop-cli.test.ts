// `rounds check-ipop`: JSON Lines of problems of practice in, one verdict per line out, bad lines by number.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../tools/cli/main';
import { capturedIO } from './captured-io';

function fileWith(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-ipop-'));
  const path = join(dir, 'ipops.jsonl');
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('rounds check-ipop', () => {
  it('prints each statement’s criteria and advice, and names bad lines without stopping', async () => {
    const path = fileWith([
      JSON.stringify({ id: 'a', text: 'Student talk' }),
      '{not json',
      '',
      JSON.stringify({ id: 'b', text: 'How do students explain their reasoning in math?' }),
      JSON.stringify({ id: 'c' }),
    ]);
    const io = capturedIO();
    const code = await main(['check-ipop', path], io);
    expect(code).toBe(1);
    const lines = io.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    const topic = lines[0] as {
      criteria: Record<string, { pass: boolean }>;
      advice: string[];
      pass: boolean;
    };
    expect(Object.keys(topic.criteria)).toEqual([
      'question',
      'studentLearning',
      'instructionalCore',
      'observable',
      'actionable',
      'grounded',
      'strategy',
    ]);
    expect(topic.pass).toBe(false);
    expect(topic.advice[0]).toMatch(/names a topic/);
    expect(io.err).toMatch(/line 2: not valid JSON/);
    expect(io.err).toMatch(/line 5: "text" must be a string/);
    expect(io.err).toMatch(/2 of 4 lines could not be checked/);
  });

  it('exits 0 when every line is read, and 2 when the file is missing', async () => {
    const ok = capturedIO();
    expect(await main(['check-ipop', fileWith([JSON.stringify({ id: 1, text: 'Why?' })])], ok)).toBe(0);
    const missing = capturedIO();
    expect(await main(['check-ipop', '/nonexistent/ipops.jsonl'], missing)).toBe(2);
    expect(missing.err).toMatch(/cannot read/);
  });
});
