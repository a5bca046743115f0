// What a panel view is: one feature of the side panel in one file under views/, listed once in
// views/index.ts (a test checks the list against the folder). A view says when it applies to the tab
// beside the panel and renders itself; views never call Google, they ask the worker (see ask()).
import type { FunctionComponent } from 'preact';
import type { PanelCommand } from '../../shared/browser/panel-commands';
import type { SeenPageState } from '../background/seen-pages';
import { sendToWorker, type SendResult } from '../platform/messaging';

export interface ViewContext {
  /** The tab the panel follows; undefined when the panel cannot tell. */
  tabId: number | undefined;
  seen: SeenPageState | 'loading';
}

export interface PanelView {
  /** The view's file name under views/, without extension. */
  id: string;
  /** When it is part of the panel for this tab. */
  applies(ctx: ViewContext): boolean;
  View: FunctionComponent<{ ctx: ViewContext }>;
}

export const defineView = (view: PanelView): PanelView => view;

/** The page kind beside the panel, or undefined. */
export function pageKind(ctx: ViewContext): string | undefined {
  return ctx.seen !== 'loading' && ctx.seen.state === 'seen' ? ctx.seen.record.page.kind : undefined;
}

/** Sends a panel command to the worker. */
export function ask(command: PanelCommand): Promise<SendResult> {
  return sendToWorker({ type: 'panel-command', command });
}
