// The observation form in an observer's Doc, over the typed DocumentApp fake: inserting it (and refusing a
// bad header without drawing anything), reading it back, tagging by #code and by a selected named range that
// survives edits around it, and the untagged lines — with the calls each costs.
import { describe, expect, it } from 'vitest';
import { observationDocOf } from '../../apps-script/services/documents';
import {
  insertObservationForm,
  observationFormState,
  tagSelection,
  untaggedSummary,
} from '../../apps-script/observation/observation-form';
import { FakeDocument, FakeParagraph } from '../../tools/apps-script-fakes/document';
import { docEnums, header, LOOK_FORS } from './observation-visit';

const newDoc = () => {
  const doc = new FakeDocument('Visit 3 notes');
  return { doc, form: observationDocOf(doc, docEnums) };
};

describe('Insert observation form', () => {
  it('draws the header, a section and evidence table per look-for, the reminder and the reflection, after what is there', () => {
    const { doc, form } = newDoc();
    doc.paragraph('My own notes before the visit');
    const state = insertObservationForm(form, {
      header: header('rd'),
      lookFors: LOOK_FORS,
      ratingScale: true,
    });

    const texts = doc.children.map((c) => ('text' in c ? c.text : 'TABLE'));
    expect(texts[0]).toBe('My own notes before the visit');
    expect(texts).toContain('Look-for #cite: How do students use evidence from the text when they explain?');
    expect(texts).toContain('Reflection — Prediction');
    expect(texts).toContain(
      'If a student did everything they were asked to do today, what would they learn?',
    );
    expect(texts.some((t) => t.startsWith('Sit with students'))).toBe(true);
    expect(state.header).toEqual({ ...header('RD') });
    expect(state.lookFors.map((l) => l.code)).toEqual(['cite', 'talk']);
    const evidenceTable = doc.children.filter((c) => 'rows' in c)[1] as unknown as {
      rows: { getText(): string }[][];
    };
    expect(evidenceTable.rows[0]!.map((c) => c.getText())).toEqual([
      'Classroom',
      'What I saw or heard',
      'Rating (1–4)',
    ]);
    // Drawing: 1 body + title, header table, reminder, 2 × (heading + table), 4 × (heading + hint), each styled.
    expect(doc.log.writes().length).toBeLessThanOrEqual(30);
  });

  it('refuses a teacher’s name for initials, a bad date and a malformed look-for, naming each, and draws nothing', () => {
    const { doc, form } = newDoc();
    expect(() =>
      insertObservationForm(form, {
        header: { ...header('Maria Lopez'), date: 'next Tuesday' },
        lookFors: 'cite: How do students cite?\n!!',
        ratingScale: false,
      }),
    ).toThrow(/Nothing was added.*Date: “next Tuesday”.*Observer initials: write initials.*Line 2: “!!”/s);
    expect(doc.children).toHaveLength(0);
  });
});

describe('tagging evidence lines', () => {
  function filledDoc() {
    const { doc, form } = newDoc();
    // Notes jotted above the form, outside any look-for's section.
    doc.paragraph('Anchor chart lists three sentence starters #cite');
    doc.paragraph('Students moved to the carpet in 40 seconds');
    doc.paragraph('T asked "why do you think so?" twice');
    insertObservationForm(form, { header: header('RD'), lookFors: LOOK_FORS, ratingScale: false });
    doc.fillRow(1, 1, ['A', 'S1 read the line aloud: "the author says the dam changed the river"']);
    doc.fillRow(2, 1, ['A', '6 of 8 students spoke in pairs']);
    return { doc, form };
  }

  it('reads the section a line sits in, a written #code, and lists the lines no look-for claims', () => {
    const { form } = filledDoc();
    const state = observationFormState(form);
    const line = (start: string) => state.lines.find((l) => l.text.startsWith(start))!;
    expect(line('S1 read')).toMatchObject({ codes: ['cite'], source: 'section', classroom: 'A' });
    expect(line('6 of 8')).toMatchObject({ codes: ['talk'], source: 'section' });
    expect(line('Anchor chart')).toMatchObject({ codes: ['cite'], source: 'hash' });
    expect(untaggedSummary(form)).toMatch(/2 evidence lines not tagged.*carpet.*why do you think so/s);
  });

  it('tags the selected words with a named range rounds:lf:<code>:<id> that survives edits around it', () => {
    const { doc, form } = filledDoc();
    doc.select('T asked "why do you think so?"');
    const result = tagSelection(form, '#Talk', () => 'id42');
    expect(result.text).toBe('T asked "why do you think so?"');
    expect(doc.namedRanges.map((n) => n.name)).toEqual(['rounds:lf:talk:id42']);

    // Someone types above it and edits the line before it: the tag still holds its line.
    doc.children.unshift(new FakeParagraph('Arrived 9:05', doc.log));
    doc.paragraphs().find((p) => p.text.startsWith('Students moved'))!.text =
      'Students moved to the rug in 40 s';
    const state = observationFormState(form);
    expect(state.lines.find((l) => l.text.startsWith('T asked'))).toMatchObject({
      codes: ['talk'],
      source: 'named',
    });
    expect(untaggedSummary(form)).toMatch(/2 evidence lines not tagged.*Arrived 9:05.*rug in 40 s/s);
  });

  it('tags a whole selected paragraph too (DocumentApp hands back the Paragraph, not Text)', () => {
    const { doc, form } = filledDoc();
    doc.select('Students moved to the carpet in 40 seconds');
    expect(tagSelection(form, 'talk', () => 'w1').text).toBe('Students moved to the carpet in 40 seconds');
    const line = observationFormState(form).lines.find((l) => l.text.startsWith('Students moved'));
    expect(line).toMatchObject({ codes: ['talk'], source: 'named' });
  });

  it('says what to do when nothing is selected, or the code is not one of the form’s look-fors', () => {
    const { doc, form } = filledDoc();
    expect(() => tagSelection(form, 'talk', () => 'x')).toThrow(/Select the words/);
    doc.select('Students moved');
    expect(() => tagSelection(form, 'rigor', () => 'x')).toThrow(
      /#rigor is not one of this form's look-fors \(#cite, #talk\)/,
    );
    expect(doc.namedRanges).toHaveLength(0);
  });

  it('names a #code that is not a look-for, and never changes the observer’s text', () => {
    const { doc, form } = filledDoc();
    doc.children.unshift(new FakeParagraph('Exit ticket collected #exit', doc.log));
    const before = doc.paragraphs().map((p) => p.text);
    const state = observationFormState(form);
    expect(state.problems).toEqual([expect.stringMatching(/#exit is not a look-for of this form/)]);
    expect(doc.paragraphs().map((p) => p.text)).toEqual(before);
  });
});
