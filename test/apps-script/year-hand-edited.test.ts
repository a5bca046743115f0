// The year's tabs as a network leaves them after editing by hand — a blank row in the middle, text where
// minutes or a value belong, a Rounds column deleted, a column of their own added — and every command still
// uses everything else, names each cell it could not use, and keeps the network's own cells.
import { describe, expect, it } from 'vitest';
import { agendaDocsOf } from '../../apps-script/services/agenda-docs';
import { lookAtImprovement } from '../../apps-script/year/improvement';
import { createAgenda, lookAtMeetings, saveAgendaMinutes } from '../../apps-script/year/meetings';
import { drawRunCharts } from '../../apps-script/year/run-charts';
import { FakeMeetingDocs } from '../../tools/apps-script-fakes/meeting-docs';
import { callsPerTab, measureRows, yearDeps, yearSpreadsheet } from './year-network';

function handEdited() {
  const spreadsheet = yearSpreadsheet({
    schools: [{ name: 'Maple Grove K-8' }, { name: 'Harborview K-8' }],
    meetings: [
      { date: '2027-02-09', host: 'Harborview K-8' },
      { date: '2027-02-23', host: 'Maple Grove K-8', operations: 'ten or so', folderId: 'folder-feb' },
    ],
    measures: measureRows('Attendance (%)', '', [91, 92, 'ninety', 93, 94, 95, 96, 97, 98, 97]),
  });
  const meetings = spreadsheet.tab('Meetings');
  // A blank row between the two meetings, and the network's own "Room" column at the end.
  meetings.rows.splice(2, 0, []);
  meetings.rows[0]!.push('Room');
  meetings.rows[1]!.push('Library');
  meetings.rows[3]!.push('Gym');
  // The "Look-fors" column deleted: its cells shift left, as Sheets does.
  const lookFors = meetings.rows[0]!.indexOf('Look-fors');
  for (const row of meetings.rows) row.splice(lookFors, 1);
  return spreadsheet;
}

describe('a hand-edited year', () => {
  it('names the blank row, the text in a minutes cell and the deleted column, and plans with the rest', () => {
    const look = lookAtMeetings(yearDeps(handEdited(), '2027-01-05'));
    expect(look.problems).toEqual([
      'Meetings!A3: row 3 is blank; Rounds skipped it and read the rows below.',
      'Meetings!P1: the “Look-fors” column is missing from Meetings, so Rounds read the tab without it. Extensions → Rounds → Upgrade tracker puts it back (at the end).',
      'Meetings!H4: “ten or so” is not a number; the agenda uses the default length for this block.',
    ]);
    expect(look.meetings.map((m) => [m.date, m.host])).toEqual([
      ['2027-02-09', 'Harborview K-8'],
      ['2027-02-23', 'Maple Grove K-8'],
    ]);
    expect(look.meetings[1]!.blocks.find((b) => b.kind === 'operations')!.minutes).toBe(15);
  });

  it('writes the agenda’s link into the row and keeps the network’s own cells in it', () => {
    const spreadsheet = handEdited();
    const drive = new FakeMeetingDocs(spreadsheet.log);
    createAgenda(yearDeps(spreadsheet, '2027-01-05'), agendaDocsOf(drive.Files, drive.Documents), 4);
    const meetings = spreadsheet.tab('Meetings');
    const header = meetings.rows[0]!;
    expect(meetings.rows[3]![header.indexOf('Room')]).toBe('Gym');
    expect(meetings.rows[3]![header.indexOf('Operations (min)')]).toBe('ten or so');
    expect(String(meetings.rows[3]![header.indexOf('Agenda Doc')])).toMatch(
      /^https:\/\/docs\.google\.com\/document\/d\//,
    );
    expect(meetings.rows[1]![header.indexOf('Room')]).toBe('Library');
    expect(meetings.rows[2]).toEqual([]);
  });

  it('refuses to save minutes when a minutes column was deleted, naming it, and writes nothing', () => {
    const spreadsheet = handEdited();
    const meetings = spreadsheet.tab('Meetings');
    const at = meetings.rows[0]!.indexOf('Warm-up (min)');
    for (const row of meetings.rows) row.splice(at, 1);
    expect(() =>
      saveAgendaMinutes(yearDeps(spreadsheet), 4, {
        warmUp: 30,
        walkThrough: 90,
        session: 90,
        operations: 15,
      }),
    ).toThrow(
      'Meetings has no “Warm-up (min)” column, so Rounds cannot keep these minutes. Nothing was written;',
    );
    expect(spreadsheet.log.writes()).toEqual([]);
    expect(lookAtMeetings(yearDeps(spreadsheet)).problems.join('\n')).toMatch(
      /Meetings!\w+1: the “Warm-up \(min\)” column is missing from Meetings/,
    );
  });

  it('charts a measure without the value it cannot read, naming that cell', () => {
    const spreadsheet = handEdited();
    const result = drawRunCharts(yearDeps(spreadsheet));
    expect(result.problems).toEqual([
      'Measures!E4: “ninety” is not a number; this point was left out of the “Attendance (%)” run chart.',
    ]);
    expect(result.charts[0]!.values).toEqual([91, 92, 93, 94, 95, 96, 97, 98, 97]);
  });

  it('reads the improvement tabs once each and writes nothing to look at them', () => {
    const spreadsheet = yearSpreadsheet({
      drivers: [{ kind: 'Aim', statement: 'Every student cites evidence' }],
      changes: [{ change: 'Sentence frames', plan: 'Grade 5', prediction: '40%' }],
    });
    const look = lookAtImprovement(yearDeps(spreadsheet));
    expect(look.diagram.aims).toHaveLength(1);
    expect(look.changes[0]!.stage).toBe('do');
    const per = callsPerTab(spreadsheet);
    expect(per.get('Drivers')).toEqual({ reads: 1, writes: 0 });
    expect(per.get('Changes')).toEqual({ reads: 1, writes: 0 });
    expect(spreadsheet.log.writes()).toEqual([]);
  });
});
