// The week's digest: the deadlines in the central-office mail this browser has seen, with the ILD's
// translations laid over them, must-do first; then the ILD's summary from the network spreadsheet — the next
// network meeting (Meetings), the week's visits (Visits), what to celebrate (Spotlight) and, for an ILD, the
// asks several principals received in other words (the copies members share to the Mandates tab). The
// tracker's tabs are read in one Sheets request; a tab the network does not have yet is simply empty.
import type { Reply } from '../../shared/browser/extension-messages';
import type { ShownDigest } from '../../shared/browser/mandate-panel';
import { flagText } from '../../shared/mandates/digest/render';
import { repeatedAsks, type RepeatedAsk } from '../../shared/mandates/network/network-asks';
import { readSharedMandates } from '../../shared/mandates/network/seen-asks';
import {
  buildWeeklyDigest,
  celebrationText,
  renderWeeklyHtml,
  renderWeeklyText,
  visitText,
} from '../../shared/mandates/network/weekly-digest';
import { summaryFromTracker } from '../../shared/mandates/network/weekly-summary';
import { triageAll } from '../../shared/mandates/triage';
import type { TabKey } from '../../shared/schema/sheet';
import { workerTokens } from './account';
import { workerGoogle } from './google';
import { alreadySeenCopies, networkMail, rulesOf, seenMail } from './mandates';
import { readTabs } from './network-mail';
import { storedNetwork } from './network';
import { flushShared, share, shareChoice } from './shared-mandates';

/** The Monday of the week of `day` (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

const TRACKER_TABS = ['meetings', 'visits', 'spotlight', 'mandates'] as const satisfies readonly TabKey[];

/** The tracker's tabs, or nothing (and why) when there is no network or the read fails. */
async function trackerTabs(): Promise<{ tabs?: Awaited<ReturnType<typeof readTabs>>; problem?: string }> {
  const network = await storedNetwork();
  if (!network) return {};
  try {
    return { tabs: await readTabs(workerGoogle().sheets, network.spreadsheetId, TRACKER_TABS) };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { problem: `The network spreadsheet could not be read (${why}): the summary is left out.` };
  }
}

function shownAsks(asks: readonly RepeatedAsk[]): NonNullable<ShownDigest['networkAsks']> {
  return asks.map((a) => ({
    subject: a.messages[0]!.subject ?? '',
    seenBy: a.seenBy.length,
    departments: a.departments,
    messages: a.messages.map((m) => ({
      subject: m.subject ?? '',
      ...(m.department && { department: m.department }),
      ...(m.sent && { sent: m.sent }),
      relation: m.relation,
      seenBy: m.seenBy.length,
    })),
  }));
}

export async function weekDigest(from: string | undefined, fresh = false): Promise<Reply> {
  const seen = (await seenMail()).reverse();
  const mail = await networkMail(fresh);
  const rules = await rulesOf(mail);
  const me = await workerTokens.email();
  const ild = mail.role(me) === 'ild';
  const today = new Date().toISOString().slice(0, 10);
  const newest = seen
    .map((m) => m.message.date ?? '')
    .sort()
    .at(-1);
  // The week under way, or — when the newest mail Rounds has seen is older — that mail's week.
  const start = from ?? mondayOf(newest && newest < today ? newest : today);
  const window = { from: start, days: 7 };
  const triages = triageAll(
    seen.map((m) => m.message),
    rules,
  );
  // The ILD's own copies count too: sent first (when they share), so the network view includes them.
  if (ild && (await shareChoice()) === 'share') {
    await share(await alreadySeenCopies());
    await flushShared();
  }
  const tracker = await trackerTabs();
  const [meetings, visits, spotlight, mandates] = tracker.tabs ?? [];
  const summary = summaryFromTracker({ meetings, visits, spotlight }, window);
  const shared = ild ? readSharedMandates(mandates) : undefined;
  const asks = shared ? repeatedAsks(shared.seen, mail.settings) : [];
  const weekly = buildWeeklyDigest({
    sources: seen.map((m, i) => ({ message: m.message, triage: triages[i]!, messageId: m.messageId })),
    translations: [...mail.translations.values()],
    window,
    ...summary,
    repeatedAsks: asks,
  });
  const { digest } = weekly;
  const year = start.slice(0, 4);
  return {
    ok: true,
    data: {
      from: digest.window.from,
      to: digest.window.to,
      entries: digest.entries.map((e) => ({
        title: e.title,
        from: e.from,
        tier: e.tier,
        dates: e.dates.map((d) => ({ date: d.date, kind: d.kind, text: d.text })),
        actions: e.actions,
        flags: e.flags.map((f) => ({ kind: f.kind, text: flagText(f, year) })),
        translation: e.translation,
      })),
      forOthers: digest.forOthers,
      seen: seen.length,
      summary: {
        ...(weekly.nextMeeting && {
          nextMeeting: {
            date: weekly.nextMeeting.date,
            title: weekly.nextMeeting.title ?? '',
            ...(weekly.nextMeeting.where && { where: weekly.nextMeeting.where }),
          },
        }),
        visits: weekly.visits.map((v) => ({ date: v.date, line: visitText(v) })),
        spotlight: weekly.spotlight.map((c) => ({ date: c.date, line: celebrationText(c) })),
      },
      ...(shared && {
        networkAsks: shownAsks(asks),
        sharingMembers: new Set(shared.seen.flatMap((s) => s.seenBy ?? [])).size,
      }),
      problems: [
        ...(tracker.problem ? [tracker.problem] : []),
        ...summary.problems,
        ...(shared?.problems ?? []),
      ],
      html: renderWeeklyHtml(weekly),
      text: renderWeeklyText(weekly),
    } satisfies ShownDigest,
  };
}
