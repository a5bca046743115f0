// Where an email or a Doc probably belongs — cycle, step, school — so filing is one click more often than
// not: first where earlier filings of the same thread or sender went (the Filings tab every member shares),
// then what the text says (school names and step words), then the cycle's current step. Every suggestion says
// why in a sentence the principal can check. Pure and fast: no I/O, text read once, capped in length.
import { STEP_NUMBERS, type StepNumber } from '../domain';
import { findSchool, type CycleRow, type FilingRow, type SchoolRow } from './network-tables';
import { containsRun, distinctiveWords, initialsOf, readCycleName, words } from './names';

export interface FilingCandidate {
  kind: 'email' | 'doc';
  title: string;
  /** "Dana Ruiz <dana@maplegrove.org>" or just the address. */
  from?: string;
  gmailThreadId?: string;
  /** The body or the Doc's text; only the first MAX_TEXT characters are read. */
  text?: string;
}

export interface SuggestContext {
  cycles: readonly CycleRow[];
  schools: readonly SchoolRow[];
  filings: readonly FilingRow[];
  stepLabels: Readonly<Record<StepNumber, string>>;
  /** The user's last choice in the panel, used when nothing better is known. */
  lastChoice?: { cycleId: string; step: StepNumber; schoolId?: string };
}

export interface FilingSuggestion {
  cycleId: string;
  step: StepNumber;
  schoolId?: string;
  /** 0..1, for ordering and for how firmly the panel presents it. */
  confidence: number;
  basis: 'thread' | 'sender' | 'text' | 'last-choice' | 'current-step';
  reason: string;
}

export const MAX_TEXT = 20_000;

/** Phrases that point to a step when an email or Doc mentions them; longer phrases weigh more. */
export const STEP_TEXT_WORDS: Readonly<Record<StepNumber, readonly string[]>> = {
  1: ['problem of practice', 'ipop', 'instructional problem', 'theory of action'],
  2: ['research', 'article', 'reading', 'readings', 'literature', 'book study'],
  3: ['data', 'assessment', 'assessments', 'scores', 'test results', 'benchmark', 'attendance'],
  4: [
    'student work',
    'observation',
    'observations',
    'walkthrough',
    'look fors',
    'evidence',
    'classroom practice',
  ],
  5: ['leader s challenge', 'challenge', 'consultancy', 'dilemma'],
  6: ['school visit', 'site visit', 'host school', 'learning walk', 'rounds', 'debrief'],
  7: ['action plan', 'action planning', 'next steps', 'implementation'],
  8: ['celebration', 'celebrate', 'feedback', 'reflection', 'end of cycle survey'],
};

