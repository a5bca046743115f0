// Throughput of the triage for the bench: ~2 KB messages on one thread, timed in CPU time after a warm-up,
// with the engine as it ships (a minified esbuild bundle) or, with --source, the TypeScript through tsx.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { triage, triageAll } from '../../shared/mandates/triage';
import type { MandateMessage } from '../../shared/mandates/types';

/**
 * Throughput is measured on two sets of ~2 KB messages. "records": each corpus record topped up with the
 * records after it and cut at 2,048 characters, so every message starts the way real mail does (address
 * lines, header, subject). "windows": the corpus texts laid end to end and cut into 2,048-character windows,
 * one starting at every non-blank line, each keeping the subject and date of the record it starts in; every
 * window is a different text, so no answer can come from a cache of an earlier one.
 */
function recordMessages(messages: readonly MandateMessage[]): MandateMessage[] {
  return messages.map((m, i) => {
    let text = String(m.text ?? '');
    for (let k = 1; text.length < 2048 && k < messages.length; k++)
      text += '\n\n' + String((messages[(i + k) % messages.length] as MandateMessage).text ?? '');
    return { ...m, text: text.slice(0, 2048) };
  });
}

function windowMessages(messages: readonly MandateMessage[]): MandateMessage[] {
  const lines: { text: string; from: MandateMessage }[] = [];
  for (const m of messages)
    for (const text of String(m.text ?? '').split('\n')) lines.push({ text, from: m });
  const all = lines.map((l) => l.text).join('\n');
  const out: MandateMessage[] = [];
  let at = 0;
  lines.forEach((l, i) => {
    if (l.text.trim() && at + 2048 <= all.length)
      out.push({
        id: `window-${i}`,
        subject: l.from.subject,
        date: l.from.date,
        text: all.slice(at, at + 2048),
      });
    at += l.text.length + 1;
  });
  return out;
}

const PIN_HINT =
  " (V8's compiler and GC threads run beside the main one; `taskset -c 0 npm run bench:triage -- ...` pins all to one core)";

/** The CPUs the process is allowed on (Linux), so a reader can tell a pinned run from a free one. */
function coresAllowed(): string {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    return /^Cpus_allowed_list:\s*(.+)$/m.exec(status)?.[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** CPU microseconds of warm-up before the timed rounds. */
const WARM_UP_CPU_US = 4e6;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Messages per second of CPU time (and of wall clock) in each round; a round lasts at least half a CPU second. */
function measure(
  set: readonly MandateMessage[],
  rounds: number,
  engine: typeof triage,
): { cpu: number[]; wall: number[] } {
  // Warm-up: compile the rules and let the JIT settle before timing. With a one-second warm-up the timed
  // rounds of one run still ranged from about 1,400 to 2,700 messages/s while V8 re-optimised, so four.
  const warm0 = process.cpuUsage();
  for (let c = process.cpuUsage(warm0); c.user + c.system < WARM_UP_CPU_US; c = process.cpuUsage(warm0))
    for (const m of set) engine(m);
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let n = 0;
    let used = 0;
    while (used < 0.5) {
      for (const m of set) engine(m);
      n += set.length;
      const c = process.cpuUsage(cpu0);
      used = (c.user + c.system) / 1e6;
    }
    cpu.push(n / used);
    wall.push(n / ((performance.now() - t0) / 1000));
  }
  return { cpu, wall };
}

/**
 * The engine as it ships: the extension and the add-on run the triage from a minified esbuild bundle, not
 * from TypeScript loaded through tsx (whose per-file modules V8 optimises less steadily: the same commit
 * measured 1,600-2,500 records/s from source against 2,200-2,700 bundled).
 */
async function shippedEngine(): Promise<typeof triage> {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-bench-'));
  try {
    const outfile = join(dir, 'triage.mjs');
    await build({
      entryPoints: [join(import.meta.dirname, '../../shared/mandates/triage.ts')],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      minify: true,
      outfile,
      logLevel: 'warning',
    });
    const bytes = readFileSync(outfile);
    console.log(
      `  shipped engine bundle: ${(bytes.length / 1024).toFixed(1)} KB minified, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzipped`,
    );
    return ((await import(pathToFileURL(outfile).href)) as { triage: typeof triage }).triage;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function throughput(
  messages: MandateMessage[],
  rounds: number,
  fromSource: boolean,
): Promise<void> {
  const engine = fromSource ? triage : await shippedEngine();
  const r = (x: number) => Math.round(x).toLocaleString('en-US');
  const sets = [
    {
      name: 'records',
      set: recordMessages(messages),
      how: 'each corpus record topped up with the records after it',
    },
    {
      name: 'windows',
      set: windowMessages(messages),
      how: 'distinct windows of the corpus laid end to end, one per line',
    },
  ];
  console.log(
    `\nthroughput: 2,048-character messages, one thread, ${rounds} rounds of >= 0.5 s CPU each; CPU time = process.cpuUsage user+system (GC threads included)`,
  );
  console.log(`  cores this process may use: ${coresAllowed()}${PIN_HINT}`);
  console.log(
    fromSource
      ? '  engine: the TypeScript source as tsx loads it (--source)'
      : '  engine: the minified esbuild bundle, as the extension and the add-on ship it (--source: the TypeScript via tsx)',
  );
  const medians: number[] = [];
  for (const { name, set, how } of sets) {
    const { cpu, wall } = measure(set, rounds, engine);
    medians.push(median(cpu));
    console.log(
      `  ${name} (${set.length} messages: ${how}): ${r(median(cpu))} messages/second of CPU (median; range ${r(Math.min(...cpu))}-${r(Math.max(...cpu))}), ${r(median(wall))} wall clock`,
    );
  }
  console.log(
    `throughput: ${r(Math.min(...medians))} messages/second on one core (the lower median; target >= 2,000; a busy machine lowers it)`,
  );
  const t0 = performance.now();
  triageAll(messages);
  const ms = performance.now() - t0;
  console.log(`corpus as-is: ${messages.length} messages (triageAll, repeats linked) in ${ms.toFixed(1)} ms`);
}
