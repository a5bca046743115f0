// Rounds of buddy pairs for visits between network meetings: every school in exactly one group per round
// (pairs, and one triad when the count is odd), no two schools together again until a school has met every
// other, a school strong in what another needs preferred, and one school in each group hosting the visit so
// hosting and visiting even out. Every group carries its reason in plain words.
import type { NetworkSchool } from './network-year';

export interface BuddyVisit {
  visitor: string;
  host: string;
}

export interface BuddyGroup {
  /** School ids: two, or three for the one triad of a round with an odd number of schools. */
  schools: string[];
  reason: string;
  /** Who goes to whom this round: the others visit the group's host school. */
  visits: BuddyVisit[];
  /** False when two of its schools have been in a group together before. */
  newPartners: boolean;
  /** Needs of one school that another in the group is strong in. */
  needsMet: number;
}

export interface BuddyRound {
  round: number;
  groups: BuddyGroup[];
}

export interface BuddyPlan {
  rounds: BuddyRound[];
  notes: string[];
}

/** How many other orders a round tries before it accepts a repeated pair it might have avoided. */
const RETRIES = 24;

export function planBuddyRounds(schools: readonly NetworkSchool[], rounds: number): BuddyPlan {
  const n = schools.length;
  if (n < 2 || rounds < 1) return { rounds: [], notes: [] };
  const tags = schools.map((s) => ({
    needs: new Set(s.needs.map(normalTag).filter(Boolean)),
    strengths: [...new Set(s.strengths.map(normalTag).filter(Boolean))],
  }));
  const score = needScores(tags);
  // The most needs any one school can fill for each school: a search for a partner stops when it finds it.
  const bestScore = new Uint8Array(n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) if (score[a * n + b]! > bestScore[a]!) bestScore[a] = score[a * n + b]!;
  let arrangement = greedyRounds(n, rounds, score, bestScore);
  // With an even count a full round robin exists (the circle method: n − 1 rounds, every pair once). When
  // the greedy pairing left a repeat it could have avoided, the best-fitting rounds of the circle are used.
  if (n % 2 === 0 && rounds <= n - 1 && arrangement.repeats > 0) arrangement = circleRounds(n, rounds, score);
  return describeRounds(arrangement.rounds, schools, tags, score);
}

/** Rounds of groups (school indexes), chosen greedily round by round, retrying other orders on a repeat. */
function greedyRounds(
  n: number,
  rounds: number,
  score: Uint8Array,
  bestScore: Uint8Array,
): { rounds: number[][][]; repeats: number } {
  const met = new Uint8Array(n * n);
  const partners = new Uint16Array(n); // distinct schools met so far
  const triads = new Uint16Array(n);
  const random = seeded(n * 7919 + rounds);
  const chosen: number[][][] = [];
  let repeats = 0;
  for (let round = 1; round <= rounds; round++) {
    let best: Attempt | undefined;
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      const tried = arrange(n, round, attempt, score, met, partners, triads, bestScore, random);
      if (!best || tried.repeats < best.repeats || (tried.repeats === best.repeats && tried.fit > best.fit))
        best = tried;
      if (best.repeats === 0 || n <= 3) break;
    }
    for (const members of best!.groups) {
      for (const [a, b] of pairsOf(members)) {
        if (met[a * n + b] === 0) {
          partners[a]!++;
          partners[b]!++;
        }
        met[a * n + b] = met[b * n + a] = Math.min(255, met[a * n + b]! + 1);
      }
      if (members.length === 3) for (const i of members) triads[i]!++;
    }
    repeats += best!.repeats;
    chosen.push(best!.groups);
  }
  return { rounds: chosen, repeats };
}

/** The circle method's n − 1 rounds for an even n, the `rounds` that fill the most needs, best first. */
function circleRounds(
  n: number,
  rounds: number,
  score: Uint8Array,
): { rounds: number[][][]; repeats: number } {
  // Round r pairs position k with position n − 1 − k of the ring [0, 1 + r, 2 + r, …] (mod n − 1).
  const at = (r: number, k: number) => (k === 0 ? 0 : 1 + ((k - 1 + r) % (n - 1)));
  const groupsOf = (r: number) => Array.from({ length: n / 2 }, (_, k) => [at(r, k), at(r, n - 1 - k)]);
  const fits = Array.from({ length: n - 1 }, (_, r) => {
    let fit = 0;
    for (let k = 0; k < n / 2; k++) fit += score[at(r, k) * n + at(r, n - 1 - k)]!;
    return { r, fit };
  });
  fits.sort((a, b) => b.fit - a.fit || a.r - b.r);
  return { rounds: fits.slice(0, rounds).map(({ r }) => groupsOf(r)), repeats: 0 };
}

