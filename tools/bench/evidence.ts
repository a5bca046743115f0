// Bench for the evidence linter: how often it agrees with labelled observation statements on the one call
// that matters in a debrief — is this line descriptive, or does it need evidence behind it (inference and
// evaluative alike)? — overall and per source, and how fast it reads. The corpus stays outside the repo.
// Usage: npm run bench:evidence -- FILE.jsonl [--quiet]   (lines {id, text, label?, source?})
import { lintEvidence, type EvidenceKind } from '../../shared/evidence/lint';
import { benchArguments, readStatements, statementsPerSecond } from './statements';

interface Statement {
  id: string;
  text: string;
  label: EvidenceKind | null;
  source: string;
}

interface Tally {
  labelled: number;
  correct: number;
  descriptive: number;
  descriptiveFlagged: number;
  notDescriptive: number;
  missed: number;
}

const LABELS = new Set(['descriptive', 'inference', 'evaluative']);
const empty = (): Tally => ({
  labelled: 0,
  correct: 0,
  descriptive: 0,
  descriptiveFlagged: 0,
  notDescriptive: 0,
  missed: 0,
});

/** A source named short enough for one line: the host and first path part, or the repository. */
function sourceName(source: string): string {
  const url = /^https?:\/\/(?:www\.)?([^/\s]+)((?:\/[^/\s]*){0,2})/.exec(source);
  if (url) return `${url[1]}${url[2] ?? ''}`.slice(0, 48);
  return source.split(/\s+::|\s+\(/)[0]!.slice(0, 48);
}

const share = (n: number, d: number) => (d ? (n / d).toFixed(3) : '  -  ');

function row(name: string, t: Tally): string {
  return `${name.padEnd(50)} ${String(t.labelled).padStart(4)}  ${share(t.correct, t.labelled).padStart(8)}  ${share(t.descriptiveFlagged, t.descriptive).padStart(7)} (${t.descriptiveFlagged}/${t.descriptive})  ${share(t.missed, t.notDescriptive).padStart(6)} (${t.missed}/${t.notDescriptive})`;
}

function main(argv: string[]): number {
  const args = benchArguments('evidence', argv);
  if (!args) return 2;
  const { quiet } = args;
  const statements: Statement[] = readStatements(args.path, (r, lineNumber) => ({
    id: String(r.id ?? lineNumber),
    text: r.text,
    label: typeof r.label === 'string' && LABELS.has(r.label) ? (r.label as EvidenceKind) : null,
    source: typeof r.source === 'string' ? sourceName(r.source) : '(no source)',
  }));

  const overall = empty();
  const bySource = new Map<string, Tally>();
  const confusion = new Map<string, number>();
  const unlabelled = { descriptive: 0, inference: 0, evaluative: 0 };
  for (const s of statements) {
    const lint = lintEvidence(s.text);
    if (!s.label) {
      unlabelled[lint.kind]++;
      continue;
    }
    const key = `${s.label}→${lint.kind}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    const truthDescriptive = s.label === 'descriptive';
    const saidDescriptive = lint.kind === 'descriptive';
    const source = bySource.get(s.source) ?? empty();
    bySource.set(s.source, source);
    for (const t of [overall, source]) {
      t.labelled++;
      if (truthDescriptive === saidDescriptive) t.correct++;
      if (truthDescriptive) {
        t.descriptive++;
        if (!saidDescriptive) t.descriptiveFlagged++;
      } else {
        t.notDescriptive++;
        if (saidDescriptive) t.missed++;
      }
    }
    if (!quiet && truthDescriptive !== saidDescriptive)
      process.stdout.write(
        `≠ ${s.label.padEnd(11)} linted ${lint.kind.padEnd(11)} ${s.id}\n    ${s.text.slice(0, 160)}\n${lint.flags.length ? `    flags: ${lint.flags.map((f) => f.word).join(', ')}\n` : ''}`,
      );
  }

  // Warm up first, so the figure is the linter's steady speed rather than the compiler's.
  const perSecond = statementsPerSecond(statements, lintEvidence, 300);

  const unlabelledCount = unlabelled.descriptive + unlabelled.inference + unlabelled.evaluative;
  process.stdout.write(
    `\n${statements.length} statements, ${overall.labelled} labelled (descriptive or not is scored; inference and evaluative both need evidence)\n`,
  );
  process.stdout.write(
    `${'source'.padEnd(50)} ${'n'.padStart(4)}  ${'accuracy'.padStart(8)}  descriptive flagged  judgments missed\n`,
  );
  process.stdout.write(`${row('ALL', overall)}\n`);
  for (const [name, t] of [...bySource].sort((a, b) => b[1].labelled - a[1].labelled))
    process.stdout.write(`${row(name, t)}\n`);
  process.stdout.write(
    `labelled → linted: ${[...confusion]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}\n`,
  );
  if (unlabelledCount)
    process.stdout.write(
      `unlabelled or mixed (not scored), linted as: descriptive ${unlabelled.descriptive}, inference ${unlabelled.inference}, evaluative ${unlabelled.evaluative}\n`,
    );
  process.stdout.write(`speed: ${Math.round(perSecond).toLocaleString('en')} lines/s on one core\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
