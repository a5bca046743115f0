// "Connect the Rounds extension": a member grants the extension the network spreadsheet and root folder by
// choosing them in Google's Picker, in a dialog of this add-on (the Picker is Google-hosted code, which an
// MV3 extension page may not load; an HtmlService dialog may). The add-on and the extension share one Cloud
// project, so the drive.file grant the Picker makes is one the extension's token can use too.
import type { PickerConfig } from './sidebar-contract';
import { PICKER_PROPERTIES, pickerServerSettings, showPickerDialog } from './services/picker';

/** Menu: Connect the Rounds extension… */
export function showConnectExtension(): void {
  showPickerDialog('Connect the Rounds browser extension');
}

/**
 * google.script.run: what the Picker page needs. Missing deployment settings are named, with where an admin
 * sets them, instead of a Picker that fails with Google's generic error.
 */
export function getPickerConfig(): PickerConfig {
  const settings = pickerServerSettings();
  const missing = [
    settings.apiKey ? null : PICKER_PROPERTIES.apiKey,
    settings.projectNumber ? null : PICKER_PROPERTIES.projectNumber,
  ].filter((name) => name !== null);
  if (missing.length)
    throw new Error(
      `This copy of the Rounds add-on is not set up for Google's Picker yet: ask whoever deployed it to set ` +
        `${missing.join(' and ')} in the script's Project settings → Script properties (see the Rounds README, ` +
        `"How a second member…").`,
    );
  if (!settings.spreadsheetId) throw new Error('Open the network spreadsheet, then choose Connect again.');
  if (!/^\d+$/.test(settings.projectNumber!))
    throw new Error(
      `${PICKER_PROPERTIES.projectNumber} must be the Cloud project's number (digits only), not its name or id.`,
    );
  return {
    token: settings.token,
    apiKey: settings.apiKey!,
    appId: settings.projectNumber!,
    spreadsheetId: settings.spreadsheetId,
  };
}
