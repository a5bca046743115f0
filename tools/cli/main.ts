// The `rounds` command line: a list of commands, one file each; this file only dispatches.
import { commands, type CommandIO } from './commands';

const nodeIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'rounds: instructional rounds tools for networks of principals (offline, nothing leaves this machine)',
    '',
    'Usage: rounds <command> [options]     rounds <command> --help for a command’s options',
    '',
    'Commands:',
    ...lines,
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CommandIO = nodeIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`rounds: unknown command "${name}". Run \`rounds --help\` for the list.\n`);
    return 2;
  }
  const { run } = await command.load();
  return run(rest, io);
}
