// The visit planner on networks made for each rule: a generated 18-school year checked against every
// constraint of the issue, and small networks for swaps, triads, repeats and bad input.
import { describe, expect, it } from 'vitest';
import { generatedNetwork } from '../../../tools/bench/generated-network';
import { addDays } from '../../../shared/year/calendar-dates';
import { planYear, type VisitPlan } from '../../../shared/year/visit-plan';
import type { NetworkYearInput } from '../../../shared/year/network-year';

function plan(input: NetworkYearInput): VisitPlan {
  const planned = planYear(input);
  if (!planned.ok) throw new Error(planned.problems.join('\n'));
  return planned.plan;
}

const school = (id: string, extra: Partial<NetworkYearInput['schools'][number]> = {}) => ({
  id,
  name: `${id} School`,
  ...extra,
});

const pairKey = (a: string, b: string) => [a, b].sort().join('+');

describe('an 18-school network, 18 meetings every 14 days, 8 rounds', () => {
  const input = generatedNetwork({
    schools: 18,
    meetings: 18,
    rounds: 8,
    cadenceDays: 14,
    start: '2026-09-08',
  });
  const year = plan(input);
  const byId = new Map(input.schools.map((s) => [String(s.id), s]));

  it('meets every 14 days, and every school hosts exactly once, never on a date it is unavailable', () => {
    expect(year.meetings.map((m) => m.date)).toEqual(
      Array.from({ length: 18 }, (_, i) => addDays('2026-09-08', 14 * i)),
    );
    // The generator makes some schools unavailable on some meeting dates, so swaps are exercised.
    expect(input.schools.some((s) => s.unavailable!.length > 0)).toBe(true);
    const hosts = year.meetings.map((m) => m.host);
    expect(new Set(hosts).size).toBe(18);
    for (const m of year.meetings) expect(byId.get(m.host!)!.unavailable).not.toContain(m.date);
  });

  it('puts every school in exactly one group per round, all pairs for an even count', () => {
    expect(year.rounds).toHaveLength(8);
    for (const round of year.rounds) {
      const members = round.groups.flatMap((g) => g.schools);
      expect(members.sort()).toEqual([...byId.keys()].sort());
      expect(round.groups.every((g) => g.schools.length === 2)).toBe(true);
    }
  });

  it('never puts the same two schools together twice', () => {
    const seen = new Set<string>();
    for (const round of year.rounds)
      for (const g of round.groups) {
        const key = pairKey(g.schools[0]!, g.schools[1]!);
        expect(seen.has(key), `${key} twice`).toBe(false);
        seen.add(key);
        expect(g.newPartners).toBe(true);
      }
    expect(year.notes).toEqual([]);
  });

  it('pairs a need with the other school’s strength in most groups (checked from the input, not the plan)', () => {
    const groups = year.rounds.flatMap((r) => r.groups);
    const fills = (a: string, b: string) =>
      byId.get(a)!.strengths!.some((t) => byId.get(b)!.needs!.includes(t));
    const matched = groups.filter((g) => {
      const [a, b] = g.schools as [string, string];
      return fills(a, b) || fills(b, a);
    });
    expect(matched.length / groups.length).toBeGreaterThan(0.5);
    for (const g of groups) expect(g.needsMet > 0).toBe(matched.includes(g));
  });

  it('gives every meeting and every group a reason in words, and every group one host visited by the other', () => {
    for (const m of year.meetings) expect(m.reason).toMatch(/hosts for the first time/);
    for (const g of year.rounds.flatMap((r) => r.groups)) {
      expect(g.reason.length).toBeGreaterThan(30);
      expect(g.reason).toMatch(/hosts the visit/);
      expect(g.visits).toHaveLength(1);
      expect(g.schools).toContain(g.visits[0]!.host);
      expect(g.schools).toContain(g.visits[0]!.visitor);
    }
  });

  it('spreads visiting evenly: coverage leaves nobody out and nobody hosts more than five visits', () => {
    expect(year.coverage).toHaveLength(18);
    for (const c of year.coverage) {
      expect(c.leftOut).toEqual([]);
      expect(c.hosted).toHaveLength(1);
      expect(c.visited.length + c.visitedBy.length).toBe(8);
      expect(c.visitedBy.length).toBeLessThanOrEqual(5);
      expect(c.visited.length).toBeLessThanOrEqual(5);
    }
  });
});

