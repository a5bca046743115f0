// `rounds digest FILE --from DAY --days N`: the ILD's weekly digest of mandate dates (must-do first, then by
// date, each with its call to action), as plain text or as an HTML fragment safe to paste into an email.
import { buildDigest, isCalendarDay, type DigestSource } from '../../shared/mandates/digest/digest';
import { renderDigestHtml, renderDigestText } from '../../shared/mandates/digest/render';
import type { MandateMessage } from '../../shared/mandates/types';
import { triageAll } from '../../shared/mandates/triage';
import { readInto, rulesOption } from '../mail/intake';
import { parseOptions, usageError } from '../mail/options';
import type { CommandIO } from './commands';

const HELP = `Usage: rounds digest FILE --from YYYY-MM-DD --days N [--html] [--rules RULES.json]

Triages FILE (JSON Lines, an .eml or an .mbox, as for \`rounds triage\`) and lists everything dated in the
window: must-do items first, then the rest by date, each with its dates, what to do, who sent it, and flags
for short notice (sent only a few days before it is due) and for asks that repeat an earlier one.
Items addressed to others (superintendents, custodians, all staff) are counted but left out.

Options:
  --from DAY    first day of the window, e.g. 2026-11-30
  --days N      length of the window in days (1 to 366), e.g. 7 for a week
  --html        print an HTML fragment with inline styles, safe to paste into an email
  --rules FILE  your corrections as a JSON array (see \`rounds triage --help\`)
  -h, --help    show this help

Exit status: 0 every record was read, 1 some could not be (each named on stderr; the digest still lists
the rest), 2 the command could not run (missing file, bad option, bad rules file).
`;

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const parsed = parseOptions(
    'digest',
    argv,
    {
      from: { type: 'string' },
      days: { type: 'string' },
      html: { type: 'boolean' },
      rules: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    io,
  );
  if (!parsed.ok) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (file === undefined) return usageError('digest', 'give the FILE to build the digest from', io);
  if (extra.length) return usageError('digest', `one FILE at a time (also got ${extra.join(' ')})`, io);
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

  const messages: MandateMessage[] = [];
  const intake = await readInto('digest', file, io, { onMessage: (m) => messages.push(m) });
  if (intake.unreadable) return 2;
  const triaged = triageAll(messages, rules);
  const sources: DigestSource[] = messages.map((message, i) => ({ message, triage: triaged[i]! }));
  const digest = buildDigest(sources, { from, days });
  io.stdout(values.html ? renderDigestHtml(digest) : renderDigestText(digest));
  if (intake.failed) {
    io.stderr(
      `rounds digest: ${intake.failed} records could not be read (see above) and are not in the digest.\n`,
    );
  }
  return intake.failed ? 1 : 0;
}
