// The scenarios again, through Rounds' own client (shared/google: its multipart bodies, quoting, resumable loop,
// error parsing, pre-generated ids, row appends) rather than googleapis, so that client meets real Google in the
// contract run. Nothing here assumes how many pages a list takes or that a new file is searchable at once.
import { expect } from 'vitest';
import { Filer } from '../../../shared/filing/filer';
import { NOT_VISIBLE_REASON } from '../../../shared/filing/file-doc';
import { docJob, emailJob } from '../../../shared/filing/filing-job';
import { utf8Decode, utf8Encode } from '../../../shared/google/bytes';
import { type Drive, FOLDER_MIME } from '../../../shared/google/drive';
import { NOT_TRASHED, allOf, inFolder } from '../../../shared/google/drive-query';
import { GoogleApiError } from '../../../shared/google/errors';
import { type Sheets, a1 } from '../../../shared/google/sheets';
import { createWithId, getIfThere } from '../../../shared/google/source-files';
import { TableAppender } from '../../../shared/google/table-rows';
import { CHUNK_UNIT } from '../../../shared/google/upload';
import { ROW_ID_HEADER, ROW_ID_METADATA_KEY, tabByKey } from '../../../shared/schema/sheet';
import { createSpreadsheetWithTabs } from '../../../tools/google/connect';
import { nodeClock } from '../../../tools/google/node-transport';

export interface ClientUser {
  drive: Drive;
  sheets: Sheets;
  /** The account's email address, as "Filed by" records it. */
  email: string;
}

export interface ClientTarget extends ClientUser {
  kind: 'sandbox' | 'google';
  /** Scenarios work inside this folder (one per run). */
  folderId: string;
  /**
   * A second account, when the run has one (GOOGLE_ACCESS_TOKEN_2). `grant` gives it one file: shared with it,
   * and where that is possible without a person (the sandbox's pick), opened for its copy of the app too.
   */
  second?: ClientUser & { grant(fileId: string): Promise<void>; picks: boolean };
}

export type ClientScenario = (t: ClientTarget) => Promise<void>;

const filingsTab = tabByKey('filings');
const DOC_MIME = 'application/vnd.google-apps.document';

async function folder(t: ClientTarget, name: string): Promise<string> {
  return (await t.drive.create({ name, mimeType: FOLDER_MIME, parents: [t.folderId] })).id!;
}

async function spreadsheet(t: ClientTarget, title: string): Promise<string> {
  const id = await createSpreadsheetWithTabs(t.sheets, title, [filingsTab]);
  // Keep the run's files together (and deleted with its folder), as the product keeps the network's.
  await t.drive.update(id, {}, { addParents: [t.folderId], removeParents: ['root'], fields: 'id' });
  return id;
}

/** Waits out Drive's search lag: polls until `done` says the listing is complete, or gives up after `ms`. */
async function listUntil(drive: Drive, q: string, done: (n: number) => boolean, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    const files = await drive.listAll(q, 'id,name');
    if (done(files.length) || Date.now() > until) return files;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function failure(call: Promise<unknown>): Promise<GoogleApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GoogleApiError);
  return error as GoogleApiError;
}

