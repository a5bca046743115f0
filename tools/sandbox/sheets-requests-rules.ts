// batchUpdate requests that attach things to ranges: data validation, conditional formats, protected ranges,
// developer metadata and charts.
import { badRequest } from './errors';
import { isObject } from './route';
import { applyMask, writeCell } from './sheets-cells';
import { gridSpan, sheetOf, type Handlers, type Payload } from './sheets-grid';
import { createMetadata, filterMatches, metadataOut } from './sheets-metadata';
import { newNumericId, type StoredSheet } from './sheets-model';

export const ruleHandlers: Handlers = {
  setDataValidation: {
    keys: ['range', 'rule', 'filteredRowsIncluded'],
    apply: (doc, p, where) => {
      const { sheet, r0, r1, c0, c1 } = gridSpan(doc, p.range, where);
      if (
        p.rule !== undefined &&
        !(isObject(p.rule) && isObject(p.rule.condition) && typeof p.rule.condition.type === 'string')
      ) {
        throw badRequest(`Invalid ${where}: a data validation rule needs condition.type.`);
      }
      for (let r = r0; r < r1; r++)
        for (let c = c0; c < c1; c++)
          writeCell(sheet, r, c, { dataValidation: p.rule }, 'dataValidation', where);
      return undefined;
    },
  },
  addConditionalFormatRule: {
    keys: ['rule', 'index'],
    apply: (doc, p, where) => {
      const rule = p.rule;
      if (
        !isObject(rule) ||
        !Array.isArray(rule.ranges) ||
        rule.ranges.length === 0 ||
        !(rule.booleanRule || rule.gradientRule)
      ) {
        throw badRequest(
          `Invalid ${where}: a conditional format rule needs ranges and a booleanRule or gradientRule.`,
        );
      }
      const spans = rule.ranges.map((r, i) => gridSpan(doc, r, `${where}.rule.ranges[${i}]`));
      const sheet = (spans[0] as { sheet: StoredSheet }).sheet;
      if (spans.some((s) => s.sheet !== sheet))
        throw badRequest(`Invalid ${where}: all ranges of a rule must be on one sheet.`);
      const index = Math.min(
        typeof p.index === 'number' ? p.index : sheet.conditionalFormats.length,
        sheet.conditionalFormats.length,
      );
      sheet.conditionalFormats.splice(
        index,
        0,
        structuredClone(rule) as StoredSheet['conditionalFormats'][number],
      );
      return undefined;
    },
  },
  deleteConditionalFormatRule: {
    keys: ['sheetId', 'index'],
    apply: (doc, p, where) => {
      const sheet = sheetOf(doc, p.sheetId, where);
      const index = Number(p.index ?? 0);
      const [rule] = sheet.conditionalFormats.splice(index, 1);
      if (!rule)
        throw badRequest(
          `Invalid ${where}: No conditional format on sheet ${sheet.properties.sheetId} at index ${index}.`,
        );
      return { deleteConditionalFormatRule: { rule } };
    },
  },
  addProtectedRange: {
    keys: ['protectedRange'],
    apply: (doc, p, where) => {
      const pr = p.protectedRange;
      if (!isObject(pr)) throw badRequest(`Invalid ${where}: protectedRange is required.`);
      const sheet = gridSpan(doc, pr.range, `${where}.protectedRange`).sheet;
      const taken = new Set(doc.sheets.flatMap((s) => s.protectedRanges.map((r) => r.protectedRangeId)));
      const stored = {
        ...structuredClone(pr),
        protectedRangeId:
          typeof pr.protectedRangeId === 'number' && !taken.has(pr.protectedRangeId)
            ? pr.protectedRangeId
            : newNumericId(taken),
        requestingUserCanEdit: true,
      };
      sheet.protectedRanges.push(stored as StoredSheet['protectedRanges'][number]);
      return { addProtectedRange: { protectedRange: structuredClone(stored) } };
    },
  },
  deleteProtectedRange: {
    keys: ['protectedRangeId'],
    apply: (doc, p, where) => {
      const sheet = doc.sheets.find((s) =>
        s.protectedRanges.some((r) => r.protectedRangeId === p.protectedRangeId),
      );
      if (!sheet)
        throw badRequest(`Invalid ${where}: No protected range with id: ${String(p.protectedRangeId)}`);
      sheet.protectedRanges = sheet.protectedRanges.filter((r) => r.protectedRangeId !== p.protectedRangeId);
      return undefined;
    },
  },
  createDeveloperMetadata: {
    keys: ['developerMetadata'],
    apply: (doc, p, where) => ({
      createDeveloperMetadata: {
        developerMetadata: metadataOut(createMetadata(doc, p.developerMetadata, where)),
      },
    }),
  },
  updateDeveloperMetadata: {
    keys: ['dataFilters', 'developerMetadata', 'fields'],
    apply: (doc, p, where) => {
      const filters = Array.isArray(p.dataFilters) ? p.dataFilters : [];
      const hits = doc.developerMetadata.filter((m) =>
        filters.some((f, i) => filterMatches(doc, m, f, `${where}.dataFilters[${i}]`)),
      );
      for (const m of hits)
        applyMask(
          m as unknown as Payload,
          (isObject(p.developerMetadata) ? p.developerMetadata : {}) as Payload,
          p.fields,
          where,
        );
      for (const m of hits) {
        const d = m.location.dimensionRange;
        if (d && (d.endIndex ?? NaN) - (d.startIndex ?? NaN) !== 1)
          throw badRequest(`Invalid ${where}: developer metadata must be on a single row or column.`);
      }
      return { updateDeveloperMetadata: { developerMetadata: hits.map(metadataOut) } };
    },
  },
  deleteDeveloperMetadata: {
    keys: ['dataFilter'],
    apply: (doc, p, where) => {
      const gone = doc.developerMetadata.filter((m) =>
        filterMatches(doc, m, p.dataFilter, `${where}.dataFilter`),
      );
      doc.developerMetadata = doc.developerMetadata.filter((m) => !gone.includes(m));
      return { deleteDeveloperMetadata: { deletedDeveloperMetadata: gone.map(metadataOut) } };
    },
  },
  addChart: {
    keys: ['chart'],
    apply: (doc, p, where) => {
      const chart = p.chart;
      if (!isObject(chart) || !isObject(chart.spec))
        throw badRequest(`Invalid ${where}: chart.spec is required.`);
      const position = (isObject(chart.position) ? chart.position : {}) as Payload;
      const anchor =
        isObject(position.overlayPosition) && isObject(position.overlayPosition.anchorCell)
          ? position.overlayPosition.anchorCell.sheetId
          : undefined;
      const sheet = sheetOf(doc, typeof position.sheetId === 'number' ? position.sheetId : anchor, where);
      const taken = new Set(doc.sheets.flatMap((s) => s.charts.map((c) => c.chartId)));
      const stored = {
        ...structuredClone(chart),
        chartId:
          typeof chart.chartId === 'number' && !taken.has(chart.chartId)
            ? chart.chartId
            : newNumericId(taken),
      };
      sheet.charts.push(stored as StoredSheet['charts'][number]);
      return { addChart: { chart: structuredClone(stored) } };
    },
  },
  deleteEmbeddedObject: {
    keys: ['objectId'],
    apply: (doc, p, where) => {
      const sheet = doc.sheets.find((s) => s.charts.some((c) => c.chartId === p.objectId));
      if (!sheet) throw badRequest(`Invalid ${where}: No embedded object with id: ${String(p.objectId)}`);
      sheet.charts = sheet.charts.filter((c) => c.chartId !== p.objectId);
      return undefined;
    },
  },
};
