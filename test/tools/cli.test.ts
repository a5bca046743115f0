// The `rounds` command line: every command file is registered and listed, and mistakes get a clear answer.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../tools/cli/commands';
import { main } from '../../tools/cli/main';
import { capturedIO } from './captured-io';

const capture = () => capturedIO();

describe('rounds', () => {
  it('registers every command file in tools/cli and lists each in --help', async () => {
    const files = readdirSync(join(import.meta.dirname, '../../tools/cli'))
      .filter((f) => f.endsWith('.ts') && !['main.ts', 'commands.ts'].includes(f))
      .map((f) => f.replace(/\.ts$/, ''));
    const registered = await Promise.all(commands.map(async (c) => ({ c, m: await c.load() })));
    expect(registered.every(({ m }) => typeof m.run === 'function')).toBe(true);
    const io = capture();
    expect(await main(['--help'], io)).toBe(0);
    for (const c of commands) expect(io.out).toContain(`${c.name}  `.slice(0, c.name.length + 1));
    // A command's file name is its name (lint-evidence.ts → lint-evidence), so nothing is left out.
    expect(files.sort()).toEqual(commands.map((c) => c.name).sort());
  });

  it('says which command it does not know and exits 2', async () => {
    const io = capture();
    expect(await main(['tirage'], io)).toBe(2);
    expect(io.err).toMatch(/unknown command "tirage"/);
  });

  it('prints the spreadsheet schema as text and JSON', async () => {
    const text = capture();
    expect(await main(['schema'], text)).toBe(0);
    expect(text.out).toMatch(/Filings: .*\n.*Filed at/);
    const json = capture();
    expect(await main(['schema', '--json'], json)).toBe(0);
    expect(JSON.parse(json.out).tabs).toHaveLength(23);
  });
});