export const clientScenarios: Record<string, ClientScenario> = {
  'an email uploaded under a pre-generated id comes back byte for byte, and a replay is 409 counted as made':
    async (t) => {
      const step = await folder(t, 'Step 4 (ids)');
      const [id] = await t.drive.generateIds(1);
      const raw = utf8Encode('Message-ID: <ids@school.example>\r\nSubject: Réunion\r\n\r\nÀ bientôt ✓\r\n');
      const upload = () =>
        createWithId(t.drive, {
          id: id!,
          folderId: step,
          // Longer than Drive's 124 bytes per app property: stored shortened, still recognised.
          source: { src: 'gmail', srcId: `<ids-${'a'.repeat(130)}@school.example>` },
          metadata: { name: 'Réunion: it\'s "final".eml', mimeType: 'message/rfc822' },
          create: (m) => t.drive.upload(m, raw, 'message/rfc822'),
        });
      expect(await upload()).toMatchObject({ created: true, file: { id } });
      expect(await upload()).toMatchObject({ created: false, file: { id } });
      const direct = await failure(
        t.drive.upload({ id, name: 'again.eml', parents: [step] }, raw, 'text/plain'),
      );
      expect(direct.status).toBe(409);
      expect(utf8Decode(await t.drive.download(id!))).toBe(utf8Decode(raw));
      expect(await t.drive.get(id!)).toMatchObject({ parents: [step], appProperties: { src: 'gmail' } });
    },

  'a resumable upload names its pre-generated id too': async (t) => {
    const step = await folder(t, 'Step 4 (resumable)');
    const [id] = await t.drive.generateIds(1);
    const content = new Uint8Array(2 * CHUNK_UNIT + 1234).map((_, i) => (i * 31) % 256);
    const { file } = await createWithId(t.drive, {
      id: id!,
      folderId: step,
      source: { src: 'gmail', srcId: '<big@school.example>/attachment/1' },
      metadata: { name: 'lesson.bin', mimeType: 'application/octet-stream' },
      create: (m) =>
        t.drive.upload(m, content, 'application/octet-stream', {
          multipartLimit: CHUNK_UNIT,
          chunkSize: CHUNK_UNIT,
        }),
    });
    expect(file.id).toBe(id);
    expect(Buffer.compare(await t.drive.download(id!), content)).toBe(0);
  },

  'errors come back in each API’s own shape as typed errors': async (t) => {
    const missing = await failure(t.drive.get('no-such-file-000000000000'));
    expect(missing).toMatchObject({ status: 404, retryable: false });
    expect(missing.reason).toBe('notFound');
    expect(missing.message).toMatch(/File not found/);
    const id = await spreadsheet(t, 'Rounds contract: errors');
    // Sheets has no errors[]: the reason comes from its status.
    const badRange = await failure(t.sheets.batchGet(id, ["'No such tab'!A1"]));
    expect(badRange).toMatchObject({ status: 400, reason: 'INVALID_ARGUMENT', retryable: false });
    const noSheet = await failure(t.sheets.get('no-such-spreadsheet-000000000000'));
    expect(noSheet.status).toBe(404);
    expect(noSheet.reason).toBe('NOT_FOUND');
  },

  'a folder listed in short pages yields every file exactly once, however many pages it takes': async (t) => {
    const many = await folder(t, 'Many');
    const names = Array.from({ length: 9 }, (_, i) => `note ${i}.txt`);
    for (const name of names) await t.drive.upload({ name, parents: [many] }, utf8Encode(name), 'text/plain');
    const q = allOf(inFolder(many), NOT_TRASHED);
    const files = await listUntil(t.drive, q, (n) => n >= names.length);
    expect(files.map((f) => f.name).sort()).toEqual(names);
    // The same through pages of 2 asked for (Google may return fewer, with a token).
    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await t.drive.list({ q, pageSize: 2, pageToken, fields: 'nextPageToken,files(name)' });
      expect((page.files ?? []).length).toBeLessThanOrEqual(2);
      seen.push(...(page.files ?? []).map((f) => f.name!));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    expect(seen.sort()).toEqual(names);
  },

  'row metadata sits on the row its data landed on, below a stray note, and follows it when rows move':
    async (t) => {
      const id = await spreadsheet(t, 'Rounds contract: rows');
      const table = new TableAppender(t.sheets, id, filingsTab);
      await table.append([{ id: 'row-1', record: { kind: 'email', title: 'First' } }]);
      // Someone types a note a few rows below the table, in one of its columns.
      await t.sheets.batchUpdateValues(id, [{ range: a1(filingsTab.name, 'J6'), values: [['ask Dana']] }]);
      await table.append([
        { id: 'row-2', record: { kind: 'email', title: 'Second' } },
        { id: 'row-3', record: { kind: 'doc', title: 'Third' } },
      ]);
      const check = async () => {
        const { rows } = await table.read();
        const found = await t.sheets.searchDeveloperMetadata(id, [
          { developerMetadataLookup: { metadataKey: ROW_ID_METADATA_KEY } },
        ]);
        const tagged = (found.matchedDeveloperMetadata ?? []).map((m) => [
          m.developerMetadata?.metadataValue,
          m.developerMetadata?.location?.dimensionRange?.startIndex,
        ]);
        const landed = rows.filter((r) => r.id).map((r) => [r.id, r.rowIndex]);
        expect(tagged.sort()).toEqual(landed.sort());
        return rows;
      };
      const rows = await check();
      expect(rows.find((r) => r.id === 'row-2')!.rowIndex).toBeGreaterThan(5);
      const sheetId = (await t.sheets.get(id, { fields: 'sheets.properties(sheetId)' })).sheets![0]!
        .properties!.sheetId!;
      await t.sheets.batchUpdate(id, [
        { insertDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 1, endIndex: 3 } } },
      ]);
      await check();
      const header = (await table.read()).header;
      expect(header.indexOf(ROW_ID_HEADER)).toBe(0);
    },

  'rows land in a tab trimmed to its header row, and keep the header’s formatting off them': async (t) => {
    const id = await spreadsheet(t, 'Rounds contract: trimmed');
    const sheetId = (await t.sheets.get(id, { fields: 'sheets.properties(sheetId)' })).sheets![0]!.properties!
      .sheetId!;
    // Someone deleted every empty row: the grid is the header row alone.
    await t.sheets.batchUpdate(id, [
      { deleteDimension: { range: { sheetId, dimension: 'ROWS', startIndex: 1 } } },
      {
        repeatCell: {
          range: { sheetId, startRowIndex: 0, endRowIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: 'userEnteredFormat.textFormat.bold',
        },
      },
    ]);
    const table = new TableAppender(t.sheets, id, filingsTab);
    await table.append([
      { id: 'row-1', record: { kind: 'email', title: 'First' } },
      { id: 'row-2', record: { kind: 'email', title: 'Second' } },
    ]);
    expect((await table.read()).rows.map((r) => [r.id, r.rowIndex])).toEqual([
      ['row-1', 1],
      ['row-2', 2],
    ]);
    // Formats are Google's to apply (the sandbox keeps values, not effective formats).
    if (t.kind !== 'google') return;
    const grid = await t.sheets.get(id, {
      ranges: [a1(filingsTab.name, 'A1:B2')],
      includeGridData: true,
      fields: 'sheets.data.rowData.values.effectiveFormat.textFormat.bold',
    });
    const bold = grid.sheets![0]!.data![0]!.rowData!.map(
      (r) => r.values?.[1]?.effectiveFormat?.textFormat?.bold,
    );
    expect(bold[0]).toBe(true);
    expect(bold[1]).not.toBe(true);
  },

  'a second member filing the same email is told who filed it; they cannot open the file until it is given':
    async (t) => {
      const second = t.second;
      if (!second) return; // Needs two accounts (GOOGLE_ACCESS_TOKEN_2 in the contract run).
      const step = await folder(t, 'Step 4 (two members)');
      const sheet = await spreadsheet(t, 'Rounds contract: two members');
      await second.grant(sheet);
      const target = { cycleId: 'cycle-2', step: 4 as const, stepFolderId: step };
      const messageId = `<two-members-${Date.now()}@school.example>`;
      const raw = utf8Encode(`Message-ID: ${messageId}\r\nSubject: Data meeting\r\n\r\nSee attached.\r\n`);
      const now = new Date().toISOString();
      const file = (u: ClientUser, gmailMessageId: string) =>
        new Filer({
          drive: u.drive,
          filings: new TableAppender(u.sheets, sheet, filingsTab),
          clock: nodeClock,
          me: u.email,
        }).run([emailJob({ messageId, subject: 'Data meeting', gmailMessageId }, target, { now })], {
          content: async () => ({ raw }),
        });
      const first = await file(t, '18c0001');
      expect(first.jobs[0]!.result).toMatchObject({ status: 'filed' });
      const emlId = first.jobs[0]!.driveIds.eml!;
      expect(await getIfThere(second.drive, emlId)).toBeUndefined();
      const theirs = await file(second, '18cffff');
      expect(theirs.jobs[0]!.result).toMatchObject({
        status: 'already-filed',
        filedBy: t.email,
        byYou: false,
      });
      expect(theirs.jobs[0]!.driveIds).toEqual({});
      const rows = (await new TableAppender(t.sheets, sheet, filingsTab).read()).rows;
      expect(rows.map((r) => r.id)).toEqual([`email:${messageId.slice(1, -1)}`]);
      // On Google only the Picker (a person) opens a file for an app under drive.file.
      await second.grant(emlId);
      if (second.picks) expect(await getIfThere(second.drive, emlId)).toMatchObject({ id: emlId });
    },

  'a Doc Rounds can see is filed as a shortcut; one it cannot see becomes a link row with a reason': async (
    t,
  ) => {
    const step = await folder(t, 'Step 3 (Docs)');
    const sheet = await spreadsheet(t, 'Rounds contract: Docs');
    const mine = await t.drive.create({ name: 'Data analysis', mimeType: DOC_MIME, parents: [t.folderId] });
    // A Doc of the second account's, never opened with this account's Rounds (when there is a second account).
    const theirs = t.second && (await t.second.drive.create({ name: 'Their notes', mimeType: DOC_MIME }));
    const target = { cycleId: 'cycle-2', step: 3 as const, stepFolderId: step };
    const now = new Date().toISOString();
    const jobs = [docJob({ docId: mine.id!, title: 'Data analysis' }, target, { now })];
    if (theirs) jobs.push(docJob({ docId: theirs.id!, title: 'Their notes' }, target, { now }));
    const filer = new Filer({
      drive: t.drive,
      filings: new TableAppender(t.sheets, sheet, filingsTab),
      clock: nodeClock,
      me: t.email,
    });
    const run = await filer.run(jobs, {
      content: () => Promise.reject(new Error('Docs have no content to fetch')),
    });
    expect(run.jobs[0]!.result).toMatchObject({ status: 'filed', files: [{ slot: 'shortcut' }] });
    const shortcut = await t.drive.get(
      run.jobs[0]!.driveIds.shortcut!,
      'id,mimeType,parents,shortcutDetails',
    );
    expect(shortcut).toMatchObject({ parents: [step], shortcutDetails: { targetId: mine.id } });
    expect((await t.drive.get(mine.id!)).parents).toEqual([t.folderId]);
    if (theirs) {
      expect(run.jobs[1]!.result).toMatchObject({ status: 'linked', reason: NOT_VISIBLE_REASON });
      await t.second!.drive.client.send({
        method: 'DELETE',
        url: `${t.second!.drive.api}/files/${theirs.id}`,
      });
    }
    const rows = (await new TableAppender(t.sheets, sheet, filingsTab).read()).rows;
    expect(rows.map((r) => r.record.kind)).toEqual(theirs ? ['doc', 'doc'] : ['doc']);
  },
};
