// The open email as the network sees central-office mail, asked of the worker once per message and shared
// by the views that show it (the translation above, the triage and correction below): one read of the
// network spreadsheet per email opened, however many views show it.
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { checkReply, ShownMandateSchema, type ShownMandate } from '../../shared/browser/mandate-panel';
import { ask, type ViewContext } from './view';

export type OpenMandate =
  | { state: 'working'; key: string }
  | { state: 'shown'; key: string; mandate: ShownMandate }
  | { state: 'problem'; key: string; problem: string };

const current = signal<OpenMandate | undefined>(undefined);
let asked = '';

/** Which email the panel is on: the tab and the newest message's Gmail id. */
export function mandateKey(ctx: ViewContext): string | undefined {
  if (ctx.seen === 'loading' || ctx.seen.state !== 'seen' || ctx.tabId === undefined) return undefined;
  const page = ctx.seen.record.page;
  if (page.kind !== 'gmail-thread') return undefined;
  const id = page.thread.messages.at(-1)?.id;
  return id ? `${ctx.tabId}:${id}` : undefined;
}

/** Asks the worker again (after a correction or a translation is saved; `fresh` after a sheet edit). */
export async function reloadMandate(ctx: ViewContext, fresh = false): Promise<void> {
  const key = mandateKey(ctx);
  if (!key || ctx.tabId === undefined) return;
  asked = key;
  if (current.value?.key !== key) current.value = { state: 'working', key };
  const reply = await ask({ kind: 'mandate', tabId: ctx.tabId, fresh });
  if (asked !== key) return;
  if (!reply.ok) {
    current.value = { state: 'problem', key, problem: reply.problem };
    return;
  }
  const checked = checkReply(ShownMandateSchema, reply.data);
  current.value = checked.ok
    ? { state: 'shown', key, mandate: checked.value }
    : { state: 'problem', key, problem: checked.problem };
}

export function useOpenMandate(ctx: ViewContext): OpenMandate | undefined {
  const key = mandateKey(ctx);
  useEffect(() => {
    if (key && asked !== key) void reloadMandate(ctx);
  }, [key]);
  const value = current.value;
  return value && value.key === key ? value : key ? { state: 'working', key } : undefined;
}
