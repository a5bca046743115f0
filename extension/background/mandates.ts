// The worker's side of central-office mail: triage the open email with the network's rules and this
// browser's own, find its ILD translation by Message-ID, guess the Gmail list's rows from subject and
// snippet, preview and save corrections and save translations. The mail Rounds has seen is kept, bounded, in
// storage.local for previews and the week's digest (week-digest.ts); it leaves the browser only as the
// member chooses to share it with the network (shared-mandates.ts).
import type { Reply } from '../../shared/browser/extension-messages';
import type { RuleDraft, TranslationDraft } from '../../shared/browser/mandate-commands';
import type { ListedMandate, RulePreview, ShownList, ShownMandate } from '../../shared/browser/mandate-panel';
import { TableAppender } from '../../shared/google/table-rows';
import { previewRule as previewChanges } from '../../shared/mandates/network/corrections';
import { ruleToRecord, rulesInForce } from '../../shared/mandates/network/network-rules';
import {
  normalizeMessageId,
  translationFor,
  translationRowId,
  translationToRecord,
} from '../../shared/mandates/network/translations';
import { applyTranslation } from '../../shared/mandates/network/weekly-digest';
import type { SharedMandate } from '../../shared/mandates/network/seen-asks';
import { triage, triageAll } from '../../shared/mandates/triage';
import { TIER_ORDER, type MandateMessage, type Triage, type UserRule } from '../../shared/mandates/types';
import { recordToRow, tabByKey, type CellValue } from '../../shared/schema/sheet';
import { a1 } from '../../shared/google/sheets';
import { sendToTab } from '../platform/messaging';
import { localStore } from '../platform/storage';
import { workerTokens } from './account';
import { workerGoogle } from './google';
import { addressIn, loadNetworkMail, noNetworkMail, type NetworkMail } from './network-mail';
import { storedNetwork } from './network';
import { fetchOriginal } from './originals';
import { readSeenPage } from './seen-pages';
import { share, sharingState } from './shared-mandates';

/** storage.local: the central-office mail the panel has shown, newest first, for the digest and previews. */
export const SEEN_MAIL_KEY = 'mandates-seen';
/** storage.local: corrections kept in this browser only. */
export const LOCAL_RULES_KEY = 'mandate-rules';
const KEEP_MAIL = 150;
const KEEP_TEXT = 8000;

export interface SeenMail {
  gmailId: string;
  messageId?: string;
  message: MandateMessage;
  /** The office the Settings tab recognised it as from, when it says. */
  office?: string;
  /** Gmail's id of the conversation, so the list can show the full triage of an email already opened. */
  threadId?: string;
}

const ok = (data?: unknown): Reply => ({ ok: true, data });
const fail = (problem: string): Reply => ({ ok: false, problem });

/** The central-office mail this browser has shown, newest first. */
export async function seenMail(): Promise<SeenMail[]> {
  const stored = await localStore.get(SEEN_MAIL_KEY);
  return Array.isArray(stored)
    ? (stored as SeenMail[]).filter((m) => m && typeof m.gmailId === 'string' && m.message?.id)
    : [];
}

let writing: Promise<unknown> = Promise.resolve();

/** Adds one email to the kept list; writes go one at a time, so two panels opening mail lose neither. */
function remember(mail: SeenMail): Promise<void> {
  const write = writing.then(async () => {
    const kept = (await seenMail()).filter((m) => m.gmailId !== mail.gmailId);
    const message = { ...mail.message, text: mail.message.text.slice(0, KEEP_TEXT) };
    await localStore.set(SEEN_MAIL_KEY, [{ ...mail, message }, ...kept].slice(0, KEEP_MAIL));
  });
  writing = write.catch(() => undefined);
  return write;
}

/** This browser's own corrections: the conversation's triage applies them even before a network is joined. */
export async function localRules(): Promise<UserRule[]> {
  const stored = await localStore.get(LOCAL_RULES_KEY);
  return Array.isArray(stored) ? (stored as UserRule[]) : [];
}

