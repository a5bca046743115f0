// Collect the visit: reads the spreadsheet's Protocols, Visits, Schools and Debrief tabs once, every Doc in
// the visit's folder once, then — under the document lock — writes the Debrief tab in one block and the host
// school's next level of work in one cell.
import { text } from '../../shared/tracker/table';
import { readProtocols, protocolWarnings, type Protocol } from '../../shared/observation/look-fors';
import { blocksOfDocsJson, readForm } from '../../shared/observation/document';
import { debriefOfVisit, type CollectedDoc } from '../../shared/observation/collect';
import { calibrate } from '../../shared/evidence/calibration';
import { calibrationOfVisit } from '../../shared/observation/calibration-look';
import { debriefWrite, nextLevelWrite } from '../../shared/observation/debrief-sheet';
import { folderIdOf } from '../../shared/observation/visit-folder';
import { readTable, type TabSnapshot } from '../../shared/tracker/table';
import { tabByKey } from '../../shared/schema/sheet';
import type { DocumentLock } from '../tracker/set-up-tracker';
import type { VisitDocs } from '../services/visit-docs';
import type { VisitSheets } from '../services/visit-sheets';
import type { CalibrationLook, CollectResult, VisitChoice, VisitsLook } from './contract';

const TABS_READ = ['protocols', 'visits', 'schools', 'debrief'].map((k) => tabByKey(k as never).name);

interface VisitRow extends VisitChoice {
  folderId: string | null;
}

function visitsOf(snapshots: readonly TabSnapshot[]): { visits: VisitRow[]; problems: string[] } {
  const { protocols, problems } = readProtocols(snapshots);
  const table = readTable(tabByKey('visits'), snapshots);
  const visits = table.rows.flatMap((row): VisitRow[] => {
    const number = text(row.get('number'));
    if (!number) return [];
    const hostSchool = text(row.get('hostSchool'));
    const cycle = text(row.get('cycle'));
    const protocol =
      protocols.find((p) => p.visit === number) ??
      protocols.find(
        (p) =>
          !p.visit &&
          p.hostSchool.toLowerCase() === hostSchool.toLowerCase() &&
          (!p.cycle || p.cycle === cycle),
      );
    const folderId = folderIdOf(text(row.get('folder')));
    return [
      {
        number,
        hostSchool,
        date: text(row.get('date')),
        hasFolder: folderId !== null,
        folderId,
        lookFors: protocol?.lookFors ?? [],
        ratingScale: protocol?.ratingScale ?? false,
        warnings: protocol
          ? protocolWarnings(protocol)
          : ['No protocol on the Protocols tab names this visit or its host school.'],
      },
    ];
  });
  return { visits, problems };
}

export function lookAtVisits(sheets: VisitSheets): VisitsLook {
  const { visits, problems } = visitsOf(sheets.read(TABS_READ));
  return { visits: visits.map(({ folderId: _f, ...v }) => v), problems };
}

/** The visit to collect from the menu: the latest dated one with a folder. */
export function latestVisitWithFolder(look: VisitsLook): string | null {
  const withFolder = look.visits.filter((v) => v.hasFolder);
  withFolder.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return withFolder.at(-1)?.number ?? null;
}

export function collectVisit(
  deps: { sheets: VisitSheets; docs: VisitDocs; lock: DocumentLock; now: string },
  visitNumber: string,
): CollectResult {
  const snapshots = deps.sheets.read(TABS_READ);
  const { visits, problems } = visitsOf(snapshots);
  const visit = visits.find((v) => v.number === String(visitNumber).trim());
  if (!visit) throw new Error(`Visit ${visitNumber} is not on the Visits tab.`);
  if (!visit.folderId)
    throw new Error(
      readTable(tabByKey('visits'), snapshots).positions.has('folder')
        ? `Visit ${visit.number} has no observation folder: paste the folder's link into its “Observation folder” cell on the Visits tab.`
        : 'The Visits tab has no “Observation folder” column yet: run Extensions → Rounds → Upgrade tracker, then paste the folder’s link there.',
    );
  const listed = deps.docs.listDocs(visit.folderId);
  const docs: CollectedDoc[] = [];
  for (const file of listed) {
    const read = deps.docs.readDoc(file.id);
    if ('error' in read) {
      problems.push(`“${file.name}” could not be read (${read.error}); it was left out.`);
      continue;
    }
    const { blocks, namedRanges } = blocksOfDocsJson(read.doc);
    docs.push({ id: file.id, name: file.name, form: readForm(blocks, namedRanges) });
  }
  const debrief = debriefOfVisit({
    visit,
    protocolLookFors: visit.lookFors,
    docs,
    collectedAt: deps.now,
  });
  problems.push(...debrief.problems);
  const debriefBlock = debriefWrite(snapshots, visit.number, debrief.records);
  if (!debriefBlock)
    throw new Error(
      'This spreadsheet has no Debrief tab: run Extensions → Rounds → Upgrade tracker, then collect again.',
    );
  const debriefTable = readTable(tabByKey('debrief'), snapshots);
  const lacking = tabByKey('debrief').columns.filter((c) => !debriefTable.positions.has(c.key));
  if (lacking.length)
    problems.push(
      `The Debrief tab has no ${lacking.map((c) => `“${c.header}”`).join(', ')} column: run Upgrade tracker and collect again to fill ${lacking.length === 1 ? 'it' : 'them'}.`,
    );
  const next = nextLevelWrite(snapshots, visit, debrief.nextLevel);
  if (next.problem) problems.push(next.problem);
  deps.lock.run(() => {
    deps.sheets.write(debriefBlock);
    if (next.write) deps.sheets.write(next.write);
  });
  const used = docs.filter((d) => d.form.hasForm).length;
  const report = [
    `Visit ${visit.number} at ${visit.hostSchool || 'its host school'}: collected ${used} observer Doc${used === 1 ? '' : 's'} of ${listed.length} in its folder (observers ${debrief.observers.join(', ') || 'none'}).`,
    `Debrief tab: ${debrief.records.length} rows.`,
    next.write
      ? `Schools: next level of work for ${visit.hostSchool} (${debrief.nextLevel.length} items).`
      : '',
    listed.length === 0
      ? 'Rounds sees only the Docs it created or was given (drive.file): none of those are in this folder.'
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    report,
    problems,
    patterns: debrief.patterns,
    nextLevel: debrief.nextLevel,
    ratings: debrief.ratings,
    observers: debrief.observers,
    calibration: calibrate(debrief.ratings),
  };
}

export function lookAtCalibration(sheets: VisitSheets, visit: string): CalibrationLook {
  const number = String(visit).trim();
  return { visit: number, ...calibrationOfVisit(sheets.read([tabByKey('debrief').name]), number) };
}

export type { Protocol };
