// What the sidebar's year views and the server say to each other (google.script.run): plain JSON-safe
// data, the server functions' names included in SidebarServer so a renamed field breaks the type check.
import type { ConsultancyRoles, ConsultancyStep } from '../../shared/year/consultancy';
import type { MeetingMinutes } from '../../shared/year-tabs/meetings';
import type { ConsultancyNotesSaved } from './consultancy';
import type { CoverageLook } from './coverage';
import type { ImprovementLook } from './improvement';
import type { AgendaCreated, MeetingsLook } from './meetings';
import type { VisitPlanOptions, VisitPlanResult } from './visit-planner';
import type { ResourceLook } from './resources';
import type { SpotlightResult } from './spotlight';
import type { RunChartsResult } from './run-charts';

export type {
  AgendaCreated,
  ConsultancyNotesSaved,
  ConsultancyRoles,
  ConsultancyStep,
  CoverageLook,
  ImprovementLook,
  MeetingMinutes,
  MeetingsLook,
  ResourceLook,
  RunChartsResult,
  SpotlightResult,
  VisitPlanOptions,
  VisitPlanResult,
};

export interface YearServer {
  getImprovementLook(): ImprovementLook;
  drawRunChartsFromSidebar(): RunChartsResult;
  getResourceLook(): ResourceLook;
  askForResourceFromSidebar(school: string, request: string, forWhom: string): string;
  getMeetingsLook(): MeetingsLook;
  saveAgendaMinutesFromSidebar(row: number, minutes: MeetingMinutes): string;
  createAgendaFromSidebar(row: number, prep: { toShow: string; feedbackWanted: string }): AgendaCreated;
  saveConsultancyNotesFromSidebar(
    row: number,
    step: ConsultancyStep,
    notes: string,
    roles: ConsultancyRoles,
  ): ConsultancyNotesSaved;
  planVisitsFromSidebar(options: VisitPlanOptions, write: boolean): VisitPlanResult;
  harvestSpotlightFromSidebar(): SpotlightResult;
  getCoverageLook(): CoverageLook;
}