/**
 * The spreadsheet's say is read at most every half minute: a principal clicking through the inbox opens
 * several emails a minute, the filing view reads too, and Sheets allows 60 reads a minute per user.
 * "Read the spreadsheet again" (`fresh`) and saving a rule or translation read it anew. Memory only.
 */
const FRESH_MS = 30_000;
let kept: { at: number; spreadsheetId: string; mail: NetworkMail } | undefined;

/** The network's settings, rules and translations; without a network (or offline), this browser's only. */
export async function networkMail(fresh = false): Promise<NetworkMail> {
  const network = await storedNetwork();
  if (!network) return noNetworkMail();
  if (!fresh && kept && kept.spreadsheetId === network.spreadsheetId && Date.now() - kept.at < FRESH_MS)
    return kept.mail;
  try {
    const mail = await loadNetworkMail(workerGoogle().sheets, network.spreadsheetId);
    kept = { at: Date.now(), spreadsheetId: network.spreadsheetId, mail };
    return mail;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return noNetworkMail([
      `The network spreadsheet could not be read (${why}): only this browser's rules apply.`,
    ]);
  }
}

/** This browser's corrections first, then the network's, newest first: the latest correction wins. */
export const rulesOf = async (mail: NetworkMail) => rulesInForce(await localRules(), mail.rules);

export async function showMandate(tabId: number, fresh = false): Promise<Reply> {
  const seen = await readSeenPage(tabId);
  if (seen.state !== 'seen' || seen.record.page.kind !== 'gmail-thread') return fail('No email is open.');
  const { thread } = seen.record.page;
  const newest = thread.messages.at(-1)!;
  if (!newest.id) return fail('Gmail has not numbered this message yet.');
  const from = newest.from.name ? `${newest.from.name} <${newest.from.email}>` : newest.from.email;
  const mail = await networkMail(fresh);
  const office = mail.centralOffice(from, newest.body);
  if (!office.central)
    return ok({
      state: 'not-central',
      from,
      why: office.why,
      problems: mail.problems,
    } satisfies ShownMandate);
  // The Message-ID ties this copy to every other member's copy of the same email (its translation).
  const original = await fetchOriginal(tabId, newest.id).catch(() => undefined);
  const message: MandateMessage = {
    id: newest.id,
    subject: thread.subject,
    from,
    date: newest.date.local?.slice(0, 10),
    text: newest.body,
  };
  const seenNow: SeenMail = {
    gmailId: newest.id,
    messageId: original?.messageId,
    message,
    office: office.office,
    ...(thread.id && { threadId: thread.id }),
  };
  await remember(seenNow);
  const rules = await rulesOf(mail);
  // Oldest first, so an ask sent the same day as another counts as the later one when opened later.
  const others = (await seenMail()).filter((m) => m.gmailId !== newest.id).reverse();
  const all = triageAll([...others.map((m) => m.message), message], rules);
  const translation = translationFor(original?.messageId, mail.translations);
  // The ILD's reading of the email (tier, what to do, by when) goes over the engine's.
  const result = translation ? applyTranslation(all.at(-1)!, translation) : all.at(-1)!;
  const me = await workerTokens.email();
  const copy = me ? sharedCopy(seenNow, all.at(-1)!, me) : undefined;
  if (copy) await share([copy]);
  const titleOf = (id: string) => {
    const m = others.find((o) => o.gmailId === id.split('#')[0])?.message;
    return m ? { title: m.subject || m.id, sent: m.date } : undefined;
  };
  const askedAgain = all
    .slice(0, -1)
    .filter((t) => t.repeatOf === newest.id)
    .flatMap((t) => titleOf(t.id) ?? []);
  return ok({
    state: 'mandate',
    gmailMessageId: newest.id,
    messageId: original?.messageId,
    subject: thread.subject,
    from,
    sender: { address: addressIn(newest.from.email), name: newest.from.name },
    triage: result,
    translation,
    role: mail.role(me),
    repeatOf: result.repeatOf ? titleOf(result.repeatOf) : undefined,
    askedAgain: askedAgain.length ? askedAgain : undefined,
    sharing: await sharingState(),
    problems: mail.problems,
  } satisfies ShownMandate);
}

