// An invented visit for the observation tests: a network spreadsheet with a protocol, a visit whose folder
// holds observers' Docs, each made the way an observer makes it — the form inserted through the add-on,
// then evidence typed into its tables.
import { workbookOf } from '../../apps-script/services/spreadsheet';
import { observationDocOf } from '../../apps-script/services/documents';
import { visitSheetsOf } from '../../apps-script/services/visit-sheets';
import { visitDocsOf } from '../../apps-script/services/visit-docs';
import { insertObservationForm } from '../../apps-script/observation/observation-form';
import { setUpTracker } from '../../apps-script/tracker/set-up-tracker';
import { REFLECTION } from '../../shared/observation/form';
import { recordToRow, tabByKey, type CellValue, type TabKey } from '../../shared/schema/sheet';
import { CallLog } from '../../tools/apps-script-fakes/calls';
import { DOCUMENT_ENUMS, FakeDocument } from '../../tools/apps-script-fakes/document';
import { type FakeDrive } from '../../tools/apps-script-fakes/drive';
import { FakeSpreadsheet } from '../../tools/apps-script-fakes/spreadsheet';

export const FOLDER = '1VisitFolderAbcdefghij';

export const LOOK_FORS =
  'cite: How do students use evidence from the text when they explain?\ntalk: Who talks, and about what?';

export const docEnums = {
  elementTypes: {
    paragraph: DOCUMENT_ENUMS.ElementType.PARAGRAPH,
    listItem: DOCUMENT_ENUMS.ElementType.LIST_ITEM,
    table: DOCUMENT_ENUMS.ElementType.TABLE,
    text: DOCUMENT_ENUMS.ElementType.TEXT,
  },
  headings: {
    title: DOCUMENT_ENUMS.ParagraphHeading.TITLE,
    heading2: DOCUMENT_ENUMS.ParagraphHeading.HEADING2,
    heading3: DOCUMENT_ENUMS.ParagraphHeading.HEADING3,
  },
};

export const header = (observer: string, visit = '3') => ({
  network: 'Cedar Ridge',
  school: 'Alder K-8',
  visit,
  date: '2026-11-18',
  observer,
});

/** An observer's Doc with the form inserted and `rows` evidence rows per look-for table. */
export function observerDoc(
  id: string,
  observer: string,
  rows: { cite: [string, string, string][]; talk: [string, string, string][] },
  extra: { next?: string[]; warm?: string[]; visit?: string } = {},
): FakeDocument {
  const doc = new FakeDocument(`Visit 3 — ${observer}`, id, new CallLog());
  insertObservationForm(observationDocOf(doc, docEnums), {
    header: header(observer, extra.visit),
    lookFors: LOOK_FORS,
    ratingScale: true,
  });
  // Table 0 is the header; 1 is #cite, 2 is #talk (rows past the three empty ones are added as Docs does).
  rows.cite.forEach((cells, r) => doc.fillRow(1, r + 1, cells));
  rows.talk.forEach((cells, r) => doc.fillRow(2, r + 1, cells));
  // Each reflection's lines go after its hint, in order.
  const reflect = (hint: string, lines: string[] = []) => {
    let after = hint;
    for (const line of lines) after = doc.typeAfter(after, line).text;
  };
  reflect(REFLECTION[0]!.hint, extra.warm);
  reflect(REFLECTION[3]!.hint, extra.next);
  doc.log.clear();
  return doc;
}

/** A set-up network spreadsheet with Alder K-8, its protocol and visit 3 pointing at FOLDER. */
export function visitSpreadsheet(): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet('Cedar Ridge network');
  setUpTracker(workbookOf(spreadsheet, 'DOCUMENT'), { run: (task) => task() });
  fill(spreadsheet, 'schools', [
    { id: 's1', name: 'Alder K-8', principal: 'Principal A', nextLevelOfWork: 'Plan a cycle on discussion' },
    { id: 's2', name: 'Birch Elementary', principal: 'Principal B' },
  ]);
  fill(spreadsheet, 'visits', [
    { id: 'v2', number: 2, hostSchool: 'Birch Elementary', date: '2026-10-01' },
    {
      id: 'v3',
      number: 3,
      hostSchool: 'Alder K-8',
      date: '2026-11-18',
      folder: `https://drive.google.com/drive/folders/${FOLDER}`,
    },
  ]);
  fill(spreadsheet, 'protocols', [
    {
      id: 'p1',
      visit: '3',
      code: 'cite',
      prompt: 'How do students use evidence from the text when they explain?',
      hostSchool: 'Alder K-8',
      problemOfPractice: 'How do students cite evidence?',
      ratingScale: '1-4',
    },
    {
      id: 'p2',
      visit: '3',
      code: 'talk',
      prompt: 'Who talks, and about what?',
      hostSchool: 'Alder K-8',
      problemOfPractice: 'How do students cite evidence?',
      ratingScale: '1-4',
    },
  ]);
  fill(spreadsheet, 'debrief', [
    {
      id: 'd-old',
      visit: '2',
      classroom: 'A',
      lookFor: 'talk',
      evidence: 'T asked 4 questions',
      section: 'evidence',
      observer: 'KM',
    },
  ]);
  spreadsheet.log.clear();
  return spreadsheet;
}

function fill(spreadsheet: FakeSpreadsheet, key: TabKey, records: Record<string, CellValue>[]) {
  const spec = tabByKey(key);
  const sheet = spreadsheet.tab(spec.name);
  const header = sheet.header();
  for (const r of records) sheet.rows.push(recordToRow(spec, header, r));
}

export function collectDeps(spreadsheet: FakeSpreadsheet, drive: FakeDrive) {
  return {
    sheets: visitSheetsOf(spreadsheet, (d) => d.toISOString().slice(0, 10)),
    docs: visitDocsOf(drive.Files, drive.Documents),
    lock: {
      run<T>(task: () => T): T {
        spreadsheet.log.record('tryLock', 'lock', 'lock');
        try {
          return task();
        } finally {
          spreadsheet.log.record('releaseLock', 'lock', 'lock');
        }
      },
    },
    now: '2026-11-18T15:00',
  };
}
