// The contract suite: the very scenarios the sandbox passes, run against real Google when a token is given, so the
// sandbox's idea of Drive and Sheets is checked against the real thing — through googleapis and through Rounds' own
// client (with a second account's scenario when GOOGLE_ACCESS_TOKEN_2 is given). Skipped without GOOGLE_ACCESS_TOKEN.
// Everything it makes lives in one new folder (inside ROUNDS_CONTRACT_FOLDER_ID if set), deleted at the end
// unless ROUNDS_CONTRACT_KEEP=1. See test/google/README.md.
import { google } from 'googleapis';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FOLDER_MIME } from '../../shared/google/drive';
import { connect, type ProductGoogle } from '../../tools/google/connect';
import { staticTokens } from '../../tools/google/node-transport';
import { clientScenarios, type ClientTarget } from '../integration/scenarios/client';
import { driveScenarios } from '../integration/scenarios/drive';
import { sheetsScenarios } from '../integration/scenarios/sheets';
import { FOLDER, type Target } from '../integration/scenarios/target';

const token = process.env.GOOGLE_ACCESS_TOKEN ?? '';
const token2 = process.env.GOOGLE_ACCESS_TOKEN_2 ?? '';
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

/** The account behind a token (Drive's about.get works under drive.file). */
async function emailOf(google: ProductGoogle): Promise<string> {
  const about = await google.client.json<{ user?: { emailAddress?: string } }>({
    method: 'GET',
    url: `${google.drive.api}/about?fields=user(emailAddress)`,
  });
  return about.user?.emailAddress ?? '';
}

describe.skipIf(!token)("contract: Rounds' own client against real Google", () => {
  // Production origins: Drive on www.googleapis.com, Sheets on sheets.googleapis.com.
  const first = connect({ tokens: staticTokens(token) });
  const second = token2 ? connect({ tokens: staticTokens(token2) }) : undefined;
  let target: ClientTarget | undefined;

  beforeAll(async () => {
    const folder = await first.drive.create({
      name: `Rounds client contract run ${new Date().toISOString()}`,
      mimeType: FOLDER_MIME,
      parents: parent ? [parent] : undefined,
    });
    const email = await emailOf(first);
    const secondEmail = second ? await emailOf(second) : '';
    target = {
      kind: 'google',
      ...first,
      email,
      folderId: folder.id!,
      second: second && {
        ...second,
        email: secondEmail,
        picks: false,
        // Sharing is all an API can do: under drive.file only the Picker opens a file for the other app.
        grant: async (fileId: string) => {
          await first.client.json({
            method: 'POST',
            url: `${first.drive.api}/files/${encodeURIComponent(fileId)}/permissions?sendNotificationEmail=false`,
            body: { role: 'writer', type: 'user', emailAddress: secondEmail },
          });
        },
      },
    };
  });

  afterAll(async () => {
    if (target && process.env.ROUNDS_CONTRACT_KEEP !== '1')
      await first.client.send({ method: 'DELETE', url: `${first.drive.api}/files/${target.folderId}` });
    first.close();
    second?.close();
  });

  for (const [name, scenario] of Object.entries(clientScenarios)) it(name, () => scenario(target!));
});
