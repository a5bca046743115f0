// The network tracker's Dashboard as the ILD sees it in Sheets, drawn for the demo from the sandbox
// spreadsheet itself: the native charts Build / refresh tracker inserted (their specs and the Dashboard
// values they range over), the principal × month support table, and the Schools rows that Rounds' own
// conditional-format rule turns amber, with each principal's support flag. Nothing is recomputed here: a
// chart or a flag that is not in the spreadsheet is not on the page.
import type { sheets_v4 } from '@googleapis/sheets';
import type { Sheets } from '../../shared/google/sheets';
import { a1 } from '../../shared/google/sheets';
import { chartSvg, escapeHtml, type DrawnChart } from './dashboard-svg';

type Cell = string | number | boolean;

export interface SchoolLine {
  school: string;
  principal: string;
  step: string;
  ipopCheck: string;
  lastActivity: string[];
  supportFlag: string;
  supportFits: string;
  /** Rounds' stale rule is true for this row: it shows amber in Sheets. */
  stale: boolean;
}

export interface DashboardView {
  spreadsheetName: string;
  refreshed: string;
  charts: DrawnChart[];
  /** The principal × month table: a row that thins out to the right is support fading. */
  support: { months: string[]; rows: { label: string; counts: number[] }[] };
  staleDays: number | null;
  schools: SchoolLine[];
}

/** Reads what the page shows: one spreadsheets.get for the charts and rules, one batchGet for the values. */
export async function readDashboard(
  sheets: Sheets,
  spreadsheetId: string,
  today: string,
): Promise<DashboardView> {
  const doc = await sheets.get(spreadsheetId, {
    fields: 'properties.title,sheets(properties(sheetId,title),charts,conditionalFormats)',
  });
  const tabs = doc.sheets ?? [];
  const named = (title: string) => tabs.find((t) => t.properties?.title === title);
  const dashboard = named('Dashboard');
  const schools = named('Schools');
  if (!dashboard || !schools)
    throw new Error(
      'the network spreadsheet has no Dashboard or Schools tab: run Build / refresh tracker first',
    );
  const got = await sheets.batchGet(spreadsheetId, [a1('Dashboard'), a1('Schools')], {
    valueRenderOption: 'UNFORMATTED_VALUE',
  });
  const [dashValues = [], schoolValues = []] = (got.valueRanges ?? []).map(
    (r) => (r.values ?? []) as Cell[][],
  );
  const valuesOf = (sheetId: number | null | undefined) =>
    sheetId === dashboard.properties?.sheetId
      ? dashValues
      : sheetId === schools.properties?.sheetId
        ? schoolValues
        : [];
  const charts = (dashboard.charts ?? []).map((c) => drawnChart(c, valuesOf));
  const title = String(dashValues[0]?.[3] ?? '');
  return {
    spreadsheetName: doc.properties?.title ?? '',
    refreshed: /^Refreshed (\d{4}-\d{2}-\d{2})/.exec(title)?.[1] ?? '',
    charts,
    support: principalTable(dashValues),
    ...schoolLines(schoolValues, schools.conditionalFormats ?? [], today),
  };
}

function drawnChart(
  chart: sheets_v4.Schema$EmbeddedChart,
  valuesOf: (sheetId: number | null | undefined) => Cell[][],
): DrawnChart {
  const basic = chart.spec?.basicChart ?? {};
  const column = (range: sheets_v4.Schema$GridRange | undefined) => {
    const values = valuesOf(range?.sheetId);
    const c = range?.startColumnIndex ?? 0;
    return Array.from(
      { length: (range?.endRowIndex ?? 0) - (range?.startRowIndex ?? 0) },
      (_, i) => values[(range?.startRowIndex ?? 0) + i]?.[c] ?? '',
    );
  };
  const headers = basic.headerCount ?? 1;
  const domain = column(basic.domains?.[0]?.domain?.sourceRange?.sources?.[0]);
  return {
    title: chart.spec?.title ?? '',
    type: basic.chartType ?? 'COLUMN',
    stacked: basic.stackedType === 'STACKED',
    categories: domain.slice(headers).map(String),
    series: (basic.series ?? []).map((s) => {
      const cells = column(s.series?.sourceRange?.sources?.[0]);
      return { name: String(cells[0] ?? ''), values: cells.slice(headers).map((v) => Number(v) || 0) };
    }),
  };
}

/** Columns K onward from row 3: "Principal (school)" and a column per month. */
function principalTable(values: Cell[][]): DashboardView['support'] {
  const headerRow = values.findIndex((r) => r[10] === 'Principal (school)');
  if (headerRow < 0) return { months: [], rows: [] };
  const months = values[headerRow]!.slice(11).map(String).filter(Boolean);
  const rows: DashboardView['support']['rows'] = [];
  for (const r of values.slice(headerRow + 1)) {
    if (!r[10]) break;
    rows.push({ label: String(r[10]), counts: months.map((_, i) => Number(r[11 + i]) || 0) });
  }
  return { months, rows };
}

/**
 * The Schools rows, and which ones Rounds' stale rule marks. The sandbox stores formulas without evaluating
 * them, so the rule's own formula — =AND(LEN($B2)>0,MAX($P2,…)<TODAY()-21,…) — is evaluated here for each row.
 */
