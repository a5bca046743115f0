// The side panel's requests, carried out by the worker: connect the network, look up the open email or
// Doc, queue filings and steer the queue. Each answers quickly; long work reports through storage, which
// the panel watches, so closing the panel loses nothing.
import type { PanelCommand, FilingChoice } from '../../shared/browser/panel-commands';
import type { Reply } from '../../shared/browser/extension-messages';
import type { QueueEntry } from '../../shared/browser/filing-queue';
import { LAST_CHOICE_KEY } from '../../shared/browser/network-state';
import { lookedUpKey, type LookedUp } from '../../shared/browser/looked-up';
import { docJob, emailKey } from '../../shared/filing/filing-job';
import { filingFolder } from '../../shared/network/folder-layout';
import { sendToTab } from '../platform/messaging';
import { localStore, sessionStore } from '../platform/storage';
import { workerTokens } from './account';
import {
  adoptFolders,
  createNewNetwork,
  forgetNetwork,
  joinExistingNetwork,
  proposeFolders,
  refreshTables,
  storedNetwork,
} from './network';
import { fetchOriginal } from './originals';
import { changeQueue } from './queue-store';
import { interruptQueue, kickQueue } from './filing-runner';
import { readSeenPage } from './seen-pages';
import { workerGoogle } from './google';
import { Filer } from '../../shared/filing/filer';
import { TableAppender } from '../../shared/google/table-rows';
import { tabByKey } from '../../shared/schema/sheet';
import { browserClock } from '../platform/fetch-transport';
import { triage } from '../../shared/mandates/triage';
import {
  alreadySeenCopies,
  listMandates,
  localRules,
  previewRule,
  saveRule,
  saveTranslation,
  showMandate,
} from './mandates';
import { weekDigest } from './week-digest';
import { chooseSharing, sharingState } from './shared-mandates';

const ok: Reply = { ok: true };
const fail = (problem: string): Reply => ({ ok: false, problem });
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Adds entries not already queued (the same email twice is one entry) and starts the queue. */
async function enqueue(entries: QueueEntry[], choice: FilingChoice): Promise<Reply> {
  await localStore.set(LAST_CHOICE_KEY, {
    cycleId: choice.cycleId,
    step: choice.step,
    schoolId: choice.schoolId,
  });
  await changeQueue((q) => {
    for (const entry of entries) {
      const existing = q.entries.find((e) => e.id === entry.id);
      if (!existing) q.entries.push(entry);
      // Filing again after a failure or a cancel starts that item over; a filed one stays filed.
      else if (existing.state === 'failed' || existing.state === 'cancelled') Object.assign(existing, entry);
    }
  });
  void kickQueue();
  return ok;
}

const entry = (
  id: string,
  label: string,
  choice: FilingChoice,
  extra: Partial<QueueEntry> = {},
): QueueEntry => ({
  id,
  label: label.slice(0, 1000),
  choice,
  state: 'waiting',
  tries: 0,
  queuedAt: new Date().toISOString(),
  ...extra,
});

async function lookUp(tabId: number): Promise<Reply> {
  const seen = await readSeenPage(tabId);
  if (seen.state !== 'seen' || seen.record.page.kind !== 'gmail-thread') return fail('No email is open.');
  const newest = seen.record.page.thread.messages.at(-1)!;
  if (!newest.id) return fail('Gmail has not numbered this message yet.');
  const key = lookedUpKey(newest.id);
  await sessionStore.set(key, { state: 'looking' } satisfies LookedUp);
  try {
    const original = await fetchOriginal(tabId, newest.id);
    let prior: Extract<LookedUp, { state: 'found' }>['prior'];
    const network = await storedNetwork();
    const me = await workerTokens.email();
    if (network && me && original.messageId) {
      const google = workerGoogle();
      const index = new Filer({
        drive: google.drive,
        filings: new TableAppender(google.sheets, network.spreadsheetId, tabByKey('filings')),
        clock: browserClock,
        me,
      }).index;
      const found = await index.find(emailKey(original.messageId), original.messageId);
      if (found) prior = { ...found, byYou: found.filedBy.toLowerCase() === me.toLowerCase() };
    }
    await sessionStore.set(key, {
      state: 'found',
      messageId: original.messageId,
      subject: original.subject,
      from: original.from,
      date: original.date,
      attachments: original.attachments.map((a) => ({ name: a.filename, size: a.content.length })),
      prior,
    } satisfies LookedUp);
    return ok;
  } catch (error) {
    await sessionStore.set(key, { state: 'failed', problem: message(error) } satisfies LookedUp);
    return fail(message(error));
  }
}

