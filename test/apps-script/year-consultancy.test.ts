// One leader's challenge over the typed fakes: each step's notes go into the meeting's agenda Doc under the
// step's heading (one read of the Doc's end, one batchUpdate), and lines that judge get the probe.
import { describe, expect, it } from 'vitest';
import { agendaDocsOf } from '../../apps-script/services/agenda-docs';
import { saveConsultancyNotes } from '../../apps-script/year/consultancy';
import { FakeMeetingDocs } from '../../tools/apps-script-fakes/meeting-docs';
import { yearDeps, yearSpreadsheet } from './year-network';

const ROLES = { presenter: 'Rosa Delgado', facilitator: 'Dana Okoro', timekeeper: 'Sam Park' };

function meetingWithAgenda() {
  const spreadsheet = yearSpreadsheet({
    meetings: [
      {
        date: '2026-12-15',
        host: 'Maple Grove K-8',
        agendaDoc: 'https://docs.google.com/document/d/1AgendaDoc_0123456/edit',
      },
      { date: '2027-01-12', host: 'Harborview K-8' },
    ],
  });
  const drive = new FakeMeetingDocs(spreadsheet.log);
  drive.withDoc('1AgendaDoc_0123456', 'Agenda', 'Network meeting, 2026-12-15, at Maple Grove K-8');
  return { spreadsheet, drive, docs: agendaDocsOf(drive.Files, drive.Documents) };
}

describe('the consultancy notes', () => {
  it('go under each step’s heading in the agenda Doc, roles with the presentation', () => {
    const { spreadsheet, drive, docs } = meetingWithAgenda();
    saveConsultancyNotes(
      yearDeps(spreadsheet),
      docs,
      2,
      'presentation',
      'Grade 4 teams plan separately\n\nNo shared look-fors yet',
      ROLES,
    );
    const result = saveConsultancyNotes(
      yearDeps(spreadsheet),
      docs,
      2,
      'discussion',
      'The plan is weak',
      ROLES,
    );

    expect(drive.paragraphs('1AgendaDoc_0123456')).toEqual([
      { text: 'Network meeting, 2026-12-15, at Maple Grove K-8', style: 'NORMAL_TEXT', bullet: null },
      { text: 'Consultancy — Presentation', style: 'HEADING_2', bullet: null },
      {
        text: 'Presenter: Rosa Delgado · Facilitator: Dana Okoro · Timekeeper: Sam Park',
        style: 'NORMAL_TEXT',
        bullet: null,
      },
      { text: 'Grade 4 teams plan separately', style: 'NORMAL_TEXT', bullet: 'BULLET_DISC_CIRCLE_SQUARE' },
      { text: 'No shared look-fors yet', style: 'NORMAL_TEXT', bullet: 'BULLET_DISC_CIRCLE_SQUARE' },
      { text: 'Consultancy — Discussion (presenter silent)', style: 'HEADING_2', bullet: null },
      { text: 'The plan is weak', style: 'NORMAL_TEXT', bullet: 'BULLET_DISC_CIRCLE_SQUARE' },
    ]);
    expect(result.probes).toEqual([
      "“The plan is weak”: What did you see or hear that makes you say 'weak'?",
    ]);
    expect(spreadsheet.log.count('Docs.Documents.get')).toBe(2);
    expect(spreadsheet.log.count('Docs.Documents.batchUpdate')).toBe(2);
  });

  it('asks for the roles before the presentation, and for an agenda Doc first, writing nothing', () => {
    const { spreadsheet, docs } = meetingWithAgenda();
    expect(() =>
      saveConsultancyNotes(yearDeps(spreadsheet), docs, 2, 'presentation', 'x', {
        ...ROLES,
        facilitator: 'rosa delgado',
      }),
    ).toThrow(
      'Before the presentation: the presenter cannot also facilitate: they are silent during the discussion. Nothing was written.',
    );
    expect(() => saveConsultancyNotes(yearDeps(spreadsheet), docs, 3, 'debrief', 'x', ROLES)).toThrow(
      /row 3 of Meetings has no agenda Doc yet/,
    );
    expect(spreadsheet.log.writes()).toEqual([]);
  });
});
