// Collect the visit over the typed fakes: every observer's Doc in the visit's folder into the Debrief tab
// (evidence by look-for with initials only, the patterns board, reflections), the next level of work into
// the host school's row, the problems named — and the service calls it costs, counted.
import { describe, expect, it } from 'vitest';
import {
  collectVisit,
  latestVisitWithFolder,
  lookAtCalibration,
  lookAtVisits,
} from '../../apps-script/observation/collect-visit';
import { rowToRecord, tabByKey } from '../../shared/schema/sheet';
import { FakeDrive } from '../../tools/apps-script-fakes/drive';
import type { FakeSpreadsheet } from '../../tools/apps-script-fakes/spreadsheet';
import { collectDeps, FOLDER, observerDoc, visitSpreadsheet } from './observation-visit';

function debriefRecords(spreadsheet: FakeSpreadsheet) {
  const sheet = spreadsheet.tab('Debrief');
  const header = sheet.header();
  return sheet.rows
    .slice(1)
    .map((r) => rowToRecord(tabByKey('debrief'), header, r))
    .filter((r) => Object.keys(r).length);
}

const classrooms = 'ABCDEFGH';

function threeObservers() {
  return [
    observerDoc(
      'd1',
      'RD',
      {
        cite: [
          ['A', 'S2 said "on page 4 it says the dam flooded the valley"', '3'],
          ['B', 'No student referred to the text', '1'],
        ],
        talk: [['A', 'Teacher talked for 12 of 15 minutes', '']],
      },
      { warm: ['Every student had the text open'], next: ['Teach students to point to the line they use'] },
    ),
    observerDoc(
      'd2',
      'KM',
      {
        cite: [
          ['A', '3 students underlined a sentence before answering', '3'],
          ['C', 'The lesson was great and very rigorous', '4'],
        ],
        talk: [['B', '6 of 8 pairs talked about the question', '']],
      },
      { next: ['Teach students to point to the line they use', 'Try sentence starters for citing'] },
    ),
    observerDoc('d3', 'JT', {
      cite: [
        ['A', 'S5 asked "where does it say that?"', '2'],
        ['B', 'Ms. Lopez pointed at the chart in Room 214', '3'],
      ],
      talk: [],
    }),
  ];
}

