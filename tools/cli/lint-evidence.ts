// `rounds lint-evidence FILE`: reads observers' evidence lines (JSON Lines {id, text}, or `-` for standard
// input) and prints, per line, whether it is descriptive, an inference or evaluative, with each judging word
// and the facilitator's question about it. Bad lines are named by number and the rest are still linted.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { findIdentityWarnings } from '../../shared/evidence/identity';
import { lintEvidence } from '../../shared/evidence/lint';
import { describeValue, quote } from '../../shared/mandates/input';
import { MAX_LINE_BYTES, readLines } from '../mail/lines';
import { fileArgument, lineWriter } from '../mail/options';
import type { CommandIO } from './commands';

const HELP = `Usage: rounds lint-evidence FILE [--identity]      (FILE may be - for standard input)

Reads evidence lines from observation notes, one JSON object per line: {"id", "text"}.
Prints one JSON line per evidence line: {"id", "kind", "flags": [{"start", "end", "word", "question"}]},
where "kind" is descriptive (what was seen or heard), inference (a reading of minds or causes) or
evaluative (a judgment of the practice); each flag marks a judging word by its UTF-16 offsets in "text"
and gives the facilitator's question ("What did you see or hear that makes you say 'rigorous'?").
The text itself is never changed. Blank lines are skipped. Nothing leaves this machine.

  --identity   also list what would identify someone in the notes (rounds name no teacher, student or
               room): "identity": [{"start", "end", "found", "kind": "name" | "room", "message"}]

A line that cannot be read is reported on stderr with its line number and the others are still linted.
Exit status: 0 all lines linted, 1 some could not be read, 2 the command could not run.
`;

/** Far longer than any line of notes; a longer text is refused rather than cut silently. */
const MAX_TEXT = 20_000;
const MAX_ID = 500;
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function run(
  argv: string[],
  io: CommandIO,
  stdin: AsyncIterable<Uint8Array> = process.stdin,
): Promise<number> {
  const args = fileArgument(
    'lint-evidence',
    argv,
    io,
    HELP,
    'give the FILE of evidence lines (or - for standard input)',
    { identity: { type: 'boolean' } },
  );
  if (typeof args === 'number') return args;
  const { file, values } = args;

  let input: AsyncIterable<Uint8Array> = stdin;
  if (file !== '-') {
    const path = resolve(io.cwd, file);
    try {
      if ((await stat(path)).isDirectory()) {
        io.stderr(`rounds lint-evidence: ${file} is a folder; give a .jsonl file\n`);
        return 2;
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(
        `rounds lint-evidence: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}\n`,
      );
      return 2;
    }
    input = createReadStream(path, { highWaterMark: 256 * 1024 });
  }

  const out = lineWriter(io);
  const firstLineOf = new Map<string, number>();
  let linted = 0;
  let failed = 0;
  try {
    for await (const line of readLines(input)) {
      const problem = (message: string) => {
        failed++;
        io.stderr(`line ${line.number}: ${message}\n`);
      };
      if (line.tooLong) {
        problem(`is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB; one evidence line must fit on one line`);
        continue;
      }
      let text: string;
      try {
        text = utf8.decode(line.bytes);
      } catch {
        problem('is not valid UTF-8 text (binary data?)');
        continue;
      }
      if (line.number === 1) text = text.replace(/^\uFEFF/, '');
      if (!text.trim()) continue;
      const evidence = readEvidence(text);
      if (typeof evidence === 'string') {
        problem(evidence);
        continue;
      }
      const earlier = firstLineOf.get(evidence.id);
      if (earlier !== undefined)
        io.stderr(`line ${line.number}: note: id ${quote(evidence.id)} is also used by line ${earlier}\n`);
      else firstLineOf.set(evidence.id, line.number);
      const lint = lintEvidence(evidence.text);
      const verdict = { id: evidence.id, kind: lint.kind, flags: lint.flags };
      out.line(
        JSON.stringify(
          values.identity ? { ...verdict, identity: findIdentityWarnings(evidence.text) } : verdict,
        ),
      );
      linted++;
    }
  } catch (error) {
    out.flush();
    io.stderr(`rounds lint-evidence: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  out.flush();
  if (!linted && !failed) {
    io.stderr(`rounds lint-evidence: ${file} holds no evidence lines: there is nothing to lint\n`);
    return 1;
  }
  if (failed)
    io.stderr(
      `rounds lint-evidence: ${failed} of ${failed + linted} lines could not be linted (see above); the other ${linted} were.\n`,
    );
  return failed ? 1 : 0;
}

/** The evidence on one line, or a sentence saying what is wrong with it. */
function readEvidence(line: string): { id: string; text: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = (error as Error).message.replace(/,? ".*" is not valid JSON$/s, '').slice(0, 120);
    return `is not valid JSON (${quote(reason, 120).slice(1, -1)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `each line must be a JSON object like {"id": "e1", "text": "..."} (got ${describeValue(value)})`;
  const record = value as Record<string, unknown>;
  const id = Object.hasOwn(record, 'id') ? record.id : undefined;
  const text = Object.hasOwn(record, 'text') ? record.text : undefined;
  if (id === undefined) return '"id" is missing';
  if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id)))
    return `"id" must be a string (got ${describeValue(id)})`;
  const idText = String(id);
  if (!idText.trim()) return '"id" must not be empty';
  if (idText.length > MAX_ID) return `"id" is longer than ${MAX_ID} characters`;
  if (text === undefined) return '"text" is missing';
  if (typeof text !== 'string') return `"text" must be a string (got ${describeValue(text)})`;
  if (!text.trim()) return '"text" is empty';
  if (text.length > MAX_TEXT)
    return `"text" is ${text.length.toLocaleString('en')} characters long; one evidence line may be at most ${MAX_TEXT.toLocaleString('en')}`;
  for (const [field, s] of [
    ['id', idText],
    ['text', text],
  ] as const) {
    if (s.includes('\u0000')) return `"${field}" contains a NUL character (binary data?)`;
    if (LONE_SURROGATE.test(s)) return `"${field}" contains broken Unicode (a lone surrogate)`;
  }
  return { id: idText, text };
}
