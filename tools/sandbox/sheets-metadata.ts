// Developer metadata: key/value pairs Google anchors to a spreadsheet, a tab, or rows/columns (they follow the
// rows when rows move, which is how Rounds keeps a stable id on each sheet row), and the lookups that find them.
import { badRequest } from './errors';
import { parseA1 } from './sheets-a1';
import {
  newNumericId,
  sheetById,
  type DeveloperMetadata,
  type GridRange,
  type StoredSpreadsheet,
} from './sheets-model';
import { isObject, rejectUnknownKeys } from './route';

/** The wire form: Google adds `locationType` to every location. */
export function metadataOut(m: DeveloperMetadata): Record<string, unknown> {
  const loc = m.location;
  const locationType = loc.dimensionRange
    ? loc.dimensionRange.dimension === 'ROWS'
      ? 'ROW'
      : 'COLUMN'
    : loc.sheetId !== undefined
      ? 'SHEET'
      : 'SPREADSHEET';
  const out: Record<string, unknown> = { metadataId: m.metadataId, metadataKey: m.metadataKey };
  if (m.metadataValue !== undefined) out.metadataValue = m.metadataValue;
  out.location = { locationType, ...loc };
  out.visibility = m.visibility;
  return out;
}

const METADATA_KEYS = ['metadataId', 'metadataKey', 'metadataValue', 'location', 'visibility'];

export function createMetadata(doc: StoredSpreadsheet, input: unknown, where: string): DeveloperMetadata {
  if (!isObject(input)) throw badRequest(`Invalid ${where}: developerMetadata is required.`);
  rejectUnknownKeys(input, METADATA_KEYS, `${where}.developerMetadata`);
  const taken = new Set(doc.developerMetadata.map((m) => m.metadataId));
  if (typeof input.metadataKey !== 'string' || input.metadataKey === '')
    throw badRequest(`Invalid ${where}: metadataKey is required.`);
  if (input.visibility !== 'DOCUMENT' && input.visibility !== 'PROJECT') {
    throw badRequest(`Invalid ${where}: Developer metadata visibility must be DOCUMENT or PROJECT.`);
  }
  if (
    input.metadataId !== undefined &&
    (typeof input.metadataId !== 'number' || taken.has(input.metadataId))
  ) {
    throw badRequest(
      `Invalid ${where}: Developer metadata ID ${String(input.metadataId)} is already in use or invalid.`,
    );
  }
  const loc = isObject(input.location) ? input.location : {};
  rejectUnknownKeys(
    loc,
    ['spreadsheet', 'sheetId', 'dimensionRange', 'locationType'],
    `${where}.developerMetadata.location`,
  );
  let location: DeveloperMetadata['location'];
  if (loc.spreadsheet === true) location = { spreadsheet: true };
  else if (typeof loc.sheetId === 'number') {
    if (!sheetById(doc, loc.sheetId)) throw badRequest(`Invalid ${where}: No grid with id: ${loc.sheetId}`);
    location = { sheetId: loc.sheetId };
  } else if (isObject(loc.dimensionRange)) {
    const d = loc.dimensionRange as Record<string, unknown>;
    const sheet = sheetById(doc, d.sheetId as number | undefined);
    if (!sheet) throw badRequest(`Invalid ${where}: No grid with id: ${String(d.sheetId)}`);
    if (d.dimension !== 'ROWS' && d.dimension !== 'COLUMNS')
      throw badRequest(`Invalid ${where}: dimensionRange.dimension must be ROWS or COLUMNS.`);
    const limit =
      d.dimension === 'ROWS'
        ? sheet.properties.gridProperties.rowCount
        : sheet.properties.gridProperties.columnCount;
    // Google: the range "must represent a single row or column; it cannot be unbounded or span multiple rows
    // or columns" — metadata spanning rows would not say which row it follows when rows move.
    const start = d.startIndex;
    const end = d.endIndex;
    if (!Number.isInteger(start) || !Number.isInteger(end) || (end as number) - (start as number) !== 1)
      throw badRequest(
        `Invalid ${where}: developer metadata must be on a single row or column (startIndex and endIndex one apart), got [${String(start)}, ${String(end)}).`,
      );
    if ((start as number) < 0 || (end as number) > limit)
      throw badRequest(
        `Invalid ${where}: dimensionRange [${String(start)}, ${String(end)}) is outside the grid.`,
      );
    location = {
      dimensionRange: {
        sheetId: sheet.properties.sheetId,
        dimension: d.dimension,
        startIndex: start as number,
        endIndex: end as number,
      },
    };
  } else {
    throw badRequest(`Invalid ${where}: a developer metadata location is required.`);
  }
  const metadata: DeveloperMetadata = {
    metadataId: typeof input.metadataId === 'number' ? input.metadataId : newNumericId(taken),
    metadataKey: input.metadataKey,
    metadataValue: typeof input.metadataValue === 'string' ? input.metadataValue : undefined,
    visibility: input.visibility,
    location,
  };
  doc.developerMetadata.push(metadata);
  return metadata;
}

