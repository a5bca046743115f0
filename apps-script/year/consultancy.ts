// One leader's challenge (consultancy): the notes the group takes in each step go into the meeting's agenda
// Doc under that step's heading (roles with the presentation), and the evidence linter says which lines
// judge rather than describe, with the facilitator's probing question for each.
import { lintEvidence } from '../../shared/evidence/lint';
import {
  CONSULTANCY_STEPS,
  roleProblems,
  type ConsultancyRoles,
  type ConsultancyStep,
} from '../../shared/year/consultancy';
import type { DocLine } from '../../shared/year-tabs/agenda-doc';
import { readMeetings } from '../../shared/year-tabs/meetings';
import type { AgendaDocs } from '../services/agenda-docs';
import { missingTab, type YearDeps } from './year-deps';

export interface ConsultancyNotesSaved {
  report: string;
  /** The facilitator's probes for lines that judge, one per flagged word. */
  probes: string[];
}

/** The Doc id in an agenda link (or the id itself). */
export function docIdOf(link: string): string | null {
  const fromLink = /\/d\/([A-Za-z0-9_-]{10,})/.exec(link)?.[1];
  if (fromLink) return fromLink;
  return /^[A-Za-z0-9_-]{10,}$/.test(link.trim()) ? link.trim() : null;
}

export function consultancyLines(
  step: ConsultancyStep,
  notes: string,
  roles: Partial<ConsultancyRoles>,
): DocLine[] {
  const plan = CONSULTANCY_STEPS.find((s) => s.step === step);
  if (!plan) throw new Error(`“${step}” is not a step of the consultancy protocol.`);
  const lines: DocLine[] = [{ text: `Consultancy — ${plan.title}`, style: 'HEADING_2' }];
  if (step === 'presentation')
    lines.push({
      text: `Presenter: ${roles.presenter ?? ''} · Facilitator: ${roles.facilitator ?? ''} · Timekeeper: ${roles.timekeeper ?? ''}`,
      style: 'NORMAL_TEXT',
    });
  for (const line of notes
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean))
    lines.push({ text: line, style: 'NORMAL_TEXT', bullet: 'disc' });
  return lines;
}

export function saveConsultancyNotes(
  deps: Pick<YearDeps, 'sheets'>,
  docs: AgendaDocs,
  row: number,
  step: ConsultancyStep,
  notes: string,
  roles: Partial<ConsultancyRoles>,
): ConsultancyNotesSaved {
  if (step === 'presentation') {
    const problems = roleProblems(roles);
    if (problems.length)
      throw new Error(`Before the presentation: ${problems.join('; ')}. Nothing was written.`);
  }
  const read = readMeetings(deps.sheets.read(['meetings']));
  if (!read.sheetName) throw missingTab('meetings');
  const meeting = read.meetings.find((m) => m.row === row);
  const id = meeting ? docIdOf(meeting.agendaDoc) : null;
  if (!meeting || !id)
    throw new Error(
      `The meeting in row ${row} of ${read.sheetName} has no agenda Doc yet: create its agenda first, and the notes go under each step there. Nothing was written.`,
    );
  const lines = consultancyLines(step, notes, roles);
  docs.appendLines(id, lines);
  const probes = lines
    .filter((l) => l.bullet)
    .flatMap((l) => lintEvidence(l.text).flags.map((f) => `“${l.text}”: ${f.question}`));
  return {
    report: `Added ${lines.length - 1} line${lines.length === 2 ? '' : 's'} under “${lines[0]!.text}” in the agenda for ${meeting.date}.`,
    probes,
  };
}
