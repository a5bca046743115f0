// `rounds digest FILE --from DAY --days N`: the ILD's weekly digest of mandate dates (must-do first, then by
// date, each with its call to action), as plain text or as an HTML fragment safe to paste into an email; with
// `--translations FILE` the ILD's translations from the network spreadsheet (CSV export or JSON Lines) too.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isCalendarDay } from '../../shared/mandates/digest/digest';
import {
  buildWeeklyDigest,
  renderWeeklyHtml,
  renderWeeklyText,
  SHORT_NOTICE_SCHOOL_DAYS,
} from '../../shared/mandates/network/weekly-digest';
import { readTranslationsFile } from '../../shared/mandates/network/translations-file';
import type { Translation } from '../../shared/mandates/network/translations';
import type { MandateMessage } from '../../shared/mandates/types';
import { triageAll } from '../../shared/mandates/triage';
import { readInto, rulesOption } from '../mail/intake';
import { fileArgument, usageError } from '../mail/options';
import type { CommandIO } from './commands';

const HELP = `Usage: rounds digest FILE --from YYYY-MM-DD --days N [--html] [--rules RULES.json]
                     [--translations TRANSLATIONS.csv|.jsonl]

Triages FILE (JSON Lines, an .eml or an .mbox, as for \`rounds triage\`) and lists everything dated in the
window: must-do items first, then the rest by date, each with its dates, what to do, who sent it, and flags
for short notice (due within ${SHORT_NOTICE_SCHOOL_DAYS} school days of being sent) and for asks that repeat an earlier one.
Items addressed to others (superintendents, custodians, all staff) are counted but left out.

Options:
  --from DAY    first day of the window, e.g. 2026-11-30
  --days N      length of the window in days (1 to 366), e.g. 7 for a week
  --html        print an HTML fragment with inline styles, safe to paste into an email
  --rules FILE  your corrections as a JSON array (see \`rounds triage --help\`)
  --translations FILE
                the ILD's translations: the Translations tab downloaded from Google Sheets as CSV, or
                JSON Lines with the same fields. A translation sets the tier, what to do and the due date
                of the email with its Message-ID (for JSON Lines mail, the record's "id"); one for mail not
                in FILE is listed from the translation alone. Bad rows are named by row and skipped.
  -h, --help    show this help

Exit status: 0 every record was read, 1 some could not be (each named on stderr; the digest still lists
the rest), 2 the command could not run (missing file, bad option, bad rules or translations file).
`;

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const args = fileArgument('digest', argv, io, HELP, 'give the FILE to build the digest from', {
    from: { type: 'string' },
    days: { type: 'string' },
    html: { type: 'boolean' },
    rules: { type: 'string' },
    translations: { type: 'string' },
  });
  if (typeof args === 'number') return args;
  const { file, values } = args;
  const from = values.from as string | undefined;
  if (from === undefined)
    return usageError('digest', '--from is required: the first day, e.g. --from 2026-11-30', io);
  if (!isCalendarDay(from)) {
    return usageError(
      'digest',
      `--from must be a real day written YYYY-MM-DD, e.g. 2026-11-30 (got ${JSON.stringify(from)})`,
      io,
    );
  }
  const daysText = values.days as string | undefined;
  if (daysText === undefined)
    return usageError('digest', '--days is required: how many days, e.g. --days 7', io);
  const days = /^\d{1,3}$/.test(daysText) ? Number(daysText) : NaN;
  if (!(days >= 1 && days <= 366)) {
    return usageError(
      'digest',
      `--days must be a whole number from 1 to 366 (got ${JSON.stringify(daysText)})`,
      io,
    );
  }
  const rules = await rulesOption('digest', values.rules as string | undefined, io);
  if (!rules) return 2;
  const translations = await translationsOption(values.translations as string | undefined, io);
  if (!translations) return 2;

  const messages: MandateMessage[] = [];
  const intake = await readInto('digest', file, io, { onMessage: (m) => messages.push(m) });
  if (intake.unreadable) return 2;
  const triaged = triageAll(messages, rules);
  const sources = messages.map((message, i) => ({ message, triage: triaged[i]! }));
  const weekly = buildWeeklyDigest({ sources, translations: translations.list, window: { from, days } });
  io.stdout(values.html ? renderWeeklyHtml(weekly) : renderWeeklyText(weekly));
  if (intake.failed) {
    io.stderr(
      `rounds digest: ${intake.failed} records could not be read (see above) and are not in the digest.\n`,
    );
  }
  if (translations.failed) {
    io.stderr(
      `rounds digest: ${translations.failed} problem${translations.failed === 1 ? '' : 's'} in the translations file (see above); the digest uses the rest.\n`,
    );
  }
  return intake.failed || translations.failed ? 1 : 0;
}

/** Loads `--translations FILE`, naming each bad row on stderr; undefined when the file cannot be read at all. */
async function translationsOption(
  path: string | undefined,
  io: CommandIO,
): Promise<{ list: Translation[]; failed: number } | undefined> {
  if (path === undefined) return { list: [], failed: 0 };
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(
      `rounds digest: cannot read the translations file ${path}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}\n`,
    );
    return undefined;
  }
  const file = readTranslationsFile(path, text);
  if (file.unreadable) {
    io.stderr(`rounds digest: ${file.unreadable}\n`);
    return undefined;
  }
  for (const problem of file.problems) io.stderr(`${problem}\n`);
  return { list: file.translations, failed: file.problems.length };
}
