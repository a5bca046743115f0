// Sheets v4 behaviour the product relies on, written once and run against the sandbox and (with credentials) Google.
import type { sheets_v4 } from 'googleapis';
import { expect } from 'vitest';
import { SPREADSHEET, expectGoogleError, newSpreadsheet, type Scenario, type Target } from './target';

const network = (t: Target, title = 'Network tracker') =>
  newSpreadsheet(t, {
    properties: { title },
    sheets: [
      { properties: { title: 'Filings', sheetId: 0 } },
      { properties: { title: 'Visit Notes', sheetId: 7 } },
    ],
  });

const values = async (
  t: Target,
  spreadsheetId: string,
  range: string,
  valueRenderOption = 'FORMATTED_VALUE',
) => (await t.sheets.spreadsheets.values.get({ spreadsheetId, range, valueRenderOption })).data;

const batch = (t: Target, spreadsheetId: string, requests: sheets_v4.Schema$Request[]) =>
  t.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });

export const sheetsScenarios: Record<string, Scenario> = {
  'a new network spreadsheet has its tabs and is a Drive file': async (t) => {
    const made = await network(t);
    expect(made.properties?.title).toBe('Network tracker');
    expect(
      made.sheets?.map((s) => [
        s.properties?.title,
        s.properties?.sheetId,
        s.properties?.gridProperties?.rowCount,
      ]),
    ).toEqual([
      ['Filings', 0, 1000],
      ['Visit Notes', 7, 1000],
    ]);
    const file = await t.drive.files.get({
      fileId: made.spreadsheetId as string,
      fields: 'id,name,mimeType',
    });
    expect(file.data).toEqual({ id: made.spreadsheetId, name: 'Network tracker', mimeType: SPREADSHEET });
    const listed = await t.drive.files.list({
      q: `'${t.folderId}' in parents and mimeType = '${SPREADSHEET}'`,
      fields: 'files(id)',
    });
    expect(listed.data.files?.map((f) => f.id)).toContain(made.spreadsheetId);
    // A spreadsheet has no bytes of its own to download (Google wants an export instead).
    await expectGoogleError(
      t.drive.files.get({ fileId: made.spreadsheetId as string, alt: 'media' }),
      403,
      'fileNotDownloadable',
    );
  },

  'rows written raw stay text, user-entered ones become numbers and booleans': async (t) => {
    const id = (await network(t)).spreadsheetId as string;
    await t.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Filings!A1:C1',
      valueInputOption: 'RAW',
      requestBody: { values: [['007', '=1+2', 'TRUE']] },
    });
    await t.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Filings!A2',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['007', 'true', '2.50']] },
    });
    const unformatted = await values(t, id, 'Filings!A1:C2', 'UNFORMATTED_VALUE');
    expect(unformatted.values).toEqual([
      ['007', '=1+2', 'TRUE'],
      [7, true, 2.5],
    ]);
    expect((await values(t, id, 'Filings!A2:C2')).values).toEqual([['7', 'TRUE', '2.5']]);
    expect((await values(t, id, 'Filings!A1:C2', 'FORMULA')).range).toBe('Filings!A1:C2');
  },

  'appending filings lands after the last row of the table': async (t) => {
    const id = (await network(t)).spreadsheetId as string;
    await t.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Filings!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['Filed at', 'Subject', 'Id']] },
    });
    const first = await t.sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Filings!A1',
      valueInputOption: 'RAW',
      insertDataOption: 'INSERT_ROWS',
      requestBody: { values: [['2025-03-01', 'Visit plan', 'f1']] },
    });
    expect(first.data.tableRange).toBe('Filings!A1:C1');
    expect(first.data.updates?.updatedRange).toBe('Filings!A2:C2');
    const second = await t.sheets.spreadsheets.values.append({
      spreadsheetId: id,
      range: 'Filings',
      valueInputOption: 'RAW',
      requestBody: { values: [['2025-03-02', 'Debrief', 'f2']] },
    });
    expect(second.data.updates?.updatedRange).toBe('Filings!A3:C3');
    expect(second.data.updates?.updatedCells).toBe(3);
    expect((await values(t, id, 'Filings!C:C')).values).toEqual([['Id'], ['f1'], ['f2']]);
  },

  'one batchGet reads several tabs, quoted names, open ranges and columns': async (t) => {
    const id = (await network(t)).spreadsheetId as string;
    await t.sheets.spreadsheets.values.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        valueInputOption: 'RAW',
        data: [
          {
            range: 'Filings!A1:B2',
            values: [
              ['a', 'b'],
              ['c', 'd'],
            ],
          },
          { range: "'Visit Notes'!B3", majorDimension: 'COLUMNS', values: [['x', 'y']] },
        ],
      },
    });
    const res = await t.sheets.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ['Filings!A2:B', "'Visit Notes'!A1:C", 'Filings!A:A'],
      majorDimension: 'ROWS',
    });
    const [open, quoted, column] = res.data.valueRanges ?? [];
    expect(open?.range).toBe('Filings!A2:B1000');
    expect(open?.values).toEqual([['c', 'd']]);
    expect(quoted?.range).toBe("'Visit Notes'!A1:C1000");
    expect(quoted?.values).toEqual([[], [], ['', 'x'], ['', 'y']]);
    expect(column?.values).toEqual([['a'], ['c']]);
    const cols = await t.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: 'Filings!A1:B2',
      majorDimension: 'COLUMNS',
    });
    expect(cols.data.values).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
  },

  'one batchUpdate sets up a tab: applied in order with one reply each': async (t) => {
    const id = (await network(t)).spreadsheetId as string;
    const res = await batch(t, id, [
      {
        addSheet: {
          properties: { title: 'Mandates', sheetId: 42, gridProperties: { rowCount: 10, columnCount: 5 } },
        },
      },
      {
        updateSheetProperties: {
          properties: { sheetId: 42, title: 'Mandate list', gridProperties: { frozenRowCount: 1 } },
          fields: 'title,gridProperties.frozenRowCount',
        },
      },
      {
        updateCells: {
          start: { sheetId: 42, rowIndex: 0, columnIndex: 0 },
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: 'Due' } },
                { userEnteredValue: { stringValue: 'Status' } },
              ],
            },
          ],
          fields: 'userEnteredValue',
        },
      },
      {
        appendCells: {
          sheetId: 42,
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: '2025-04-01' } },
                { userEnteredValue: { stringValue: 'open' } },
              ],
            },
          ],
          fields: 'userEnteredValue',
        },
      },
      { appendDimension: { sheetId: 42, dimension: 'ROWS', length: 5 } },
      {
        setDataValidation: {
          range: { sheetId: 42, startRowIndex: 1, endRowIndex: 15, startColumnIndex: 1, endColumnIndex: 2 },
          rule: {
            condition: {
              type: 'ONE_OF_LIST',
              values: [{ userEnteredValue: 'open' }, { userEnteredValue: 'done' }],
            },
            strict: true,
          },
        },
      },
      {
        addConditionalFormatRule: {
          index: 0,
          rule: {
            ranges: [{ sheetId: 42, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 }],
            booleanRule: {
              condition: { type: 'TEXT_EQ', values: [{ userEnteredValue: 'done' }] },
              format: { textFormat: { strikethrough: true } },
            },
          },
        },
      },
      {
        addProtectedRange: {
          protectedRange: {
            range: { sheetId: 42, startRowIndex: 0, endRowIndex: 1 },
            description: 'Header row',
            warningOnly: true,
          },
        },
      },
      {
        addChart: {
          chart: {
            spec: {
              title: 'Mandates by status',
              basicChart: { chartType: 'COLUMN', legendPosition: 'NO_LEGEND' },
            },
            position: { overlayPosition: { anchorCell: { sheetId: 42, rowIndex: 0, columnIndex: 3 } } },
          },
        },
      },
      { updateSpreadsheetProperties: { properties: { title: 'Network tracker 2025' }, fields: 'title' } },
    ]);
    const replies = res.data.replies ?? [];
    expect(replies).toHaveLength(10);
    expect(replies[0]?.addSheet?.properties?.title).toBe('Mandates');
    expect(replies[7]?.addProtectedRange?.protectedRange?.protectedRangeId).toEqual(expect.any(Number));
    expect(replies[8]?.addChart?.chart?.chartId).toEqual(expect.any(Number));
    expect(replies[1]).toEqual({});
    const got = await t.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ["'Mandate list'!A1:B2"],
      includeGridData: true,
    });
    expect(got.data.properties?.title).toBe('Network tracker 2025');
    const tab = got.data.sheets?.[0];
    expect(tab?.properties?.title).toBe('Mandate list');
    expect(tab?.properties?.gridProperties).toMatchObject({
      rowCount: 15,
      columnCount: 5,
      frozenRowCount: 1,
    });
    expect(tab?.conditionalFormats).toHaveLength(1);
    expect(tab?.protectedRanges?.[0]?.description).toBe('Header row');
    expect(tab?.charts?.[0]?.spec?.title).toBe('Mandates by status');
    const rows = tab?.data?.[0]?.rowData ?? [];
    expect(rows.map((r) => r.values?.map((v) => v.formattedValue))).toEqual([
      ['Due', 'Status'],
      ['2025-04-01', 'open'],
    ]);
    expect(rows[1]?.values?.[1]?.dataValidation?.condition?.type).toBe('ONE_OF_LIST');
    expect(rows[0]?.values?.[1]?.dataValidation).toBeUndefined();
    expect((await t.drive.files.get({ fileId: id, fields: 'name' })).data.name).toBe('Network tracker 2025');
  },

  'a row’s id metadata follows the row when rows are inserted and deleted above it': async (t) => {
    const id = (await network(t)).spreadsheetId as string;
    await t.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Filings!A1:A3',
      valueInputOption: 'RAW',
      requestBody: { values: [['head'], ['first'], ['second']] },
    });
    const created = await batch(t, id, [
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'rounds.rowId',
            metadataValue: 'filing-2',
            visibility: 'DOCUMENT',
            location: { dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: 2, endIndex: 3 } },
          },
        },
      },
      {
        insertDimension: {
          range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 3 },
          inheritFromBefore: false,
        },
      },
      { deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 0, endIndex: 1 } } },
    ]);
    const metadataId = created.data.replies?.[0]?.createDeveloperMetadata?.developerMetadata?.metadataId;
    const found = await t.sheets.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: {
        dataFilters: [
          { developerMetadataLookup: { metadataKey: 'rounds.rowId', metadataValue: 'filing-2' } },
        ],
      },
    });
    const match = found.data.matchedDeveloperMetadata ?? [];
    expect(match).toHaveLength(1);
    expect(match[0]?.developerMetadata?.metadataId).toBe(metadataId);
    expect(match[0]?.developerMetadata?.location).toEqual({
      locationType: 'ROW',
      dimensionRange: { sheetId: 0, dimension: 'ROWS', startIndex: 3, endIndex: 4 },
    });
    expect((await values(t, id, 'Filings!A4')).values).toEqual([['second']]);
    const byId = await t.sheets.spreadsheets.developerMetadata.get({
      spreadsheetId: id,
      metadataId: metadataId as number,
    });
    expect(byId.data.metadataValue).toBe('filing-2');
    const none = await t.sheets.spreadsheets.developerMetadata.search({
      spreadsheetId: id,
      requestBody: { dataFilters: [{ developerMetadataLookup: { metadataKey: 'nothing-here' } }] },
    });
    expect(none.data.matchedDeveloperMetadata).toBeUndefined();
  },

  'a batchUpdate with one bad request changes nothing at all': async (t) => {
    const id = (await network(t)).spreadsheetId as string;
    await t.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Filings!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['kept']] },
    });
    await expectGoogleError(
      batch(t, id, [
        { addSheet: { properties: { title: 'Half done' } } },
        {
          updateCells: {
            start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
            rows: [{ values: [{ userEnteredValue: { stringValue: 'overwritten' } }] }],
            fields: 'userEnteredValue',
          },
        },
        { deleteSheet: { sheetId: 987654 } },
      ]),
      400,
    );
    const got = await t.sheets.spreadsheets.get({ spreadsheetId: id });
    expect(got.data.sheets?.map((s) => s.properties?.title)).toEqual(['Filings', 'Visit Notes']);
    expect((await values(t, id, 'Filings!A1')).values).toEqual([['kept']]);
  },

  'bad ranges, unknown fields and a missing input option are 400s': async (t) => {
    const id = (await network(t)).spreadsheetId as string;
    await expectGoogleError(
      t.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'No such tab!A1' }),
      400,
    );
    await expectGoogleError(
      t.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Filings!A1:B2:C3' }),
      400,
    );
    await expectGoogleError(
      t.sheets.spreadsheets.values.update({
        spreadsheetId: id,
        range: 'Filings!A1',
        requestBody: { values: [['x']] },
      }),
      400,
    );
    await expectGoogleError(
      batch(t, id, [{ addSheet: { properties: { title: 'x' }, colour: 'red' } } as sheets_v4.Schema$Request]),
      400,
    );
    await expectGoogleError(batch(t, id, [{ makeCoffee: {} } as sheets_v4.Schema$Request]), 400);
    await expectGoogleError(t.sheets.spreadsheets.get({ spreadsheetId: 'no-such-spreadsheet-000' }), 404);
  },
};
