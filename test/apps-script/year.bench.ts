// The network's year bench (`npm run bench:year`): the add-on's year commands on the counting Apps Script
// fakes for networks of 30, 300 and 1,800 schools — the meeting planner's look, Create agenda, Plan visits
// (written) and Draw run charts for ten measures. Prints the Spreadsheet and Drive/Docs calls per tab of each,
// then vitest's timings. Beside the fakes, as nothing outside test/ may import test helpers.
import { bench, describe } from 'vitest';
import { agendaDocsOf } from '../../apps-script/services/agenda-docs';
import { createAgenda, lookAtMeetings } from '../../apps-script/year/meetings';
import { drawRunCharts } from '../../apps-script/year/run-charts';
import { planVisitsInSheet } from '../../apps-script/year/visit-planner';
import type { CellValue } from '../../shared/schema/sheet';
import { FakeMeetingDocs } from '../../tools/apps-script-fakes/meeting-docs';
import { CITING_EVIDENCE, measureRows, yearDeps, yearSpreadsheet } from './year-network';

const SIZES = [30, 300, 1800];
const TODAY = '2026-08-20';

function network(size: number) {
  const schools: Record<string, CellValue>[] = Array.from({ length: size }, (_, i) => ({
    name: `School ${i + 1}`,
    ipopQuestion: `How do students in school ${i + 1} use evidence from the text?`,
    strengths: ['discourse', 'math tasks', 'feedback', 'data teams'][i % 4]!,
    needs: ['math tasks', 'feedback', 'data teams', 'discourse'][i % 4]!,
  }));
  const meetings = Array.from({ length: 18 }, (_, i) => ({
    date: new Date(Date.UTC(2026, 8, 1) + i * 14 * 86400000).toISOString().slice(0, 10),
    host: `School ${i + 1}`,
    folderId: `folder-${i + 1}`,
  }));
  const topics = Array.from({ length: 40 }, (_, i) => ({
    topic: `Topic ${i + 1}`,
    proposedOn: '2026-08-01',
    votes: Array.from({ length: i % 7 }, (_, v) => `School ${v + 1}`).join(', '),
  }));
  const mandates = Array.from({ length: 200 }, (_, i) => ({
    subject: `Notice ${i + 1}`,
    tier: i % 3 ? 'fyi' : 'must_do',
    firstDue: new Date(Date.UTC(2026, 8, 1) + i * 86400000).toISOString().slice(0, 10),
  }));
  const measures = Array.from({ length: 10 }, (_, m) =>
    measureRows(`Measure ${m + 1}`, '', CITING_EVIDENCE),
  ).flat();
  return yearSpreadsheet({ schools, meetings, topics, mandates, measures });
}

function counted(size: number, run: (s: ReturnType<typeof network>) => void): string {
  const spreadsheet = network(size);
  spreadsheet.log.clear();
  run(spreadsheet);
  const tabs = new Map<string, number>();
  for (const c of spreadsheet.log.calls)
    if (c.kind !== 'lock') tabs.set(c.target, (tabs.get(c.target) ?? 0) + 1);
  const total = [...tabs.values()].reduce((a, b) => a + b, 0);
  return `${total} calls — ${[...tabs].map(([t, n]) => `${t} ${n}`).join(', ')}`;
}

const agenda = (s: ReturnType<typeof network>) => {
  const drive = new FakeMeetingDocs(s.log);
  createAgenda(yearDeps(s, TODAY), agendaDocsOf(drive.Files, drive.Documents), 2);
};
const plan = (s: ReturnType<typeof network>) => {
  s.tab('Meetings').rows.length = 1;
  planVisitsInSheet(
    yearDeps(s, TODAY),
    { start: '2026-09-01', meetings: 18, cadenceDays: 14, rounds: 8 },
    true,
  );
};
const commands: [string, (s: ReturnType<typeof network>) => void][] = [
  ['look at meetings', (s) => void lookAtMeetings(yearDeps(s, TODAY))],
  ['create agenda', agenda],
  ['plan visits', plan],
  ['draw run charts', (s) => void drawRunCharts(yearDeps(s, TODAY))],
];

const lines = ['', 'Year commands: Spreadsheet and Drive/Docs calls (counted on tools/apps-script-fakes)'];
for (const size of SIZES)
  for (const [name, run] of commands)
    lines.push(`${String(size).padStart(5)} schools, ${name}: ${counted(size, run)}`);
console.log(lines.join('\n'));

for (const size of SIZES)
  describe(`${size} schools`, () => {
    // Each command runs on a fresh fake network (they write); making one is timed alone, to subtract.
    bench('make the fake network only', () => void network(size), { iterations: 3, warmupIterations: 1 });
    for (const [name, run] of commands)
      bench(name, () => run(network(size)), { iterations: 3, warmupIterations: 1 });
  });