/** One member's copy as the Mandates tab keeps it; none without a Message-ID (nothing to match it by). */
export function sharedCopy(
  seen: SeenMail,
  triaged: Pick<Triage, 'tier' | 'deadlines' | 'reasons'>,
  me: string,
): SharedMandate | undefined {
  if (!seen.messageId) return undefined;
  const firstDue = triaged.deadlines.find((d) => d.date)?.date;
  const why = triaged.reasons[0]?.explanation;
  return {
    messageId: seen.messageId,
    seenBy: me,
    subject: seen.message.subject ?? '',
    from: seen.message.from ?? '',
    text: seen.message.text,
    tier: triaged.tier,
    ...(seen.office && { department: seen.office }),
    ...(seen.message.date && { sent: seen.message.date }),
    ...(firstDue && { firstDue }),
    ...(why && { why }),
  };
}

interface ListRow {
  threadId: string;
  subject: string;
  snippet?: string;
  from: string;
  fromName?: string;
  date?: string;
}

export async function listMandates(tabId: number, fresh = false): Promise<Reply> {
  const reply = await sendToTab(tabId, { type: 'list-conversations', scope: 'all' });
  if (!reply.ok) return reply;
  const listed = ((reply.data as { conversations?: unknown })?.conversations ?? []) as ListRow[];
  const mail = await networkMail(fresh);
  const rules = await rulesOf(mail);
  // A conversation already opened here is shown as its newest email was triaged in full (with the ILD's
  // translation when there is one), not guessed again from its snippet.
  const opened = new Map<string, SeenMail>();
  for (const m of (await seenMail()).reverse()) opened.set(m.threadId ?? m.gmailId, m);
  let notCentral = 0;
  const rows: ListedMandate[] = [];
  for (const row of listed) {
    const from = row.fromName ? `${row.fromName} <${row.from}>` : row.from;
    const seen = opened.get(row.threadId);
    if (!seen && !mail.centralOffice(from, row.snippet).central) {
      notCentral++;
      continue;
    }
    const full = seen && triage(seen.message, rules);
    const translation = seen && translationFor(seen.messageId, mail.translations);
    const guess = full
      ? translation
        ? applyTranslation(full, translation)
        : full
      : triage(
          { id: row.threadId, subject: row.subject, from, date: row.date, text: row.snippet ?? '' },
          rules,
        );
    rows.push({
      threadId: row.threadId,
      subject: row.subject,
      snippet: row.snippet ?? '',
      from: row.from,
      date: row.date,
      tier: guess.tier,
      check: guess.check,
      why: guess.reasons[0]?.explanation ?? '',
      firstDate: guess.deadlines.find((d) => d.date)?.date,
      ...(seen && { opened: true as const }),
    });
  }
  // Most demanding first; within a tier, the nearest date first, then the newest mail.
  rows.sort(
    (a, b) =>
      TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
      (a.firstDate ?? '9999').localeCompare(b.firstDate ?? '9999') ||
      (b.date ?? '').localeCompare(a.date ?? ''),
  );
  return ok({ rows, notCentral, problems: mail.problems } satisfies ShownList);
}

