// The sandbox's Sheets v4 driven by the official googleapis client: the shared scenarios, plus the on-disk
// spreadsheet a person can read and the guarantee that a failed write leaves that file untouched.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxTarget, type SandboxRun } from './scenarios/sandbox-target';
import { sheetsScenarios } from './scenarios/sheets';
import { expectGoogleError, newSpreadsheet } from './scenarios/target';

describe('sandbox Sheets v4, through googleapis', () => {
  let run: SandboxRun;
  beforeAll(async () => {
    run = await sandboxTarget();
  });
  afterAll(() => run.end());

  for (const [name, scenario] of Object.entries(sheetsScenarios)) it(name, () => scenario(run.target));

  const storedSheet = (title: string): string =>
    join(run.dir, 'My Drive', 'Rounds test run', `${title}.sheet.json`);

  it('stores each spreadsheet as readable JSON with its rows as plain values', async () => {
    const t = run.target;
    const made = await newSpreadsheet(t, {
      properties: { title: 'Readable' },
      sheets: [{ properties: { title: 'Filings' } }],
    });
    await t.sheets.spreadsheets.values.update({
      spreadsheetId: made.spreadsheetId as string,
      range: 'Filings!A1:C2',
      valueInputOption: 'USER_ENTERED',
      requestBody: {
        values: [
          ['Subject', 'Count', 'Total'],
          ['Visit', '3', '=SUM(B2:B2)'],
        ],
      },
    });
    const stored = JSON.parse(readFileSync(storedSheet('Readable'), 'utf8'));
    expect(stored.properties.title).toBe('Readable');
    expect(stored.sheets[0].values).toEqual([
      ['Subject', 'Count', 'Total'],
      ['Visit', 3, { formula: '=SUM(B2:B2)' }],
    ]);
    const formula = await t.sheets.spreadsheets.values.get({
      spreadsheetId: made.spreadsheetId as string,
      range: 'Filings!C2',
      valueRenderOption: 'FORMULA',
    });
    expect(formula.data.values).toEqual([['=SUM(B2:B2)']]);
  });

  it('a rejected batchUpdate or values write leaves the stored file byte for byte as it was', async () => {
    const t = run.target;
    const made = await newSpreadsheet(t, { properties: { title: 'Untouched' } });
    const id = made.spreadsheetId as string;
    await t.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['before']] },
    });
    const before = readFileSync(storedSheet('Untouched'));
    await expectGoogleError(
      t.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            { appendDimension: { sheetId: 0, dimension: 'ROWS', length: 10 } },
            { addSheet: { properties: { title: 'Sheet1' } } },
          ],
        },
      }),
      400,
    );
    await expectGoogleError(
      t.sheets.spreadsheets.values.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          valueInputOption: 'RAW',
          data: [
            { range: 'Sheet1!A1', values: [['changed']] },
            { range: 'Nope!A1', values: [['x']] },
          ],
        },
      }),
      400,
    );
    await expectGoogleError(
      t.sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Sheet1!A1:A2',
        valueInputOption: 'RAW',
        requestBody: { values: [['a'], ['b'], ['spills']] },
      }),
      400,
    );
    expect(readFileSync(storedSheet('Untouched')).equals(before)).toBe(true);
    const folder = join(run.dir, 'My Drive', 'Rounds test run');
    expect(readdirSync(folder).filter((f) => f.startsWith('.tmp-'))).toEqual([]);
  });

  it('renaming the spreadsheet in Drive renames it in Sheets and on disk', async () => {
    const t = run.target;
    const made = await newSpreadsheet(t, { properties: { title: 'Draft tracker' } });
    await t.drive.files.update({
      fileId: made.spreadsheetId as string,
      requestBody: { name: 'Final tracker' },
    });
    const got = await t.sheets.spreadsheets.get({
      spreadsheetId: made.spreadsheetId as string,
      fields: 'properties.title',
    });
    expect(got.data).toEqual({ properties: { title: 'Final tracker' } });
    expect(JSON.parse(readFileSync(storedSheet('Final tracker'), 'utf8')).spreadsheetId).toBe(
      made.spreadsheetId,
    );
  });

  it('values.clear and batchClear empty cells but keep the grid', async () => {
    const t = run.target;
    const id = (await newSpreadsheet(t, { properties: { title: 'Clearing' } })).spreadsheetId as string;
    await t.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1:B2',
      valueInputOption: 'RAW',
      requestBody: {
        values: [
          ['a', 'b'],
          ['c', 'd'],
        ],
      },
    });
    const cleared = await t.sheets.spreadsheets.values.clear({ spreadsheetId: id, range: 'Sheet1!B:B' });
    expect(cleared.data.clearedRange).toBe('Sheet1!B1:B1000');
    await t.sheets.spreadsheets.values.batchClear({
      spreadsheetId: id,
      requestBody: { ranges: ['Sheet1!A2'] },
    });
    const left = await t.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1' });
    expect(left.data).toMatchObject({ range: 'Sheet1!A1:Z1000', values: [['a']] });
  });

  it('spreadsheets.get honours nested fields and returns grid data only when asked', async () => {
    const t = run.target;
    const id = (
      await newSpreadsheet(t, {
        properties: { title: 'Fields' },
        sheets: [{ properties: { title: 'One' } }, { properties: { title: 'Two' } }],
      })
    ).spreadsheetId as string;
    const slim = await t.sheets.spreadsheets.get({
      spreadsheetId: id,
      fields: 'spreadsheetId,sheets(properties(sheetId,title))',
    });
    expect(slim.data).toEqual({
      spreadsheetId: id,
      sheets: [
        { properties: { sheetId: expect.any(Number), title: 'One' } },
        { properties: { sheetId: expect.any(Number), title: 'Two' } },
      ],
    });
    const plain = await t.sheets.spreadsheets.get({ spreadsheetId: id });
    expect(plain.data.sheets?.[0]?.data).toBeUndefined();
    const ranged = await t.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['Two!A1:B2'],
      includeGridData: true,
    });
    expect(ranged.data.sheets?.map((s) => s.properties?.title)).toEqual(['Two']);
    expect(ranged.data.sheets?.[0]?.data?.[0]?.rowMetadata).toHaveLength(2);
  });
});
