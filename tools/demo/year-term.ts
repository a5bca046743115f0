// The demo network's year so far, invented for this project: network meetings every other week since
// September (Harborview hosted twice while North Bend and Eastfield have not hosted yet), the next agenda
// with operations grown into the walk-through, the topics principals voted for, a driver diagram, three
// tests of change, a measure at Maple Grove with a shift after its change, and two resource requests.
import type { CellValue, TabKey } from '../../shared/schema/sheet';

type Row = { id: string; record: Record<string, CellValue> };

export const YEAR_ROWS: Partial<Record<TabKey, Row[]>> = {
  meetings: [
    ['2025-09-09', 'Maple Grove K-8', 'Evidence in student talk'],
    ['2025-09-23', 'Harborview K-8', 'Looking at student work together'],
    ['2025-10-07', 'Linden Park K-8', 'Feedback that moves teachers'],
    ['2025-10-21', 'Sycamore Ridge K-8', 'Planning for discourse'],
    ['2025-11-04', 'Harborview K-8', 'Family conferences that matter'],
  ]
    .map(([date, host, topic], i): Row => ({
      id: `meeting-${i + 1}`,
      record: { date: date!, host: host!, topic: topic! },
    }))
    .concat([
      {
        id: 'meeting-6',
        record: {
          date: '2025-12-09',
          host: 'Maple Grove K-8',
          walkThrough: 75,
          operations: 30,
          lookFors: 'Students point to a specific place in the text; Teachers wait after asking for evidence',
          toShow: 'Grade 5 book clubs using evidence questions',
          feedbackWanted: 'How I follow up with teams after a walk-through',
        },
      },
      { id: 'meeting-7', record: { date: '2026-01-13', host: 'North Bend K-8' } },
      { id: 'meeting-8', record: { date: '2026-01-27', host: 'Eastfield K-8' } },
    ]),
  // Celebrated in the demo's week of central-office mail, so the ILD's weekly summary has one.
  spotlight: [
    {
      id: 'spotlight-seed-book-clubs',
      record: {
        date: '2025-12-03',
        school: 'Maple Grove K-8',
        celebration: 'Maple Grove K-8: grade 5 book clubs backed their claims with quotes in 3 of 4 groups',
        from: 'Rosa Delgado',
        source: 'Debrief',
      },
    },
  ],
  pairs: [
    [
      1,
      'Maple Grove K-8, Linden Park K-8',
      'Linden Park asked for help with discussion routines; Maple Grove is strong in them',
    ],
    [1, 'Harborview K-8, Eastfield K-8', 'Eastfield needs math tasks; Harborview is strong in them'],
    [1, 'Sycamore Ridge K-8, North Bend K-8', 'first visit to each other'],
    [
      6,
      'Maple Grove K-8, North Bend K-8',
      'North Bend wants evidence questions; Maple Grove has tried them all fall',
    ],
    [6, 'Harborview K-8, Linden Park K-8', 'new partners: each has not visited the other'],
    [6, 'Sycamore Ridge K-8, Eastfield K-8', 'new partners; Eastfield’s principal asked for a peer visit'],
  ].map(([round, schools, reason], i) => ({
    id: `pair-${i + 1}`,
    record: { round: round!, schools: schools!, reason: reason!, host: String(schools).split(', ')[1]! },
  })),
  topics: [
    [
      'Master schedules that protect intervention',
      'Linden Park K-8',
      '2025-11-05',
      'Linden Park K-8, Eastfield K-8, North Bend K-8',
    ],
    [
      'Coaching teachers who resist feedback',
      'Harborview K-8',
      '2025-11-06',
      'Harborview K-8, Sycamore Ridge K-8',
    ],
    ['Family conferences that matter', 'Maple Grove K-8', '2025-10-01', 'Maple Grove K-8', '2025-11-04'],
  ].map(([topic, proposedBy, proposedOn, votes, takenOn], i) => ({
    id: `topic-${i + 1}`,
    record: {
      topic: topic!,
      proposedBy: proposedBy!,
      proposedOn: proposedOn!,
      votes: votes!,
      takenOn: takenOn ?? '',
    },
  })),
  drivers: [
    ['Aim', 'By June, 70% of grade 3-8 students back a claim about a text with evidence', ''],
    [
      'Primary driver',
      'Tasks that ask for evidence',
      'By June, 70% of grade 3-8 students back a claim about a text with evidence',
    ],
    [
      'Primary driver',
      'Classroom talk where students build on each other',
      'By June, 70% of grade 3-8 students back a claim about a text with evidence',
    ],
    ['Secondary driver', 'Text-dependent questions planned in teams', 'Tasks that ask for evidence'],
    [
      'Secondary driver',
      'Wait time after asking for evidence',
      'Classroom talk where students build on each other',
    ],
    [
      'Secondary driver',
      'Families asking “how do you know?” at home',
      'Classroom talk where students build on each other',
    ],
    ['Change idea', 'One evidence question per reading lesson', 'Text-dependent questions planned in teams'],
    ['Change idea', 'Evidence sentence frames on every table', 'Tasks that ask for evidence'],
    ['Change idea', 'Silent count to five before calling on anyone', 'Wait time after asking for evidence'],
    [
      'Change idea',
      'Family reading night cards with “how do you know?” prompts',
      'Families asking “how do you know?” at home',
    ],
  ].map(([kind, statement, leadsTo], i) => ({
    id: `driver-${i + 1}`,
    record: { kind: kind!, statement: statement!, leadsTo: leadsTo! },
  })),
  changes: [
    {
      id: 'change-1',
      record: {
        change: 'One evidence question per reading lesson',
        driver: 'Text-dependent questions planned in teams',
        school: 'Maple Grove K-8',
        measure: 'Students citing the text in discussion (%)',
        team: 'Grade 5 team, a reading coach, two grade 5 students',
        plan: 'Grade 5 teams plan one evidence question a day for two weeks',
        prediction: 'More than a third of students cite the text by the end of October',
        did: 'All four grade 5 classes, Oct 27 – Nov 7',
        study: 'Citing rose from about 30% to 40% and stayed there',
        act: 'Adopt',
        startedOn: '2025-10-27',
        decidedOn: '2025-11-17',
      },
    },
    {
      id: 'change-2',
      record: {
        change: 'Silent count to five before calling on anyone',
        driver: 'Wait time after asking for evidence',
        school: 'Harborview K-8',
        measure: 'Students citing the text in discussion (%)',
        team: 'Grade 7 ELA teachers, a parent volunteer',
        plan: 'Two grade 7 teachers try it for a week',
        prediction: 'More hands, and more answers that quote the text',
        did: 'One week in two classes',
        study: 'More hands, but answers quoted the text no more often',
        act: 'Adapt: pair the count with an evidence sentence frame',
        startedOn: '2025-11-10',
        decidedOn: '2025-11-21',
      },
    },
    {
      id: 'change-3',
      record: {
        change: 'Family reading night cards with “how do you know?” prompts',
        driver: 'Families asking “how do you know?” at home',
        school: 'Linden Park K-8',
        measure: 'Students citing the text in discussion (%)',
        team: 'Family liaison, three families, grade 4 teachers',
        plan: 'Cards go home after the November reading night',
        prediction: 'Half the families say they used a card at home',
        did: 'Cards went home with 60 families on Nov 20',
        startedOn: '2025-11-20',
      },
    },
  ],
  measures: [28, 31, 39, 30, 29, 32, 30, 33, 38, 41, 40, 43, 42, 44].map((value, i) => ({
    id: `measure-maple-${i + 1}`,
    record: {
      measure: 'Students citing the text in discussion (%)',
      school: 'Maple Grove K-8',
      date: new Date(Date.UTC(2025, 8, 8) + i * 7 * 86400000).toISOString().slice(0, 10),
      value,
      better: 'higher',
      note: i === 8 ? 'First week of one evidence question per lesson' : '',
    },
  })),
  resources: [
    {
      id: 'resource-1',
      record: {
        request: 'The binder the curriculum office made for Ms. Rosario',
        forWhom: 'Grade 3 team',
        school: 'Maple Grove K-8',
        askedOn: '2025-11-12',
        owner: 'Dana Okoro',
        status: 'ready',
        due: '2025-12-09',
        link: 'https://drive.google.com/drive/folders/demo-binder',
      },
    },
    {
      id: 'resource-2',
      record: {
        request: 'A substitute for the morning of our hosting day',
        forWhom: 'Eastfield leadership team',
        school: 'Eastfield K-8',
        askedOn: '2025-11-25',
        owner: 'HR office',
        status: 'brokering',
        due: '2025-12-09',
      },
    },
  ],
  mandates: [
    {
      id: 'mandate-year-1',
      record: {
        receivedAt: '2025-11-24',
        subject: 'Title I family engagement survey',
        from: 'Federal Programs Office',
        tier: 'must_do',
        firstDue: '2025-12-12',
      },
    },
  ],
  translations: [
    {
      id: 'translation-year-1',
      record: {
        // The survey's email is not in the demo inbox, but a translation is always keyed by its Message-ID.
        messageId: '<title-i-family-survey-2025@cvsd.example.org>',
        subject: 'Title I family engagement survey',
        tier: 'must_do',
        meaning: 'Every school sends one survey link to families',
        todo: 'Put the link in your Friday family newsletter',
        byWhen: '2025-12-12',
        translatedBy: 'Dana Okoro',
      },
    },
  ],
};
