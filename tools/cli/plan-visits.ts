// `rounds plan-visits NETWORK.json`: plans the network's year — a host for every meeting and rounds of buddy
// visits, each choice with its reason — and prints it as JSON, or with --coverage as a readable table of who
// hosted, visited and was visited, and who was left out.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { coverageTable } from '../../shared/year/coverage';
import { planYear } from '../../shared/year/visit-plan';
import { fileArgument } from '../mail/options';
import type { CommandIO } from './commands';

const HELP = `Usage: rounds plan-visits NETWORK.json [--coverage]

NETWORK.json: {"start": "YYYY-MM-DD", "meetings": N, "cadenceDays": 14, "rounds": R,
  "schools": [{"id", "name", "level", "ipop", "strengths": [tags], "needs": [tags], "unavailable": [dates]}]}

Prints {"meetings": [{"date", "host", "reason"}], "rounds": [{"round", "groups": [{"schools", "reason",
"visits", "newPartners", "needsMet"}]}], "coverage": [{"school", "hosted", "visited", "visitedBy", "leftOut"}],
"notes": [...]}: a meeting every cadenceDays from start, each school hosting once before any hosts twice and
never on a date it is unavailable; R rounds of buddy pairs (one triad when the number of schools is odd), each
school in one group per round, no two schools together again until one of them has met every other school,
a school strong in what another needs preferred. Every choice has its reason. Nothing leaves this machine.

  --coverage   print a table of who hosts, visits and is visited, and who is left out, instead of JSON

Exit status: 0 planned, 1 the network file has problems (each named on stderr), 2 the command could not run.
`;

/** A network file is small; a larger one is refused before it is read into memory. */
const MAX_BYTES = 20 * 1024 * 1024;

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const args = fileArgument(
    'plan-visits',
    argv,
    io,
    HELP,
    'give the NETWORK.json to plan',
    { coverage: { type: 'boolean' } },
    'file',
  );
  if (typeof args === 'number') return args;
  const { file, values } = args;
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(io.cwd, file));
  } catch (error) {
    io.stderr(`rounds plan-visits: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}\n`);
    return 2;
  }
  if (bytes.length > MAX_BYTES) {
    io.stderr(`rounds plan-visits: ${file} is larger than 20 MiB; a network file is far smaller\n`);
    return 1;
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const why =
      error instanceof SyntaxError ? `is not valid JSON (${error.message})` : 'is not valid UTF-8 text';
    io.stderr(`rounds plan-visits: ${file} ${why}\n`);
    return 1;
  }
  const planned = planYear(value);
  if (!planned.ok) {
    for (const problem of planned.problems) io.stderr(`${file}: ${problem}\n`);
    io.stderr(
      `rounds plan-visits: nothing planned; fix the ${planned.problems.length === 1 ? 'problem' : 'problems'} above\n`,
    );
    return 1;
  }
  const { plan } = planned;
  if (values.coverage) {
    io.stdout(coverageTable(plan.coverage));
    for (const note of plan.notes) io.stdout(`Note: ${note}\n`);
  } else io.stdout(JSON.stringify(plan, null, 2) + '\n');
  return 0;
}
