// `rounds plan-visits`: a generated 18-school network planned from its file, the coverage table, and a
// hand-written file with mistakes refused with each problem named.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../tools/cli/main';
import { generatedNetwork } from '../../tools/bench/generated-network';
import type { VisitPlan } from '../../shared/year/visit-plan';
import { capturedIO } from './captured-io';

function fileWith(content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-visits-'));
  const path = join(dir, 'network.json');
  writeFileSync(path, content);
  return path;
}

describe('rounds plan-visits', () => {
  const network = generatedNetwork({ schools: 18, meetings: 18, rounds: 8, cadenceDays: 14 });
  const path = fileWith(JSON.stringify(network));

  it('prints the year as JSON: a host per meeting and eight rounds of nine pairs, each with a reason', async () => {
    const io = capturedIO();
    expect(await main(['plan-visits', path], io)).toBe(0);
    const plan = JSON.parse(io.out) as VisitPlan;
    expect(plan.meetings).toHaveLength(18);
    expect(new Set(plan.meetings.map((m) => m.host)).size).toBe(18);
    expect(plan.rounds.map((r) => r.groups.length)).toEqual([9, 9, 9, 9, 9, 9, 9, 9]);
    expect(plan.coverage.map((c) => Object.keys(c))).toContainEqual([
      'school',
      'name',
      'hosted',
      'visited',
      'visitedBy',
      'leftOut',
    ]);
    expect(
      [...plan.meetings, ...plan.rounds.flatMap((r) => r.groups)].every((x) => x.reason.length > 20),
    ).toBe(true);
    expect(io.err).toBe('');
  });

  it('--coverage prints who hosted, visited and was visited, and who was left out', async () => {
    const small = fileWith(
      JSON.stringify({
        start: '2026-09-08',
        meetings: 2,
        rounds: 1,
        schools: [
          { id: 'm', name: 'Maple Grove' },
          { id: 'h', name: 'Harbor View' },
          { id: 'l', name: 'Linden Park' },
        ],
      }),
    );
    const io = capturedIO();
    expect(await main(['plan-visits', small, '--coverage'], io)).toBe(0);
    expect(io.out).toMatch(/^School\s+Hosted\s+Visited\s+Visited by\s+Left out of$/m);
    expect(io.out).toMatch(/^Maple Grove\s+1\s+0\s+2\s+visits no school$/m);
    expect(io.out).toMatch(/Left out: .*Linden Park \(hosts no meeting, is not visited\)/);
    expect(io.out).toMatch(/Note: 2 meetings for 3 schools/);
  });

  it('names every problem in a hand-written file and plans nothing', async () => {
    const io = capturedIO();
    const bad = fileWith(
      JSON.stringify({
        start: '2026-09-08',
        meetings: 'eighteen',
        schools: [{ id: 'a', name: 'A', needs: 'math' }],
      }),
    );
    expect(await main(['plan-visits', bad], io)).toBe(1);
    expect(io.err).toMatch(/network\.json: "meetings" must be a number/);
    expect(io.err).toMatch(/network\.json: school 1 \(A\): "needs" must be a list of words/);
    expect(io.err).toMatch(/nothing planned/);
    expect(io.out).toBe('');

    const notJson = capturedIO();
    expect(await main(['plan-visits', fileWith('{"start": ')], notJson)).toBe(1);
    expect(notJson.err).toMatch(/is not valid JSON/);
    const missing = capturedIO();
    expect(await main(['plan-visits', '/nonexistent/network.json'], missing)).toBe(2);
  });

  it('refuses hostile files with a reason: too many schools, nested junk, control characters, not UTF-8', async () => {
    const cases: Array<[string | Buffer, RegExp]> = [
      [
        JSON.stringify({
          start: '2026-09-08',
          meetings: 1,
          schools: Array.from({ length: 3001 }, (_, i) => ({ id: i, name: `S${i}` })),
        }),
        /"schools" has more than 3000 schools/,
      ],
      [
        `{"start":"2026-09-08","meetings":1,"schools":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
        /school 1: should be an object/,
      ],
      [
        JSON.stringify({ start: '2026-09-08', meetings: 1, schools: [{ id: 'a', name: 'x'.repeat(501) }] }),
        /"name" is longer than 500 characters/,
      ],
      [
        JSON.stringify({ start: '2026-09-08', meetings: 1, rounds: 53, schools: [{ id: 'a', name: 'A' }] }),
        /"rounds" must be at most 52/,
      ],
      [Buffer.from([0x7b, 0xff, 0x7d]), /is not valid UTF-8 text/],
    ];
    for (const [content, message] of cases) {
      const io = capturedIO();
      expect(await main(['plan-visits', fileWith(content)], io)).toBe(1);
      expect(io.err).toMatch(message);
      expect(io.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    }
  });
});