/** Each round's groups with their host school, visits and reasons, and notes on any pairs that meet again. */
function describeRounds(
  arrangement: number[][][],
  schools: readonly NetworkSchool[],
  tags: readonly Tags[],
  score: Uint8Array,
): BuddyPlan {
  const n = schools.length;
  const met = new Uint8Array(n * n);
  const lastMet = new Uint16Array(n * n);
  const partners = new Uint16Array(n);
  const visitedBy = new Uint16Array(n);
  const visits = new Uint16Array(n);
  const notes: string[] = [];
  let pairsMet = 0;
  const plan = arrangement.map((chosen, r): BuddyRound => {
    const round = r + 1;
    let exhausted = false;
    let repeats = 0;
    const pairsThisRound = chosen.reduce((sum, g) => sum + pairsOf(g).length, 0);
    // Fewer different pairs are left than this round needs: some pair must meet again, whatever the order.
    const outOfPairs = pairsMet + pairsThisRound > (n * (n - 1)) / 2;
    const groups = chosen.map((members) => {
      const repeated = pairsOf(members).filter(([a, b]) => met[a * n + b]! > 0);
      repeats += repeated.length;
      for (const [a, b] of repeated) if (partners[a]! >= n - 1 || partners[b]! >= n - 1) exhausted = true;
      const host = [...members].sort(
        (a, b) => visitedBy[a]! - visitedBy[b]! || visits[b]! - visits[a]! || a - b,
      )[0]!;
      return {
        members,
        group: {
          schools: members.map((i) => schools[i]!.id),
          reason: explain(
            members,
            host,
            repeated,
            schools,
            tags,
            lastMet,
            partners,
            visitedBy,
            n,
            outOfPairs,
          ),
          visits: members
            .filter((i) => i !== host)
            .map((i) => ({ visitor: schools[i]!.id, host: schools[host]!.id })),
          newPartners: repeated.length === 0,
          needsMet: fitOf(members, score, n),
        } satisfies BuddyGroup,
        host,
      };
    });
    if (outOfPairs) exhausted = true;
    for (const { members, host } of groups) {
      for (const [a, b] of pairsOf(members)) {
        if (met[a * n + b] === 0) {
          partners[a]!++;
          partners[b]!++;
          pairsMet++;
        }
        met[a * n + b] = met[b * n + a] = Math.min(255, met[a * n + b]! + 1);
        lastMet[a * n + b] = lastMet[b * n + a] = round;
      }
      for (const i of members)
        if (i === host) visitedBy[i]! += members.length - 1;
        else visits[i]!++;
    }
    if (repeats > 0) notes.push(repeatNote(round, repeats, n, exhausted));
    return { round, groups: groups.map((g) => g.group) };
  });
  return { rounds: plan, notes };
}

interface Attempt {
  groups: number[][];
  repeats: number;
  fit: number;
}

