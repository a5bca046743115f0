// What the sidebar's year views and the server say to each other (google.script.run): plain JSON-safe
// data, the server functions' names included in SidebarServer so a renamed field breaks the type check.
import type { ImprovementLook } from './improvement';
import type { ResourceLook } from './resources';
import type { RunChartsResult } from './run-charts';

export type { ImprovementLook, ResourceLook, RunChartsResult };

export interface YearServer {
  getImprovementLook(): ImprovementLook;
  drawRunChartsFromSidebar(): RunChartsResult;
  getResourceLook(): ResourceLook;
  askForResourceFromSidebar(school: string, request: string, forWhom: string): string;
}