/** The same correction always gets the same id, so saving it twice adds one row. */
export function ruleId(draft: RuleDraft): string {
  const key = JSON.stringify([
    (draft.match.sender ?? '').trim().toLowerCase(),
    (draft.match.department ?? '').trim().toLowerCase(),
    (draft.match.phrase ?? '').trim().toLowerCase(),
    draft.tier,
  ]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return `rule:${hash.toString(16).padStart(8, '0')}`;
}

const asRule = (draft: RuleDraft): UserRule => ({
  id: ruleId(draft),
  match: {
    sender: draft.match.sender?.trim() || undefined,
    department: draft.match.department?.trim() || undefined,
    phrase: draft.match.phrase?.trim() || undefined,
  },
  tier: draft.tier,
  note: draft.note?.trim() || undefined,
});

export async function previewRule(draft: RuleDraft): Promise<Reply> {
  const rules = await rulesOf(await networkMail());
  const messages = (await seenMail()).reverse().map((m) => m.message);
  const seen = triageAll(messages, rules).map((t, i) => ({ message: messages[i]!, triage: t }));
  const { looked, changes } = previewChanges(asRule(draft), seen, { rules });
  return ok({
    looked,
    changes: changes.map((c) => ({ title: c.title, from: c.from ?? '', before: c.before, after: c.after })),
  } satisfies RulePreview);
}

export async function saveRule(draft: RuleDraft, where: 'network' | 'local'): Promise<Reply> {
  const rule = asRule(draft);
  if (where === 'local') {
    const kept = (await localRules()).filter((r) => r.id !== rule.id);
    await localStore.set(LOCAL_RULES_KEY, [rule, ...kept]);
    return ok({ saved: 'local' });
  }
  const network = await storedNetwork();
  if (!network) return fail('Connect the network first, or keep the rule in this browser.');
  const record = ruleToRecord(rule, { by: (await workerTokens.email()) ?? '', at: new Date().toISOString() });
  const result = await new TableAppender(
    workerGoogle().sheets,
    network.spreadsheetId,
    tabByKey('rules'),
  ).append([{ id: rule.id, record }]);
  kept = undefined;
  return ok({ saved: result.appended.length ? 'network' : 'already' });
}

export async function saveTranslation(draft: TranslationDraft): Promise<Reply> {
  const network = await storedNetwork();
  if (!network) return fail('Connect the network first: translations are kept in its spreadsheet.');
  const mail = await networkMail(true);
  const me = await workerTokens.email();
  if (mail.role(me) !== 'ild')
    return fail("Only the network's ILDs (the Members tab) translate mandates; ask yours to add you.");
  const sheets = workerGoogle().sheets;
  const tab = tabByKey('translations');
  const id = translationRowId(draft.messageId);
  const record = translationToRecord({
    ...draft,
    messageId: normalizeMessageId(draft.messageId),
    translatedBy: me ?? '',
    translatedAt: new Date().toISOString(),
  });
  const appender = new TableAppender(sheets, network.spreadsheetId, tab);
  const { header, rows } = await appender.read();
  const existing = rows.find((r) => r.id === id);
  kept = undefined;
  if (!existing) {
    await appender.append([{ id, record }]);
    return ok({ saved: 'new' });
  }
  // A second save is an edit of the same translation: that row is rewritten, the network's own cells kept.
  const range = `${a1(tab.name)}!A${existing.rowIndex + 1}`;
  const got = await sheets.batchGet(network.spreadsheetId, [
    `${a1(tab.name)}!${existing.rowIndex + 1}:${existing.rowIndex + 1}`,
  ]);
  const before = (got.valueRanges?.[0]?.values?.[0] ?? []) as CellValue[];
  await sheets.batchUpdateValues(network.spreadsheetId, [
    { range, values: [recordToRow(tab, header, record, before)] },
  ]);
  return ok({ saved: 'updated' });
}

/** Every central-office email this browser has shown, as this member's copies to share. */
export async function alreadySeenCopies(): Promise<SharedMandate[]> {
  const me = await workerTokens.email();
  if (!me) return [];
  const seen = (await seenMail()).reverse();
  const triages = triageAll(
    seen.map((m) => m.message),
    await rulesOf(await networkMail()),
  );
  return seen.flatMap((m, i) => sharedCopy(m, triages[i]!, me) ?? []);
}