function schoolLines(
  values: Cell[][],
  rules: sheets_v4.Schema$ConditionalFormatRule[],
  today: string,
): { staleDays: number | null; schools: SchoolLine[] } {
  const header = (values[0] ?? []).map(String);
  const at = (name: string) => header.indexOf(name);
  const formula = rules
    .map((r) => r.booleanRule?.condition?.values?.[0]?.userEnteredValue ?? '')
    .find((f) => f.includes('"rounds:stale"'));
  const rule = formula ? /^=AND\(LEN\(\$([A-Z]+)2\)>0,MAX\(([^)]*)\)<TODAY\(\)-(\d+),/.exec(formula) : null;
  const columns = rule ? rule[2]!.split(',').map((ref) => letterIndex(ref.replace(/[$\d]/g, ''))) : [];
  const staleDays = rule ? Number(rule[3]) : null;
  const cutoff = staleDays === null ? '' : shift(today, -staleDays);
  const cell = (row: Cell[], name: string) => (at(name) >= 0 ? String(row[at(name)] ?? '') : '');
  const schools = values
    .slice(1)
    .filter((row) => cell(row, 'School'))
    .map((row) => {
      const days = columns.map((c) => String(row[c] ?? '')).filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d));
      const latest = days.sort().at(-1) ?? '';
      return {
        school: cell(row, 'School'),
        principal: cell(row, 'Principal'),
        step: cell(row, 'Step'),
        ipopCheck: cell(row, 'IPOP check'),
        lastActivity: [cell(row, 'Last filing'), cell(row, 'Last visit'), cell(row, 'Last ILD contact')],
        supportFlag: cell(row, 'Support flag'),
        supportFits: cell(row, 'Support that fits'),
        stale: staleDays !== null && latest.slice(0, 10) < cutoff,
      };
    });
  return { staleDays, schools };
}

const letterIndex = (letters: string) =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);

const CSS = `
body{font:14px/1.4 Roboto,Arial,sans-serif;color:#202124;margin:0;background:#f8f9fa}
header{background:#fff;border-bottom:1px solid #dadce0;padding:10px 20px}
header h1{font-size:18px;margin:0;font-weight:400}header p{margin:2px 0 0;color:#5f6368;font-size:12px}
main{padding:16px 20px;display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px}
section{background:#fff;border:1px solid #dadce0;border-radius:8px;padding:12px 16px}
section.wide{grid-column:1/-1}h2{font-size:15px;margin:0 0 8px;font-weight:500}
table{border-collapse:collapse;width:100%;font-size:12.5px}th,td{border:1px solid #e0e0e0;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f1f3f4;font-weight:500;white-space:nowrap}tr.stale td{background:#fce8b2}td.flag{color:#b3261e;font-weight:500}
td.n{text-align:center;width:38px}td.n0{color:#bdc1c6}
.chart{margin:0}.chart figcaption{font-weight:500;margin-bottom:4px}.tick{font-size:10px;fill:#5f6368}
.legend{font-size:12px;color:#5f6368}.key i{display:inline-block;width:10px;height:10px;margin:0 4px 0 8px}
.note{color:#5f6368;font-size:12px;margin:6px 0 0}`;

/** The page: the three charts, the support grid, and the Schools rows with their flags. */
export function renderDashboardPage(view: DashboardView): string {
  const heat = (n: number) => (n === 0 ? '#ffffff' : n === 1 ? '#c8e6c9' : n === 2 ? '#81c784' : '#388e3c');
  const support = view.support.rows
    .map(
      (r) =>
        `<tr><th>${escapeHtml(r.label)}</th>${r.counts
          .map(
            (n) =>
              `<td class="n${n ? '' : ' n0'}" style="background:${heat(n)};color:${n >= 3 ? '#fff' : ''}">${n}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  const schools = view.schools
    .map(
      (s) =>
        `<tr class="${s.stale ? 'stale' : ''}"><td>${escapeHtml(s.school)}${s.stale ? ' <small>(no activity)</small>' : ''}</td><td>${escapeHtml(s.principal)}</td><td>${escapeHtml(s.step)}</td><td>${escapeHtml(s.ipopCheck)}</td>${s.lastActivity
          .map((d) => `<td>${escapeHtml(d)}</td>`)
          .join(
            '',
          )}<td class="flag">${escapeHtml(s.supportFlag)}</td><td>${escapeHtml(s.supportFits)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(view.spreadsheetName)} — Dashboard</title><style>${CSS}</style></head><body>
<header><h1>${escapeHtml(view.spreadsheetName)} · Dashboard</h1><p>${
    view.refreshed
      ? `Drawn from the sandbox spreadsheet: the charts Build / refresh tracker inserted and the values they range over, refreshed ${escapeHtml(view.refreshed)}.`
      : 'Rounds has not drawn this Dashboard yet: run Build / refresh tracker (Extensions → Rounds, or the sidebar), then reload.'
  }</p></header>
<main>
${view.charts.map((c) => `<section>${chartSvg(c)}</section>`).join('\n')}
<section class="wide"><h2>Support by principal by month</h2><table><tr><th>Principal (school)</th>${view.support.months
    .map((m) => `<th>${escapeHtml(m.slice(2))}</th>`)
    .join(
      '',
    )}</tr>${support}</table><p class="note">ILD contacts and visits per month (Contacts and Visits tabs). A row that thins out to the right is support fading.</p></section>
<section class="wide"><h2>Schools</h2><table><tr><th>School</th><th>Principal</th><th>Step</th><th>IPOP check</th><th>Last filing</th><th>Last visit</th><th>Last ILD contact</th><th>Support flag</th><th>Support that fits</th></tr>${schools}</table>
<p class="note">${view.staleDays === null ? 'Rounds’ stale-row rule is not on the Schools tab.' : `Amber rows: nothing filed, visited or logged for ${view.staleDays} days (Rounds’ conditional format on the Schools tab; the number is in Settings).`}</p></section>
</main></body></html>`;
}
