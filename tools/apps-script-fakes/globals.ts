// Fake Apps Script globals for running the built Code.js in node:vm: the editor UIs (menus, alerts,
// sidebars), HtmlService, SpreadsheetApp, DocumentApp and LockService, backed by the typed fakes.
import type { CallLog } from './calls';
import { DOCUMENT_ENUMS, type FakeDocument } from './document';
import type { FakeDrive } from './drive';
import { FakeLock } from './lock';
import type { FakeSpreadsheet } from './spreadsheet';
import { fakeBuilders } from './tracker-objects';

export interface MenuRecord {
  items: ({ caption: string; functionName: string } | 'separator')[];
  addedToUi: boolean;
}

export class FakeUi {
  readonly menus: MenuRecord[] = [];
  readonly alerts: { title: string; message: string }[] = [];
  readonly sidebars: { file: string; title: string }[] = [];
  readonly dialogs: { file: string; title: string; width?: number; height?: number }[] = [];
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL' };

  createAddonMenu() {
    const record: MenuRecord = { items: [], addedToUi: false };
    this.menus.push(record);
    const menu = {
      addItem(caption: string, functionName: string) {
        record.items.push({ caption, functionName });
        return menu;
      },
      addSeparator() {
        record.items.push('separator');
        return menu;
      },
      addToUi() {
        record.addedToUi = true;
      },
    };
    return menu;
  }

  alert(title: string, message: string, buttons: string) {
    if (buttons !== this.ButtonSet.OK) throw new Error('alerts have one OK button');
    this.alerts.push({ title, message });
    return 'OK';
  }

  showSidebar(output: { file: string; title: string }) {
    this.sidebars.push(output);
  }

  showModalDialog(output: { file: string; width?: number; height?: number }, title: string) {
    this.dialogs.push({ ...output, title });
  }
}

/** The globals of a Sheets (with this spreadsheet) or Docs (with this document name) session. */
export function appsScriptGlobals(
  editor:
    | { kind: 'spreadsheet'; spreadsheet: FakeSpreadsheet; lockHeldElsewhere?: boolean }
    | { kind: 'document'; name: string; document?: FakeDocument },
  log?: CallLog,
  /** The advanced Drive and Docs services (absent when not given, as when the manifest does not enable them). */
  drive?: FakeDrive,
) {
  const ui = new FakeUi();
  const outOfContext = (what: string) => () => {
    throw new Error(`Exception: Cannot call ${what} from this context.`);
  };
  const lockLog = editor.kind === 'spreadsheet' ? editor.spreadsheet.log : log;
  const builders = fakeBuilders();
  let uuid = 0;
  const globals = {
    SpreadsheetApp: {
      getUi: editor.kind === 'spreadsheet' ? () => ui : outOfContext('SpreadsheetApp.getUi()'),
      getActiveSpreadsheet: () => (editor.kind === 'spreadsheet' ? editor.spreadsheet : null),
      DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' },
      ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
      newConditionalFormatRule: builders.newConditionalFormatRule,
      newDataValidation: builders.newDataValidation,
    },
    Charts: { ChartType: { COLUMN: 'COLUMN', LINE: 'LINE' } },
    Utilities: {
      formatDate: (date: Date, _timeZone: string, _format: 'yyyy-MM-dd') => date.toISOString().slice(0, 10),
      getUuid: () => `uuid-${++uuid}`,
    },
    DocumentApp: {
      getUi: editor.kind === 'document' ? () => ui : outOfContext('DocumentApp.getUi()'),
      getActiveDocument: () =>
        editor.kind === 'document' ? (editor.document ?? { getName: () => editor.name }) : null,
      ...DOCUMENT_ENUMS,
    },
    HtmlService: {
      createHtmlOutputFromFile: (file: string) => ({
        file,
        title: '',
        width: undefined as number | undefined,
        height: undefined as number | undefined,
        setTitle(title: string) {
          this.title = title;
          return this;
        },
        setWidth(width: number) {
          this.width = width;
          return this;
        },
        setHeight(height: number) {
          this.height = height;
          return this;
        },
      }),
    },
    Drive: drive ? { Files: drive.Files } : undefined,
    Docs: drive ? { Documents: drive.Documents } : undefined,
    LockService: {
      getDocumentLock: () =>
        lockLog ? new FakeLock(lockLog, editor.kind === 'spreadsheet' && editor.lockHeldElsewhere) : null,
    },
  };
  return { ui, globals };
}