function rangesIntersect(doc: StoredSpreadsheet, m: DeveloperMetadata, range: GridRange): boolean {
  const loc = m.location;
  if (loc.spreadsheet) return false;
  if (loc.sheetId !== undefined) return loc.sheetId === (range.sheetId ?? 0);
  const d = loc.dimensionRange;
  if (!d || d.sheetId !== (range.sheetId ?? 0) || !sheetById(doc, d.sheetId)) return false;
  const [s, e] =
    d.dimension === 'ROWS'
      ? [range.startRowIndex, range.endRowIndex]
      : [range.startColumnIndex, range.endColumnIndex];
  return (d.startIndex ?? 0) < (e ?? Infinity) && (s ?? 0) < (d.endIndex ?? Infinity);
}

/** Whether one DataFilter (developerMetadataLookup, a1Range or gridRange) selects this metadata. */
export function filterMatches(
  doc: StoredSpreadsheet,
  m: DeveloperMetadata,
  filter: unknown,
  where: string,
): boolean {
  if (!isObject(filter)) throw badRequest(`Invalid ${where}: a data filter must be an object.`);
  rejectUnknownKeys(filter, ['developerMetadataLookup', 'a1Range', 'gridRange'], where);
  if (typeof filter.a1Range === 'string') {
    const r = parseA1(doc, filter.a1Range);
    return rangesIntersect(doc, m, {
      sheetId: r.sheet.properties.sheetId,
      startRowIndex: r.startRow,
      endRowIndex: r.endRow,
      startColumnIndex: r.startCol,
      endColumnIndex: r.endCol,
    });
  }
  if (isObject(filter.gridRange)) return rangesIntersect(doc, m, filter.gridRange as GridRange);
  const lookup = filter.developerMetadataLookup;
  if (!isObject(lookup)) throw badRequest(`Invalid ${where}: the data filter is empty.`);
  rejectUnknownKeys(
    lookup,
    [
      'locationType',
      'metadataLocation',
      'locationMatchingStrategy',
      'metadataId',
      'metadataKey',
      'metadataValue',
      'visibility',
    ],
    `${where}.developerMetadataLookup`,
  );
  const out = metadataOut(m);
  if (lookup.metadataId !== undefined && lookup.metadataId !== m.metadataId) return false;
  if (lookup.metadataKey !== undefined && lookup.metadataKey !== m.metadataKey) return false;
  if (lookup.metadataValue !== undefined && lookup.metadataValue !== m.metadataValue) return false;
  if (lookup.visibility !== undefined && lookup.visibility !== m.visibility) return false;
  if (
    lookup.locationType !== undefined &&
    lookup.locationType !== (out.location as { locationType: string }).locationType
  )
    return false;
  if (isObject(lookup.metadataLocation)) {
    const want = lookup.metadataLocation as DeveloperMetadata['location'];
    if (want.spreadsheet) return m.location.spreadsheet === true;
    if (want.sheetId !== undefined) return m.location.sheetId === want.sheetId;
    if (want.dimensionRange) {
      const d = want.dimensionRange;
      const grid: GridRange =
        d.dimension === 'ROWS'
          ? { sheetId: d.sheetId, startRowIndex: d.startIndex, endRowIndex: d.endIndex }
          : { sheetId: d.sheetId, startColumnIndex: d.startIndex, endColumnIndex: d.endIndex };
      if (lookup.locationMatchingStrategy === 'INTERSECTING_LOCATION') return rangesIntersect(doc, m, grid);
      const have = m.location.dimensionRange;
      return (
        !!have &&
        have.sheetId === d.sheetId &&
        have.dimension === d.dimension &&
        have.startIndex === d.startIndex &&
        have.endIndex === d.endIndex
      );
    }
  }
  return true;
}

/** spreadsheets.developerMetadata.search: each match once, with the filters it matched. */
export function searchMetadata(doc: StoredSpreadsheet, filters: unknown): Record<string, unknown> {
  if (!Array.isArray(filters) || filters.length === 0)
    throw badRequest('At least one data filter is required.', 'required');
  const matched: unknown[] = [];
  for (const m of doc.developerMetadata) {
    const hits = filters.filter((f, i) => filterMatches(doc, m, f, `dataFilters[${i}]`));
    if (hits.length) matched.push({ developerMetadata: metadataOut(m), dataFilters: hits });
  }
  return matched.length ? { matchedDeveloperMetadata: matched } : {};
}