/** One arrangement of a round: greedy pairing in an order, repaired by swaps, then the triad if needed. */
function arrange(
  n: number,
  round: number,
  attempt: number,
  score: Uint8Array,
  met: Uint8Array,
  partners: Uint16Array,
  triads: Uint16Array,
  bestScore: Uint8Array,
  random: () => number,
): Attempt {
  const isNew = (a: number, b: number) => met[a * n + b] === 0;
  // A rotating order (shuffled on a retry) breaks every tie below.
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = attempt === 0 ? (i - round * 3 + n * 8) % n : random() * n;
  // With an odd count the round's triad is formed first, from the schools that have been in one least, so
  // that being in the triad takes turns; its three schools must all be new to one another.
  const triad: number[] = [];
  if (n % 2 === 1) {
    const pickFor = (members: number[]) => {
      let pick = -1;
      for (let c = 0; c < n; c++) {
        if (members.includes(c) || members.some((m) => !isNew(m, c))) continue;
        const fit = members.reduce((sum, m) => sum + score[m * n + c]!, 0);
        const pickFit = pick === -1 ? 0 : members.reduce((sum, m) => sum + score[m * n + pick]!, 0);
        if (
          pick === -1 ||
          triads[c]! < triads[pick]! ||
          (triads[c] === triads[pick] && (fit > pickFit || (fit === pickFit && key[c]! < key[pick]!)))
        )
          pick = c;
      }
      return pick;
    };
    let first = 0;
    for (let i = 1; i < n; i++)
      if (triads[i]! < triads[first]! || (triads[i] === triads[first] && key[i]! < key[first]!)) first = i;
    triad.push(first);
    for (let more = 0; more < 2; more++) {
      const next = pickFor(triad);
      if (next !== -1) triad.push(next);
    }
    // No two schools new to the first and to each other: it joins a pair after the pairing instead.
    if (triad.length < 3) triad.length = 1;
  }
  const extra = triad.length === 1 ? triad[0]! : -1;
  // Most constrained first (met the most schools), then the rotating or shuffled order.
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => !triad.includes(i))
    .sort((a, b) => partners[b]! - partners[a]! || key[a]! - key[b]!);

  const pairs: Array<[number, number]> = [];
  const left: number[] = [];
  // The schools still unpaired, as a linked list over `order`, so each scan skips those already paired.
  const next = new Int32Array(order.length + 1);
  const prev = new Int32Array(order.length + 1);
  const position = new Int32Array(n);
  for (let p = 0; p <= order.length; p++) {
    next[p] = p + 1;
    prev[p] = p - 1;
  }
  order.forEach((school, p) => (position[school] = p + 1));
  const unlink = (school: number) => {
    const p = position[school]!;
    next[prev[p]!] = next[p]!;
    if (next[p]! <= order.length) prev[next[p]!] = prev[p]!;
  };
  for (let p = next[0]!; p <= order.length; p = next[0]!) {
    const a = order[p - 1]!;
    unlink(a);
    const row = a * n;
    let pick = -1;
    for (let q = next[0]!; q <= order.length; q = next[q]!) {
      const b = order[q - 1]!;
      if (met[row + b] !== 0) continue;
      if (
        pick === -1 ||
        score[row + b]! > score[row + pick]! ||
        (score[row + b] === score[row + pick] && partners[b]! > partners[pick]!)
      )
        pick = b;
      // Nobody can fill more of a's needs than this: stop looking.
      if (score[row + pick] === bestScore[a] && bestScore[a]! > 0) break;
    }
    if (pick === -1) {
      left.push(a);
      continue;
    }
    unlink(pick);
    pairs.push([a, pick]);
  }

  // Schools left without a new partner: pair two of them if they have not met, else swap into a pair.
  let repeats = 0;
  while (left.length > 1) {
    const u = left.pop()!;
    const mate = left.findIndex((w) => isNew(u, w));
    if (mate !== -1) {
      pairs.push([u, left.splice(mate, 1)[0]!]);
      continue;
    }
    let swapped = false;
    for (let p = 0; p < pairs.length && !swapped; p++) {
      const [a, b] = pairs[p]!;
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        if (!isNew(u, x)) continue;
        const w = left.findIndex((c) => isNew(c, y));
        if (w === -1) continue;
        pairs[p] = [u, x];
        pairs.push([left.splice(w, 1)[0]!, y]);
        swapped = true;
        break;
      }
    }
    if (swapped) continue;
    // No new partner can be found for u this round: it meets again the school it has met least.
    let w = 0;
    for (let c = 1; c < left.length; c++) if (met[u * n + left[c]!]! < met[u * n + left[w]!]!) w = c;
    pairs.push([u, left.splice(w, 1)[0]!]);
    repeats++;
  }

  const groups: number[][] = pairs.map(([a, b]) => [a, b]);
  if (triad.length === 3) groups.push(triad);
  if (extra !== -1) {
    // Into the pair it has met neither of, whose schools have been in a triad least, filling the most needs.
    let into = -1;
    let best = [Infinity, Infinity, -Infinity];
    groups.forEach(([a, b], g) => {
      const rank = [
        (isNew(extra, a!) ? 0 : 1) + (isNew(extra, b!) ? 0 : 1),
        triads[a!]! + triads[b!]!,
        score[extra * n + a!]! + score[extra * n + b!]!,
      ];
      if (
        rank[0]! < best[0]! ||
        (rank[0] === best[0] && (rank[1]! < best[1]! || (rank[1] === best[1] && rank[2]! > best[2]!)))
      ) {
        into = g;
        best = rank;
      }
    });
    if (into === -1) groups.push([extra]);
    else groups[into]!.push(extra);
    if (into !== -1) repeats += best[0]!;
  }
  let fit = 0;
  for (const g of groups) fit += fitOf(g, score, n);
  return { groups, repeats, fit };
}

