// Topic voting: most votes first; ties to the topic proposed earliest, then by name; one vote per voter.
import { describe, expect, it } from 'vitest';
import { rankTopics } from '../../../shared/year/topics';

const proposal = (topic: string, proposedOn: string, proposedBy = 'Rosa Delgado') => ({
  topic,
  proposedOn,
  proposedBy,
});
const votes = (topic: string, ...voters: string[]) => voters.map((voter) => ({ topic, voter }));

describe('ranking topics', () => {
  it('puts the topic with most votes first', () => {
    const { ranked } = rankTopics(
      [proposal('Math talk', '2026-09-10'), proposal('Feedback on writing', '2026-09-12')],
      [...votes('Math talk', 'Ana'), ...votes('Feedback on writing', 'Ben', 'Cleo')],
    );
    expect(ranked.map((t) => [t.rank, t.topic, t.votes])).toEqual([
      [1, 'Feedback on writing', 2],
      [2, 'Math talk', 1],
    ]);
    expect(ranked[0]!.voters).toEqual(['Ben', 'Cleo']);
    expect(ranked[0]!.why).toBe('2 votes');
  });

  it('breaks a tie by the topic proposed earliest, then by name', () => {
    const { ranked } = rankTopics(
      [
        proposal('Small groups', '2026-09-12'),
        proposal('Checking for understanding', '2026-09-14'),
        proposal('Attendance routines', '2026-09-14'),
      ],
      [
        ...votes('Small groups', 'Ana', 'Ben'),
        ...votes('Checking for understanding', 'Cleo', 'Dev'),
        ...votes('Attendance routines', 'Eli', 'Fay'),
      ],
    );
    expect(ranked.map((t) => t.topic)).toEqual([
      'Small groups',
      'Attendance routines',
      'Checking for understanding',
    ]);
    expect(ranked[0]!.why).toMatch(
      /tied with 2 others: ties go to the topic proposed earliest \(this one on 2026-09-12\)$/,
    );
    expect(ranked[1]!.why).toMatch(/then by name$/);
  });

  it('counts a voter once per topic, merges a topic proposed twice, and notes a vote for an unknown topic', () => {
    const { ranked, notes } = rankTopics(
      [proposal('Math talk', '2026-09-10', 'Ana'), proposal('math  talk.', '2026-09-08', 'Ben')],
      [...votes('Math talk', 'Cleo', 'cleo ', 'Dev'), ...votes('Recess duty', 'Eli')],
    );
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({
      topic: 'Math talk',
      votes: 2,
      proposedBy: 'Ben',
      proposedOn: '2026-09-08',
    });
    expect(notes).toEqual([
      '"math  talk." was proposed again by Ben; counted as one topic.',
      'cleo voted for "Math talk" more than once; counted once.',
      'Eli voted for "Recess duty", which nobody proposed; not counted.',
    ]);
  });

  it('leaves out topics the network has already had a session on', () => {
    const { ranked } = rankTopics(
      [proposal('Math talk', '2026-09-10'), proposal('Data teams', '2026-09-11')],
      votes('Math talk', 'Ana', 'Ben'),
      ['math talk'],
    );
    expect(ranked.map((t) => t.topic)).toEqual(['Data teams']);
  });
});
