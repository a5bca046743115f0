// Topics for the meeting's extended session: principals propose and vote in the Topics tab, and the agenda
// takes the top one. Ties are broken by a stated rule — the topic proposed earliest, then by name — so the
// same votes always give the same order, and every rank says why it is where it is.

export interface TopicProposal {
  topic: string;
  proposedBy: string;
  /** When it was proposed: YYYY-MM-DD or a full ISO date-time; compared as text, so keep one form. */
  proposedOn: string;
}

export interface TopicVote {
  topic: string;
  voter: string;
}

export interface RankedTopic {
  rank: number;
  topic: string;
  votes: number;
  voters: string[];
  proposedBy: string;
  proposedOn: string;
  why: string;
}

export interface TopicRanking {
  ranked: RankedTopic[];
  /** Votes not counted, and proposals merged, each in a sentence. */
  notes: string[];
}

/** Topics are the same when they differ only in case, spacing or a trailing full stop. */
export function topicKey(topic: string): string {
  return topic
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '');
}

/**
 * Ranks topics by votes, most first. A voter counts once per topic. Ties: the topic proposed earliest wins,
 * then the one first by name (case-insensitive). A topic proposed twice is one topic, kept from its earliest
 * proposal. A vote for a topic nobody proposed is not counted, and a note says so. `exclude` drops topics
 * the network has already had a session on.
 */
export function rankTopics(
  proposals: readonly TopicProposal[],
  votes: readonly TopicVote[],
  exclude: readonly string[] = [],
): TopicRanking {
  const notes: string[] = [];
  const done = new Set(exclude.map(topicKey));
  const topics = new Map<string, TopicProposal & { voters: Set<string> }>();
  for (const p of proposals) {
    const key = topicKey(p.topic);
    if (!key || done.has(key)) continue;
    const held = topics.get(key);
    if (!held) topics.set(key, { ...p, topic: p.topic.trim(), voters: new Set() });
    else {
      notes.push(`"${p.topic.trim()}" was proposed again by ${p.proposedBy}; counted as one topic.`);
      if (p.proposedOn < held.proposedOn)
        Object.assign(held, { proposedBy: p.proposedBy, proposedOn: p.proposedOn });
    }
  }
  for (const v of votes) {
    const key = topicKey(v.topic);
    if (done.has(key)) continue;
    const topic = topics.get(key);
    const voter = v.voter.trim();
    if (!topic)
      notes.push(`${voter || 'Someone'} voted for "${v.topic.trim()}", which nobody proposed; not counted.`);
    else if (!voter) notes.push(`A vote for "${topic.topic}" has no voter; not counted.`);
    else if (topic.voters.has(voter.toLowerCase()))
      notes.push(`${voter} voted for "${topic.topic}" more than once; counted once.`);
    else topic.voters.add(voter.toLowerCase());
  }
  const voterNames = new Map(votes.map((v) => [v.voter.trim().toLowerCase(), v.voter.trim()]));
  const sorted = [...topics.values()].sort(
    (a, b) =>
      b.voters.size - a.voters.size ||
      a.proposedOn.localeCompare(b.proposedOn) ||
      a.topic.localeCompare(b.topic, 'en', { sensitivity: 'base' }),
  );
  const ranked = sorted.map((t, i): RankedTopic => {
    const count = t.voters.size;
    const tied = sorted.filter((o) => o !== t && o.voters.size === count);
    let why = `${count} vote${count === 1 ? '' : 's'}`;
    if (tied.length) {
      const sameDay = tied.filter((o) => o.proposedOn === t.proposedOn);
      why += `, tied with ${tied.length} other${tied.length === 1 ? '' : 's'}: ties go to the topic proposed earliest (this one on ${t.proposedOn})`;
      if (sameDay.length) why += ', then by name';
    }
    return {
      rank: i + 1,
      topic: t.topic,
      votes: count,
      voters: [...t.voters].map((v) => voterNames.get(v) ?? v),
      proposedBy: t.proposedBy,
      proposedOn: t.proposedOn,
      why,
    };
  });
  return { ranked, notes };
}
