// Collect the visit: every observer's form, read back, turned into the debrief — evidence by look-for with
// the observer's initials only, the patterns board, warm feedback, wonderings, the prediction and the next
// level of work — plus the 1–4 ratings calibration compares. Pure: the add-on reads the Docs and writes the rows.
import { findIdentityWarnings } from '../evidence/identity';
import { lintEvidence, type EvidenceKind } from '../evidence/lint';
import type { ReadForm } from './document';
import type { ReflectionKey } from './form';
import type { LookFor } from './look-fors';
import { describePattern, patternsBoard, type PatternCell } from './patterns';

export interface VisitToCollect {
  number: string;
  hostSchool: string;
  date: string;
}

export interface CollectedDoc {
  id: string;
  name: string;
  form: ReadForm;
}

export type DebriefSection = 'evidence' | 'untagged' | 'pattern' | ReflectionKey;

/** A Debrief tab row, by the tab's column keys. */
export interface DebriefRecord {
  visit: string;
  classroom: string;
  lookFor: string;
  evidence: string;
  section: DebriefSection;
  observer: string;
  kind: EvidenceKind | '';
  rating: number | '';
  consensus: string;
  collectedAt: string;
}

/** One observer's 1–4 rating of one look-for in one classroom. */
export interface ObserverRating {
  classroom: string;
  lookFor: string;
  observer: string;
  rating: number;
}

export interface VisitDebrief {
  records: DebriefRecord[];
  patterns: PatternCell[];
  nextLevel: string[];
  ratings: ObserverRating[];
  observers: string[];
  /** What could not be used, each naming the Doc (and line) it came from. */
  problems: string[];
}

export function debriefOfVisit(input: {
  visit: VisitToCollect;
  protocolLookFors: readonly LookFor[];
  docs: readonly CollectedDoc[];
  collectedAt: string;
}): VisitDebrief {
  const { visit, docs, collectedAt } = input;
  const problems: string[] = [];
  const lookFors: LookFor[] = [...input.protocolLookFors];
  const evidence: DebriefRecord[] = [];
  const reflections: DebriefRecord[] = [];
  const ratings = new Map<string, ObserverRating>();
  const observers: string[] = [];
  const base = { visit: visit.number, consensus: '', collectedAt };

  for (const doc of docs) {
    const { form } = doc;
    if (!form.hasForm) {
      problems.push(`“${doc.name}” has no Rounds observation form in it; it was left out.`);
      continue;
    }
    const docVisit = (form.header.visit ?? '').trim();
    if (docVisit && docVisit !== visit.number) {
      problems.push(
        `“${doc.name}” is labelled visit ${docVisit}, not visit ${visit.number}; it was left out.`,
      );
      continue;
    }
    const observer = (form.header.observer ?? '').trim().toUpperCase();
    if (!observer)
      problems.push(`“${doc.name}” has no observer initials in its header; its lines are marked “?”.`);
    const who = observer || '?';
    if (!observers.includes(who)) observers.push(who);
    for (const l of form.lookFors) if (!lookFors.some((k) => k.code === l.code)) lookFors.push(l);

    for (const line of form.lines) {
      const at = `“${doc.name}”, line ${line.index + 1}`;
      for (const w of findIdentityWarnings(line.text, { allow: lookFors.map((l) => l.prompt) }))
        problems.push(`${at}: ${w.message}`);
      for (const code of line.unknownTags)
        problems.push(`${at}: #${code} is not one of this visit's look-fors; the tag was ignored.`);
      if (line.reflection) {
        reflections.push({
          ...base,
          classroom: line.classroom,
          lookFor: '',
          evidence: line.text,
          section: line.reflection,
          observer: who,
          kind: '',
          rating: '',
        });
        continue;
      }
      const kind = lintEvidence(line.text).kind;
      const rating = ratingOf(line.rating);
      if (line.rating.trim() && rating === null)
        problems.push(`${at}: rating “${line.rating.trim()}” is not 1, 2, 3 or 4; it was left out.`);
      if (!line.codes.length) {
        evidence.push({
          ...base,
          classroom: line.classroom,
          lookFor: '',
          evidence: line.text,
          section: 'untagged',
          observer: who,
          kind,
          rating: '',
        });
        continue;
      }
      for (const code of line.codes) {
        evidence.push({
          ...base,
          classroom: line.classroom,
          lookFor: code,
          evidence: line.text,
          section: 'evidence',
          observer: who,
          kind,
          rating: rating ?? '',
        });
        if (rating !== null && line.classroom) {
          const key = `${line.classroom.toLowerCase()}|${code}|${who}`;
          if (!ratings.has(key))
            ratings.set(key, { classroom: line.classroom, lookFor: code, observer: who, rating });
        }
      }
    }
  }

  const classrooms = new Set(evidence.map((e) => e.classroom.toLowerCase()).filter(Boolean));
  const patterns = patternsBoard(
    lookFors,
    evidence
      .filter((e) => e.section === 'evidence')
      .map((e) => ({ code: e.lookFor, classroom: e.classroom, observer: e.observer })),
    classrooms.size,
  );
  const patternRows: DebriefRecord[] = patterns.map((p) => ({
    ...base,
    classroom: '',
    lookFor: p.code,
    evidence: describePattern(p),
    section: 'pattern',
    observer: '',
    kind: '',
    rating: '',
    consensus: p.consensus ?? '',
  }));
  const order = (code: string) => {
    const i = lookFors.findIndex((l) => l.code === code);
    return i < 0 ? lookFors.length : i;
  };
  const tagged = evidence
    .filter((e) => e.section === 'evidence')
    .sort((a, b) => order(a.lookFor) - order(b.lookFor));
  const untagged = evidence.filter((e) => e.section === 'untagged');
  const sectionOrder: ReflectionKey[] = ['warm', 'wondering', 'predict', 'next'];
  const sortedReflections = [...reflections].sort(
    (a, b) =>
      sectionOrder.indexOf(a.section as ReflectionKey) - sectionOrder.indexOf(b.section as ReflectionKey),
  );
  const seen = new Set<string>();
  const nextLevel = reflections
    .filter((r) => r.section === 'next')
    .map((r) => r.evidence.trim())
    .filter((t) => {
      const k = t.toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  return {
    records: [...tagged, ...untagged, ...patternRows, ...sortedReflections],
    patterns,
    nextLevel,
    ratings: [...ratings.values()],
    observers,
    problems,
  };
}

function ratingOf(cell: string): number | null {
  const t = cell.trim();
  return /^[1-4]$/.test(t) ? Number(t) : null;
}
