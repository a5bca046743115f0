// Reading an observer's form back (from the Docs API's JSON, as collecting does) and the tags on its lines:
// written #codes, named ranges by their indexes, the section a line sits in; and the patterns words.
import { describe, expect, it } from 'vitest';
import { blocksOfDocsJson, readForm, untaggedLines } from '../../../shared/observation/document';
import { checkHeader } from '../../../shared/observation/form';
import { consensusOf } from '../../../shared/observation/patterns';
import { hashTags, namedRangeName, parseNamedRangeName } from '../../../shared/observation/tags';
import { folderIdOf } from '../../../shared/observation/visit-folder';

const para = (text: string, startIndex: number) => ({
  startIndex,
  endIndex: startIndex + text.length + 1,
  paragraph: { elements: [{ textRun: { content: `${text}\n` } }] },
});

describe('tags', () => {
  it('finds #codes but not numbers, C# or HTML entities', () => {
    expect(hashTags('#Cite S1 quoted p.4 #talk #cite; item #3, C# and &#39;')).toEqual(['cite', 'talk']);
  });

  it('names a look-for range rounds:lf:<code>:<id> and reads it back', () => {
    expect(namedRangeName('cite', 'a1-b2')).toBe('rounds:lf:cite:a1-b2');
    expect(parseNamedRangeName('rounds:lf:cite:a1-b2')).toEqual({ code: 'cite', id: 'a1-b2' });
    expect(parseNamedRangeName('rounds:other')).toBeNull();
    expect(() => namedRangeName('Not a code', 'x')).toThrow(/not a look-for code/);
  });
});

describe('a form read from the Docs API', () => {
  it('ties a line to a named range over it by index, to a #code, or to its section; lists the rest', () => {
    const doc = {
      body: {
        content: [
          para('Rounds observation form', 1),
          para('Look-for #cite: How do students use the text?', 25),
          para('S3 said "the map shows it"', 72),
          para('Look-for #talk: Who talks?', 100),
          para('Desks in rows of two', 127),
          para('Teacher asked 3 questions #cite', 149),
          para('Reflection — Wonderings', 181),
          para('I wonder how pairs are chosen', 205),
        ],
      },
      namedRanges: {
        'rounds:lf:cite:z9': {
          name: 'rounds:lf:cite:z9',
          namedRanges: [{ ranges: [{ startIndex: 127, endIndex: 133 }] }],
        },
      },
    };
    const { blocks, namedRanges } = blocksOfDocsJson(doc);
    const form = readForm(blocks, namedRanges);
    expect(form.hasForm).toBe(true);
    expect(form.lines.map((l) => [l.text, l.codes, l.source, l.reflection])).toEqual([
      ['S3 said "the map shows it"', ['cite'], 'section', null],
      ['Desks in rows of two', ['cite'], 'named', null],
      ['Teacher asked 3 questions #cite', ['cite'], 'hash', null],
      ['I wonder how pairs are chosen', [], null, 'wondering'],
    ]);
    expect(untaggedLines(form)).toEqual([]);
    expect(readForm([{ kind: 'paragraph', text: 'Just notes' }]).hasForm).toBe(false);
  });
});

describe('the header and the patterns words', () => {
  it('keeps initials, refuses names and bad dates', () => {
    expect(
      checkHeader({ network: 'N', school: 'S', visit: '3', date: '2026-11-18', observer: 'r.d.' }).header
        ?.observer,
    ).toBe('RD');
    expect(
      checkHeader({ network: 'N', school: 'S', visit: '3', date: '2026-11-18', observer: 'Lee' }).problems[0],
    ).toMatch(/Observer initials/);
    expect(
      checkHeader({ network: '', school: 'S', visit: 'three', date: '18/11', observer: 'RD' }).problems,
    ).toHaveLength(3);
  });

  it('few, some, many, most by the share of classrooms', () => {
    expect([0, 1, 3, 5, 7, 8].map((n) => consensusOf(n, 8))).toEqual([
      null,
      'few',
      'some',
      'many',
      'most',
      'most',
    ]);
  });

  it('reads a folder link or id', () => {
    expect(folderIdOf('https://drive.google.com/drive/u/0/folders/1AbCdEfGhIjKlMn?usp=sharing')).toBe(
      '1AbCdEfGhIjKlMn',
    );
    expect(folderIdOf('1AbCdEfGhIjKlMn')).toBe('1AbCdEfGhIjKlMn');
    expect(folderIdOf('Visit 3 notes')).toBeNull();
  });
});
