// Loads a user-rules file (`--rules FILE`, a JSON array of corrections) for the mandate commands, turning
// every mistake in it into a sentence that names the rule, so a typo never silently changes a tier.
import { readFile } from 'node:fs/promises';
import { parseUserRules } from '../../shared/mandates/input';
import type { UserRule } from '../../shared/mandates/types';

export type RulesResult = { ok: true; rules: UserRule[] } | { ok: false; problems: string[] };

export async function loadUserRules(path: string): Promise<RulesResult> {
  let text: string;
  try {
    const bytes = await readFile(path);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : error instanceof TypeError
            ? 'it is not UTF-8 text'
            : (error as Error).message;
    return { ok: false, problems: [`cannot read the rules file ${path}: ${why}`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.replace(/,? ".*" is not valid JSON$/s, '');
    return { ok: false, problems: [`${path} is not valid JSON (${JSON.stringify(reason).slice(1, -1)})`] };
  }
  const parsed = parseUserRules(value);
  return parsed.ok
    ? { ok: true, rules: parsed.value }
    : { ok: false, problems: parsed.problems.map((p) => `${path}: ${p}`) };
}
