// The only code that reaches what Google's Picker needs on the server side: the user's OAuth token for this
// add-on, the script properties an IT admin sets when deploying (the Picker's API key and the Cloud project
// number), the open spreadsheet's id, and the modal dialog the Picker runs in.

/** Script properties (Project settings → Script properties) the deploying admin sets once. */
export const PICKER_PROPERTIES = {
  apiKey: 'ROUNDS_PICKER_API_KEY',
  projectNumber: 'ROUNDS_CLOUD_PROJECT_NUMBER',
} as const;

export interface PickerServerSettings {
  token: string;
  apiKey: string | null;
  projectNumber: string | null;
  spreadsheetId: string | null;
}

export function pickerServerSettings(): PickerServerSettings {
  const properties = PropertiesService.getScriptProperties();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    token: ScriptApp.getOAuthToken(),
    apiKey: properties.getProperty(PICKER_PROPERTIES.apiKey),
    projectNumber: properties.getProperty(PICKER_PROPERTIES.projectNumber),
    spreadsheetId: spreadsheet ? spreadsheet.getId() : null,
  };
}

/** The Picker page (PickNetwork.html in dist/apps-script) as a modal dialog over the spreadsheet. */
export function showPickerDialog(title: string): void {
  const page = HtmlService.createHtmlOutputFromFile('PickNetwork').setWidth(760).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(page, title);
}