describe('meeting hosts', () => {
  it('has every school host once before any hosts twice', () => {
    const year = plan({
      start: '2026-09-01',
      meetings: 12,
      schools: ['a', 'b', 'c', 'd', 'e'].map((id) => school(id)),
    });
    const hosts = year.meetings.map((m) => m.host);
    expect(new Set(hosts.slice(0, 5)).size).toBe(5);
    expect(new Set(hosts.slice(5, 10)).size).toBe(5);
    expect(year.meetings[5]!.reason).toMatch(/hosts for the second time: every school has hosted 1 time$/);
  });

  it('moves a school whose turn falls on a date it cannot host, and says why', () => {
    const year = plan({
      start: '2026-09-01',
      meetings: 3,
      schools: [school('a', { unavailable: ['2026-09-01'] }), school('b'), school('c')],
    });
    expect(year.meetings.map((m) => m.host)).toEqual(['b', 'a', 'c']);
    expect(year.meetings[0]!.reason).toMatch(/a School, next in turn, is unavailable on 2026-09-01/);
  });

  it('swaps with the next school only, so the rest of the turn keeps the network’s order', () => {
    const year = plan({
      start: '2026-09-01',
      meetings: 6,
      schools: [
        school('a'),
        school('b'),
        school('c'),
        school('d', { unavailable: ['2026-10-13'] }),
        school('e'),
        school('f'),
      ],
    });
    expect(year.meetings.map((m) => m.host)).toEqual(['a', 'b', 'c', 'e', 'd', 'f']);
  });

  it('finds the only arrangement when unavailable dates chain (a swap several schools deep)', () => {
    const year = plan({
      start: '2026-09-01',
      meetings: 3,
      cadenceDays: 7,
      schools: [
        school('a', { unavailable: ['2026-09-01', '2026-09-08'] }),
        school('b', { unavailable: ['2026-09-01'] }),
        school('c'),
      ],
    });
    expect(year.meetings.map((m) => m.host)).toEqual(['c', 'b', 'a']);
  });

  it('lets a school host again only when no school still waiting can take the date, and leaves a date no one can take open', () => {
    const year = plan({
      start: '2026-09-01',
      meetings: 3,
      cadenceDays: 7,
      schools: [
        school('a', { unavailable: ['2026-09-08', '2026-09-15'] }),
        school('b', { unavailable: ['2026-09-08', '2026-09-15'] }),
        school('c', { unavailable: ['2026-09-01', '2026-09-08', '2026-09-15'] }),
      ],
    });
    expect(year.meetings[0]!.host).toBe('a');
    expect(year.meetings[1]).toMatchObject({
      host: null,
      reason: expect.stringMatching(/no school is available on 2026-09-08/),
    });
    expect(year.meetings[2]!.host).toBeNull();
    expect(year.coverage.find((c) => c.school === 'c')!.leftOut).toContain('hosts no meeting');
    expect(year.notes[0]).toMatch(/2 meetings have no available host/);
  });
});

