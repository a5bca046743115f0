// The part `rounds triage` and `rounds digest` share: parse the common options, load the user's rules, and
// read every message from the file while printing each problem with its line, so both commands report
// bad input the same way.
import { resolve } from 'node:path';
import type { CommandIO } from '../cli/commands';
import { TEXT_LIMITS } from '../../shared/mandates/limits';
import type { MandateMessage, UserRule } from '../../shared/mandates/types';
import { readMessages, UnreadableFile } from './read-messages';
import { loadUserRules } from './rules-file';

export interface Intake {
  /** Called for every good message, in file order. */
  onMessage(message: MandateMessage): void;
}

export interface IntakeResult {
  /** Records that could not be triaged (each already reported on stderr). */
  failed: number;
  read: number;
  /** Set when the file could not be read at all: the command exits with 2. */
  unreadable?: boolean;
}

/** Loads `--rules FILE`; on a problem prints every one of them and returns undefined. */
export async function rulesOption(
  command: string,
  path: string | undefined,
  io: CommandIO,
): Promise<UserRule[] | undefined> {
  if (path === undefined) return [];
  const result = await loadUserRules(resolve(io.cwd, path));
  if (result.ok) return result.rules;
  for (const problem of result.problems)
    io.stderr(`rounds ${command}: ${problem.replace(resolve(io.cwd, path), path)}\n`);
  return undefined;
}

export async function readInto(
  command: string,
  file: string,
  io: CommandIO,
  intake: Intake,
): Promise<IntakeResult> {
  const result: IntakeResult = { failed: 0, read: 0 };
  try {
    for await (const item of readMessages(resolve(io.cwd, file), file)) {
      if (item.kind === 'message') {
        result.read++;
        // The engine reads only a message's opening TEXT_LIMITS.readChars characters; holding more for the whole-file
        // repeat linking would only cost memory.
        const { message } = item;
        intake.onMessage(
          message.text.length > TEXT_LIMITS.readChars
            ? { ...message, text: message.text.slice(0, TEXT_LIMITS.readChars) }
            : message,
        );
      } else if (item.kind === 'warning') {
        io.stderr(`${item.where}: note: ${item.warning}\n`);
      } else {
        result.failed++;
        for (const problem of item.problems) io.stderr(`${item.where}: ${problem}\n`);
      }
    }
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    io.stderr(`rounds ${command}: ${error.message}\n`);
    return { ...result, unreadable: true };
  }
  return result;
}
