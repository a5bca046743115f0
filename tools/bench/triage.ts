// Benchmark of the mandate triage against labelled corpora: the target measures on high-confidence items
// per batch, per source and overall, beside a plain keyword-list baseline; misses; throughput.
// Usage: npm run bench:triage -- MANDATES.jsonl LABELS.jsonl [MORE.jsonl MORE.labels.jsonl ...]
//        [--verbose] [--rounds=N] [--source] [--no-speed] [--snippet=N]
// --snippet=N also scores the Gmail list's first guesses: each message triaged alone from its subject and
// the first N characters of its text (Gmail's snippet is about 100–200), as the Mandates view does before
// an email is opened.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { triage, triageAll } from '../../shared/mandates/triage';
import type { MandateMessage, Triage } from '../../shared/mandates/types';
import { keywordTriage } from './triage-baseline';
import {
  deadlineDays,
  dueRecall,
  figures,
  fmt,
  isHigh,
  printTiers,
  ratio,
  sourceOf,
  summaryLine,
  type Label,
  type Scored,
} from './triage-score';
import { throughput } from './triage-speed';

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, n) => {
      try {
        return JSON.parse(l) as T;
      } catch {
        throw new Error(`${path}:${n + 1}: not valid JSON`);
      }
    });
}

/** Pairs each labelled message with a call; a `digest` label counts as right when the bulletin is split. */
function score(results: readonly Triage[], labels: Map<string, Label>, set: string): Scored[] {
  const rows: Scored[] = [];
  for (const result of results) {
    const label = labels.get(result.id);
    if (!label) continue;
    const gold =
      label.tier === 'digest' ? ((result.items?.length ?? 0) >= 2 ? result.tier : 'digest') : label.tier;
    rows.push({ label, result, gold, set });
  }
  return rows;
}

const LOSO_NOTE =
  'leave-one-source-out: nothing in the engine is fitted to these corpora (no weights, thresholds or word\n' +
  'lists are derived from them; the rule tables are written from English usage), so each source is already\n' +
  'scored by rules that never saw it and the per-source lines below are the leave-one-source-out figures.';

async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose');
  const paths = argv.filter((a) => !a.startsWith('--'));
  if (paths.length === 0) {
    console.error(
      'usage: npm run bench:triage -- MANDATES.jsonl [LABELS.jsonl] [MORE.jsonl MORE.labels.jsonl ...] [--verbose] [--rounds=N] [--source] [--no-speed] [--snippet=N]',
    );
    return 2;
  }
  const all: MandateMessage[] = [];
  const engine: Scored[] = [];
  const baseline: Scored[] = [];
  const guesses: Scored[] = [];
  const snippet = Number(argv.find((a) => a.startsWith('--snippet='))?.slice(10)) || 0;
  for (let i = 0; i < paths.length; i += 2) {
    const messages = readJsonl<MandateMessage>(paths[i] as string);
    all.push(...messages);
    const labelsPath = paths[i + 1];
    if (!labelsPath) continue;
    const labelList = readJsonl<Label>(labelsPath);
    const batch = labelList.find((l) => l.batch !== undefined)?.batch;
    const set = batch !== undefined ? `batch ${batch}` : basename(paths[i] as string, '.jsonl');
    const labels = new Map(labelList.map((l) => [l.id, l]));
    engine.push(...score(triageAll(messages), labels, set));
    baseline.push(...score(messages.map(keywordTriage), labels, set));
    if (snippet)
      guesses.push(
        ...score(
          messages.map((m) => triage({ ...m, text: m.text.replace(/\s+/g, ' ').trim().slice(0, snippet) })),
          labels,
          set,
        ),
      );
  }
  if (engine.length) report(engine, baseline, verbose);
  if (guesses.length) {
    console.log(
      `\nFIRST GUESSES (the Gmail list: subject + the first ${snippet} characters, each email alone)`,
    );
    for (const set of new Set(guesses.map((r) => r.set)))
      console.log(
        summaryLine(
          `first guess, ${set}`,
          guesses.filter((r) => r.set === set),
        ),
      );
    const agree = guesses.filter((g, i) => g.result.tier === engine[i]?.result.tier).length;
    console.log(`first guess = the full triage's tier: ${ratio(agree, guesses.length)}`);
  }
  if (!argv.includes('--no-speed')) {
    const roundsArg = argv.find((a) => a.startsWith('--rounds='));
    await throughput(all, Math.max(1, Number(roundsArg?.slice(9)) || 5), argv.includes('--source'));
  }
  return 0;
}

