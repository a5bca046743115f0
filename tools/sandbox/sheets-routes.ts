// Sheets v4 over HTTP: spreadsheets.create/get/batchUpdate, the values endpoints and developer metadata search.
// Every write works on a draft and commits once at the end, so a request that fails leaves nothing half-applied.
import type { DriveAccess } from './access';
import { badRequest, GoogleError } from './errors';
import { parseFields, project } from './fields';
import { boolParam, json, parseJsonBody, type Reply } from './http';
import { isObject, rejectUnknownKeys, type Ctx, type Route } from './route';
import { bounded, parseA1, unparsable } from './sheets-a1';
import { gridData } from './sheets-cells';
import { metadataOut, searchMetadata } from './sheets-metadata';
import { newSheet, type StoredSheet, type StoredSpreadsheet } from './sheets-model';
import { applyRequests } from './sheets-requests';
import type { SheetsStore } from './sheets-store';
import {
  appendRange,
  clearRange,
  parseInputOption,
  parseMajor,
  parseRender,
  readRange,
  writeRange,
} from './sheets-values';

const decodeRange = (raw: string): string => {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw unparsable(raw);
  }
};

function sheetOut(
  doc: StoredSpreadsheet,
  sheet: StoredSheet,
  data: unknown[] | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { properties: structuredClone(sheet.properties) };
  if (data) out.data = data;
  if (sheet.conditionalFormats.length) out.conditionalFormats = sheet.conditionalFormats;
  if (sheet.protectedRanges.length) out.protectedRanges = sheet.protectedRanges;
  const meta = doc.developerMetadata.filter((m) => m.location.sheetId === sheet.properties.sheetId);
  if (meta.length) out.developerMetadata = meta.map(metadataOut);
  if (sheet.charts.length) out.charts = sheet.charts;
  return out;
}

/** The Spreadsheet resource; `ranges` limits tabs and grid data to those ranges, as Google does. */
export function spreadsheetOut(
  doc: StoredSpreadsheet,
  ranges: string[],
  withData: boolean,
): Record<string, unknown> {
  let sheets: Record<string, unknown>[];
  if (ranges.length) {
    const bySheet = new Map<StoredSheet, unknown[]>();
    for (const text of ranges) {
      const r = bounded(parseA1(doc, text));
      const list = bySheet.get(r.sheet) ?? [];
      if (withData)
        list.push(gridData(r.sheet, doc.developerMetadata, r.startRow, r.endRow, r.startCol, r.endCol));
      bySheet.set(r.sheet, list);
    }
    sheets = doc.sheets
      .filter((s) => bySheet.has(s))
      .map((s) => sheetOut(doc, s, withData ? bySheet.get(s) : undefined));
  } else {
    sheets = doc.sheets.map((s) => {
      const g = s.properties.gridProperties;
      return sheetOut(
        doc,
        s,
        withData ? [gridData(s, doc.developerMetadata, 0, g.rowCount, 0, g.columnCount)] : undefined,
      );
    });
  }
  const out: Record<string, unknown> = {
    spreadsheetId: doc.spreadsheetId,
    properties: doc.properties,
    sheets,
  };
  const meta = doc.developerMetadata.filter((m) => m.location.spreadsheet);
  if (meta.length) out.developerMetadata = meta.map(metadataOut);
  out.spreadsheetUrl = `https://docs.google.com/spreadsheets/d/${doc.spreadsheetId}/edit`;
  return out;
}

function getSpreadsheet(doc: StoredSpreadsheet, ctx: Ctx): Reply {
  const fields = ctx.query.get('fields');
  const selection = fields ? parseFields(fields) : null;
  // A field mask overrides includeGridData (Google documents this): data comes back when the mask selects it.
  const sheetsSel = selection?.get('sheets');
  const withData = selection
    ? selection.has('*') ||
      sheetsSel === true ||
      (sheetsSel instanceof Map && (sheetsSel.has('data') || sheetsSel.has('*')))
    : boolParam(ctx.query, 'includeGridData');
  const body = spreadsheetOut(doc, ctx.query.getAll('ranges'), withData);
  return json(selection ? project(body, selection) : body);
}

