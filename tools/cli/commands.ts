// The registry of `rounds` commands. Each command is one file exporting `run(argv, io)`; it is loaded only
// when called so `rounds --help` stays instant. A test checks every file in this folder is listed here.

export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
}

export interface CommandModule {
  run(argv: string[], io: CommandIO): Promise<number>;
}

export interface Command {
  name: string;
  summary: string;
  load(): Promise<CommandModule>;
}

export const commands: Command[] = [
  {
    name: 'schema',
    summary: 'print the network spreadsheet schema (tabs, columns, version)',
    load: () => import('./schema'),
  },
  {
    name: 'sandbox',
    summary: 'run the local Google stand-in (Drive v3 + Sheets v4) with faults, latency and rate limits',
    load: () => import('./sandbox'),
  },
  {
    name: 'triage',
    summary: 'sort central-office mail (.jsonl, .eml, .mbox) into tiers with deadlines and reasons',
    load: () => import('./triage'),
  },
  {
    name: 'digest',
    summary: 'list the mandate dates in a window, must-do first (text or email-safe HTML)',
    load: () => import('./digest'),
  },
  {
    name: 'check-ipop',
    summary:
      'check problems of practice (.jsonl) against the qualities of an IPOP, with advice per criterion',
    load: () => import('./check-ipop'),
  },
  {
    name: 'run-chart',
    summary: 'read measures (.jsonl) as run charts: median, runs and shift / trend / runs signals',
    load: () => import('./run-chart'),
  },
  {
    name: 'plan-visits',
    summary:
      'plan the network’s year: meeting hosts and buddy-visit rounds with reasons (--coverage: who was left out)',
    load: () => import('./plan-visits'),
  },
  {
    name: 'lint-evidence',
    summary: 'mark judgments in observation evidence (.jsonl) with the question that asks for what was seen',
    load: () => import('./lint-evidence'),
  },
];
