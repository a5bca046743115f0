// Option parsing for the `rounds` commands: node's parseArgs, with its errors turned into one usage line
// that points at `--help`; the one FILE a command reads; and a buffered writer so a large triage is not
// written line by line.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandIO } from '../cli/commands';

type Options = NonNullable<ParseArgsConfig['options']>;

export type Parsed =
  { ok: true; values: Record<string, string | boolean | undefined>; positionals: string[] } | { ok: false };

export function parseOptions(command: string, argv: string[], options: Options, io: CommandIO): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { ok: true, values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    usageError(command, (error as Error).message.replace(/\. To specify a positional.*$/s, ''), io);
    return { ok: false };
  }
}

export interface FileArgument {
  file: string;
  values: Record<string, string | boolean | undefined>;
}

/**
 * A command that reads one FILE: its options parsed, --help answered, exactly one FILE taken. Returns the
 * FILE and the options' values, or the exit status to stop with: 0 once the help is printed, 2 once the
 * usage error is on stderr. `-h` / `--help` is always an option; `missing` says what FILE to give, and
 * `noun` what the one thing to read is called in “one FILE at a time”.
 */
export function fileArgument(
  command: string,
  argv: string[],
  io: CommandIO,
  help: string,
  missing: string,
  options: Options = {},
  noun = 'FILE',
): FileArgument | 0 | 2 {
  const parsed = parseOptions(command, argv, { ...options, help: { type: 'boolean', short: 'h' } }, io);
  if (!parsed.ok) return 2;
  if (parsed.values.help) {
    io.stdout(help);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return usageError(command, missing, io);
  if (extra.length) return usageError(command, `one ${noun} at a time (also got ${extra.join(' ')})`, io);
  return { file, values: parsed.values };
}

export function usageError(command: string, message: string, io: CommandIO): 2 {
  io.stderr(`rounds ${command}: ${message}\nRun \`rounds ${command} --help\` for the options.\n`);
  return 2;
}

/** Collects output lines and writes them in blocks of about 64 KB: few writes, little held in memory. */
export function lineWriter(io: CommandIO): { line(text: string): void; flush(): void } {
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length) io.stdout(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    line(text) {
      pending.push(text, '\n');
      size += text.length + 1;
      if (size >= 64 * 1024) flush();
    },
    flush,
  };
}
