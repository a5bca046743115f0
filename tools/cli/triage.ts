// `rounds triage FILE`: labels central-office mail (JSON Lines, an .eml or an .mbox) with its tier, audience,
// deadlines, asks and reasons, one JSON line per message; bad records are named by line on stderr.
import type { MandateMessage } from '../../shared/mandates/types';
import { TEXT_LIMITS } from '../../shared/mandates/limits';
import { triageAll } from '../../shared/mandates/triage';
import { readInto, rulesOption } from '../mail/intake';
import { fileArgument, lineWriter } from '../mail/options';
import type { CommandIO } from './commands';

const HELP = `Usage: rounds triage FILE [--rules RULES.json]

Sorts central-office mail the way a good ILD would and explains every call. Prints one JSON line per
message: {"id", "tier", "confidence", "check"?, "checkReason"?, "audience", "deadlines", "actions",
"contacts", "systems", "leadTimeDays", "reasons", "repeatOf"?, "items"?}. "check": true means the call is
close to must_do ("check this one — may be required") and "checkReason" says why. A bulletin adds "items",
each triaged the same way. Nothing is sent anywhere and no mail is changed: the command only reads FILE.

FILE is one of (told apart by content, then by extension):
  JSON Lines   one {"id", "text", "subject"?, "from"?, "date"?} object per line (.jsonl);
               "date" is 2026-12-04, an ISO date-time or a mail Date header (any other "date" is
               a note on stderr and the message is triaged without lead time); blank lines are
               skipped; only the first ${TEXT_LIMITS.readChars.toLocaleString('en-US')} characters of a text are read (with a note)
  an email     a single message saved as .eml (Message-ID is the id)
  a mailbox    an .mbox file of many messages (Thunderbird, Apple Mail, Google Takeout)

Options:
  --rules FILE  a JSON array of your corrections, applied before the built-in rules, e.g.
                [{"id": "r1", "match": {"sender": "transport@district.org"}, "tier": "fyi",
                  "note": "bus notices are handled by the office"}]
                "match" takes "sender", "department" or "phrase"; "tier" is must_do, action, fyi or
                not_for_principals.
  -h, --help    show this help

A record that cannot be read is reported on stderr with its line number ("line 7: \\"text\\" must be a
string") and the others are still triaged. Exit status: 0 all records triaged, 1 some could not be,
2 the command could not run (missing file, bad option, bad rules file).
`;

export async function run(argv: string[], io: CommandIO): Promise<number> {
  const args = fileArgument('triage', argv, io, HELP, 'give the FILE to triage', {
    rules: { type: 'string' },
  });
  if (typeof args === 'number') return args;
  const { file, values } = args;
  const rules = await rulesOption('triage', values.rules as string | undefined, io);
  if (!rules) return 2;

  // Repeats are linked across the whole file, so the messages are read first; the output is written as it
  // is produced, in blocks, never assembled into one string.
  const messages: MandateMessage[] = [];
  const intake = await readInto('triage', file, io, { onMessage: (m) => messages.push(m) });
  if (intake.unreadable) return 2;
  const out = lineWriter(io);
  for (const result of triageAll(messages, rules)) out.line(JSON.stringify(result));
  out.flush();
  if (intake.failed) {
    io.stderr(
      `rounds triage: ${intake.failed} of ${intake.failed + intake.read} records could not be triaged (see above); the other ${intake.read} were.\n`,
    );
  }
  return intake.failed ? 1 : 0;
}