describe('Collect the visit', () => {
  it('writes evidence by look-for with initials only, a few/some/many/most patterns board, reflections, and the next level of work', () => {
    const spreadsheet = visitSpreadsheet();
    const drive = new FakeDrive().withFolder(FOLDER, threeObservers());
    const result = collectVisit(collectDeps(spreadsheet, drive), '3');

    expect(result.report).toMatch(/collected 3 observer Docs of 3 in its folder \(observers RD, KM, JT\)/);
    const rows = debriefRecords(spreadsheet);
    // The earlier visit's row is kept, first.
    expect(rows[0]).toMatchObject({ visit: '2', evidence: 'T asked 4 questions' });
    const visit3 = rows.filter((r) => r.visit === '3');
    const evidence = visit3.filter((r) => r.section === 'evidence');
    expect(evidence.map((r) => r.observer)).toEqual(['RD', 'RD', 'KM', 'KM', 'JT', 'JT', 'RD', 'KM']);
    expect(evidence.every((r) => ['cite', 'talk'].includes(String(r.lookFor)))).toBe(true);
    expect(evidence.find((r) => String(r.evidence).includes('great'))).toMatchObject({
      kind: 'evaluative',
      rating: 4,
    });
    expect(evidence.find((r) => String(r.evidence).startsWith('S2 said'))).toMatchObject({
      kind: 'descriptive',
    });
    // No teacher names: the observer column holds initials, the classroom column letters.
    expect(new Set(visit3.map((r) => r.observer ?? ''))).toEqual(new Set(['RD', 'KM', 'JT', '']));

    const patterns = visit3.filter((r) => r.section === 'pattern');
    expect(patterns.map((p) => [p.lookFor, p.consensus])).toEqual([
      ['cite', 'most'],
      ['talk', 'many'],
    ]);
    expect(patterns[0]!.evidence).toBe(
      'Most classrooms (3 of 3) had evidence for #cite, seen by 3 observers.',
    );
    expect(visit3.filter((r) => r.section === 'warm').map((r) => r.evidence)).toEqual([
      'Every student had the text open',
    ]);
    expect(result.nextLevel).toEqual([
      'Teach students to point to the line they use',
      'Try sentence starters for citing',
    ]);

    const schools = spreadsheet.tab('Schools');
    const alder = rowToRecord(tabByKey('schools'), schools.header(), schools.rows[1]!);
    expect(alder.nextLevelOfWork).toBe(
      'Plan a cycle on discussion\nVisit 3 (2026-11-18): Teach students to point to the line they use; Try sentence starters for citing',
    );
    expect(result.ratings).toContainEqual({ classroom: 'A', lookFor: 'cite', observer: 'KM', rating: 3 });
    // A name and a room number in the evidence are named for the facilitator; the observer's words are kept.
    expect(result.problems).toEqual([
      expect.stringMatching(/^“Visit 3 — JT”, line \d+: "Ms\. Lopez" names a person/),
      expect.stringMatching(/^“Visit 3 — JT”, line \d+: "Room 214" identifies the classroom/),
    ]);
    expect(evidence.some((r) => r.evidence === 'Ms. Lopez pointed at the chart in Room 214')).toBe(true);
  });

  it('calibration: per classroom seen by two or more observers, exact and adjacent agreement, kappa and the discrepancies', () => {
    const spreadsheet = visitSpreadsheet();
    const deps = collectDeps(spreadsheet, new FakeDrive().withFolder(FOLDER, threeObservers()));
    const collected = collectVisit(deps, '3');
    const look = lookAtCalibration(deps.sheets, '3');
    expect(look.calibration).toEqual(collected.calibration);
    const byRoom = Object.fromEntries(look.calibration.classrooms.map((c) => [c.classroom, c.agreement]));
    // A: RD 3, KM 3, JT 2 on #cite — three pairs, one exact, all adjacent; Fleiss' kappa for three observers.
    expect(byRoom.A).toMatchObject({ items: 1, pairs: 3, exact: 1 / 3, adjacent: 1 });
    expect(byRoom.A!.kappa.method).toBe('fleiss');
    // B: RD 1, JT 3 — two points apart, on both sides of the line: a discrepancy to talk through.
    expect(byRoom.B).toMatchObject({ pairs: 1, exact: 0, adjacent: 0 });
    expect(look.calibration.discrepancies).toEqual([
      {
        classroom: 'B',
        lookFor: 'cite',
        ratings: [
          { observer: 'RD', rating: 1 },
          { observer: 'JT', rating: 3 },
        ],
        spread: 2,
      },
    ]);
    expect(look.calibration.classrooms.map((c) => c.classroom)).toEqual(['A', 'B']);
  });

  it('collecting again replaces the visit’s rows instead of adding them twice, and keeps the ILD’s own next-level line', () => {
    const spreadsheet = visitSpreadsheet();
    const drive = new FakeDrive().withFolder(FOLDER, threeObservers());
    collectVisit(collectDeps(spreadsheet, drive), '3');
    const once = debriefRecords(spreadsheet);
    collectVisit(collectDeps(spreadsheet, drive), '3');
    expect(debriefRecords(spreadsheet)).toEqual(once);
    const schools = spreadsheet.tab('Schools');
    const alder = rowToRecord(tabByKey('schools'), schools.header(), schools.rows[1]!);
    expect(String(alder.nextLevelOfWork).match(/Visit 3/g)).toHaveLength(1);
  });

  it('names what it could not use: a Doc without a form, another visit’s Doc, a rating that is not 1–4', () => {
    const spreadsheet = visitSpreadsheet();
    const stray = observerDoc('d4', 'LP', { cite: [], talk: [] }, { visit: '4' });
    const blank = observerDoc('d5', 'ZZ', { cite: [], talk: [] });
    blank.children.splice(0, blank.children.length);
    blank.paragraph('Shopping list');
    const odd = observerDoc('d6', 'AB', {
      cite: [['D', 'Two students read the question aloud', 'good']],
      talk: [],
    });
    const drive = new FakeDrive().withFolder(FOLDER, [stray, blank, odd]);
    const result = collectVisit(collectDeps(spreadsheet, drive), '3');
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/“Visit 3 — LP” is labelled visit 4, not visit 3; it was left out/),
        expect.stringMatching(/“Visit 3 — ZZ” has no Rounds observation form/),
        expect.stringMatching(/“Visit 3 — AB”, line \d+: rating “good” is not 1, 2, 3 or 4/),
      ]),
    );
    expect(
      debriefRecords(spreadsheet).some((r) => r.evidence === 'Two students read the question aloud'),
    ).toBe(true);
  });

  it('a visit without a folder, or a spreadsheet whose Visits tab lacks the visit, gets a message and nothing is written', () => {
    const spreadsheet = visitSpreadsheet();
    const drive = new FakeDrive();
    expect(() => collectVisit(collectDeps(spreadsheet, drive), '2')).toThrow(
      /Visit 2 has no observation folder/,
    );
    expect(() => collectVisit(collectDeps(spreadsheet, drive), '9')).toThrow(
      /Visit 9 is not on the Visits tab/,
    );
    expect(spreadsheet.log.writes()).toEqual([]);
  });

  it('a Debrief or Visits tab from before this version says to run Upgrade tracker, and still writes what it can', () => {
    const spreadsheet = visitSpreadsheet();
    const debrief = spreadsheet.tab('Debrief');
    const kindAt = debrief.header().indexOf('Evidence kind');
    for (const row of debrief.rows) row.splice(kindAt, 1);
    const drive = new FakeDrive().withFolder(FOLDER, threeObservers());
    const result = collectVisit(collectDeps(spreadsheet, drive), '3');
    expect(result.problems).toContainEqual(
      'The Debrief tab has no “Evidence kind” column: run Upgrade tracker and collect again to fill it.',
    );
    expect(debriefRecords(spreadsheet).filter((r) => r.visit === '3').length).toBeGreaterThan(10);

    const visits = spreadsheet.tab('Visits');
    const folderAt = visits.header().indexOf('Observation folder');
    for (const row of visits.rows) row.splice(folderAt, 1);
    expect(() => collectVisit(collectDeps(spreadsheet, drive), '3')).toThrow(
      /no “Observation folder” column yet: run Extensions → Rounds → Upgrade tracker/,
    );
  });

  it('lists visits with their protocol’s warnings, and the menu picks the latest with a folder', () => {
    const spreadsheet = visitSpreadsheet();
    const look = lookAtVisits(collectDeps(spreadsheet, new FakeDrive()).sheets);
    expect(look.visits.map((v) => [v.number, v.hasFolder, v.lookFors.length])).toEqual([
      ['2', false, 0],
      ['3', true, 2],
    ]);
    expect(look.visits[0]!.warnings[0]).toMatch(/No protocol/);
    expect(look.visits[1]!.ratingScale).toBe(true);
    expect(latestVisitWithFolder(look)).toBe('3');
  });

  it('40 observer Docs with 30 evidence lines each: at most 60 service calls, reads before writes, one write per tab', () => {
    const spreadsheet = visitSpreadsheet();
    const docs = Array.from({ length: 40 }, (_, i) => {
      const row = (n: number): [string, string, string] => [
        classrooms[n % 8]!,
        `S${n} pointed to line ${n} of the text`,
        String((n % 4) + 1),
      ];
      return observerDoc(`doc-${i}`, `O${String.fromCharCode(65 + (i % 26))}${i >= 26 ? 'X' : ''}`, {
        cite: Array.from({ length: 15 }, (_, n) => row(n)),
        talk: Array.from({ length: 15 }, (_, n) => row(n + 15)),
      });
    });
    const drive = new FakeDrive(spreadsheet.log).withFolder(FOLDER, docs);
    spreadsheet.log.clear();
    const result = collectVisit(collectDeps(spreadsheet, drive), '3');

    const calls = spreadsheet.log.calls;
    console.log(
      `collect 40 Docs × 30 lines: ${calls.length} service calls (${calls.filter((c) => c.target === 'docs').length} Docs reads, ${calls.filter((c) => c.target === 'drive').length} Drive lists, ${calls.filter((c) => c.kind === 'write').length} writes)`,
    );
    expect(calls.length).toBeLessThanOrEqual(60);
    expect(spreadsheet.log.readsBeforeWrites()).toBe(true);
    expect(spreadsheet.log.count('setValues', 'Debrief')).toBe(1);
    expect(spreadsheet.log.count('setValues', 'Schools')).toBe(0);
    expect(result.report).toMatch(/collected 40 observer Docs of 40/);
    expect(
      debriefRecords(spreadsheet).filter((r) => r.visit === '3' && r.section === 'evidence'),
    ).toHaveLength(1200);
  });
});
