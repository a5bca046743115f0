// What the benches over labelled statements (evidence, ipop) share: the corpus file named on the command
// line, its JSON Lines read with each bad line named and skipped, and how many statements a second a
// checker reads.
import { readFileSync } from 'node:fs';

/** The corpus file and --quiet; undefined, after the usage line on stderr, when no file is named. */
export function benchArguments(bench: string, argv: string[]): { path: string; quiet: boolean } | undefined {
  const quiet = argv.includes('--quiet');
  const path = argv.find((a) => !a.startsWith('--'));
  if (!path) {
    process.stderr.write(`Usage: npm run bench:${bench} -- FILE.jsonl [--quiet]\n`);
    return undefined;
  }
  return { path, quiet };
}

/**
 * One statement per non-blank line, as `read` makes it from the line's object. A line that is not JSON,
 * has no "text", or that `read` throws on is named on stderr (file:line) and skipped.
 */
export function readStatements<T>(
  path: string,
  read: (record: Record<string, unknown> & { text: string }, lineNumber: number) => T,
): T[] {
  const statements: T[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, n) => {
      if (!line.trim()) return;
      try {
        const record = JSON.parse(line) as Record<string, unknown>;
        if (typeof record.text !== 'string') throw new Error('no "text"');
        statements.push(read(record as Record<string, unknown> & { text: string }, n + 1));
      } catch (error) {
        process.stderr.write(`${path}:${n + 1}: skipped (${(error as Error).message})\n`);
      }
    });
  return statements;
}

/**
 * How many statements a second `check` reads, timed over one second; with `warmUpMs`, after that long of
 * the same work, so the figure is the checker's steady speed rather than the compiler's.
 */
export function statementsPerSecond(
  statements: readonly { text: string }[],
  check: (text: string) => unknown,
  warmUpMs = 0,
): number {
  const warm = performance.now();
  while (performance.now() - warm < warmUpMs) for (const s of statements) check(s.text);
  const started = performance.now();
  let runs = 0;
  while (performance.now() - started < 1000)
    for (const s of statements) {
      check(s.text);
      runs++;
    }
  return runs / ((performance.now() - started) / 1000);
}
