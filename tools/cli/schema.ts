// `rounds schema`: the network spreadsheet's tabs and columns, as the add-on and the extension create them.
import { SHEET_SCHEMA_VERSION, TABS } from '../../shared/schema/sheet';
import type { CommandIO } from './commands';

export async function run(argv: string[], io: CommandIO): Promise<number> {
  if (argv.includes('--help')) {
    io.stdout(
      'Usage: rounds schema [--json]\nPrints the network spreadsheet schema: tabs, header rows, version.\n',
    );
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--json');
  if (unknown.length) {
    io.stderr(`rounds schema: unknown option ${unknown[0]}\n`);
    return 2;
  }
  if (argv.includes('--json')) {
    io.stdout(JSON.stringify({ version: SHEET_SCHEMA_VERSION, tabs: TABS }, null, 2) + '\n');
    return 0;
  }
  const lines = [`Network spreadsheet schema, version ${SHEET_SCHEMA_VERSION}`, ''];
  for (const tab of TABS) {
    lines.push(`${tab.name}: ${tab.purpose}`);
    if (tab.columns.length) {
      lines.push('  ' + tab.columns.map((c) => (c.hidden ? `(${c.header}, hidden)` : c.header)).join(' | '));
    }
  }
  io.stdout(lines.join('\n') + '\n');
  return 0;
}
