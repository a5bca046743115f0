// Phrase lists are matched in one walk over a sentence's words, each list exactly as if it were read alone.
import { describe, expect, it } from 'vitest';
import {
  PhraseMatcher,
  PhraseSets,
  clip,
  splitSentences,
  tidy,
  wordsOf,
} from '../../../shared/mandates/text/text';

describe('words and phrases', () => {
  it('splits words the way district mail writes them', () => {
    expect(wordsOf("Co-op directors' parents/guardians: Response Required").map((w) => w.lower)).toEqual(
      ['co-op', "directors'", 'parents/guardians', ':', 'response', 'required'].map((w) =>
        w === "directors'" ? 'directors' : w,
      ),
    );
  });

  it('matches several lists in one pass, each on its own terms', () => {
    const sets = new PhraseSets([
      ['please', 'please contact'],
      ['contact', 'contact the office'],
      ['submit', 'please * submit'],
    ]);
    const text = 'Please kindly submit the form, then contact the office.';
    const [courtesy, contact, ask] = sets.findAll(text, wordsOf(text));
    expect(courtesy?.map((m) => m.text)).toEqual(['Please']);
    expect(contact?.map((m) => m.text)).toEqual(['contact the office']);
    // The optional word lets "please kindly submit" count once, as the fullest phrase.
    expect(ask?.map((m) => m.text)).toEqual(['Please kindly submit']);
    const alone = new PhraseMatcher(['contact', 'contact the office']).find(text);
    expect(alone.map((m) => m.text)).toEqual(contact?.map((m) => m.text));
  });

  it('stops at the limit of each list', () => {
    const text = 'must must must must';
    const [musts, other] = new PhraseSets([['must'], ['shall']]).findAll(text, wordsOf(text), 3);
    expect(musts).toHaveLength(3);
    expect(other).toEqual([]);
  });

  it('keeps abbreviations inside a sentence and tidies typography', () => {
    const sentences = splitSentences(
      tidy('Reports are due Oct. 3 at 9 a.m. Dr. Lee will review them.\r\nThanks'),
    );
    expect(sentences.map((s) => s.text)).toEqual([
      'Reports are due Oct. 3 at 9 a.m. Dr. Lee will review them.',
      'Thanks',
    ]);
    expect(tidy('“Quoted” – dash')).toBe('"Quoted" - dash');
  });

  it('clips long text at a word boundary', () => {
    const long = `${'word '.repeat(200)}end`;
    expect(clip(long, 30)).toBe('word word word word word word…');
    expect(clip('  short\n text  ', 30)).toBe('short text');
  });
});

describe('phrase tables built after a text was read', () => {
  it('still match the words read before them', () => {
    const text = 'Upload the zephyrine roster today.';
    const words = wordsOf(text);
    const late = new PhraseSets([['zephyrine roster']]);
    expect(late.findAll(text, words)[0]?.map((m) => m.text)).toEqual(['zephyrine roster']);
  });
});