interface Tags {
  needs: Set<string>;
  strengths: string[];
}

/** score[a·n + b]: how many needs of a or of b the other is strong in (symmetric). */
function needScores(tags: readonly Tags[]): Uint8Array {
  const n = tags.length;
  const score = new Uint8Array(n * n);
  const strong = new Map<string, number[]>();
  tags.forEach((t, i) => {
    for (const tag of t.strengths) {
      const list = strong.get(tag) ?? [];
      list.push(i);
      strong.set(tag, list);
    }
  });
  tags.forEach((t, a) => {
    for (const tag of t.needs)
      for (const b of strong.get(tag) ?? []) {
        if (b === a) continue;
        score[a * n + b] = Math.min(255, score[a * n + b]! + 1);
        score[b * n + a] = Math.min(255, score[b * n + a]! + 1);
      }
  });
  return score;
}

export function normalTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, ' ');
}

function pairsOf(members: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) out.push([members[i]!, members[j]!]);
  return out;
}

function fitOf(members: readonly number[], score: Uint8Array, n: number): number {
  return pairsOf(members).reduce((sum, [a, b]) => sum + score[a * n + b]!, 0);
}

function explain(
  members: readonly number[],
  host: number,
  repeated: Array<[number, number]>,
  schools: readonly NetworkSchool[],
  tags: readonly Tags[],
  lastMet: Uint16Array,
  partners: Uint16Array,
  visitedBy: Uint16Array,
  n: number,
  outOfPairs: boolean,
): string {
  const name = (i: number) => schools[i]!.name;
  const parts: string[] = [];
  for (const a of members)
    for (const b of members) {
      if (a === b) continue;
      const fills = tags[a]!.strengths.filter((t) => tags[b]!.needs.has(t));
      if (fills.length) parts.push(`${name(a)} is strong in ${list(fills)}, which ${name(b)} needs`);
    }
  if (!parts.length)
    parts.push(
      repeated.length
        ? 'no need of one is a strength of another'
        : 'no need of one is a strength of another, so they are paired as new partners',
    );
  for (const [a, b] of repeated) {
    const everyone = partners[a]! >= n - 1 || partners[b]! >= n - 1;
    parts.push(
      everyone
        ? `${name(a)} and ${name(b)} meet again (last in round ${lastMet[a * n + b]}): ${partners[a]! >= n - 1 ? name(a) : name(b)} has already been paired with every other school`
        : outOfPairs
          ? `${name(a)} and ${name(b)} meet again (last in round ${lastMet[a * n + b]}): ${n} schools make only ${(n * (n - 1)) / 2} different pairs, fewer than this many rounds need`
          : `${name(a)} and ${name(b)} meet again (last in round ${lastMet[a * n + b]}): no arrangement of this round gave every school a new partner`,
    );
  }
  if (members.length === 3) parts.push(`a triad, because the network has an odd number of schools`);
  const visitors = members.filter((i) => i !== host).map(name);
  parts.push(
    `${name(host)} hosts the visit (visited ${visitedBy[host]} time${visitedBy[host] === 1 ? '' : 's'} so far, the fewest in the group); ${visitors.join(' and ')} visit${visitors.length === 1 ? 's' : ''}`,
  );
  return parts.join('; ') + '.';
}

function list(tags: string[]): string {
  const shown = tags.slice(0, 3).map((t) => `"${t}"`);
  return shown.length < 2
    ? shown.join('')
    : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function repeatNote(round: number, repeats: number, n: number, exhausted: boolean): string {
  const pairs = (n * (n - 1)) / 2;
  const why = exhausted
    ? `${n} schools make only ${pairs} different pair${pairs === 1 ? '' : 's'}, and a school can have at most ${n - 1} different partner${n === 2 ? '' : 's'}: new partners have run out`
    : `none of the ${RETRIES + 1} arrangements tried gave every school a new partner`;
  return `Round ${round}: ${repeats} pair${repeats === 1 ? '' : 's'} of schools meet again, because ${why}; schools that have met least are put together first.`;
}

/** A small seeded generator, so the same network always gets the same plan. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
