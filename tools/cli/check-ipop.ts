// `rounds check-ipop FILE`: checks problems of practice (JSON Lines {id, text}) against the qualities of an
// IPOP and prints, per statement, each criterion's verdict and the advice that would make it stronger.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkIpop } from '../../shared/ipop/check';
import { fileArgument, lineWriter } from '../mail/options';
import type { CommandIO } from './commands';

const HELP = `Usage: rounds check-ipop FILE

Reads problems of practice, one JSON object per line: {"id", "text", "theoryOfAction"?, "evidenceSources"?}.
Prints one JSON line per statement: {"id", "form", "pass", "criteria": {"question", "studentLearning",
"instructionalCore", "observable", "actionable", "grounded", "strategy"}, "advice": [...]}, where each
criterion is {"pass": true} or {"pass": false, "advice": "..."}. "form" is question, statement or topic
(a bare topic such as "Student talk" never passes). Blank lines are skipped. Nothing leaves this machine.

A line that cannot be read is reported on stderr with its line number and the others are still checked.
Exit status: 0 all lines checked, 1 some could not be read, 2 the command could not run.
`;

/** Long enough for a paragraph-long problem statement; longer text is refused rather than cut silently. */
const MAX_TEXT = 5000;

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const args = fileArgument('check-ipop', argv, io, HELP, 'give the FILE of statements to check');
  if (typeof args === 'number') return args;
  const { file } = args;
  let content: string;
  try {
    content = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    io.stderr(`rounds check-ipop: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}\n`);
    return 2;
  }
  const out = lineWriter(io);
  let checked = 0;
  let failed = 0;
  content.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const statement = readStatement(line);
    if (typeof statement === 'string') {
      failed++;
      io.stderr(`line ${index + 1}: ${statement}\n`);
      return;
    }
    const check = checkIpop(statement.text, statement);
    out.line(
      JSON.stringify({
        id: statement.id,
        form: check.form,
        pass: check.pass,
        criteria: check.criteria,
        advice: check.advice,
      }),
    );
    checked++;
  });
  out.flush();
  if (failed)
    io.stderr(
      `rounds check-ipop: ${failed} of ${failed + checked} lines could not be checked (see above); the other ${checked} were.\n`,
    );
  return failed ? 1 : 0;
}

interface Statement {
  id: string;
  text: string;
  theoryOfAction?: string;
  evidenceSources?: string;
}

/** The statement on one line, or a sentence saying what is wrong with it. */
function readStatement(line: string): Statement | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'each line should be a JSON object like {"id": "...", "text": "..."}';
  const record = value as Record<string, unknown>;
  const id = record.id;
  if (typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string';
  if (typeof record.text !== 'string') return '"text" must be a string';
  if (!record.text.trim()) return '"text" is empty';
  if (record.text.length > MAX_TEXT) return `"text" is longer than ${MAX_TEXT} characters`;
  for (const key of ['theoryOfAction', 'evidenceSources'] as const)
    if (record[key] !== undefined && typeof record[key] !== 'string') return `"${key}" must be a string`;
  return {
    id: String(id),
    text: record.text,
    theoryOfAction: record.theoryOfAction as string | undefined,
    evidenceSources: record.evidenceSources as string | undefined,
  };
}