function report(engine: Scored[], baseline: Scored[], verbose: boolean): void {
  const sets = [...new Set(engine.map((r) => r.set))];
  console.log(
    'Scoring: `digest` labels count as correct when the triage splits the bulletin into >= 2 items',
  );
  console.log("(then the bulletin's own tier is taken as right); a digest left whole counts as a miss.");
  const digests = engine.filter((r) => r.label.tier === 'digest');
  console.log(
    `digests split: ${digests.filter((r) => (r.result.items?.length ?? 0) >= 2).length}/${digests.length}`,
  );

  printTiers('HIGH-CONFIDENCE labels, every set (the target measures)', figures(engine.filter(isHigh)));
  printTiers('ALL labels (low confidence included, for reference)', figures(engine));
  const due = dueRecall(engine, ['due', 'window_end']);
  const strict = dueRecall(engine, ['due']);
  console.log(
    `\ndue-date recall (labelled due month-days among extracted due + window_end deadlines): ${ratio(due.found, due.total)}`,
  );
  console.log(
    `due-date recall, kind 'due' only: ${ratio(strict.found, strict.total)}; extracted 'due' month-days not labelled: ${strict.extra}`,
  );

  console.log('\nSUMMARY (high-confidence items; due recall over all labels)');
  for (const set of sets) {
    console.log(
      summaryLine(
        `engine, ${set}`,
        engine.filter((r) => r.set === set),
      ),
    );
    console.log(
      summaryLine(
        `keyword list, ${set}`,
        baseline.filter((r) => r.set === set),
      ),
    );
  }
  if (sets.length > 1) {
    console.log(summaryLine('engine, all sets', engine));
    console.log(summaryLine('keyword list, all sets', baseline));
  }

  console.log(`\n${LOSO_NOTE}`);
  console.log(
    'per source (high-confidence accuracy and must_do recall [+ checks], due recall over all labels; keyword list accuracy):',
  );
  const groups = new Map<string, Scored[]>();
  for (const r of engine)
    groups.set(`${r.set}: ${sourceOf(r.label)}`, [
      ...(groups.get(`${r.set}: ${sourceOf(r.label)}`) ?? []),
      r,
    ]);
  const baseOf = new Map(baseline.map((r) => [`${r.set}|${r.label.id}`, r]));
  for (const [source, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const h = figures(list.filter(isHigh));
    const b = figures(list.filter(isHigh).map((r) => baseOf.get(`${r.set}|${r.label.id}`) as Scored));
    const d = dueRecall(list, ['due', 'window_end']);
    console.log(
      `${source.slice(0, 52).padEnd(53)} n=${String(list.length).padStart(3)} high=${String(h.n).padStart(3)} acc=${fmt(h.accuracy)} must=${h.mustTotal ? `${h.mustCaught}/${h.mustTotal}` : '-'}${h.mustCaughtOrChecked > h.mustCaught ? ` [+${h.mustCaughtOrChecked - h.mustCaught}]` : ''} due=${d.total ? `${d.found}/${d.total}` : '-'} keywords acc=${fmt(b.accuracy)}`,
    );
  }
  if (verbose) {
    console.log('\nmisses (* = high confidence; label -> triage):');
    for (const r of engine) {
      const missedDue = (r.label.due ?? []).filter(
        (d) => !deadlineDays(r.result, ['due', 'window_end']).has(d),
      );
      if (r.gold !== r.result.tier || missedDue.length)
        console.log(
          `${isHigh(r) ? '*' : ' '} ${r.result.id}: ${r.gold} -> ${r.result.tier}${r.result.check ? ' (check)' : ''}${missedDue.length ? `  missed due ${missedDue.join(',')}` : ''}  [${r.result.reasons.map((x) => x.rule + ':' + x.matched.slice(0, 3).join('/')).join('; ')}]`,
        );
    }
  }
}

process.exitCode = await main(process.argv.slice(2));
