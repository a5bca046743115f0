// Scoring for the triage bench: per-tier precision/recall/F1, macro-F1, must-do recall (with and without
// the engine's "check this one" flag counted as caught) and recall of labelled due dates, for any subset of
// the labelled items (a batch, a source, the keyword baseline's calls).

import { TIERS, type Tier, type Triage } from '../../shared/mandates/types';

export interface Label {
  id: string;
  tier: Tier | 'digest';
  tier_confidence?: string;
  due?: string[];
  source?: string;
  batch?: number | string;
}

/** One labelled item with the call being scored (the engine's, or the baseline's). */
export interface Scored {
  label: Label;
  /** The set this item came from ("dev", "batch 3"). */
  set: string;
  result: Triage;
  /** The tier the call is scored against: the label, or the call's own tier for a split bulletin. */
  gold: Tier | 'digest';
}

export interface Figures {
  n: number;
  macroF1: number;
  accuracy: number;
  mustTotal: number;
  /** Must-dos called must_do. */
  mustCaught: number;
  /** Must-dos called must_do or flagged "check this one — may be required". */
  mustCaughtOrChecked: number;
  /** Items flagged for a check, and how many of those were not labelled must_do. */
  checked: number;
  perTier: Record<Tier, { precision: number; recall: number; f1: number; support: number }>;
  confusion: Map<string, number>;
}

export const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
export const ratio = (a: number, b: number) => (b ? `${fmt(a / b)} (${a}/${b})` : '  -  ');

export function figures(rows: readonly Scored[]): Figures {
  const confusion = new Map<string, number>();
  const key = (g: string, p: string) => `${g}|${p}`;
  for (const r of rows)
    confusion.set(key(r.gold, r.result.tier), (confusion.get(key(r.gold, r.result.tier)) ?? 0) + 1);
  let sumF1 = 0;
  const perTier = {} as Figures['perTier'];
  for (const tier of TIERS) {
    const tp = confusion.get(key(tier, tier)) ?? 0;
    const predicted = rows.filter((r) => r.result.tier === tier).length;
    const support = rows.filter((r) => r.gold === tier).length;
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perTier[tier] = { precision, recall, f1, support };
    sumF1 += f1;
  }
  const must = rows.filter((r) => r.gold === 'must_do');
  return {
    n: rows.length,
    macroF1: sumF1 / TIERS.length,
    accuracy: rows.length ? rows.filter((r) => r.gold === r.result.tier).length / rows.length : NaN,
    mustTotal: must.length,
    mustCaught: must.filter((r) => r.result.tier === 'must_do').length,
    mustCaughtOrChecked: must.filter((r) => r.result.tier === 'must_do' || r.result.check).length,
    checked: rows.filter((r) => r.result.check).length,
    perTier,
    confusion,
  };
}

export function printTiers(title: string, f: Figures): void {
  console.log(`\n${title} (n=${f.n})`);
  console.log('tier                 precision  recall     F1   support');
  for (const tier of TIERS) {
    const t = f.perTier[tier];
    console.log(
      `${tier.padEnd(20)} ${fmt(t.precision).padStart(9)} ${fmt(t.recall).padStart(7)} ${fmt(t.f1).padStart(6)} ${String(t.support).padStart(8)}`,
    );
  }
  console.log(`macro-F1 (four tiers): ${fmt(f.macroF1)}   accuracy: ${fmt(f.accuracy)}`);
  console.log(
    `must_do recall: ${ratio(f.mustCaught, f.mustTotal)}; counting "check this one" as caught: ${ratio(f.mustCaughtOrChecked, f.mustTotal)}; items flagged for a check: ${f.checked}`,
  );
  console.log('confusion (rows = label, columns = triage):');
  console.log(''.padEnd(20) + TIERS.map((t) => t.slice(0, 8).padStart(10)).join(''));
  for (const g of [...TIERS, 'digest']) {
    if (![...f.confusion.keys()].some((k) => k.startsWith(`${g}|`))) continue;
    console.log(
      g.padEnd(20) + TIERS.map((p) => String(f.confusion.get(`${g}|${p}`) ?? 0).padStart(10)).join(''),
    );
  }
}

export function deadlineDays(t: Triage, kinds: readonly string[]): Set<string> {
  const all = [t, ...(t.items ?? [])];
  return new Set(
    all.flatMap((x) => x.deadlines.filter((d) => kinds.includes(d.kind)).map((d) => d.monthDay)),
  );
}

/** Labelled due month-days found among the extracted deadlines of the given kinds. */
export function dueRecall(rows: readonly Scored[], kinds: readonly string[]) {
  let found = 0;
  let total = 0;
  let extra = 0;
  for (const r of rows) {
    const got = deadlineDays(r.result, kinds);
    const want = new Set(r.label.due ?? []);
    for (const d of want) {
      total++;
      if (got.has(d)) found++;
    }
    for (const d of deadlineDays(r.result, ['due'])) if (!want.has(d)) extra++;
  }
  return { found, total, extra };
}

/** Group sources by agency: the URL host, or the repository for github: sources. */
export function sourceOf(label: Label): string {
  const s = label.source ?? 'unknown';
  const gh = /^github:([^\s]+)/.exec(s);
  if (gh?.[1]) return `github:${gh[1]}`;
  const url = /https?:\/\/([^/\s]+)/.exec(s);
  return url?.[1]?.replace(/^www\./, '') ?? s.slice(0, 40);
}

export const isHigh = (r: Scored) => r.label.tier_confidence === 'high';

/** One line of the summary table: the target measures on high-confidence items, due recall on all. */
export function summaryLine(name: string, rows: readonly Scored[]): string {
  const f = figures(rows.filter(isHigh));
  const due = dueRecall(rows, ['due', 'window_end']);
  return `${name.padEnd(28)} high=${String(f.n).padStart(3)}  must_do ${ratio(f.mustCaught, f.mustTotal).padEnd(15)} +check ${ratio(f.mustCaughtOrChecked, f.mustTotal).padEnd(15)} macro-F1 ${fmt(f.macroF1)}  acc ${fmt(f.accuracy)}  due ${ratio(due.found, due.total)}`;
}
