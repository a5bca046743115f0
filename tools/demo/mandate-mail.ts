// The demo's week of central-office mail (1–4 December 2025, invented for this project): a must-do sent
// the day before it is due, the same device count asked by two departments in their own words, the
// principals' weekly bulletin of dates, and a snow notice for head custodians. Added after the rest of
// the mailbox so the earlier messages keep their Gmail ids.
import { DEMO_DOMAIN } from './network';
import type { DemoEmail, DemoPerson } from './raw-mail';

const office = (name: string, local: string): DemoPerson => ({ name, email: `${local}@${DEMO_DOMAIN}` });
const PRINCIPALS = office('All principals', 'principals');

export const MANDATE_MAIL: DemoEmail[] = [
  {
    key: 'adoption-vote',
    from: office('Office of Academics', 'academics'),
    to: [PRINCIPALS],
    date: '2025-12-02T16:40:00-08:00',
    subject: 'Required: ELA materials vote from each school due tomorrow',
    body: [
      'Principals,',
      "Each school must submit its ELA materials vote in the curriculum portal no later than Wednesday, December 3. Schools that do not vote are counted as abstaining in the board's adoption report.",
      'Office of Academics',
    ],
  },
  {
    key: 'devices-title1',
    from: office('Title I Programs', 'title1'),
    to: [PRINCIPALS],
    date: '2025-12-01T09:15:00-08:00',
    subject: 'Student device inventory: counts due Friday, December 5',
    body: [
      'Principals of Title I schools,',
      'Please submit your student device inventory (laptops and tablets on hand, and how many are broken) in the Title I form by Friday, December 5. The counts decide next term’s replacement order.',
      'Title I Programs',
    ],
  },
  {
    key: 'devices-sped',
    from: office('Special Education Services', 'sped'),
    to: [PRINCIPALS],
    date: '2025-12-03T10:05:00-08:00',
    subject: 'Device inventory for students with IEPs',
    body: [
      'Principals,',
      'Please send us your student device inventory as well: counts of the laptops and tablets on hand for students with IEPs, by Friday, December 5, through the special education form. The counts feed the same replacement order.',
      'Special Education Services',
    ],
  },
  {
    key: 'weekly-bulletin',
    from: office('Principal Bulletin', 'bulletin'),
    to: [PRINCIPALS],
    date: '2025-12-01T06:00:00-08:00',
    subject: "Principals' weekly bulletin: December 1",
    body: [
      'This week for principals:',
      '1. Attendance audit: principals must certify October attendance in the student system by Thursday, December 4.',
      '2. Winter concert permits: submit facility requests for evening events by December 12.',
      '3. FYI: the district holiday schedule is posted on the staff site.',
      'Principal Bulletin',
    ],
  },
  {
    key: 'snow-walkways',
    from: office('Facilities and Operations', 'facilities'),
    to: [office('Head custodians', 'custodians')],
    date: '2025-12-03T14:20:00-08:00',
    subject: 'Snow expected Thursday: walkways salted by 6 a.m.',
    body: [
      'Head custodians: snow is forecast for Thursday, December 4. Salt walkways and entrances by 6 a.m. and report any closed entrance to the facilities desk. No action is needed from principals.',
      'Facilities and Operations',
    ],
  },
];

/** The must-do the ILD translated, and the emails the tour opens for the Mandates view and the digest. */
export const TRANSLATED = 'adoption-vote';
export const TOUR_MANDATES = [
  'adoption-vote',
  'devices-title1',
  'devices-sped',
  'weekly-bulletin',
  'snow-walkways',
  'drill-log',
];
