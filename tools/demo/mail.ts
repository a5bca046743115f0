// The demo principal's mailbox: twenty-five conversations written for this project (people, offices and
// dates are invented): central-office mandates of every tier, and teachers', colleagues' and the
// ILD's mail about the network's cycle, several with attachments. Newest first, as Gmail lists them.
import { DEMO_DOMAIN, DEMO_USER, ILD } from './network';
import type { DemoEmail, DemoPerson } from './raw-mail';
import { MANDATE_MAIL } from './mandate-mail';

const office = (name: string, local: string): DemoPerson => ({ name, email: `${local}@${DEMO_DOMAIN}` });
const staff = (name: string): DemoPerson => ({
  name,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${DEMO_DOMAIN}`,
});

const ASSESSMENT = office('Office of Assessment', 'assessment');
const SAFETY = office('School Safety Office', 'safety');
const TITLE_I = office('Title I Programs', 'title1');
const SPECIAL_ED = office('Special Education Services', 'sped');
const ACADEMICS = office('Office of Academics', 'academics');
const FACILITIES = office('Facilities and Operations', 'facilities');
const TRANSPORT = office('Transportation Department', 'transportation');
const NUTRITION = office('Nutrition Services', 'nutrition');
const COMMS = office('District Communications', 'news');
const SUPERINTENDENT = office("Superintendent's Office", 'superintendent');
const HR = office('Human Resources', 'hr');

const PRINCIPALS = office('All principals', 'principals');
const K8_PRINCIPALS = office('K-8 principals', 'k8-principals');
const ROSA = DEMO_USER;
const JAMIE = staff('Jamie Chen');
const LUIS = staff('Luis Ortega');
const MEI = staff('Mei Tanaka');
const ANA = staff('Ana Ruiz');
const MARCUS = staff('Marcus Bell');
const PRIYA = staff('Priya Nair');

export const DEMO_MAIL: DemoEmail[] = [
  {
    key: 'drill-log',
    from: SAFETY,
    to: [PRINCIPALS],
    date: '2025-12-01T07:30:00-08:00',
    subject: 'Required: November emergency drill log due Friday, December 5',
    body: [
      'Principals,',
      'Each school must submit its November drill log (fire, lockdown and shelter-in-place) in the safety portal no later than Friday, December 5. Logs not received by then are reported to the state as missing.',
      'If a drill was cancelled for weather, enter the make-up date in the notes column.',
      'School Safety Office',
    ],
  },
  {
    key: 'look-fors',
    from: ILD,
    to: [K8_PRINCIPALS],
    date: '2025-11-30T18:05:00-08:00',
    subject: 'Cycle 2, step 4: our look-fors for the learning walks',
    body: [
      'Hi all,',
      'Attached are the three look-fors we agreed on for step 4. Please use them on your own walks this week and bring your notes (what you saw and heard, no names) to the network meeting.',
      '1. Students say where in the text an idea comes from. 2. Teachers wait after asking for evidence. 3. Written responses quote or cite a page.',
      'Remember: descriptive, not evaluative. Counts and quotes beat adjectives.',
      'Dana',
    ],
    attachments: [
      {
        name: 'step-4-look-fors.pdf',
        mimeType: 'application/pdf',
        lines: [
          'Cedar Valley K-8 Network - Cycle 2, Step 4 look-fors',
          '1. Students say where in the text an idea comes from.',
          '2. Teachers wait after asking for evidence.',
          '3. Written responses quote or cite a page.',
          'Notes: what you saw and heard. Visit numbers, never teacher names.',
        ],
      },
    ],
  },
  {
    key: 'work-samples',
    from: JAMIE,
    to: [ROSA],
    date: '2025-11-29T15:42:00-08:00',
    subject: 'Grade 5 work samples - citing evidence in written responses',
    body: [
      'Hi Rosa,',
      'As promised, here are six anonymised responses from Thursday’s reading task and my tally of who cited the text. Four of six summarised well but did not quote at all.',
      'Could we look at them together before your walk on Tuesday?',
      'Jamie',
    ],
    attachments: [
      {
        name: 'grade5-responses-sample.pdf',
        mimeType: 'application/pdf',
        lines: [
          'Grade 5 written responses (student names removed)',
          'A: "The river flooded because of the rain (p. 42)." - cites page',
          'B: The town was sad. - no evidence',
          'C: "People moved to higher ground" shows they were scared. - quote',
          'D, E, F: summaries without reference to the text',
        ],
      },
      {
        name: 'citation-tally.csv',
        mimeType: 'text/csv',
        lines: ['response,quotes,page refs,summary only', 'A,0,1,no', 'B,0,0,yes', 'C,1,0,no', 'D,0,0,yes'],
      },
    ],
  },
  {
    key: 'exit-tickets',
    from: LUIS,
    to: [ROSA],
    date: '2025-11-28T12:10:00-08:00',
    subject: 'Exit tickets from Tuesday: who pointed to the text',
    body: [
      'Rosa, quick numbers from my two grade 7 sections: 31 of 52 exit tickets included a quote or a paragraph number, up from 18 three weeks ago.',
      'The change: I stopped accepting "because it says so" and asked "where?" every time. Spreadsheet attached.',
      'Luis',
    ],
    attachments: [
      {
        name: 'exit-ticket-tally.csv',
        mimeType: 'text/csv',
        lines: [
          'date,section,tickets,with evidence',
          '2025-11-04,7A,26,9',
          '2025-11-04,7B,26,9',
          '2025-11-25,7A,26,17',
          '2025-11-25,7B,26,14',
        ],
      },
    ],
  },
  {
    key: 'coach-notes',
    from: MEI,
    to: [ROSA],
    date: '2025-11-27T09:55:00-08:00',
    subject: 'Notes from my classroom visits this week',
    body: [
      'Hi Rosa,',
      'I visited four classrooms (grades 3, 4, 6 and 8). In three of them the teacher asked for evidence, but only in one did the teacher wait long enough for more than two students to answer.',
      'I heard a grade 6 student say "on page 12 it says the opposite", which started the best discussion of the week.',
      'Happy to share the full notes for the step 4 folder.',
      'Mei',
    ],
  },
  {
    key: 'frames',
    from: PRIYA,
    to: [K8_PRINCIPALS],
    date: '2025-11-25T16:20:00-08:00',
    subject: 'Sentence frames that worked at Linden Park',
    body: [
      'Colleagues, two frames our grade 4 teachers posted made a visible difference: "On page __, the author says __, which shows __" and "I disagree with __ because the text says __".',
      'Our walk on Monday counted students using them in 5 of 7 classrooms.',
      'Priya',
    ],
  },
  {
    key: 'frames-reply',
    thread: 'frames',
    from: ROSA,
    to: [PRIYA],
    date: '2025-11-26T08:02:00-08:00',
    subject: 'Re: Sentence frames that worked at Linden Park',
    body: [
      'Thanks, Priya. We are trying the second frame in grade 6 this week and I will bring what we see to the meeting.',
      'Rosa',
    ],
  },
  {
    key: 'transcript',
    from: ANA,
    to: [ROSA],
    date: '2025-11-24T14:35:00-08:00',
    subject: 'Read-aloud discussion transcript (grade 3)',
    body: [
      'Rosa, here is the transcript of ten minutes of our read-aloud discussion, typed from my recording. Students are numbered, not named.',
      'Notice how student 4 goes back to the picture and the sentence under it.',
      'Ana',
    ],
    attachments: [
      {
        name: 'read-aloud-transcript.txt',
        mimeType: 'text/plain',
        lines: [
          'Grade 3 read-aloud, Nov 21 (students numbered)',
          'T: Why did the fox leave the den?',
          'S2: Because he was hungry.',
          'T: How do you know?',
          'S4: It says "his stomach growled like thunder" right here under the picture.',
          'S7: And on the page before he looked at the empty bowl.',
        ],
      },
    ],
  },
  {
    key: 'harborview-visit',
    from: MARCUS,
    to: [K8_PRINCIPALS, ILD],
    date: '2025-11-21T17:45:00-08:00',
    subject: 'Harborview visit on Dec 10: what I would like feedback on',
    body: [
      'Hello all, ahead of our visit: I would like your eyes on how grade 6-8 teachers follow up when a student gives an answer without evidence.',
      'We will visit six classrooms in pairs. Please sit with students and write down what they say.',
      'Marcus',
    ],
  },
  {
    key: 'meeting-agenda',
    from: ILD,
    to: [K8_PRINCIPALS],
    date: '2025-11-20T10:00:00-08:00',
    subject: 'Network meeting at Harborview, Dec 10 - agenda',
    body: [
      'Team, the agenda for our December meeting is attached. Same format as always: warm-up, classroom walks, extended session on student evidence, then announcements.',
      'Please bring your step 4 notes.',
      'Dana',
    ],
    attachments: [
      {
        name: 'network-meeting-dec-10-agenda.pdf',
        mimeType: 'application/pdf',
        lines: [
          'Cedar Valley K-8 Network meeting - Harborview K-8, December 10',
          '8:30 Warm-up and introductions (30 min)',
          '9:00 Classroom walk-throughs in pairs (90 min)',
          '10:30 Extended session: evidence in student talk (90 min)',
          '12:00 Operational announcements (15 min)',
        ],
      },
    ],
  },
  {
    key: 'step2-reading',
    from: ILD,
    to: [K8_PRINCIPALS],
    date: '2025-11-18T19:12:00-08:00',
    subject: 'Step 2 reading, if you missed it',
    body: [
      'For anyone who joined late: the short article on academic discussion we read in step 2 is in the research folder. Chapter 3 is the part we keep coming back to.',
      'Dana',
    ],
  },
  {
    key: 'interim-window',
    from: ASSESSMENT,
    to: [PRINCIPALS],
    date: '2025-11-17T08:00:00-08:00',
    subject: 'Action required: winter interim window and proctor roster due Dec 12',
    body: [
      'Principals,',
      'The winter interim assessment window runs January 12 to January 30. Each school must upload its proctor roster to the assessment portal by December 12.',
      'The schedule by grade band is attached. Test coordinators should also complete the online training before the window opens.',
      'Office of Assessment',
    ],
    attachments: [
      {
        name: 'winter-interim-schedule.pdf',
        mimeType: 'application/pdf',
        lines: [
          'Winter interim assessment window: January 12 - January 30',
          'Grades K-2: January 12-16',
          'Grades 3-5: January 20-23',
          'Grades 6-8: January 26-30',
          'Proctor roster due in the portal: December 12',
        ],
      },
    ],
  },
  {
    key: 'family-plan',
    from: TITLE_I,
    to: [PRINCIPALS],
    date: '2025-11-14T11:30:00-08:00',
    subject: 'Title I family engagement plan: upload by December 19',
    body: [
      'Principals of Title I schools: your updated family engagement plan must be uploaded by December 19. Plans need the signature page from your family council.',
      'The template is attached; last year’s plan can be reused if nothing changed, but it still must be re-signed.',
      'Title I Programs',
    ],
    attachments: [
      {
        name: 'family-engagement-plan-template.pdf',
        mimeType: 'application/pdf',
        lines: [
          'Title I family engagement plan - template',
          '1. How families help shape the plan',
          '2. Meetings and their times',
          '3. Signature page (family council chair and principal)',
        ],
      },
    ],
  },
  {
    key: 'iep-progress',
    from: SPECIAL_ED,
    to: [PRINCIPALS],
    date: '2025-11-13T13:00:00-08:00',
    subject: 'IEP progress reports due January 16',
    body: [
      'Reminder to principals: second-quarter IEP progress reports must be finalised in the student information system by January 16. Case managers have the checklist.',
      'Please confirm your school has a plan for staff who will be on leave in January.',
      'Special Education Services',
    ],
  },
  {
    key: 'institute',
    from: ACADEMICS,
    to: [PRINCIPALS],
    date: '2025-11-12T09:20:00-08:00',
    subject: 'Optional: Saturday literacy institute, sign up if interested',
    body: [
      'Principals may nominate up to three teachers for the Saturday literacy institute on January 24. Nominations are optional and seats are limited; the form closes when full.',
      'Office of Academics',
    ],
  },
  {
    key: 'pd-survey',
    from: SUPERINTENDENT,
    to: [PRINCIPALS],
    date: '2025-11-10T15:00:00-08:00',
    subject: 'Short survey on next year’s PD days (optional)',
    body: [
      'We would value your view on how next year’s professional development days are placed in the calendar. The survey takes five minutes and is optional.',
      "Superintendent's Office",
    ],
  },
  {
    key: 'evaluations',
    from: HR,
    to: [PRINCIPALS],
    date: '2025-11-07T10:45:00-08:00',
    subject: 'Mid-year evaluation conferences: window opens December 1',
    body: [
      'The mid-year conference window for certificated staff runs December 1 to January 23. Conferences must be documented in the HR system before the window closes.',
      'Human Resources',
    ],
  },
  {
    key: 'newsletter',
    from: COMMS,
    to: [PRINCIPALS],
    date: '2025-11-06T12:00:00-08:00',
    subject: 'District newsletter: November highlights',
    body: [
      'This month: the robotics team heads to the state final, a new library opens at Eastfield, and the board recognises our volunteer tutors.',
      'District Communications',
    ],
  },
  {
    key: 'boilers',
    from: FACILITIES,
    to: [office('Head custodians', 'custodians')],
    date: '2025-11-05T06:50:00-08:00',
    subject: 'Boiler inspections next week - head custodians',
    body: [
      'Head custodians: the state inspector visits boiler rooms next week. Please make sure logs are on the wall and access is clear. No action is needed from principals.',
      'Facilities and Operations',
    ],
  },
  {
    key: 'bus-routes',
    from: TRANSPORT,
    to: [office('School office managers', 'office-managers')],
    date: '2025-11-04T14:15:00-08:00',
    subject: 'Bus route changes after winter break',
    body: [
      'Office managers: three routes change stops after winter break. Updated stop lists will be sent to families by the department; please post the notice in the front office.',
      'Transportation Department',
    ],
  },
  {
    key: 'kitchen-training',
    from: NUTRITION,
    to: [office('Kitchen leads', 'kitchen-leads')],
    date: '2025-11-03T11:05:00-08:00',
    subject: 'Kitchen staff training day on November 21',
    body: [
      'Kitchen leads: all nutrition staff attend the food safety refresher on November 21. Substitutes are arranged by our office.',
      'Nutrition Services',
    ],
  },
  ...MANDATE_MAIL,
];

/** The message the tour files first, and the five it bulk-files: teachers' mail for the step 4 folder. */
export const TOUR_FIRST = 'work-samples';
export const TOUR_BULK = ['exit-tickets', 'coach-notes', 'frames', 'transcript', 'harborview-visit'];
