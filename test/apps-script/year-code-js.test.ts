// The built Code.js in node:vm, as Apps Script runs it, over the typed fakes: the sidebar's Create agenda
// writes a Doc in the meeting's folder and Draw run charts draws a native chart, each with its calls counted.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppsScript } from '../../tools/build/apps-script';
import { appsScriptGlobals } from '../../tools/apps-script-fakes/globals';
import { FakeMeetingDocs } from '../../tools/apps-script-fakes/meeting-docs';
import type { FakeSpreadsheet } from '../../tools/apps-script-fakes/spreadsheet';
import { CITING_EVIDENCE, callsPerTab, measureRows, yearSpreadsheet } from './year-network';

let outDir = '';
let code = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'rounds-year-code-'));
  await buildAppsScript({ outDir, production: true });
  code = await readFile(join(outDir, 'Code.js'), 'utf8');
}, 60_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function load(spreadsheet: FakeSpreadsheet, drive: FakeMeetingDocs) {
  const { globals, ui } = appsScriptGlobals({ kind: 'spreadsheet', spreadsheet });
  const context = vm.createContext({
    ...globals,
    Drive: { Files: drive.Files },
    Docs: { Documents: drive.Documents },
  });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const call = (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args);
  return Object.assign(call, { ui });
}

describe('the built Code.js runs the network’s year', () => {
  it('creates an agenda Doc from the sidebar: one read and one write per tab, two Drive/Docs calls', () => {
    const spreadsheet = yearSpreadsheet({
      schools: [
        { name: 'Maple Grove K-8', ipopQuestion: 'How do students use evidence from the text?' },
        { name: 'Harborview K-8' },
      ],
      meetings: [{ date: '2099-03-10', host: 'Maple Grove K-8', folderId: 'folder-march' }],
      topics: [{ topic: 'Feedback that moves teachers', proposedOn: '2026-10-01', votes: 'Harborview K-8' }],
      mandates: [{ subject: 'Attendance audit', tier: 'must_do', firstDue: '2099-03-15' }],
    });
    const drive = new FakeMeetingDocs(spreadsheet.log);
    const call = load(spreadsheet, drive);

    const result = call('createAgendaFromSidebar', 2, { toShow: 'Book clubs', feedbackWanted: '' }) as {
      docUrl: string;
      warnings: string[];
    };
    const doc = [...drive.docs.values()][0]!;
    expect(result.docUrl).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
    expect(doc.parents).toEqual(['folder-march']);
    const texts = drive.paragraphs(doc.id).map((p) => p.text);
    expect(texts[0]).toBe('Network meeting, 2099-03-10, at Maple Grove K-8');
    expect(texts).toContain('How do students use evidence from the text?');
    expect(texts).toContain('Attendance audit (due 2099-03-15)');
    expect(texts).toContain('Extended session: Feedback that moves teachers');

    const per = callsPerTab(spreadsheet);
    for (const tab of ['Meetings', 'Topics']) expect(per.get(tab), tab).toEqual({ reads: 1, writes: 1 });
    for (const tab of ['Schools', 'Mandates', 'Translations', 'Pairs', 'Settings'])
      expect(per.get(tab), tab).toEqual({ reads: 1, writes: 0 });
    expect(spreadsheet.log.count('Drive.Files.create')).toBe(1);
    expect(spreadsheet.log.count('Docs.Documents.batchUpdate')).toBe(1);
    expect(spreadsheet.log.readsBeforeWrites()).toBe(true);
  });

  it('draws a run chart from the sidebar: a native line chart with the median, and its signal', () => {
    const spreadsheet = yearSpreadsheet({
      measures: measureRows('Students citing evidence (%)', '', CITING_EVIDENCE),
    });
    const call = load(spreadsheet, new FakeMeetingDocs(spreadsheet.log));

    const result = call('drawRunChartsFromSidebar') as {
      report: string;
      charts: { signals: { rule: string }[] }[];
    };
    expect(result.report).toBe('Drew 1 run chart on the Run charts tab; 1 shows a signal.');
    expect(result.charts[0]!.signals.map((s) => s.rule)).toContain('shift');
    const chart = spreadsheet.tab('Run charts').charts[0]!;
    expect(chart.type).toBe('LINE');
    expect(chart.ranges).toEqual(['A2:C16']);

    const per = callsPerTab(spreadsheet);
    expect(per.get('Measures')).toEqual({ reads: 1, writes: 0 });
    expect(spreadsheet.log.count('getValues', 'Run charts')).toBe(1);
    expect(spreadsheet.log.count('setValues', 'Run charts')).toBe(1);
    expect(spreadsheet.log.count('insertChart', 'Run charts')).toBe(1);
  });

  it('Draw run charts from the menu answers in an alert that names the cell it could not use', () => {
    const rows = measureRows('Students citing evidence (%)', '', CITING_EVIDENCE);
    rows[2]!.value = 'absent';
    const spreadsheet = yearSpreadsheet({ measures: rows });
    const call = load(spreadsheet, new FakeMeetingDocs(spreadsheet.log));
    call('drawRunChartsFromMenu');
    expect(call.ui.alerts).toEqual([
      {
        title: 'Draw run charts',
        message:
          'Drew 1 run chart on the Run charts tab; 1 shows a signal.\n\nCells to look at:\nMeasures!E4: “absent” is not a number; this point was left out of the “Students citing evidence (%)” run chart.',
      },
    ]);
    expect(spreadsheet.tab('Run charts').charts).toHaveLength(1);
  });
});
