// The sidebar's views, in the order they appear. Adding a view: one file in this folder and one line here
// (test/apps-script/sidebar-views.test.ts checks that the two agree).
import type { SidebarView } from '../view';
import { consultancyView } from './consultancy';
import { documentView } from './document';
import { improvementView } from './improvement';
import { ipopView } from './ipop';
import { meetingsView } from './meetings';
import { observationFormView } from './observation-form';
import { resourcesView } from './resources';
import { supportView } from './support';
import { visitPlannerView } from './visit-planner';
import { trackerView } from './tracker';
import { visitDebriefView } from './visit-debrief';

export const SIDEBAR_VIEWS: readonly SidebarView[] = [
  trackerView,
  supportView,
  meetingsView,
  visitPlannerView,
  consultancyView,
  improvementView,
  resourcesView,
  visitDebriefView,
  ipopView,
  documentView,
  observationFormView,
];
