import { describe, expect, it } from 'vitest';
import { GoogleClient } from '../../../shared/google/client';
import { Sheets, type SheetsRequest } from '../../../shared/google/sheets';
import { TableAppender, TableLayoutError } from '../../../shared/google/table-rows';
import { type CellValue, ROW_ID_HEADER, ROW_ID_METADATA_KEY, tabByKey } from '../../../shared/schema/sheet';
import { CountingTokens, FakeClock, type Script, ScriptedTransport, googleError, json } from './fakes';
import { tinyGoogle } from './tiny-google';

const filings = tabByKey('filings');

/** A Filings tab held as a grid (see tiny-google.ts), optionally losing the answers of its first updates. */
function tinySheet(header: CellValue[], options: { loseUpdateAnswers?: number } = {}) {
  let toLose = options.loseUpdateAnswers ?? 0;
  const google = tinyGoogle(header, { loseAnswer: (req) => req.method === 'POST' && toLose-- > 0 });
  return { grid: google.grid, metadata: google.metadata, script: google.script };
}

function appender(script: Script) {
  const transport = new ScriptedTransport(script);
  const client = new GoogleClient({
    transport,
    tokens: new CountingTokens(),
    clock: new FakeClock(),
    retry: { maxAttempts: 4 },
  });
  return {
    transport,
    table: new TableAppender(new Sheets(client, { origin: 'http://127.0.0.1:9' }), 's1', filings),
  };
}

const header = filings.columns.map((c) => c.header);
const row = (id: string, title: string) => ({ id, record: { kind: 'email', title, step: 6 } });

describe('appending Filings rows', () => {
  it('writes each row once, with its id in the hidden column and as row metadata', async () => {
    const sheet = tinySheet(header);
    const { table, transport } = appender(sheet.script);
    const result = await table.append([row('r1', 'Visit plan'), row('r2', 'Data review')]);
    expect(result).toEqual({ appended: ['r1', 'r2'], alreadyThere: [] });
    expect(sheet.grid.slice(1).map((r) => [r[0], r[header.indexOf('Title')]])).toEqual([
      ['r1', 'Visit plan'],
      ['r2', 'Data review'],
    ]);
    expect(sheet.metadata).toEqual([
      { key: ROW_ID_METADATA_KEY, value: 'r1', row: 1 },
      { key: ROW_ID_METADATA_KEY, value: 'r2', row: 2 },
    ]);
    // one look-up of the tab id, then one batchGet and one batchUpdate
    expect(transport.log.map((r) => `${r.method} ${new URL(r.url).pathname.split('/').at(-1)}`)).toEqual([
      'GET s1',
      'GET values:batchGet',
      'POST s1:batchUpdate',
    ]);
  });

  it('a note typed below the table: new rows go below it and their metadata is on the rows the data landed on', async () => {
    const sheet = tinySheet(header);
    const { table } = appender(sheet.script);
    await table.append([row('r1', 'Visit plan')]);
    const fromColumn = header.indexOf('Filed by');
    while (sheet.grid.length < 5) sheet.grid.push([]);
    sheet.grid[5] = Array.from({ length: fromColumn + 1 }, (_, i) => (i === fromColumn ? 'ask Dana' : ''));
    await table.append([row('r2', 'Data review'), row('r3', 'Walkthrough')]);
    const idAt = header.indexOf(ROW_ID_HEADER);
    const landed = (id: string) => sheet.grid.findIndex((r) => r[idAt] === id);
    expect(sheet.grid[5]![fromColumn]).toBe('ask Dana');
    expect([landed('r2'), landed('r3')]).toEqual([6, 7]);
    expect(sheet.metadata.map((m) => [m.value, m.row])).toEqual([
      ['r1', landed('r1')],
      ['r2', landed('r2')],
      ['r3', landed('r3')],
    ]);
  });

  it('two members appending at the same moment: both rows land, each tagged on its own row', async () => {
    const sheet = tinySheet(header);
    const dana = appender(sheet.script);
    const lee = appender(sheet.script);
    await Promise.all([
      dana.table.append([row('dana-1', 'Visit plan')]),
      lee.table.append([row('lee-1', 'Data')]),
    ]);
    // Both read the tab before either wrote: both inserted at row 1, the second pushing the first down.
    const inserts = [...dana.transport.log, ...lee.transport.log]
      .filter((r) => r.method === 'POST')
      .map(
        (r) =>
          (JSON.parse(r.body as string) as { requests: SheetsRequest[] }).requests.find(
            (q) => q.insertDimension,
          )?.insertDimension,
      );
    expect(inserts.map((i) => i?.range?.startIndex)).toEqual([1, 1]);
    const idAt = header.indexOf(ROW_ID_HEADER);
    const landed = (id: string) => sheet.grid.findIndex((r) => r[idAt] === id);
    expect(sheet.metadata.map((m) => [m.value, m.row]).sort()).toEqual(
      [
        ['dana-1', landed('dana-1')],
        ['lee-1', landed('lee-1')],
      ].sort(),
    );
    expect(new Set([landed('dana-1'), landed('lee-1')])).toEqual(new Set([1, 2]));
  });

  it('skips rows already in the sheet, so filing the same batch again adds nothing', async () => {
    const sheet = tinySheet(header);
    const { table, transport } = appender(sheet.script);
    await table.append([row('r1', 'Visit plan')]);
    const again = await table.append([
      row('r1', 'Visit plan'),
      row('r2', 'Data review'),
      row('r2', 'Data review'),
    ]);
    expect(again).toEqual({ appended: ['r2'], alreadyThere: ['r1'] });
    expect(sheet.grid).toHaveLength(3);
    const third = await table.append([row('r1', 'Visit plan'), row('r2', 'Data review')]);
    expect(third.appended).toEqual([]);
    expect(transport.log.at(-1)!.url).toContain('batchGet');
  });

  it('a batchUpdate whose answer was lost is not sent twice', async () => {
    const sheet = tinySheet(header, { loseUpdateAnswers: 1 });
    const { table } = appender(sheet.script);
    await table.append([row('r1', 'Visit plan')]);
    expect(sheet.grid).toHaveLength(2);
  });

  it('finds the id column and the other columns by header after the network reordered them and added its own', async () => {
    const moved: CellValue[] = ['Notes', 'Title', ...header.filter((h) => h !== 'Title')];
    const sheet = tinySheet(moved);
    const { table } = appender(sheet.script);
    await table.append([row('r1', 'Visit plan')]);
    const written = sheet.grid[1]!;
    expect(written[moved.indexOf(ROW_ID_HEADER)]).toBe('r1');
    expect(written[1]).toBe('Visit plan');
    expect(written[0]).toBe('');
    await table.append([row('r1', 'Visit plan')]);
    expect(sheet.grid).toHaveLength(2);
  });

  it('says the tab needs set-up when the id column is gone, instead of writing rows it could not dedupe', async () => {
    const sheet = tinySheet(header.filter((h) => h !== ROW_ID_HEADER));
    const { table } = appender(sheet.script);
    await expect(table.append([row('r1', 'Visit plan')])).rejects.toBeInstanceOf(TableLayoutError);
    expect(sheet.grid).toHaveLength(1);
  });

  it('says the tab is missing when the spreadsheet has no Filings tab', async () => {
    const { table } = appender((req) =>
      req.url.includes('batchGet') ? googleError(400, 'badRequest') : json(200, { sheets: [] }),
    );
    await expect(table.append([row('r1', 'x')])).rejects.toThrow('has no "Filings" tab');
  });
});