/** Best first; at most one suggestion per (cycle, step, school). Empty when the network has no cycles. */
export function suggestFiling(item: FilingCandidate, ctx: SuggestContext): FilingSuggestion[] {
  const out: FilingSuggestion[] = [];
  const cycleIds = new Set(ctx.cycles.map((c) => c.id));
  const known = ctx.filings.filter((f) => cycleIds.has(f.cycleId) && f.step !== null);
  const newestFirst = [...known].sort((a, b) => b.filedAt.localeCompare(a.filedAt));
  const schoolOf = (f: FilingRow) => findSchool(ctx.schools, f.school)?.id;

  const thread = item.gmailThreadId && newestFirst.find((f) => f.gmailThreadId === item.gmailThreadId);
  if (thread)
    out.push({
      cycleId: thread.cycleId,
      step: thread.step!,
      schoolId: schoolOf(thread),
      confidence: 0.95,
      basis: 'thread',
      reason: `Filed here last time from this thread${by(thread)}.`,
    });

  const sender = addressOf(item.from);
  if (sender) {
    const same = newestFirst.filter((f) => addressOf(f.from) === sender);
    const counts = new Map<string, { f: FilingRow; n: number }>();
    for (const f of same) {
      const key = `${f.cycleId}/${f.step}/${schoolOf(f) ?? ''}`;
      counts.set(key, { f: counts.get(key)?.f ?? f, n: (counts.get(key)?.n ?? 0) + 1 });
    }
    const top = [...counts.values()].sort((a, b) => b.n - a.n)[0];
    if (top)
      out.push({
        cycleId: top.f.cycleId,
        step: top.f.step!,
        schoolId: schoolOf(top.f),
        confidence: Math.min(0.85, 0.55 + 0.1 * top.n),
        basis: 'sender',
        reason:
          top.n === 1
            ? `The last email from ${sender} was filed here.`
            : `${top.n} earlier emails from ${sender} were filed here.`,
      });
  }

  const fromText = readText(item, ctx);
  if (fromText) out.push(fromText);

  if (ctx.lastChoice && cycleIds.has(ctx.lastChoice.cycleId))
    out.push({
      ...ctx.lastChoice,
      confidence: 0.3,
      basis: 'last-choice',
      reason: 'Where you filed last time.',
    });

  const current = currentCycle(ctx.cycles);
  if (current?.currentStep)
    out.push({
      cycleId: current.id,
      step: current.currentStep,
      confidence: 0.2,
      basis: 'current-step',
      reason: `${current.name} is at step ${current.currentStep} (${ctx.stepLabels[current.currentStep]}).`,
    });

  const seen = new Set<string>();
  return out
    .sort((a, b) => b.confidence - a.confidence)
    .filter((s) => {
      const key = `${s.cycleId}/${s.step}/${s.schoolId ?? ''}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    });
}

/** The text's own evidence: school names or initials, step words, a cycle named by number. */
function readText(item: FilingCandidate, ctx: SuggestContext): FilingSuggestion | null {
  const body = (item.text ?? '').slice(0, MAX_TEXT);
  const titleWords = words(item.title);
  const allWords = [...titleWords, ...words(body)];
  const raw = `${item.title}\n${body}`;

  // Schools: by their distinctive words, or by initials written in capitals ("MGE"), or the principal's address.
  const upper = new Set(raw.match(/\b[A-Z][A-Z0-9]{1,4}\b/g) ?? []);
  const mentioned = ctx.schools.flatMap((s) => {
    const name = distinctiveWords(s.name);
    const inTitle = containsRun(titleWords, name);
    if (inTitle || containsRun(allWords, name)) return [{ s, weight: inTitle ? 2 : 1, as: s.name }];
    const initials = [...initialsOf(s.name)].map((i) => i.toUpperCase()).find((i) => upper.has(i));
    const shared =
      initials && ctx.schools.filter((o) => initialsOf(o.name).has(initials.toLowerCase())).length;
    return initials && shared === 1 ? [{ s, weight: 1, as: initials }] : [];
  });
  const sender = addressOf(item.from);
  const principalOf = sender
    ? ctx.schools.find((s) => s.principalEmail?.toLowerCase() === sender)
    : undefined;
  mentioned.sort((a, b) => b.weight - a.weight);
  const school =
    mentioned.length === 1 || (mentioned.length > 1 && mentioned[0]!.weight > mentioned[1]!.weight)
      ? mentioned[0]!
      : undefined;

  // Steps: every phrase found, title words counting double; the step with the most weight wins outright.
  const scores = new Map<StepNumber, { score: number; phrases: string[] }>();
  for (const step of STEP_NUMBERS) {
    for (const phrase of [...STEP_TEXT_WORDS[step], ctx.stepLabels[step]]) {
      const run = words(phrase);
      const hits = occurrences(allWords, run) + occurrences(titleWords, run);
      if (!hits) continue;
      const entry = scores.get(step) ?? { score: 0, phrases: [] };
      entry.score += hits * run.length;
      entry.phrases.push(phrase);
      scores.set(step, entry);
    }
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score);
  const [first, second] = ranked;
  const step = first && (!second || first[1].score > second[1].score) ? first : undefined;

  const cycle = cycleFromText(raw, ctx.cycles, school?.s) ?? currentCycle(ctx.cycles);
  if (!cycle || (!step && !school && !principalOf)) return null;
  const chosenStep = step?.[0] ?? cycle.currentStep;
  if (!chosenStep) return null;
  const schoolId = (school?.s ?? principalOf)?.id;

  const parts: string[] = [];
  if (school) parts.push(school.as);
  else if (principalOf) parts.push(`sent by ${principalOf.name}'s principal`);
  if (step)
    parts.push(
      step[1].phrases
        .slice(0, 2)
        .map((p) => `‘${p}’`)
        .join(' and '),
    );
  const lead = school || step ? 'Mentions ' : '';
  const reason = `${lead}${parts.join(' and ')}${step ? '' : `; ${cycle.name} is at step ${chosenStep}`}.`;
  const confidence = Math.min(
    0.8,
    0.35 + (step ? Math.min(0.3, 0.1 * step[1].score) : 0) + (schoolId ? 0.15 : 0),
  );
  return {
    cycleId: cycle.id,
    step: chosenStep,
    schoolId,
    confidence,
    basis: 'text',
    reason: capital(reason),
  };
}

/** A cycle the text names ("Cycle 2"), or the individual cycle of the school it is about. */
function cycleFromText(raw: string, cycles: readonly CycleRow[], school?: SchoolRow): CycleRow | undefined {
  const named = readCycleName(raw);
  if (named.number !== null) {
    const hits = cycles.filter((c) => readCycleName(c.name).number === named.number);
    if (hits.length === 1) return hits[0];
  }
  if (school) {
    const own = cycles.filter((c) => c.problem === 'individual' && findSchool([school], c.school));
    if (own.length === 1) return own[0];
  }
  return undefined;
}

/** The cycle most recently started (the Cycles tab's last row when no dates are given). */
export function currentCycle(cycles: readonly CycleRow[]): CycleRow | undefined {
  const common = cycles.filter((c) => c.problem !== 'individual');
  const pool = common.length ? common : cycles;
  return pool.reduce<CycleRow | undefined>(
    (best, c) => (!best || (c.startedOn ?? '') >= (best.startedOn ?? '') ? c : best),
    undefined,
  );
}

function occurrences(all: readonly string[], run: readonly string[]): number {
  let n = 0;
  for (let i = 0; i + run.length <= all.length; i++) if (run.every((w, j) => all[i + j] === w)) n++;
  return n;
}

/** The bare address of "Name <a@b>" or "a@b", lower-cased; undefined when there is none. */
export function addressOf(from: string | undefined): string | undefined {
  const m = /<([^<>\s]+@[^<>\s]+)>/.exec(from ?? '') ?? /([^\s<>"]+@[^\s<>"]+)/.exec(from ?? '');
  return m ? m[1]!.toLowerCase() : undefined;
}

function by(f: FilingRow): string {
  const who = f.filedBy ? ` by ${f.filedBy.replace(/@.*/, '')}` : '';
  const when = /^\d{4}-\d\d-\d\d/.test(f.filedAt) ? `, ${f.filedAt.slice(0, 10)}` : '';
  return `${who}${when}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
