// `rounds run-chart FILE`: reads measures as JSON Lines {id, points:[numbers]} and prints, per measure, its
// median, runs, useful points and the run-chart signals (shift, trend, too few or too many runs).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readRunChart } from '../../shared/year/run-chart';
import { MAX_LINE_BYTES, readLines } from '../mail/lines';
import { fileArgument, lineWriter } from '../mail/options';
import type { CommandIO } from './commands';

const HELP = `Usage: rounds run-chart FILE

Reads one measure per line: {"id": "...", "points": [numbers in time order]}.
Prints one JSON line per measure: {"id", "median", "runs", "useful", "signals": [{"rule", "start", "end"}],
"astronomical": [indexes], "note"?}. "useful" is the number of points not on the median; "runs" counts
runs above and below the median over those points. Signals, with 0-based inclusive point indexes:
  shift  six or more points in a row on one side of the median (points on it neither break nor add)
  trend  five or more points in a row all going up or all going down (a repeated value counts once)
  runs   too few or too many runs for the number of useful points (Perla, Provost & Murray 2011)
"astronomical" lists points for a person to judge: outside the median ± 3.14 × the median moving range (the
limits of an XmR chart from medians), with at least five points. With fewer than ten useful points the runs
rule is not used and "note" says "too few points". Nothing leaves this machine.

A line that cannot be read is reported on stderr with its line number and the others are still charted.
Exit status: 0 all lines charted, 1 some could not be read, 2 the command could not run.
`;

/** Far more points than any school measure has; a longer list is refused rather than cut silently. */
const MAX_POINTS = 100_000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const args = fileArgument('run-chart', argv, io, HELP, 'give the FILE of measures to chart');
  if (typeof args === 'number') return args;
  const { file } = args;
  const path = resolve(io.cwd, file);
  try {
    if (!(await stat(path)).isFile()) throw Object.assign(new Error(), { code: 'not a file' });
  } catch (error) {
    io.stderr(`rounds run-chart: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}\n`);
    return 2;
  }
  const out = lineWriter(io);
  const seen = new Map<string, number>();
  let charted = 0;
  let failed = 0;
  for await (const line of readLines(createReadStream(path))) {
    const measure = readMeasure(line.bytes, line.tooLong, seen, line.number);
    if (measure === undefined) continue;
    if (typeof measure === 'string') {
      failed++;
      io.stderr(`line ${line.number}: ${measure}\n`);
      continue;
    }
    const chart = readRunChart(measure.points);
    out.line(
      JSON.stringify({
        id: measure.id,
        median: chart.median,
        runs: chart.runs,
        useful: chart.useful,
        signals: chart.signals.map(({ rule, start, end }) => ({ rule, start, end })),
        astronomical: chart.astronomical.map((p) => p.index),
        ...(chart.notes.length ? { note: chart.notes.join('; ') } : {}),
      }),
    );
    charted++;
  }
  out.flush();
  if (failed)
    io.stderr(
      `rounds run-chart: ${failed} of ${failed + charted} lines could not be charted (see above); the other ${charted} were.\n`,
    );
  return failed ? 1 : 0;
}

interface Measure {
  id: string;
  points: number[];
}

/** The measure on one line, undefined for a blank line, or a sentence saying what is wrong with it. */
function readMeasure(
  bytes: Buffer,
  tooLong: boolean,
  seen: Map<string, number>,
  number: number,
): Measure | string | undefined {
  if (tooLong) return `the line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB`;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return 'is not valid UTF-8 text';
  }
  if (!text.trim()) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'is not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'each line should be a JSON object like {"id": "...", "points": [1, 2, 3]}';
  const record = value as Record<string, unknown>;
  const id = record.id;
  if (id === undefined) return '"id" is missing';
  if (typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string';
  const key = String(id);
  if (!key.trim()) return '"id" must not be empty';
  if (!Array.isArray(record.points)) return '"points" must be a list of numbers';
  if (!record.points.length) return '"points" is empty: a run chart needs at least one point';
  if (record.points.length > MAX_POINTS)
    return `"points" has more than ${MAX_POINTS.toLocaleString('en-US')}`;
  const bad = record.points.findIndex((p) => typeof p !== 'number' || !Number.isFinite(p));
  if (bad !== -1) return `point ${bad + 1} is not a number (got ${described(record.points[bad])})`;
  const earlier = seen.get(key);
  if (earlier !== undefined) return `id ${JSON.stringify(key)} is already used by line ${earlier}`;
  seen.set(key, number);
  return { id: key, points: record.points as number[] };
}

/** A bad value in a few safe characters: strings quoted and cut, nested values named, never echoed raw. */
function described(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