describe('buddy rounds', () => {
  it('prefers a school strong in what another needs', () => {
    const year = plan({
      start: '2026-09-01',
      meetings: 0,
      rounds: 1,
      schools: [
        school('a', { needs: ['Math Tasks'] }),
        school('b'),
        school('c'),
        school('d', { strengths: ['math  tasks'] }),
      ],
    });
    const group = year.rounds[0]!.groups.find((g) => g.schools.includes('a'))!;
    expect(group.schools.sort()).toEqual(['a', 'd']);
    expect(group.reason).toMatch(/d School is strong in "math tasks", which a School needs/);
  });

  it('makes one triad per round for an odd count, with no pair repeated, and rotates who is in it', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const year = plan({ start: '2026-09-01', meetings: 0, rounds: 3, schools: ids.map((id) => school(id)) });
    const seen = new Set<string>();
    const inTriad: string[] = [];
    for (const round of year.rounds) {
      expect(round.groups.filter((g) => g.schools.length === 3)).toHaveLength(1);
      expect(round.groups.flatMap((g) => g.schools).sort()).toEqual(ids);
      for (const g of round.groups) {
        if (g.schools.length === 3) inTriad.push(...g.schools);
        for (const [i, a] of g.schools.entries())
          for (const b of g.schools.slice(i + 1)) {
            expect(seen.has(pairKey(a, b))).toBe(false);
            seen.add(pairKey(a, b));
          }
      }
    }
    expect(new Set(inTriad).size).toBe(9);
  });

  it('gives an even network a full round robin: every school meets every other exactly once in n − 1 rounds', () => {
    for (const schools of [10, 12, 16]) {
      const year = plan(generatedNetwork({ schools, meetings: 0, rounds: schools - 1, seed: schools }));
      const pairs = year.rounds.flatMap((r) => r.groups.map((g) => pairKey(g.schools[0]!, g.schools[1]!)));
      expect(new Set(pairs).size, `${schools} schools`).toBe((schools * (schools - 1)) / 2);
      expect(year.notes).toEqual([]);
    }
  });

  it('says new pairs have run out when an odd network’s triads use them up', () => {
    // 11 schools make 55 pairs; a round of four pairs and a triad meets 7, so round 8 needs a 56th.
    const year = plan(generatedNetwork({ schools: 11, meetings: 0, rounds: 8 }));
    expect(year.rounds.slice(0, 7).every((r) => r.groups.every((g) => g.newPartners))).toBe(true);
    expect(year.notes).toEqual([
      expect.stringMatching(/^Round 8: .* 11 schools make only 55 different pairs/),
    ]);
  });

  it('when every partner is used up, pairs meet again and the plan says why', () => {
    const year = plan({
      start: '2026-09-01',
      meetings: 0,
      rounds: 5,
      schools: ['a', 'b', 'c', 'd'].map((id) => school(id)),
    });
    const all = year.rounds.slice(0, 3).flatMap((r) => r.groups);
    expect(all.every((g) => g.newPartners)).toBe(true);
    expect(new Set(all.map((g) => pairKey(g.schools[0]!, g.schools[1]!))).size).toBe(6);
    expect(year.rounds[3]!.groups.some((g) => !g.newPartners)).toBe(true);
    expect(year.rounds[3]!.groups[0]!.reason).toMatch(
      /meet again \(last in round \d\).*already been paired with every other school/,
    );
    expect(year.notes.join(' ')).toMatch(
      /Round 4: 2 pairs of schools meet again, because 4 schools make only 6 different pairs, and a school can have at most 3 different partners: new partners have run out/,
    );
  });
});

describe('bad input', () => {
  const problems = (input: unknown) => {
    const planned = planYear(input);
    return planned.ok ? [] : planned.problems;
  };

  it('names the school and the field', () => {
    expect(
      problems({
        start: '2026-09-01',
        meetings: 2,
        schools: [school('a'), { id: 'b', name: 'Birch Park', unavailable: ['2027-02-30'] }, { id: 'c' }],
      }),
    ).toEqual([
      'school 2 (Birch Park): each unavailable date "2027-02-30" is not a date (YYYY-MM-DD)',
      'school 3: "name" is missing',
    ]);
  });

  it('refuses a duplicate id, a wrong start date and buddy rounds for one school', () => {
    expect(problems({ start: '2026-09-01', meetings: 1, schools: [school('a'), school('a')] })).toEqual([
      'school 2 (a School): id "a" is already used by school 1',
    ]);
    expect(problems({ start: '1/9/2026', meetings: 1, schools: [school('a')] })).toEqual([
      '"start" "1/9/2026" is not a date (YYYY-MM-DD)',
    ]);
    expect(problems({ start: '2026-09-01', meetings: 1.5, rounds: 2, schools: [school('a')] })).toEqual([
      '"meetings" must be a whole number',
    ]);
    expect(problems({ start: '2026-09-01', meetings: 1, rounds: 2, schools: [school('a')] })).toEqual([
      'buddy visits need at least two schools: set "rounds" to 0 or add a school',
    ]);
    expect(problems([])).toEqual([expect.stringMatching(/should be a JSON object/)]);
    expect(problems({ start: '2026-09-01', meetings: 1, schools: [] })).toEqual([
      '"schools" is empty: the network needs at least one school',
    ]);
  });
});
