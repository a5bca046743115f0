// Bench for the visit planner: plans a generated network's year (18 meetings every 14 days, 8 rounds of buddy
// visits) for 30, 300 and 1,800 schools, from the JSON text to the JSON plan as `rounds plan-visits` does,
// and prints wall and CPU time per size. Target: 1,800 schools in under 2 s on one core
// (run as `taskset -c 0 npm run bench:visits` to hold it to one).
import { planYear } from '../../shared/year/visit-plan';
import { generatedNetwork } from './generated-network';

const SIZES = [30, 300, 1_800];
const TARGET_MS = 2_000;
const RUNS = 3;

function time(text: string): { wallMs: number; cpuMs: number; plan: ReturnType<typeof planYear> } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const plan = planYear(JSON.parse(text));
  if (plan.ok) JSON.stringify(plan.plan);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, plan };
}

function main(): number {
  process.stdout.write(
    `visit planner: 18 meetings every 14 days, 8 rounds; best of ${RUNS} runs after a warm-up (Node ${process.version})\n`,
  );
  let over = false;
  for (const schools of SIZES) {
    const text = JSON.stringify(generatedNetwork({ schools }));
    time(text);
    let best = { wallMs: Infinity, cpuMs: Infinity };
    let last: ReturnType<typeof time> | undefined;
    for (let run = 0; run < RUNS; run++) {
      last = time(text);
      if (last.wallMs < best.wallMs) best = last;
    }
    if (!last?.plan.ok) {
      process.stderr.write(
        `${schools} schools: the generated network was refused: ${JSON.stringify(last?.plan)}\n`,
      );
      return 1;
    }
    const plan = last.plan.plan;
    const groups = plan.rounds.reduce((sum, r) => sum + r.groups.length, 0);
    const fitted = plan.rounds.reduce((sum, r) => sum + r.groups.filter((g) => g.needsMet > 0).length, 0);
    const repeats = plan.rounds.reduce((sum, r) => sum + r.groups.filter((g) => !g.newPartners).length, 0);
    const line =
      `${String(schools.toLocaleString('en-US')).padStart(6)} schools: ${best.wallMs.toFixed(0).padStart(5)} ms wall, ` +
      `${best.cpuMs.toFixed(0).padStart(5)} ms CPU; ${groups} groups, ${fitted} pair a need with a strength, ` +
      `${repeats} repeat a pair, ${JSON.stringify(plan).length.toLocaleString('en-US')} characters of JSON`;
    process.stdout.write(line + '\n');
    if (schools === 1_800 && best.wallMs >= TARGET_MS) over = true;
  }
  process.stdout.write(
    over
      ? `1,800 schools took longer than the ${TARGET_MS} ms target (a busy machine slows wall time: compare the CPU figure)\n`
      : `1,800 schools within the ${TARGET_MS} ms target\n`,
  );
  return 0;
}

process.exitCode = main();
