// What a sidebar view is: one feature of the add-on's sidebar in one file under views/, listed once in
// views/index.ts (a test checks the list against the folder). A view says when it applies to the open file
// and renders itself; it reaches the server only through callServer (google.script.run).
import type { FunctionComponent } from 'preact';
import type { SidebarState } from '../sidebar-contract';

export interface SidebarView {
  /** The view's file name under views/, without extension. */
  id: string;
  /** When it is part of the sidebar for the open file (a spreadsheet or a document). */
  applies(state: SidebarState): boolean;
  View: FunctionComponent<{ state: SidebarState }>;
}

export const defineSidebarView = (view: SidebarView): SidebarView => view;

export const inSpreadsheet = (state: SidebarState) => state.kind === 'spreadsheet';
export const inDocument = (state: SidebarState) => state.kind === 'document';
