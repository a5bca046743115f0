// The demo network, invented for this project: a K-8 network of six schools in the Lead phase of its
// second inquiry cycle (step 4, a common problem of practice), and the Drive folders it already keeps,
// in the kind of mess a real network's Drive grows into, for Rounds to adopt.
import type { Cycle, Ipop, Network, School } from '../../shared/domain';

export const DEMO_DOMAIN = 'cvsd.example.org';

export const ILD = { name: 'Dana Okoro', email: `dana.okoro@${DEMO_DOMAIN}` };

/** Whose mailbox and Drive the demo shows: a principal in the network. */
export const DEMO_USER = { name: 'Rosa Delgado', email: `rosa.delgado@${DEMO_DOMAIN}` };

const SCHOOL_NAMES = [
  { id: 'maple-grove', name: 'Maple Grove K-8', level: 'k8', principal: 'Rosa Delgado' },
  { id: 'harborview', name: 'Harborview K-8', level: 'k8', principal: 'Marcus Bell' },
  { id: 'linden-park', name: 'Linden Park K-8', level: 'k8', principal: 'Priya Nair' },
  { id: 'eastfield', name: 'Eastfield K-8', level: 'k8', principal: 'Tom Okafor' },
  { id: 'sycamore-ridge', name: 'Sycamore Ridge K-8', level: 'k8', principal: 'Ellen Whitaker' },
  { id: 'north-bend', name: 'North Bend K-8', level: 'k8', principal: 'Sam Kowalski' },
] as const;

export const SCHOOLS: readonly School[] = SCHOOL_NAMES.map((s) => ({
  ...s,
  principalEmail: `${s.principal.toLowerCase().replace(' ', '.')}@${DEMO_DOMAIN}`,
}));

export const IPOP: Ipop = {
  id: 'ipop-c2',
  question:
    'When students in grades 3-8 explain their thinking, how often do they point to evidence in the text, and what helps them do it?',
  theoryOfAction: {
    principal: 'leads teams to plan questions that ask for evidence and visits classrooms to see them used',
    teachers: 'ask students to name where in the text their idea comes from and wait for it',
    students: 'back their claims with quotes and page references in talk and in writing',
  },
  grounding:
    'Fall interim reading results: constructed responses scored lowest on "uses evidence" in all six schools.',
};

export const NETWORK: Network = {
  id: 'cedar-valley',
  name: 'Cedar Valley K-8 Network',
  // The real id is Drive's, known only once the folder exists; the seed fills it in.
  rootFolderId: 'pending',
  ildEmail: ILD.email,
};

export const CYCLE: Cycle = {
  id: 'cycle-2',
  name: '2025-26 Cycle 2',
  phase: 'lead',
  problem: 'common',
  ipopId: IPOP.id,
  currentStep: 4,
  steps: [],
  startedOn: '2025-10-06',
};

/** The network spreadsheet the ILD set up with the add-on, in the network's folder. */
export const TRACKER_NAME = 'Cedar Valley Network - tracker';

/** A Drive file the demo seeds: a folder (with children), a Google Doc, or a plain file with its bytes. */
export type DemoItem =
  | { kind: 'folder'; name: string; children?: DemoItem[] }
  | { kind: 'doc'; key: DemoDocKey }
  | { kind: 'file'; name: string; mimeType: string; text: string };

export type DemoDocKey = 'walkthrough' | 'ipop-draft' | 'data-analysis';

const folder = (name: string, ...children: DemoItem[]): DemoItem => ({ kind: 'folder', name, children });
const csv = (name: string, text: string): DemoItem => ({ kind: 'file', name, mimeType: 'text/csv', text });
const txt = (name: string, text: string): DemoItem => ({ kind: 'file', name, mimeType: 'text/plain', text });

