// Review bench for the IPOP checker: prints its verdict on every statement of a JSON Lines file
// ({id, text, label_in_source?}) so a person can read them, then how the verdicts line up with the
// source's own labels where it gave one, and the checker's speed. The corpus stays outside the repository.
// Usage: npm run bench:ipop -- FILE.jsonl [--quiet]
import { checkIpop, IPOP_CRITERIA, summarizeCheck, type IpopCheck } from '../../shared/ipop/check';
import { benchArguments, readStatements, statementsPerSecond } from './statements';

interface Statement {
  id: string;
  text: string;
  label_in_source?: string | null;
}

/**
 * What a source's label says the checker should find. The labels come from different handouts: an
 * `example` is offered as a model problem of practice or question; a `suggestion` is a topic teachers
 * proposed (not yet an IPOP); `grounded_evidence` / `not_grounded` speak only to grounding.
 */
const EXPECTATIONS: Record<string, { what: string; agrees(check: IpopCheck): boolean }> = {
  example: {
    what: 'a model: not a bare topic, about student learning or the core',
    agrees: (c) =>
      c.form !== 'topic' && (c.criteria.studentLearning.pass || c.criteria.instructionalCore.pass),
  },
  suggestion: { what: 'a topic, not yet an IPOP: does not pass', agrees: (c) => !c.pass },
  grounded_evidence: { what: 'grounded in data', agrees: (c) => c.criteria.grounded.pass },
  not_grounded: { what: 'not grounded in data', agrees: (c) => !c.criteria.grounded.pass },
};

function main(argv: string[]): number {
  const args = benchArguments('ipop', argv);
  if (!args) return 2;
  const { quiet } = args;
  const statements = readStatements(args.path, (record) => record as unknown as Statement);

  const tally = new Map<string, { agree: number; total: number; misses: string[] }>();
  const passes = Object.fromEntries(IPOP_CRITERIA.map((k) => [k, 0])) as Record<string, number>;
  const forms = { question: 0, statement: 0, topic: 0 };
  for (const s of statements) {
    const check = checkIpop(s.text);
    forms[check.form]++;
    for (const k of IPOP_CRITERIA) if (check.criteria[k].pass) passes[k]!++;
    const label = s.label_in_source ?? null;
    const expectation = label ? EXPECTATIONS[label] : undefined;
    let mark = ' ';
    if (label && expectation) {
      const t = tally.get(label) ?? { agree: 0, total: 0, misses: [] };
      t.total++;
      if (expectation.agrees(check)) {
        t.agree++;
        mark = '=';
      } else {
        t.misses.push(s.id);
        mark = '≠';
      }
      tally.set(label, t);
    }
    if (!quiet) {
      const ticks = IPOP_CRITERIA.map((k) => (check.criteria[k].pass ? '✓' : '·')).join('');
      process.stdout.write(
        `${mark} ${ticks} ${check.form.padEnd(9)} ${(label ?? '-').padEnd(17)} ${s.id}\n    ${s.text.slice(0, 140)}\n    ${summarizeCheck(check)}\n`,
      );
    }
  }

  const perSecond = statementsPerSecond(statements, (text) => checkIpop(text));

  process.stdout.write(`\n${statements.length} statements · columns: ${IPOP_CRITERIA.join(', ')}\n`);
  process.stdout.write(
    `forms: ${forms.question} questions, ${forms.statement} statements, ${forms.topic} topics\n`,
  );
  process.stdout.write(
    `passing each criterion: ${IPOP_CRITERIA.map((k) => `${k} ${passes[k]}`).join(', ')}\n`,
  );
  process.stdout.write('agreement with the source labels (= agrees, ≠ does not):\n');
  for (const [label, t] of tally) {
    process.stdout.write(
      `  ${label.padEnd(17)} ${t.agree}/${t.total}  (${EXPECTATIONS[label]!.what})${t.misses.length ? `  misses: ${t.misses.join(', ')}` : ''}\n`,
    );
  }
  process.stdout.write(`speed: ${Math.round(perSecond).toLocaleString('en')} statements/s on one core\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