const SPREADSHEET_KEYS = [
  'spreadsheetId',
  'properties',
  'sheets',
  'namedRanges',
  'developerMetadata',
  'spreadsheetUrl',
  'dataSources',
  'dataSourceSchedules',
];
/** Parts of a sheet Google accepts that the sandbox refuses by name rather than ignoring. */
const UNIMPLEMENTED_SHEET_KEYS = [
  'merges',
  'bandedRanges',
  'basicFilter',
  'filterViews',
  'rowGroups',
  'columnGroups',
  'slicers',
  'tables',
];
const SHEET_KEYS = [
  'properties',
  'data',
  'conditionalFormats',
  'protectedRanges',
  'developerMetadata',
  'charts',
  ...UNIMPLEMENTED_SHEET_KEYS,
];

/** spreadsheets.create, built from the same requests batchUpdate applies so both validate alike. */
function buildSpreadsheet(body: Record<string, unknown>): Omit<StoredSpreadsheet, 'spreadsheetId'> {
  rejectUnknownKeys(body, SPREADSHEET_KEYS, 'spreadsheet');
  const props = isObject(body.properties) ? body.properties : {};
  const doc: StoredSpreadsheet = {
    spreadsheetId: '',
    properties: {
      locale: 'en_US',
      autoRecalc: 'ON_CHANGE',
      timeZone: 'Etc/GMT',
      ...props,
      title: typeof props.title === 'string' && props.title ? props.title : 'Untitled spreadsheet',
    },
    sheets: [],
    developerMetadata: [],
  };
  const sheets = Array.isArray(body.sheets) ? body.sheets : [];
  const requests: unknown[] = [];
  sheets.forEach((sheet, i) => {
    if (!isObject(sheet)) throw badRequest(`Invalid sheets[${i}]: expected an object.`);
    rejectUnknownKeys(sheet, SHEET_KEYS, `spreadsheet.sheets[${i}]`);
    for (const key of UNIMPLEMENTED_SHEET_KEYS) {
      if (sheet[key] !== undefined)
        throw badRequest(`Invalid sheets[${i}]: the sandbox does not implement ${key}.`, 'notImplemented');
    }
    const sheetProps = { ...(isObject(sheet.properties) ? sheet.properties : {}) };
    if (sheetProps.sheetId === undefined && i === 0) sheetProps.sheetId = 0;
    requests.push({ addSheet: { properties: sheetProps } });
  });
  if (requests.length === 0) doc.sheets.push(newSheet({ sheetId: 0, title: 'Sheet1', index: 0 }));
  else applyRequests(doc, requests);
  const later: unknown[] = [];
  sheets.forEach((raw, i) => {
    const sheet = raw as Record<string, unknown>;
    const sheetId = (doc.sheets[i] as StoredSheet).properties.sheetId;
    for (const block of Array.isArray(sheet.data) ? sheet.data : []) {
      const b = (isObject(block) ? block : {}) as Record<string, unknown>;
      if (Array.isArray(b.rowData) && b.rowData.length) {
        later.push({
          updateCells: {
            rows: b.rowData,
            fields: '*',
            start: { sheetId, rowIndex: b.startRow ?? 0, columnIndex: b.startColumn ?? 0 },
          },
        });
      }
    }
    for (const rule of Array.isArray(sheet.conditionalFormats) ? sheet.conditionalFormats : [])
      later.push({ addConditionalFormatRule: { rule } });
    for (const protectedRange of Array.isArray(sheet.protectedRanges) ? sheet.protectedRanges : [])
      later.push({ addProtectedRange: { protectedRange } });
    for (const chart of Array.isArray(sheet.charts) ? sheet.charts : []) later.push({ addChart: { chart } });
    for (const developerMetadata of Array.isArray(sheet.developerMetadata) ? sheet.developerMetadata : [])
      later.push({ createDeveloperMetadata: { developerMetadata } });
  });
  for (const developerMetadata of Array.isArray(body.developerMetadata) ? body.developerMetadata : [])
    later.push({ createDeveloperMetadata: { developerMetadata } });
  if (Array.isArray(body.namedRanges) && body.namedRanges.length)
    throw badRequest('The sandbox does not implement namedRanges.', 'notImplemented');
  if (later.length) applyRequests(doc, later);
  const { spreadsheetId: _ignored, ...rest } = doc;
  return rest;
}