/**
 * The network's root folder as the ILD and principals left it. Step folders carry the cycle in their
 * names in three different styles, school folders are cased and abbreviated differently (and North Bend
 * has none yet), and there is an "Old stuff" folder no one remembers. Rounds must map these by name,
 * create only what is missing, and move or rename nothing.
 */
export const DRIVE_TREE: DemoItem = folder(
  'Cedar Valley Network',
  folder(
    '2025-26 Cycle 2/1 - IPOP drafts',
    txt(
      'IPOP wording - from Sept meeting.txt',
      'Draft wording from the September network meeting.\n' +
        'Topic first: "student discourse". Turned into a question: how often do students point to the text\n' +
        'when they explain their thinking, and what helps them do it?\n',
    ),
  ),
  folder('cycle 2 - step 2 research'),
  folder(
    '2025-26 Cycle 2/3 - School data',
    csv(
      'Fall interim - constructed response by school.csv',
      'school,grade band,students tested,uses evidence (avg of 4),organizes ideas (avg of 4)\n' +
        'Maple Grove,3-5,212,1.8,2.4\nMaple Grove,6-8,198,1.9,2.6\n' +
        'Harborview,3-5,187,1.7,2.3\nHarborview,6-8,171,2.0,2.5\n' +
        'Linden Park,3-5,240,2.1,2.7\nLinden Park,6-8,226,2.0,2.6\n' +
        'Eastfield,3-5,163,1.6,2.2\nEastfield,6-8,150,1.8,2.4\n' +
        'Sycamore Ridge,3-5,205,1.9,2.5\nSycamore Ridge,6-8,190,2.2,2.7\n' +
        'North Bend,3-5,131,1.7,2.3\nNorth Bend,6-8,119,1.9,2.4\n',
    ),
  ),
  folder('Cycle 2 Step 4 - Observations', { kind: 'doc', key: 'walkthrough' }),
  folder(
    'Schools',
    folder('Maple Grove'),
    folder('HARBORVIEW K-8'),
    folder('linden park'),
    folder('Eastfield K8'),
    folder('Sycamore Rdg'),
  ),
  folder(
    '2024-25 Cycle 3 - Celebration',
    txt('Celebration agenda June 2025.txt', 'Welcome, school shares (5 min each), thank-yous, lunch.\n'),
  ),
  folder(
    'Old stuff',
    txt('network norms v1.txt', 'Start on time. Assume good intent. Talk about practice, not people.\n'),
  ),
);

/** The three Docs of the demo: one inside the network's folders, two in the principal's own Drive. */
export const DOCS: Record<DemoDocKey, { name: string; paragraphs: string[] }> = {
  walkthrough: {
    name: 'Maple Grove learning walk notes - Nov 18',
    paragraphs: [
      'Visit 3, grade 5 reading. Look-for: students name where in the text an idea comes from.',
      'I saw 9 of 24 students with a finger on the page while answering. I heard: "It says on page 42 that the river flooded, so…"',
      'Two table groups used the sentence frame on the wall; one did not refer to the text at all.',
      'Question for the debrief: what did the teacher do just before students started citing?',
    ],
  },
  'ipop-draft': {
    name: 'Network IPOP - draft 3',
    paragraphs: [
      'Question: when students in grades 3-8 explain their thinking, how often do they point to evidence in the text?',
      'If principals lead teams to plan evidence questions, then teachers will ask for and wait for text references, which will result in students backing claims with quotes.',
    ],
  },
  'data-analysis': {
    name: 'Maple Grove fall data analysis',
    paragraphs: [
      'Constructed response: "uses evidence" averages 1.8 (grades 3-5) and 1.9 (grades 6-8) out of 4.',
      'Pattern: students summarise well but rarely quote. Next: look at the prompts teachers give.',
    ],
  },
};

/** Where each Doc lives: the walkthrough notes in the network's step 4 folder, the others at My Drive's top. */
export const LOOSE_DOCS: DemoDocKey[] = ['ipop-draft', 'data-analysis'];
