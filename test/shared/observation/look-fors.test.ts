// The host's look-fors: read from the Protocols tab (cells that cannot be used are named), pasted into the
// Docs sidebar, and the facilitator's warning when a protocol loses focus.
import { describe, expect, it } from 'vitest';
import {
  parseLookForLines,
  protocolWarnings,
  readProtocols,
  usesRatingScale,
} from '../../../shared/observation/look-fors';

const header = [
  'Rounds ID',
  'Cycle',
  'Visit',
  'Look-for',
  'Code',
  'Prompt',
  'Host school',
  'Problem of practice',
  'Rating scale',
];

describe('the Protocols tab', () => {
  it('groups look-fors by visit, with the host school, its problem of practice and the rating scale', () => {
    const { protocols, problems } = readProtocols([
      {
        name: 'Protocols',
        values: [
          header,
          [
            'p1',
            'Cycle 2',
            '3',
            'Citing',
            '#Cite',
            'How do students use the text?',
            'Alder K-8',
            'How do students cite evidence?',
            '1–4',
          ],
          ['p2', 'Cycle 2', '3', 'Talk', 'talk', '', 'Alder K-8', '', ''],
          ['p3', 'Cycle 2', '3', '', 'bad code!', 'Anything?', 'Alder K-8', '', ''],
          ['p4', 'Cycle 2', '', '', 'tasks', 'What are students asked to do?', '', '', ''],
        ],
      },
    ]);
    expect(protocols).toEqual([
      {
        visit: '3',
        cycle: 'Cycle 2',
        hostSchool: 'Alder K-8',
        problemOfPractice: 'How do students cite evidence?',
        ratingScale: true,
        lookFors: [
          { code: 'cite', prompt: 'How do students use the text?' },
          { code: 'talk', prompt: 'Talk' },
        ],
      },
    ]);
    expect(problems).toEqual([
      'Protocols!E4: “bad code!” is not a look-for code (a short word such as “cite”, a letter first); this look-for was left out.',
      'Protocols!C5: this look-for names no visit and no host school; it was left out.',
    ]);
  });

  it('warns at more than five look-fors, and when no problem of practice ties them together', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ code: `l${i}`, prompt: 'p' }));
    expect(protocolWarnings({ lookFors: six, problemOfPractice: 'How do…?' })).toEqual([
      expect.stringMatching(/^This protocol has 6 look-fors\. Focus is the point/),
    ]);
    expect(protocolWarnings({ lookFors: six.slice(0, 5), problemOfPractice: 'How do…?' })).toEqual([]);
    expect(protocolWarnings({ lookFors: six.slice(0, 2), problemOfPractice: ' ' })[0]).toMatch(
      /problem of practice/,
    );
  });

  it('reads a rating scale written as 1-4, 1–4 or 1 to 4', () => {
    expect(['1-4', '1–4', '1 to 4', 'yes'].map(usesRatingScale)).toEqual([true, true, true, true]);
    expect(['', 'no', '1-5'].map(usesRatingScale)).toEqual([false, false, false]);
  });
});

describe('look-fors pasted into the sidebar', () => {
  it('takes cells copied from the sheet, "code: prompt" and "#code prompt", and names the lines it cannot use', () => {
    const { lookFors, problems } = parseLookForLines(
      'cite\tHow do students use the text?\n#talk Who talks?\n\ntasks: What are students asked to do?\n???\ncite: again',
    );
    expect(lookFors.map((l) => l.code)).toEqual(['cite', 'talk', 'tasks']);
    expect(lookFors[0]!.prompt).toBe('How do students use the text?');
    expect(problems).toEqual([
      expect.stringMatching(/^Line 5: “\?\?\?” is not “code: prompt”/),
      'Line 6: #cite is already a look-for; this line was left out.',
    ]);
  });
});
