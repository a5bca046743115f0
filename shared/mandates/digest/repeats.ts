// Recognises the same ask arriving again (a reminder, an extended deadline, the same data asked for by
// another department) and links it to the earlier message, so it is not counted twice.

import type { MandateMessage, Triage } from '../types';

const STOP = new Set(
  (
    'this that with from have will your their there which been were they them than then also into about ' +
    'please reminder remind extended extension deadline again second notice date dates school schools ' +
    'principal principals district districts department office submit submitted complete completed ' +
    'form forms required must should would could week weeks year years days today friday monday tuesday ' +
    'wednesday thursday saturday sunday january february march april june july august september october ' +
    'november december information questions contact email thank thanks more available staff need needs ' +
    'each every further note following after before until only other these those what when where while ' +
    'being some such here just over under upon again still sent send make made ensure attached update ' +
    'sign link click below above shared within through'
  ).split(' '),
);
const REPEAT_MARK =
  /\b(?:reminder|remind(?:ed|ing)?|extended|extension|again|second notice|final notice|overdue|follow[- ]?up|last chance|re-?sent|resend|as previously|previously (?:sent|announced|requested|communicated)|has been extended|new deadline|still (?:need|require|waiting|missing))\b/i;

function tokens(m: MandateMessage): Set<string> {
  const text = `${m.subject ?? ''} ${m.text.slice(0, 700)}`.toLowerCase();
  const out = new Set<string>();
  for (const w of text.split(/[^a-z0-9-]+/)) {
    if (w.length < 4 || STOP.has(w) || /^\d/.test(w)) continue;
    out.add(w.replace(/(?:ing|ed|es|s)$/, ''));
    if (out.size >= 60) break;
  }
  return out;
}

/** A repeat comes within a few months of the first ask; last year's annual survey is a new ask. */
function withinSeason(a: MandateMessage | undefined, b: MandateMessage | undefined): boolean {
  const da = Date.parse((a?.date ?? '').slice(0, 10));
  const db = Date.parse((b?.date ?? '').slice(0, 10));
  if (Number.isNaN(da) || Number.isNaN(db)) return true;
  return Math.abs(da - db) <= 150 * 86_400_000;
}

function sortKey(m: MandateMessage, index: number): [string, number] {
  return [(m.date ?? '').slice(0, 10), index];
}

/**
 * Set `repeatOf` on each triage whose ask repeats an earlier message's. "Earlier" is by sending date when
 * both are dated, else by input order. Links go to the first message of the chain.
 */
export function linkRepeats(messages: readonly MandateMessage[], triages: Triage[]): void {
  const order = messages.map((m, i) => ({ i, key: sortKey(m, i) }));
  order.sort((a, b) =>
    a.key[0] && b.key[0] && a.key[0] !== b.key[0] ? (a.key[0] < b.key[0] ? -1 : 1) : a.i - b.i,
  );
  const index = new Map<string, number[]>();
  const sets: Set<string>[] = [];
  const dues: Set<string>[] = [];
  for (let k = 0; k < messages.length; k++) {
    sets[k] = tokens(messages[k] as MandateMessage);
    const t = triages[k] as Triage;
    const all = [t, ...(t.items ?? [])];
    dues[k] = new Set(all.flatMap((x) => x.deadlines.filter((d) => d.kind === 'due').map((d) => d.monthDay)));
  }
  for (const { i } of order) {
    const mine = sets[i] as Set<string>;
    const t = triages[i] as Triage;
    const asks = t.tier !== 'fyi';
    if (asks) {
      const marked = REPEAT_MARK.test(
        `${messages[i]?.subject ?? ''} ${messages[i]?.text.slice(0, 600) ?? ''}`,
      );
      const overlap = new Map<number, number>();
      for (const w of mine) for (const j of index.get(w) ?? []) overlap.set(j, (overlap.get(j) ?? 0) + 1);
      let best: { j: number; score: number } | undefined;
      for (const [j, shared] of overlap) {
        const other = sets[j] as Set<string>;
        // Jaccard overlap of the distinctive words; a reminder marker or a shared due date lowers the bar.
        const score = shared / Math.max(1, mine.size + other.size - shared);
        const sameDue = [...(dues[i] as Set<string>)].some((d) => (dues[j] as Set<string>).has(d));
        const threshold = marked || sameDue ? 0.3 : 0.5;
        if (
          shared >= 4 &&
          score >= threshold &&
          withinSeason(messages[i], messages[j]) &&
          (!best || score > best.score)
        )
          best = { j, score };
      }
      if (best) {
        const earlier = triages[best.j] as Triage;
        t.repeatOf = earlier.repeatOf ?? earlier.id;
      }
    }
    // Only asks are indexed: a repeat is the same ask again, not a second newsletter about the topic.
    if (asks) {
      for (const w of mine) {
        const list = index.get(w) ?? [];
        if (list.length < 200) list.push(i);
        index.set(w, list);
      }
    }
  }
}
