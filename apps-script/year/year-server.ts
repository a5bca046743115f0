// The google.script.run targets of the sidebar's year views: each opens the network spreadsheet's year
// tabs and runs one command. Text from the sidebar is checked and kept short before it reaches a cell.
import { lookAtImprovement, type ImprovementLook } from './improvement';
import { askForResource, lookAtResources, type ResourceLook } from './resources';
import { drawRunCharts, type RunChartsResult } from './run-charts';
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