const VALUE_RANGE_KEYS = ['range', 'majorDimension', 'values'];

function checkValueRange(body: Record<string, unknown>, urlRange: string | undefined, where: string): void {
  rejectUnknownKeys(body, VALUE_RANGE_KEYS, where);
  if (urlRange !== undefined && typeof body.range === 'string' && body.range !== urlRange) {
    throw badRequest(`Requested entity range ${body.range} doesn't match the URL range ${urlRange}.`);
  }
}

export function sheetsRoutes(store: SheetsStore, access: DriveAccess): Route[] {
  const S = '/v4/spreadsheets';
  const ID = '([^/:]+)';
  const route = (
    name: string,
    method: string,
    pattern: string,
    write: boolean,
    handle: Route['handle'],
  ): Route => ({
    name: `sheets.spreadsheets.${name}`,
    method,
    pattern: new RegExp(`^${S}${pattern}$`),
    api: 'sheets',
    write,
    // Every route but create names a spreadsheet first: check this user may reach it before anything else.
    handle: (ctx, groups) => {
      if (name !== 'create')
        store.file(groups[0] ?? '', (file) => access.canSee(ctx.principal, file, 'sheets'));
      return handle(ctx, groups);
    },
  });
  return [
    route('create', 'POST', '', true, (ctx) => {
      const { doc } = store.create(buildSpreadsheet(parseJsonBody(ctx.body)), ctx.now, ctx.principal.user);
      return json(spreadsheetOut(doc, [], false));
    }),
    route('get', 'GET', `/${ID}`, false, (ctx, [id = '']) => getSpreadsheet(store.read(id).doc, ctx)),
    route('batchUpdate', 'POST', `/${ID}:batchUpdate`, true, (ctx, [id = '']) => {
      const body = parseJsonBody(ctx.body);
      rejectUnknownKeys(
        body,
        ['requests', 'includeSpreadsheetInResponse', 'responseRanges', 'responseIncludeGridData'],
        '',
      );
      const { file, doc } = store.draft(id);
      const replies = applyRequests(doc, body.requests);
      store.commit(file, doc, ctx.now);
      const out: Record<string, unknown> = { spreadsheetId: doc.spreadsheetId, replies };
      if (body.includeSpreadsheetInResponse === true) {
        out.updatedSpreadsheet = spreadsheetOut(
          doc,
          Array.isArray(body.responseRanges) ? body.responseRanges.map(String) : [],
          body.responseIncludeGridData === true,
        );
      }
      return json(out);
    }),
    route('values.batchGet', 'GET', `/${ID}/values:batchGet`, false, (ctx, [id = '']) => {
      const { doc } = store.read(id);
      const major = parseMajor(ctx.query.get('majorDimension') ?? undefined);
      const option = parseRender(ctx.query.get('valueRenderOption'));
      const ranges = ctx.query.getAll('ranges');
      return json({
        spreadsheetId: doc.spreadsheetId,
        valueRanges: ranges.map((r) => readRange(parseA1(doc, r), major, option)),
      });
    }),
    route('values.batchUpdate', 'POST', `/${ID}/values:batchUpdate`, true, (ctx, [id = '']) => {
      const body = parseJsonBody(ctx.body);
      rejectUnknownKeys(
        body,
        [
          'valueInputOption',
          'data',
          'includeValuesInResponse',
          'responseValueRenderOption',
          'responseDateTimeRenderOption',
        ],
        '',
      );
      const option = parseInputOption(body.valueInputOption);
      const { file, doc } = store.draft(id);
      const data = Array.isArray(body.data) ? body.data : [];
      const responses = data.map((entry, i) => {
        if (!isObject(entry) || typeof entry.range !== 'string')
          throw badRequest(`Invalid data[${i}]: a range is required.`, 'required');
        checkValueRange(entry, undefined, `data[${i}]`);
        return writeRange(
          doc,
          parseA1(doc, entry.range),
          entry.values,
          parseMajor(entry.majorDimension),
          option,
          entry.range,
        );
      });
      store.commit(file, doc, ctx.now);
      const sum = (key: string): number => responses.reduce((n, r) => n + Number(r[key] ?? 0), 0);
      const out: Record<string, unknown> = { spreadsheetId: doc.spreadsheetId };
      if (responses.length) {
        Object.assign(out, {
          totalUpdatedRows: sum('updatedRows'),
          totalUpdatedColumns: sum('updatedColumns'),
          totalUpdatedCells: sum('updatedCells'),
          totalUpdatedSheets: new Set(
            data.map((d) => parseA1(doc, String((d as { range: string }).range)).sheet),
          ).size,
          responses,
        });
      }
      return json(out);
    }),
    route('values.batchClear', 'POST', `/${ID}/values:batchClear`, true, (ctx, [id = '']) => {
      const body = parseJsonBody(ctx.body);
      rejectUnknownKeys(body, ['ranges'], '');
      const { file, doc } = store.draft(id);
      const clearedRanges = (Array.isArray(body.ranges) ? body.ranges : []).map((r) =>
        clearRange(parseA1(doc, String(r))),
      );
      store.commit(file, doc, ctx.now);
      return json({ spreadsheetId: doc.spreadsheetId, clearedRanges });
    }),
    route('values.append', 'POST', `/${ID}/values/(.+):append`, true, (ctx, [id = '', raw = '']) => {
      const range = decodeRange(raw);
      const body = parseJsonBody(ctx.body);
      checkValueRange(body, range, '');
      const option = parseInputOption(ctx.query.get('valueInputOption'));
      const insert = ctx.query.get('insertDataOption') ?? 'OVERWRITE';
      if (insert !== 'OVERWRITE' && insert !== 'INSERT_ROWS')
        throw badRequest(`Invalid value at 'insert_data_option' (${insert})`, 'invalid');
      const { file, doc } = store.draft(id);
      const out = appendRange(
        doc,
        parseA1(doc, range),
        body.values,
        parseMajor(body.majorDimension),
        option,
        insert === 'INSERT_ROWS',
      );
      store.commit(file, doc, ctx.now);
      return json(out);
    }),
    route('values.clear', 'POST', `/${ID}/values/(.+):clear`, true, (ctx, [id = '', raw = '']) => {
      const { file, doc } = store.draft(id);
      const clearedRange = clearRange(parseA1(doc, decodeRange(raw)));
      store.commit(file, doc, ctx.now);
      return json({ spreadsheetId: doc.spreadsheetId, clearedRange });
    }),
    route('values.get', 'GET', `/${ID}/values/(.+)`, false, (ctx, [id = '', raw = '']) => {
      const { doc } = store.read(id);
      return json(
        readRange(
          parseA1(doc, decodeRange(raw)),
          parseMajor(ctx.query.get('majorDimension') ?? undefined),
          parseRender(ctx.query.get('valueRenderOption')),
        ),
      );
    }),
    route('values.update', 'PUT', `/${ID}/values/(.+)`, true, (ctx, [id = '', raw = '']) => {
      const range = decodeRange(raw);
      const body = parseJsonBody(ctx.body);
      checkValueRange(body, range, '');
      const option = parseInputOption(ctx.query.get('valueInputOption'));
      const { file, doc } = store.draft(id);
      const out = writeRange(
        doc,
        parseA1(doc, range),
        body.values,
        parseMajor(body.majorDimension),
        option,
        range,
      );
      store.commit(file, doc, ctx.now);
      if (boolParam(ctx.query, 'includeValuesInResponse')) {
        out.updatedData = readRange(
          parseA1(doc, String(out.updatedRange)),
          'ROWS',
          parseRender(ctx.query.get('responseValueRenderOption')),
        );
      }
      return json(out);
    }),
    route('developerMetadata.search', 'POST', `/${ID}/developerMetadata:search`, false, (ctx, [id = '']) => {
      const body = parseJsonBody(ctx.body);
      rejectUnknownKeys(body, ['dataFilters'], '');
      return json(searchMetadata(store.read(id).doc, body.dataFilters));
    }),
    route(
      'developerMetadata.get',
      'GET',
      `/${ID}/developerMetadata/(\\d+)`,
      false,
      (_ctx, [id = '', metadataId = '']) => {
        const found = store.read(id).doc.developerMetadata.find((m) => m.metadataId === Number(metadataId));
        if (!found) throw new GoogleError(404, `No developer metadata with ID: ${metadataId}`, 'notFound');
        return json(metadataOut(found));
      },
    ),
  ];
}
