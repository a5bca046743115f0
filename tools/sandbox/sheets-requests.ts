// spreadsheets.batchUpdate: each request kind the product sends, applied in order to a draft of the spreadsheet.
// The caller commits the draft only when every request succeeded, so one bad request changes nothing.
import { badRequest } from './errors';
import { isObject, rejectUnknownKeys, unknownField } from './route';
import { applyMask, writeCell } from './sheets-cells';
import {
  checkCellLimit,
  dimensionSpan,
  gridSpan,
  sheetOf,
  writeRows,
  type Handlers,
  type Payload,
} from './sheets-grid';
import { newNumericId, newSheet, shiftDimension, type StoredSpreadsheet } from './sheets-model';
import { ruleHandlers } from './sheets-requests-rules';
import { isEmpty } from './sheets-values';

/** Request kinds Google defines that the sandbox does not implement: refused clearly, never silently ignored. */
const GOOGLE_ONLY =
  'updateNamedRange addNamedRange deleteNamedRange autoFill cutPaste copyPaste mergeCells unmergeCells updateBorders addFilterView clearBasicFilter deleteFilterView duplicateFilterView duplicateSheet findReplace insertRange moveDimension updateEmbeddedObjectPosition pasteData textToColumns updateFilterView deleteRange updateConditionalFormatRule sortRange setBasicFilter updateProtectedRange autoResizeDimensions updateChartSpec updateBanding addBanding deleteBanding randomizeRange addDimensionGroup deleteDimensionGroup updateDimensionGroup trimWhitespace deleteDuplicates updateEmbeddedObjectBorder addSlicer updateSlicerSpec addDataSource updateDataSource deleteDataSource refreshDataSource cancelDataSourceRefresh addTable updateTable deleteTable'.split(
    ' ',
  );