async function fileDoc(tabId: number, choice: FilingChoice): Promise<Reply> {
  const seen = await readSeenPage(tabId);
  if (seen.state !== 'seen' || seen.record.page.kind !== 'doc') return fail('No Doc is open.');
  const network = await storedNetwork();
  if (!network?.layout) return fail('Connect the network and set up its folders first.');
  const folder = filingFolder(network.layout, choice);
  if (!folder) return fail('This step has no folder yet: set up the folders first.');
  const tables = await refreshTables().catch(() => undefined);
  const school = choice.schoolId ? tables?.schools.find((s) => s.id === choice.schoolId)?.name : undefined;
  const { docId, name } = seen.record.page;
  const job = docJob(
    { docId, title: name || 'Untitled document' },
    { cycleId: choice.cycleId, step: choice.step, stepFolderId: folder, school },
    { note: choice.note || undefined, now: new Date().toISOString() },
  );
  return enqueue([entry(job.key, name, choice, { tabId, job })], choice);
}

async function fileList(tabId: number, scope: 'selected' | 'all', choice: FilingChoice): Promise<Reply> {
  const reply = await sendToTab(tabId, { type: 'list-conversations', scope });
  if (!reply.ok) return reply;
  const listed = ((reply.data as { conversations?: unknown })?.conversations ?? []) as {
    threadId: string;
    subject: string;
  }[];
  if (listed.length === 0)
    return fail(scope === 'selected' ? 'Tick some conversations in Gmail first.' : 'This list is empty.');
  return enqueue(
    listed.map((c) => entry(`gmail:${c.threadId}`, c.subject, choice, { tabId, gmailMessageId: c.threadId })),
    choice,
  );
}

export async function runPanelCommand(command: PanelCommand): Promise<Reply> {
  try {
    switch (command.kind) {
      case 'create-network':
        await createNewNetwork(command.name, command.schools);
        return ok;
      case 'join-network':
        await joinExistingNetwork(command);
        return ok;
      case 'propose-adoption':
        await proposeFolders();
        return ok;
      case 'adopt-folders':
        await adoptFolders(command.corrections);
        void kickQueue();
        return ok;
      case 'refresh-network':
        await refreshTables();
        return ok;
      case 'forget-network':
        await forgetNetwork();
        return ok;
      case 'look-up':
        return await lookUp(command.tabId);
      case 'file-email':
        return await enqueue(
          [
            entry(`gmail:${command.gmailMessageId}`, '', command.choice, {
              tabId: command.tabId,
              gmailMessageId: command.gmailMessageId,
            }),
          ],
          command.choice,
        );
      case 'file-doc':
        return await fileDoc(command.tabId, command.choice);
      case 'file-list':
        return await fileList(command.tabId, command.scope, command.choice);
      case 'queue':
        return await steer(command.action);
      case 'triage':
        return { ok: true, data: triage(command.message, await localRules()) };
      case 'mandate':
        return await showMandate(command.tabId, command.fresh);
      case 'mandate-list':
        return await listMandates(command.tabId, command.fresh);
      case 'preview-rule':
        return await previewRule(command.rule);
      case 'save-rule':
        return await saveRule(command.rule, command.where);
      case 'save-translation':
        return await saveTranslation(command.translation);
      case 'digest':
        return await weekDigest(command.from, command.fresh);
      case 'share-mandates':
        return { ok: true, data: await chooseSharing(command.choice, alreadySeenCopies) };
      case 'sharing-state':
        return { ok: true, data: await sharingState() };
    }
  } catch (error) {
    return fail(message(error));
  }
}

async function steer(action: 'pause' | 'resume' | 'cancel' | 'clear-finished' | 'nudge'): Promise<Reply> {
  if (action === 'nudge') {
    void kickQueue();
    return ok;
  }
  // Pause stops between requests (what is unfinished stays queued). Cancel does not interrupt: what is
  // already being filed finishes, so nothing is left half-filed, and only what is still waiting is dropped.
  if (action === 'pause') interruptQueue();
  await changeQueue((q) => {
    if (action === 'pause') q.paused = true;
    if (action === 'resume') {
      q.paused = false;
      q.blocked = undefined;
    }
    if (action === 'cancel') {
      q.paused = false;
      // An email paused part-way (ids reserved, perhaps its file uploaded) is finished rather than dropped.
      const started = (e: (typeof q.entries)[number]) => Object.keys(e.job?.driveIds ?? {}).length > 0;
      for (const e of q.entries) if (e.state === 'waiting' && !started(e)) e.state = 'cancelled';
    }
    if (action === 'clear-finished') {
      q.entries = q.entries.filter((e) => e.state === 'waiting' || e.state === 'filing');
      q.retries = 0;
    }
  });
  if (action === 'resume' || action === 'cancel') void kickQueue();
  return ok;
}
