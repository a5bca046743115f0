// De-identification warnings: rounds notes name no teacher, student or room, so the observer is told where
// one slipped in — and is not nagged about ordinary capitals, look-for names or counts.
import { describe, expect, it } from 'vitest';
import { findIdentityWarnings } from '../../../shared/evidence/identity';

const found = (text: string, allow?: string[]) =>
  findIdentityWarnings(text, { allow }).map((w) => [w.kind, w.found]);

describe('findIdentityWarnings', () => {
  it('points out a teacher named with a title, with or without the full stop', () => {
    expect(found('Ms. Rosario asked the class to turn and talk.')).toEqual([['name', 'Ms. Rosario']]);
    expect(found('Students watched Mr Chen model the first problem.')).toEqual([['name', 'Mr Chen']]);
    expect(found('Then Mrs. Van Buren collected the exit tickets.')).toEqual([['name', 'Mrs. Van Buren']]);
    expect(found('Coach Rivera stood at the door.')).toEqual([['name', 'Coach Rivera']]);
  });

  it('points out a student named at the start of a sentence when a name-like act follows', () => {
    expect(found('Sarah said the answer was 12.')).toEqual([['name', 'Sarah']]);
    expect(found('Students shared. Jaylen’s answer used a number line.')).toEqual([['name', 'Jaylen']]);
  });

  it('points out names in mid-sentence and inside quotations', () => {
    expect(found('T called on Marcus and Aisha.')).toEqual([
      ['name', 'Marcus'],
      ['name', 'Aisha'],
    ]);
    expect(found('T said "Good job, Devon!" to the table.')).toEqual([['name', 'Devon']]);
  });

  it('leaves sentence-initial capitals, roles, days, subjects and routines alone', () => {
    expect(found('Students wrote in journals on Monday.')).toEqual([]);
    expect(found('Groups used whiteboards. Teacher said to open the Do Now.')).toEqual([]);
    expect(found('MS students used Desmos in Math and English.')).toEqual([]);
    expect(found('T: "Who can tell me?" S1: "I can."')).toEqual([]);
    expect(found('Everyone said the answer together.')).toEqual([]);
    expect(found('Two Spanish-speaking English Learners used a glossary.')).toEqual([]);
  });

  it('leaves the protocol’s own look-for words alone', () => {
    expect(found('Groups used Accountable Talk stems.', ['Accountable Talk'])).toEqual([]);
    expect(found('Groups used Accountable Talk stems.')).toEqual([['name', 'Accountable']]);
  });

  it('points out room numbers however they are written', () => {
    expect(found('Visited Room 214 second.')).toEqual([['room', 'Room 214']]);
    expect(found('Science lab in rm 3B.')).toEqual([['room', 'rm 3B']]);
    expect(found('Then Rm. 12 and room #5 and Portable 3.')).toEqual([
      ['room', 'Rm. 12'],
      ['room', 'room #5'],
      ['room', 'Portable 3'],
    ]);
    expect(found('We went to room 108.')).toEqual([['room', 'room 108']]);
  });

  it('does not take a count after "room" for a room number', () => {
    expect(found('Around the room 5 students were writing.')).toEqual([]);
    expect(found('The room had 24 desks.')).toEqual([]);
  });

  it('gives offsets into the text as given and a message that says what to do', () => {
    const text = '📚 Later, Ms. Okafor moved to Room 9.';
    const warnings = findIdentityWarnings(text);
    expect(warnings).toHaveLength(2);
    for (const w of warnings) expect(text.slice(w.start, w.end)).toBe(w.found);
    expect(warnings[0]!.message).toMatch(/"Ms\. Okafor" names a person.*"the teacher"/);
    expect(warnings[1]!.message).toMatch(/"Room 9" identifies the classroom/);
  });

  it('finds nothing in empty or plain text', () => {
    expect(findIdentityWarnings('')).toEqual([]);
    expect(findIdentityWarnings('12 of 20 students wrote a claim and one piece of evidence.')).toEqual([]);
  });
});