const handlers: Handlers = {
  addSheet: {
    keys: ['properties'],
    apply: (doc, p, where) => {
      const props = (isObject(p.properties) ? p.properties : {}) as Payload;
      const taken = new Set(doc.sheets.map((s) => s.properties.sheetId));
      if (typeof props.sheetId === 'number' && taken.has(props.sheetId))
        throw badRequest(`Invalid ${where}: A sheet with id ${props.sheetId} already exists.`);
      let title = typeof props.title === 'string' ? props.title : '';
      for (let n = doc.sheets.length + 1; !title; n++)
        if (!doc.sheets.some((s) => s.properties.title.toLowerCase() === `sheet${n}`)) title = `Sheet${n}`;
      if (doc.sheets.some((s) => s.properties.title.toLowerCase() === title.toLowerCase())) {
        throw badRequest(
          `Invalid ${where}: A sheet with the name "${title}" already exists. Please enter another name.`,
        );
      }
      const index = Math.min(
        typeof props.index === 'number' ? props.index : doc.sheets.length,
        doc.sheets.length,
      );
      const sheet = newSheet({
        ...props,
        sheetId: typeof props.sheetId === 'number' ? props.sheetId : newNumericId(taken),
        title,
        index,
      });
      doc.sheets.splice(index, 0, sheet);
      doc.sheets.forEach((s, i) => (s.properties.index = i));
      checkCellLimit(doc);
      return { addSheet: { properties: structuredClone(sheet.properties) } };
    },
  },
  deleteSheet: {
    keys: ['sheetId'],
    apply: (doc, p, where) => {
      const sheet = sheetOf(doc, p.sheetId, where);
      if (doc.sheets.length === 1)
        throw badRequest(`Invalid ${where}: You can't remove all the sheets in a document.`);
      doc.sheets = doc.sheets.filter((s) => s !== sheet);
      doc.sheets.forEach((s, i) => (s.properties.index = i));
      const id = sheet.properties.sheetId;
      doc.developerMetadata = doc.developerMetadata.filter(
        (m) => m.location.sheetId !== id && m.location.dimensionRange?.sheetId !== id,
      );
      return undefined;
    },
  },
  updateSheetProperties: {
    keys: ['properties', 'fields'],
    apply: (doc, p, where) => {
      const props = (isObject(p.properties) ? p.properties : {}) as Payload;
      const sheet = sheetOf(doc, props.sheetId, where);
      const next = structuredClone(sheet.properties) as unknown as Payload;
      applyMask(next, props, p.fields, where);
      if (next.sheetId !== sheet.properties.sheetId)
        throw badRequest(`Invalid ${where}: sheetId cannot be changed.`);
      const title = String(next.title ?? '');
      if (
        !title ||
        doc.sheets.some((s) => s !== sheet && s.properties.title.toLowerCase() === title.toLowerCase())
      ) {
        throw badRequest(
          `Invalid ${where}: A sheet with the name "${title}" already exists. Please enter another name.`,
        );
      }
      Object.assign(sheet.properties, next);
      const index = Math.min(Math.max(0, Number(sheet.properties.index)), doc.sheets.length - 1);
      doc.sheets = doc.sheets.filter((s) => s !== sheet);
      doc.sheets.splice(index, 0, sheet);
      doc.sheets.forEach((s, i) => (s.properties.index = i));
      checkCellLimit(doc);
      return undefined;
    },
  },
  updateSpreadsheetProperties: {
    keys: ['properties', 'fields'],
    apply: (doc, p, where) => {
      applyMask(doc.properties, (isObject(p.properties) ? p.properties : {}) as Payload, p.fields, where);
      if (typeof doc.properties.title !== 'string' || doc.properties.title === '')
        throw badRequest(`Invalid ${where}: the title cannot be empty.`);
      return undefined;
    },
  },
  updateCells: {
    keys: ['rows', 'fields', 'start', 'range'],
    apply: (doc, p, where) => {
      if (isObject(p.start)) {
        const start = p.start as { sheetId?: number; rowIndex?: number; columnIndex?: number };
        writeRows(
          sheetOf(doc, start.sheetId, where),
          p.rows,
          p.fields,
          start.rowIndex ?? 0,
          start.columnIndex ?? 0,
          where,
        );
      } else {
        const span = gridSpan(doc, p.range, where);
        writeRows(span.sheet, p.rows, p.fields, span.r0, span.c0, where, { r1: span.r1, c1: span.c1 });
      }
      return undefined;
    },
  },
  repeatCell: {
    keys: ['range', 'cell', 'fields'],
    apply: (doc, p, where) => {
      const { sheet, r0, r1, c0, c1 } = gridSpan(doc, p.range, where);
      if (typeof p.fields !== 'string' || p.fields === '')
        throw badRequest(`Invalid ${where}: 'fields' is required.`, 'required');
      for (let r = r0; r < r1; r++)
        for (let c = c0; c < c1; c++) writeCell(sheet, r, c, p.cell, p.fields, `${where}.cell`);
      return undefined;
    },
  },
  appendCells: {
    keys: ['sheetId', 'rows', 'fields', 'tableId'],
    apply: (doc, p, where) => {
      const sheet = sheetOf(doc, p.sheetId, where);
      let last = sheet.values.length - 1;
      while (last >= 0 && !(sheet.values[last] ?? []).some((v) => !isEmpty(v))) last--;
      const rows = Array.isArray(p.rows) ? p.rows : [];
      const grid = sheet.properties.gridProperties;
      const widest = Math.max(
        0,
        ...rows.map((r) => (isObject(r) && Array.isArray(r.values) ? r.values.length : 0)),
      );
      grid.rowCount = Math.max(grid.rowCount, last + 1 + rows.length);
      grid.columnCount = Math.max(grid.columnCount, widest);
      checkCellLimit(doc);
      writeRows(sheet, p.rows, p.fields, last + 1, 0, where);
      return undefined;
    },
  },
  appendDimension: {
    keys: ['sheetId', 'dimension', 'length'],
    apply: (doc, p, where) => {
      const sheet = sheetOf(doc, p.sheetId, where);
      if (!(typeof p.length === 'number' && Number.isInteger(p.length) && p.length > 0))
        throw badRequest(`Invalid ${where}: length must be a positive number.`);
      if (p.dimension === 'ROWS') sheet.properties.gridProperties.rowCount += p.length;
      else if (p.dimension === 'COLUMNS') sheet.properties.gridProperties.columnCount += p.length;
      else throw badRequest(`Invalid ${where}: dimension must be ROWS or COLUMNS.`);
      checkCellLimit(doc);
      return undefined;
    },
  },
  insertDimension: {
    keys: ['range', 'inheritFromBefore'],
    apply: (doc, p, where) => {
      const { sheet, rows, start, end } = dimensionSpan(doc, p.range, where);
      const limit = rows
        ? sheet.properties.gridProperties.rowCount
        : sheet.properties.gridProperties.columnCount;
      if (start > limit)
        throw badRequest(`Invalid ${where}: startIndex ${start} is past the end of the grid (${limit}).`);
      if (p.inheritFromBefore === true && start === 0)
        throw badRequest(`Invalid ${where}: Cannot inherit from before the first row or column.`);
      const across = rows
        ? sheet.properties.gridProperties.columnCount
        : sheet.properties.gridProperties.rowCount;
      checkCellLimit(doc, (end - start) * across);
      shiftDimension(doc, sheet, rows, start, end - start);
      checkCellLimit(doc);
      return undefined;
    },
  },
  deleteDimension: {
    keys: ['range'],
    apply: (doc, p, where) => {
      const { sheet, rows, start, end } = dimensionSpan(doc, p.range, where);
      const limit = rows
        ? sheet.properties.gridProperties.rowCount
        : sheet.properties.gridProperties.columnCount;
      if (end > limit) throw badRequest(`Invalid ${where}: Range exceeds grid limits (${limit}).`);
      if (end - start >= limit)
        throw badRequest(
          `Invalid ${where}: You can't delete all the ${rows ? 'rows' : 'columns'} on the sheet.`,
        );
      shiftDimension(doc, sheet, rows, start, start - end);
      return undefined;
    },
  },
  updateDimensionProperties: {
    keys: ['range', 'properties', 'fields', 'dataSourceSheetRange'],
    apply: (doc, p, where) => {
      const { sheet, rows, start, end } = dimensionSpan(doc, p.range, where);
      const list = rows ? sheet.rowProps : sheet.colProps;
      for (let i = start; i < end; i++) {
        const next = { ...(list[i] ?? {}) };
        applyMask(next, (isObject(p.properties) ? p.properties : {}) as Payload, p.fields, where);
        while (list.length < i) list.push(null);
        list[i] = next;
      }
      return undefined;
    },
  },
  ...ruleHandlers,
};

/** Applies every request in order to `doc` (a draft) and returns Google's replies array (`{}` for no reply). */
export function applyRequests(doc: StoredSpreadsheet, requests: unknown): Payload[] {
  if (!Array.isArray(requests) || requests.length === 0)
    throw badRequest('Must specify at least one request.', 'required');
  return requests.map((request, i) => {
    const where = `requests[${i}]`;
    if (!isObject(request)) throw badRequest(`Invalid ${where}: a request must be an object.`);
    const kinds = Object.keys(request);
    if (kinds.length !== 1)
      throw badRequest(`Invalid ${where}: exactly one kind of request must be set, found ${kinds.length}.`);
    const kind = kinds[0] as string;
    const handler = handlers[kind];
    if (!handler) {
      if (GOOGLE_ONLY.includes(kind))
        throw badRequest(`Invalid ${where}: the sandbox does not implement ${kind}.`, 'notImplemented');
      throw unknownField(kind, where);
    }
    const payload = request[kind];
    if (!isObject(payload)) throw badRequest(`Invalid ${where}.${kind}: expected an object.`);
    rejectUnknownKeys(payload, handler.keys, `${where}.${kind}`);
    return handler.apply(doc, payload, `${where}.${kind}`) ?? {};
  });
}
