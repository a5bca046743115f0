// The google.script.run targets of the sidebar's year views: each opens the network spreadsheet's year
// tabs and runs one command. Text from the sidebar is checked and kept short before it reaches a cell.
import { activeAgendaDocs } from '../services/agenda-docs';
import type { ConsultancyRoles, ConsultancyStep } from '../../shared/year/consultancy';
import type { MeetingMinutes } from '../../shared/year-tabs/meetings';
import { saveConsultancyNotes, type ConsultancyNotesSaved } from './consultancy';
import { coverageInSheet, type CoverageLook } from './coverage';
import { lookAtImprovement, type ImprovementLook } from './improvement';
import {
  createAgenda,
  lookAtMeetings,
  saveAgendaMinutes,
  type AgendaCreated,
  type MeetingsLook,
} from './meetings';
import { askForResource, lookAtResources, type ResourceLook } from './resources';
import { drawRunCharts, type RunChartsResult } from './run-charts';
import { planVisitsInSheet, type VisitPlanOptions, type VisitPlanResult } from './visit-planner';
import { harvestTheSpotlight, type SpotlightResult } from './spotlight';
import { openYear } from './year-deps';

const short = (value: unknown, max = 500) => (typeof value === 'string' ? value.slice(0, max) : '');

export function getImprovementLook(): ImprovementLook {
  return lookAtImprovement(openYear());
}

export function drawRunChartsFromSidebar(): RunChartsResult {
  return drawRunCharts(openYear());
}

export function getResourceLook(): ResourceLook {
  return lookAtResources(openYear());
}

export function askForResourceFromSidebar(school: string, request: string, forWhom: string): string {
  return askForResource(openYear(), short(school, 200), short(request), short(forWhom, 200));
}

export function getMeetingsLook(): MeetingsLook {
  return lookAtMeetings(openYear());
}

const minutesOf = (value: unknown): number | null =>
  value === null || value === '' || value === undefined ? null : Number(value);

export function saveAgendaMinutesFromSidebar(row: number, minutes: MeetingMinutes): string {
  const m = (minutes ?? {}) as Partial<MeetingMinutes>;
  return saveAgendaMinutes(openYear(), Number(row), {
    warmUp: minutesOf(m.warmUp),
    walkThrough: minutesOf(m.walkThrough),
    session: minutesOf(m.session),
    operations: minutesOf(m.operations),
  });
}

export function createAgendaFromSidebar(
  row: number,
  prep: { toShow: string; feedbackWanted: string },
): AgendaCreated {
  return createAgenda(openYear(), activeAgendaDocs(), Number(row), {
    toShow: short(prep?.toShow),
    feedbackWanted: short(prep?.feedbackWanted),
  });
}

export function saveConsultancyNotesFromSidebar(
  row: number,
  step: ConsultancyStep,
  notes: string,
  roles: ConsultancyRoles,
): ConsultancyNotesSaved {
  return saveConsultancyNotes(openYear(), activeAgendaDocs(), Number(row), step, short(notes, 5000), {
    presenter: short(roles?.presenter, 200),
    facilitator: short(roles?.facilitator, 200),
    timekeeper: short(roles?.timekeeper, 200),
  });
}

export function planVisitsFromSidebar(options: VisitPlanOptions, write: boolean): VisitPlanResult {
  const o = (options ?? {}) as Partial<VisitPlanOptions>;
  return planVisitsInSheet(
    openYear(),
    {
      start: short(o.start, 10),
      meetings: Number(o.meetings),
      cadenceDays: Number(o.cadenceDays),
      rounds: Number(o.rounds),
    },
    write === true,
  );
}

export function harvestSpotlightFromSidebar(): SpotlightResult {
  return harvestTheSpotlight(openYear());
}

export function getCoverageLook(): CoverageLook {
  return coverageInSheet(openYear());
}
