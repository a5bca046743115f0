// Google's Picker, loaded in the add-on's dialog from Google (https://apis.google.com/js/api.js, then
// gapi.load('picker')). Only the part Rounds uses is typed; what the Picker hands back is checked by
// readPickedFile before anything trusts it.
import { readPickedFile, type PickedFile } from '../../../shared/network/picked-files';
import { FOLDER_MIME_TYPE, SPREADSHEET_MIME_TYPE } from '../../../shared/network/picked-files';

interface PickerBuilder {
  addView(view: unknown): PickerBuilder;
  enableFeature(feature: unknown): PickerBuilder;
  setOAuthToken(token: string): PickerBuilder;
  setDeveloperKey(key: string): PickerBuilder;
  setAppId(appId: string): PickerBuilder;
  setOrigin(origin: string): PickerBuilder;
  setTitle(title: string): PickerBuilder;
  setCallback(callback: (data: Record<string, unknown>) => void): PickerBuilder;
  build(): { setVisible(visible: boolean): void };
}

interface PickerNamespace {
  PickerBuilder: new () => PickerBuilder;
  DocsView: new (viewId?: unknown) => {
    setIncludeFolders(on: boolean): unknown;
    setSelectFolderEnabled(on: boolean): unknown;
    setMimeTypes(types: string): unknown;
  };
  ViewId: { DOCS: unknown };
  Feature: { MULTISELECT_ENABLED: unknown };
  Action: { PICKED: string; CANCEL: string };
  Response: { ACTION: string; DOCUMENTS: string };
}

declare const gapi: { load(name: string, options: { callback(): void; onerror(): void }): void } | undefined;
declare const google: { picker?: PickerNamespace; script?: { host?: { origin?: string } } } | undefined;

export const PICKER_LOADER = 'https://apis.google.com/js/api.js';

let loading: Promise<PickerNamespace> | undefined;

/** Loads the Picker once per page; a failure (no network, blocked script) can be retried. */
export function loadPicker(): Promise<PickerNamespace> {
  loading ??= new Promise<PickerNamespace>((resolve, reject) => {
    const failed = () => {
      loading = undefined;
      reject(new Error("Google's Picker did not load. Check your connection and try again."));
    };
    const script = document.createElement('script');
    script.src = PICKER_LOADER;
    script.onerror = failed;
    script.onload = () => {
      if (typeof gapi === 'undefined') return failed();
      gapi.load('picker', {
        callback: () => (typeof google !== 'undefined' && google.picker ? resolve(google.picker) : failed()),
        onerror: failed,
      });
    };
    document.head.append(script);
  });
  return loading;
}

export type PickOutcome = { kind: 'picked'; files: PickedFile[] } | { kind: 'cancelled' };

export interface PickerSettings {
  token: string;
  apiKey: string;
  appId: string;
}

/** Opens the Picker on folders and spreadsheets, several at once; resolves when the member is done. */
export async function pickFolderAndSpreadsheet(settings: PickerSettings): Promise<PickOutcome> {
  const picker = await loadPicker();
  const view = new picker.DocsView(picker.ViewId.DOCS);
  view.setIncludeFolders(true);
  view.setSelectFolderEnabled(true);
  view.setMimeTypes(`${FOLDER_MIME_TYPE},${SPREADSHEET_MIME_TYPE}`);
  const origin = typeof google !== 'undefined' ? google.script?.host?.origin : undefined;
  return new Promise((resolve) => {
    let builder = new picker.PickerBuilder()
      .addView(view)
      .enableFeature(picker.Feature.MULTISELECT_ENABLED)
      .setOAuthToken(settings.token)
      .setDeveloperKey(settings.apiKey)
      .setAppId(settings.appId)
      .setTitle("Choose the network's root folder and its spreadsheet")
      .setCallback((data) => {
        const action = data[picker.Response.ACTION];
        if (action === picker.Action.CANCEL) resolve({ kind: 'cancelled' });
        if (action !== picker.Action.PICKED) return;
        const docs = data[picker.Response.DOCUMENTS];
        const files = (Array.isArray(docs) ? docs : []).map(readPickedFile);
        resolve({ kind: 'picked', files: files.filter((f): f is PickedFile => f !== undefined) });
      });
    if (origin) builder = builder.setOrigin(origin);
    builder.build().setVisible(true);
  });
}
