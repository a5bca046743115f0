// The network spreadsheet's tabs for the network's year (issue 18), kept beside sheet.ts so neither file
// grows past a screenful of specs. sheet.ts lists them in TABS; the hidden id column comes in from there.
import type { ColumnSpec, TabSpec } from './sheet';

const col = (key: string, header: string): ColumnSpec => ({ key, header });

// The network's year (issue 18), in the order a network meets it: the meetings and buddy pairs, the topics
// principals vote on, the improvement work (drivers, tests of change, measures, their run charts), then what
// is celebrated and what principals asked for.
export function yearTabs(rowId: ColumnSpec): TabSpec[] {
  return [
    {
      key: 'meetings',
      name: 'Meetings',
      purpose:
        'Network meetings, one row each: date, host school, the topic principals chose, minutes per agenda block (edit them), what the host wants to show and hear, and the agenda Doc.',
      kind: 'table',
      columns: [
        rowId,
        col('date', 'Date'),
        col('host', 'Host school'),
        col('topic', 'Topic'),
        col('warmUp', 'Warm-up (min)'),
        col('walkThrough', 'Walk-through (min)'),
        col('session', 'Topic session (min)'),
        col('operations', 'Operations (min)'),
        col('lookFors', 'Look-fors'),
        col('toShow', 'What to show'),
        col('feedbackWanted', 'Feedback wanted'),
        col('agendaSent', 'Agenda sent'),
        col('folderId', 'Folder ID'),
        col('agendaDoc', 'Agenda Doc'),
        col('reason', 'Why this host'),
      ],
    },
    {
      key: 'pairs',
      name: 'Pairs',
      purpose:
        'Buddy schools for visits between meetings: one row per group in each round, why, and the school the others visit.',
      kind: 'table',
      columns: [
        rowId,
        col('round', 'Round'),
        col('schools', 'Schools'),
        col('reason', 'Why'),
        col('host', 'Visit host'),
      ],
    },
    {
      key: 'topics',
      name: 'Topics',
      purpose:
        'Topics principals propose for the extended session; add your school to Votes to vote (one vote per school). The next agenda takes the top open topic.',
      kind: 'table',
      columns: [
        rowId,
        col('topic', 'Topic'),
        col('proposedBy', 'Proposed by'),
        col('proposedOn', 'Proposed on'),
        col('votes', 'Votes'),
        col('takenOn', 'Taken at meeting'),
      ],
    },
    {
      key: 'drivers',
      name: 'Drivers',
      purpose:
        "The network's theory of improvement: one aim, its primary drivers, their secondary drivers and change ideas; each row names the one it leads to.",
      kind: 'table',
      columns: [rowId, col('kind', 'Kind'), col('statement', 'Statement'), col('leadsTo', 'Leads to')],
    },
    {
      key: 'changes',
      name: 'Changes',
      purpose:
        'Small tests of change (PDSA): plan with a prediction, do, study the result against the prediction, act (adopt, adapt or abandon). Families and students can be on the team.',
      kind: 'table',
      columns: [
        rowId,
        col('change', 'Change'),
        col('driver', 'Driver'),
        col('school', 'School'),
        col('measure', 'Measure'),
        col('team', 'Team'),
        col('plan', 'Plan'),
        col('prediction', 'Prediction'),
        col('did', 'Do'),
        col('study', 'Study'),
        col('act', 'Act'),
        col('startedOn', 'Started'),
        col('decidedOn', 'Decided'),
      ],
    },
    {
      key: 'measures',
      name: 'Measures',
      purpose: 'Dated values of each measure, one row per value; Rounds draws each measure as a run chart.',
      kind: 'table',
      columns: [
        rowId,
        col('measure', 'Measure'),
        col('school', 'School'),
        col('date', 'Date'),
        col('value', 'Value'),
        col('note', 'Note'),
        col('better', 'Better when'),
      ],
    },
    {
      key: 'runCharts',
      name: 'Run charts',
      purpose: 'Each measure as a run chart with its median, and the run-chart rules it shows.',
      kind: 'dashboard',
      columns: [],
    },
    {
      key: 'spotlight',
      name: 'Spotlight',
      purpose:
        'Celebrations harvested from the cycle: successes filed, tests of change adopted, schools moving a step, run charts with a signal.',
      kind: 'table',
      columns: [
        rowId,
        col('date', 'Date'),
        col('school', 'School'),
        col('celebration', 'Celebration'),
        col('from', 'From'),
        col('source', 'Source'),
      ],
    },
    {
      key: 'resources',
      name: 'Resources',
      purpose:
        'What principals asked for and the ILD brokers: who owns it, its status, due by the next meeting, and the Drive link once it is ready.',
      kind: 'table',
      columns: [
        rowId,
        col('request', 'Request'),
        col('forWhom', 'For whom'),
        col('school', 'Asked by'),
        col('askedOn', 'Asked on'),
        col('owner', 'Owner'),
        col('status', 'Status'),
        col('due', 'Due'),
        col('link', 'Drive link'),
      ],
    },
  ];
}
