// The add-on's entry points: exactly the functions Apps Script calls by name (simple triggers, menu items,
// google.script.run targets). The build turns each export into a top-level function in Code.js; nothing
// else belongs here. A global that must exist but stay private to the user ends with `_`.
export { onInstall, onOpen } from './menu';
export { getPickerConfig, showConnectExtension } from './connect-extension';
export { setUpTracker, upgradeTracker } from './tracker/tracker-commands';
export { refreshTracker } from './tracker/refresh-commands';
export {
  collectLatestVisit,
  collectVisitFromSidebar,
  getCalibration,
  getObservationForm,
  getVisitsLook,
  insertObservationFormFromMenu,
  insertObservationFormFromSidebar,
  listUntaggedLines,
  tagSelectionFromSidebar,
} from './observation/observation-commands';
export {
  askForSupportFromSidebar,
  getSidebarState,
  getSupportLook,
  refreshTrackerFromSidebar,
  setUpTrackerFromSidebar,
  showSidebar,
} from './sidebar-server';
export {
  askForResourceFromSidebar,
  createAgendaFromSidebar,
  drawRunChartsFromSidebar,
  getCoverageLook,
  getImprovementLook,
  getMeetingsLook,
  getResourceLook,
  harvestSpotlightFromSidebar,
  planVisitsFromSidebar,
  saveAgendaMinutesFromSidebar,
  saveConsultancyNotesFromSidebar,
} from './year/year-server';
export { drawRunChartsFromMenu, harvestSpotlightFromMenu } from './year/year-menu';
