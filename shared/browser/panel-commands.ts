// What the side panel asks the worker to do. The panel never calls Google itself: it sends one of these,
// the worker does the work with the token only it holds, and the panel watches storage for the outcome.
import * as v from 'valibot';
import { STEP_NUMBERS } from '../domain';
import { RuleDraftSchema, TranslationDraftSchema } from './mandate-commands';

const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const name = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const driveId = v.pipe(v.string(), v.regex(/^[\w-]{1,200}$/, 'a Drive id is letters, digits, - and _'));

/** Where to file: a cycle's step, and the school it is about when there is one. */
export const FilingChoiceSchema = v.object({
  cycleId: name(200),
  step: v.picklist(STEP_NUMBERS, 'the step is a number from 1 to 8'),
  /** The Schools tab's id of the school the work is about, when it is about one. */
  schoolId: v.optional(v.pipe(v.string(), v.maxLength(200))),
  note: v.optional(v.pipe(v.string(), v.maxLength(2000))),
});
export type FilingChoice = v.InferOutput<typeof FilingChoiceSchema>;

export const PanelCommandSchema = v.variant('kind', [
  v.object({
    kind: v.literal('create-network'),
    name: name(200),
    schools: v.pipe(v.array(name(200)), v.maxLength(60)),
  }),
  /** Join: the spreadsheet and root folder the member granted Rounds (Picker, or the sandbox's stand-in). */
  v.object({ kind: v.literal('join-network'), spreadsheetId: driveId, rootFolderId: driveId }),
  v.object({ kind: v.literal('propose-adoption') }),
  v.object({
    kind: v.literal('adopt-folders'),
    corrections: v.array(
      v.union([
        v.object({ key: name(300), folderId: driveId }),
        v.object({ key: name(300), create: v.literal(true) }),
      ]),
    ),
  }),
  v.object({ kind: v.literal('refresh-network') }),
  v.object({ kind: v.literal('forget-network') }),
  /** Look in the Filings tab for the open email or Doc: "Filed to … by …". */
  v.object({ kind: v.literal('look-up'), tabId }),
  v.object({
    kind: v.literal('file-email'),
    tabId,
    gmailMessageId: v.pipe(v.string(), v.regex(/^[0-9a-f]{1,16}$/)),
    choice: FilingChoiceSchema,
  }),
  v.object({ kind: v.literal('file-doc'), tabId, choice: FilingChoiceSchema }),
  v.object({
    kind: v.literal('file-list'),
    tabId,
    scope: v.picklist(['selected', 'all']),
    choice: FilingChoiceSchema,
  }),
  /** Work out one shown message's mandate triage: the engine runs in the worker, off the panel's script. */
  v.object({
    kind: v.literal('triage'),
    message: v.object({
      id: v.pipe(v.string(), v.maxLength(200)),
      subject: v.optional(v.pipe(v.string(), v.maxLength(2000))),
      from: v.optional(v.pipe(v.string(), v.maxLength(2000))),
      date: v.optional(v.pipe(v.string(), v.maxLength(40))),
      // The tab record already trims bodies to fit session storage; the engine cuts long text itself.
      text: v.pipe(v.string(), v.maxLength(1_100_000)),
    }),
  }),
  /**
   * The open email as the network sees central-office mail: its triage with the Rules tab, its translation.
   * `fresh` reads the spreadsheet anew (after someone edited it) instead of the last half-minute's read.
   */
  v.object({ kind: v.literal('mandate'), tabId, fresh: v.optional(v.boolean()) }),
  /** Gmail's list: the visible rows' first guesses (subject and snippet only). */
  v.object({ kind: v.literal('mandate-list'), tabId, fresh: v.optional(v.boolean()) }),
  /** Which of the messages Rounds has seen a correction would change, before it is saved. */
  v.object({ kind: v.literal('preview-rule'), rule: RuleDraftSchema }),
  /** Save a correction to the network's Rules tab (everyone) or keep it in this browser. */
  v.object({ kind: v.literal('save-rule'), rule: RuleDraftSchema, where: v.picklist(['network', 'local']) }),
  /** The ILD's translation of a mandate, saved to the Translations tab under the email's Message-ID. */
  v.object({ kind: v.literal('save-translation'), translation: TranslationDraftSchema }),
  /** Share the central-office mail this member opens with the network (the Mandates tab), or keep it here. */
  v.object({ kind: v.literal('share-mandates'), choice: v.picklist(['share', 'keep']) }),
  /** Whether this member shares, and how many copies still wait to be written. */
  v.object({ kind: v.literal('sharing-state') }),
  /** The week's digest from the mail Rounds has seen, starting on `from` (YYYY-MM-DD) or this week. */
  v.object({
    kind: v.literal('digest'),
    from: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
    fresh: v.optional(v.boolean()),
  }),
  /** `nudge`: the panel sees waiting work not moving (the worker was stopped): wake it to carry on. */
  v.object({
    kind: v.literal('queue'),
    action: v.picklist(['pause', 'resume', 'cancel', 'clear-finished', 'nudge']),
  }),
]);
export type PanelCommand = v.InferOutput<typeof PanelCommandSchema>;
