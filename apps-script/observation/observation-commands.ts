// The observation commands people run from the menus and the sidebar: each finds the open Doc or
// spreadsheet, its lock and the advanced services through services/, then runs the pure work.
import { activeObservationDoc } from '../services/documents';
import { activeEditorUi } from '../services/editor';
import { activeDocumentLock } from '../services/lock';
import { activeVisitDocs } from '../services/visit-docs';
import { activeVisitSheets } from '../services/visit-sheets';
import { collectVisit, latestVisitWithFolder, lookAtCalibration, lookAtVisits } from './collect-visit';
import type {
  CalibrationLook,
  CollectResult,
  InsertFormRequest,
  ObservationFormState,
  TagResult,
  VisitsLook,
} from './contract';
import {
  insertObservationForm,
  observationFormState,
  tagSelection,
  untaggedSummary,
} from './observation-form';

function openDoc() {
  const doc = activeObservationDoc();
  if (!doc) throw new Error('Observation forms live in a Google Doc: open the Doc you take notes in.');
  return doc;
}

function openSheets() {
  const found = activeVisitSheets();
  if (!found)
    throw new Error(
      'Visits are collected into the network spreadsheet: open it and choose Extensions → Rounds.',
    );
  return found;
}

/** Menu (Docs): Insert observation form… opens the sidebar, where the header and look-fors are filled in. */
export function insertObservationFormFromMenu(): void {
  activeEditorUi().showSidebar();
}

/** Menu (Docs): List untagged lines. */
export function listUntaggedLines(): void {
  const ui = activeEditorUi();
  let message: string;
  try {
    message = untaggedSummary(openDoc());
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  ui.alert('Untagged evidence lines', message);
}

/** Menu (Sheets): Collect the latest visit — the latest dated visit with an observation folder. */
export function collectLatestVisit(): void {
  const ui = activeEditorUi();
  let message: string;
  try {
    const found = openSheets();
    const visit = latestVisitWithFolder(lookAtVisits(found.sheets));
    if (visit === null)
      throw new Error(
        'No visit on the Visits tab has an observation folder yet: paste the folder’s link into its “Observation folder” cell.',
      );
    const result = runCollect(visit);
    message = result.problems.length
      ? `${result.report}\n\nTo look at:\n${result.problems.join('\n')}`
      : result.report;
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  ui.alert('Collect the visit', message);
}

function runCollect(visit: string): CollectResult {
  const found = openSheets();
  return collectVisit(
    { sheets: found.sheets, docs: activeVisitDocs(), lock: activeDocumentLock(), now: found.now },
    visit,
  );
}

/** google.script.run: the open Doc read as a form (lines, tags, look-fors). */
export function getObservationForm(): ObservationFormState {
  return observationFormState(openDoc());
}

/** google.script.run: the sidebar's Insert observation form. */
export function insertObservationFormFromSidebar(request: InsertFormRequest): ObservationFormState {
  return insertObservationForm(openDoc(), request);
}

/** google.script.run: tag the selected text with a look-for (a named range). */
export function tagSelectionFromSidebar(code: string): TagResult {
  return tagSelection(openDoc(), code, newTagId);
}

/** google.script.run: the visits on the Visits tab and their protocols' warnings. */
export function getVisitsLook(): VisitsLook {
  return lookAtVisits(openSheets().sheets);
}

/** google.script.run: the sidebar's Collect this visit. */
export function collectVisitFromSidebar(visit: string): CollectResult {
  return runCollect(String(visit ?? ''));
}

/** google.script.run: the visit's ratings compared, from the Debrief tab. */
export function getCalibration(visit: string): CalibrationLook {
  return lookAtCalibration(openSheets().sheets, String(visit ?? ''));
}

/** A short id for a named range: time and randomness are enough, it only has to differ from the Doc's others. */
function newTagId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
