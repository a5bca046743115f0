// "Connect the Rounds browser extension", run from the built Code.js in node:vm: the menu opens the built
// Picker page as a dialog, and the page's server call hands it the token, key and Cloud project number —
// or, when the deploying admin has not set them, says which script properties to set.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PICKER_PROPERTIES } from '../../apps-script/services/picker';
import { buildAppsScript } from '../../tools/build/apps-script';
import { appsScriptGlobals } from '../../tools/apps-script-fakes/globals';
import { FakeSpreadsheet } from '../../tools/apps-script-fakes/spreadsheet';

let outDir = '';
let code = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'rounds-connect-'));
  await buildAppsScript({ outDir, production: true });
  code = await readFile(join(outDir, 'Code.js'), 'utf8');
}, 60_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function inSpreadsheet(properties: Record<string, string>) {
  const spreadsheet = new FakeSpreadsheet('Cedar Valley Network tracker');
  const { ui, globals } = appsScriptGlobals({ kind: 'spreadsheet', spreadsheet });
  const context = vm.createContext({
    ...globals,
    ScriptApp: { getOAuthToken: () => 'ya29.member-token' },
    PropertiesService: {
      getScriptProperties: () => ({ getProperty: (key: string) => properties[key] ?? null }),
    },
  });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const call = (name: string) => (context[name] as () => unknown)();
  return { ui, spreadsheet, call };
}

describe('Connect the Rounds browser extension', () => {
  it('opens the built Picker page as a dialog over the spreadsheet', async () => {
    const { ui, call } = inSpreadsheet({});
    call('showConnectExtension');
    expect(ui.dialogs).toEqual([
      expect.objectContaining({ title: 'Connect the Rounds browser extension', width: 760, height: 560 }),
    ]);
    expect(await readdir(outDir)).toContain(`${ui.dialogs[0]!.file}.html`);
  });

  it('gives the page the member’s token, the Picker key, the project number and this spreadsheet', () => {
    const { spreadsheet, call } = inSpreadsheet({
      [PICKER_PROPERTIES.apiKey]: 'AIza-demo-key',
      [PICKER_PROPERTIES.projectNumber]: '123456789012',
    });
    expect(call('getPickerConfig')).toEqual({
      token: 'ya29.member-token',
      apiKey: 'AIza-demo-key',
      appId: '123456789012',
      spreadsheetId: spreadsheet.getId(),
    });
  });

  it('names the script properties an admin has not set, and a project id given for its number', () => {
    expect(() => inSpreadsheet({}).call('getPickerConfig')).toThrow(
      /set ROUNDS_PICKER_API_KEY and ROUNDS_CLOUD_PROJECT_NUMBER in the script's Project settings → Script properties/,
    );
    expect(() =>
      inSpreadsheet({
        [PICKER_PROPERTIES.apiKey]: 'AIza-demo-key',
        [PICKER_PROPERTIES.projectNumber]: 'rounds-district-prod',
      }).call('getPickerConfig'),
    ).toThrow(/must be the Cloud project's number \(digits only\)/);
  });
});
