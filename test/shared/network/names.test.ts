// How Rounds reads the names people give schools, cycles and step folders.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STEP_LABELS } from '../../../shared/domain';
import { matchSchoolName, normalizeName, readCycleName, readStepName } from '../../../shared/network/names';

const schools = [
  { id: 'mge', name: 'Maple Grove Elementary' },
  { id: 'rhm', name: 'Riverside Heights Middle School' },
  { id: 'sjk', name: 'San José K-8 Academy' },
  { id: 'oak', name: 'Oakwood Elementary' },
];

describe('school names as people write them', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normalizeName('  SAN JOSÉ k-8 Academy!! ')).toBe('san jose k 8 academy');
    expect(matchSchoolName('san jose k8 academy', schools)?.item.id).toBe('sjk');
  });

  it('recognises a school without the word that says what kind of school it is', () => {
    const match = matchSchoolName('Maple Grove', schools);
    expect(match?.item.id).toBe('mge');
    expect(match?.confidence).toBeLessThan(1);
    expect(matchSchoolName('Riverside Heights MS', schools)?.item.id).toBe('rhm');
  });

  it('recognises unambiguous initials such as MGE for Maple Grove Elementary', () => {
    const match = matchSchoolName('MGE', schools);
    expect(match?.item.id).toBe('mge');
    expect(match?.reason).toContain('initials');
    expect(matchSchoolName('RHMS', schools)?.item.id).toBe('rhm');
  });

  it('leaves titles out of initials, as people do', () => {
    const mlk = { id: 'mlk', name: 'Dr. Martin Luther King Jr. Elementary' };
    expect(matchSchoolName('MLK', [...schools, mlk])?.item.id).toBe('mlk');
  });

  it('refuses initials two schools share rather than guess', () => {
    const twins = [...schools, { id: 'mgm', name: 'Maple Glen Elementary' }];
    expect(matchSchoolName('MGE', twins)).toBeNull();
  });

  it('finds a school named inside a longer folder name, and nothing in an unrelated one', () => {
    expect(matchSchoolName('Oakwood - walkthrough notes', schools)?.item.id).toBe('oak');
    expect(matchSchoolName('Budget 2025', schools)).toBeNull();
  });
});

describe('cycle and step folder names', () => {
  it('reads the cycle number and school year', () => {
    expect(readCycleName('2025-26 Cycle 2')).toEqual({ number: 2, year: 2025 });
    expect(readCycleName('Cycle #3 (2024–2025)')).toEqual({ number: 3, year: 2024 });
    expect(readCycleName('Inquiry cycle 1')).toEqual({ number: 1, year: null });
    expect(readCycleName('Budget 2025')).toEqual({ number: null, year: null });
  });

  it('reads a step folder by its number and its words, including a renamed step', () => {
    expect(readStepName('3 - School data', DEFAULT_STEP_LABELS)).toEqual({
      number: 3,
      byWords: { step: 3, words: 'school data' },
    });
    expect(readStepName('Step 6: visits', DEFAULT_STEP_LABELS).number).toBe(6);
    expect(readStepName('Research readings', DEFAULT_STEP_LABELS)).toMatchObject({
      number: null,
      byWords: { step: 2 },
    });
    const renamed = { ...DEFAULT_STEP_LABELS, 5: 'Consultancy protocol' };
    expect(readStepName('Consultancy protocol', renamed).byWords?.step).toBe(5);
    expect(readStepName('3rd grade', DEFAULT_STEP_LABELS).number).toBeNull();
  });
});
