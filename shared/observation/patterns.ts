// The patterns board of a debrief: how widespread the evidence for each look-for was across the classrooms
// visited, in the words rounds use — few, some, many, most — never a score for a named teacher.

export type Consensus = 'few' | 'some' | 'many' | 'most';

/** few: under a quarter · some: under half · many: under three quarters · most: the rest. */
export function consensusOf(seen: number, of: number): Consensus | null {
  if (of <= 0 || seen <= 0) return null;
  const share = seen / of;
  if (share < 0.25) return 'few';
  if (share < 0.5) return 'some';
  if (share < 0.75) return 'many';
  return 'most';
}

export interface PatternCell {
  code: string;
  prompt: string;
  /** Classrooms where at least one observer recorded evidence for the look-for. */
  classrooms: number;
  of: number;
  observers: number;
  consensus: Consensus | null;
}

/** One cell per look-for, in the protocol's order, from the (look-for, classroom, observer) of each line. */
export function patternsBoard(
  lookFors: readonly { code: string; prompt: string }[],
  evidence: readonly { code: string; classroom: string; observer: string }[],
  classroomsVisited: number,
): PatternCell[] {
  return lookFors.map((l) => {
    const mine = evidence.filter((e) => e.code === l.code);
    const classrooms = new Set(mine.map((e) => e.classroom.toLowerCase()).filter(Boolean)).size;
    const observers = new Set(mine.map((e) => e.observer)).size;
    return {
      code: l.code,
      prompt: l.prompt,
      classrooms,
      of: classroomsVisited,
      observers,
      consensus: consensusOf(classrooms, classroomsVisited),
    };
  });
}

export function describePattern(cell: PatternCell): string {
  if (!cell.consensus) return `No classroom had evidence recorded for #${cell.code}.`;
  return `${cell.consensus[0]!.toUpperCase()}${cell.consensus.slice(1)} classrooms (${cell.classrooms} of ${cell.of}) had evidence for #${cell.code}, seen by ${cell.observers} observer${cell.observers === 1 ? '' : 's'}.`;
}
