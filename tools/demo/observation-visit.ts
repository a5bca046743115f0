// Visit 3 of the demo network (Maple Grove K-8, 2025-11-18) as its observers wrote it up: the host's two
// look-fors on the network's problem of practice, rated 1–4, and what three observers — Rosa Delgado, the
// ILD Dana Okoro and Priya Nair, by initials only — saw in three classrooms. Invented for this project.

export const VISIT_NUMBER = '3';
export const VISIT_HOST = 'Maple Grove K-8';
export const VISIT_DATE = '2025-11-18';
/** The Drive folder the ILD links from visit 3's "Observation folder" cell. */
export const VISIT_FOLDER_ID = '1CedarValleyVisit3Observations';
export const PROBLEM_OF_PRACTICE =
  'How do students in grades 3-8 use evidence from the text when they explain their thinking?';

export const LOOK_FORS = [
  { code: 'cite', prompt: 'When students explain, what do they point to in the text?' },
  { code: 'talk', prompt: 'Who talks about the text, and to whom?' },
];

/** The look-fors as an observer pastes them into the sidebar, one a line. */
export const LOOK_FOR_LINES = LOOK_FORS.map((l) => `${l.code}: ${l.prompt}`).join('\n');

export type EvidenceRow = [classroom: string, evidence: string, rating: string];

export interface ObserverNotes {
  initials: string;
  docName: string;
  docId: string;
  cite: EvidenceRow[];
  talk: EvidenceRow[];
  warm: string[];
  wonder: string[];
  next: string[];
}

export const OBSERVERS: readonly ObserverNotes[] = [
  {
    initials: 'RD',
    docName: 'Visit 3 notes — RD',
    docId: 'demo-visit3-rd',
    cite: [
      [
        'A',
        'S4 said "it says on page 12 that the creek dried up in July" when asked why the fish moved',
        '3',
      ],
      ['B', 'The discussion was rigorous and students were clearly engaged', '4'],
      ['C', 'No student opened the book during the 10-minute discussion', '1'],
    ],
    talk: [
      ['A', '5 of 6 table groups talked about the question; 1 group talked about recess', ''],
      ['B', 'T spoke for 14 of the 20 minutes I was there', ''],
    ],
    warm: ['Every student in A had a sticky note marking a line in the text'],
    wonder: ['I wonder what students in C are asked to do with the text after reading'],
    next: ['Model how to point to the line before giving an answer'],
  },
  {
    initials: 'DO',
    docName: 'Visit 3 notes — DO',
    docId: 'demo-visit3-do',
    cite: [
      ['A', '3 students read a sentence aloud before answering', '3'],
      ['B', 'S2 asked S5 "where did you find that?"', '2'],
    ],
    talk: [['C', 'Students answered the teacher one at a time; no student spoke to another student', '']],
    warm: ['Students in A and B used the sentence frame "On page __ it says…"'],
    wonder: [],
    next: [
      'Model how to point to the line before giving an answer',
      'Partner talk before whole-class answers',
    ],
  },
  {
    initials: 'PN',
    docName: 'Visit 3 notes — PN',
    docId: 'demo-visit3-pn',
    cite: [
      ['A', 'Anchor chart lists 3 ways to cite: quote, page number, paraphrase', '2'],
      ['C', 'Students seemed bored while the teacher read aloud', '3'],
    ],
    talk: [['B', '4 pairs turned and talked for 2 minutes; I heard text words in 3 of them', '']],
    warm: [],
    wonder: ['I wonder how pairs are chosen in B'],
    next: ['Partner talk before whole-class answers'],
  },
];
