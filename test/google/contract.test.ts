// The contract suite: the very scenarios the sandbox passes, run against real Google when a token is given, so the
// sandbox's idea of Drive and Sheets is checked against the real thing. Skipped without GOOGLE_ACCESS_TOKEN.
// Everything it makes lives in one new folder (inside ROUNDS_CONTRACT_FOLDER_ID if set), deleted at the end
// unless ROUNDS_CONTRACT_KEEP=1. See test/google/README.md.
import { google } from 'googleapis';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { driveScenarios } from '../integration/scenarios/drive';
import { sheetsScenarios } from '../integration/scenarios/sheets';
import { FOLDER, type Target } from '../integration/scenarios/target';

const token = process.env.GOOGLE_ACCESS_TOKEN ?? '';
const parent = process.env.ROUNDS_CONTRACT_FOLDER_ID;

describe.skipIf(!token)('contract: the shared scenarios against real Google', () => {
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: token });
  // Google's own endpoints: Drive on www.googleapis.com, Sheets on sheets.googleapis.com (the clients' defaults).
  const target: Target = {
    kind: 'google',
    rootUrl: 'https://www.googleapis.com/',
    token,
    drive: google.drive({ version: 'v3', auth }),
    sheets: google.sheets({ version: 'v4', auth }),
    folderId: '',
    made: [],
  };

  beforeAll(async () => {
    const folder = await target.drive.files.create({
      requestBody: {
        name: `Rounds contract run ${new Date().toISOString()}`,
        mimeType: FOLDER,
        parents: parent ? [parent] : undefined,
      },
      fields: 'id',
    });
    target.folderId = folder.data.id as string;
  });

  afterAll(async () => {
    if (!target.folderId || process.env.ROUNDS_CONTRACT_KEEP === '1') return;
    // Only what this run created: its own folder (and the spreadsheets moved into it).
    await target.drive.files.delete({ fileId: target.folderId });
  });

  for (const [name, scenario] of Object.entries(driveScenarios)) it(`Drive: ${name}`, () => scenario(target));
  for (const [name, scenario] of Object.entries(sheetsScenarios))
    it(`Sheets: ${name}`, () => scenario(target));
});
