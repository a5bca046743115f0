// Obligation read as grammar: who the subject is (principals, schools, all administrators, you), the
// modality (must / shall / are required to / are expected to / will be responsible for / mandatory vs may /
// are invited to / if you wish / please consider), polarity and conditions, and the address lines. Every
// fixture is invented for this test; none is taken from a real district's mail.
import { describe, expect, it } from 'vitest';
import { triage } from '../../../shared/mandates/triage';
import type { Tier, Triage } from '../../../shared/mandates/types';

const SENT = '2026-03-02';
const call = (text: string, subject?: string): Triage =>
  triage({ id: 't', date: SENT, text, ...(subject ? { subject } : {}) });
const tierOf = (text: string, subject?: string): Tier => call(text, subject).tier;

describe('subject × modality: a required ask with a date is a must-do', () => {
  const subjects = ['Principals', 'All schools', 'All administrators', 'You', 'Each school'];
  const duties = [
    'must submit the playground inspection form by March 20',
    'shall submit the playground inspection form by March 20',
    'are required to submit the playground inspection form by March 20',
    'are expected to submit the playground inspection form by March 20',
  ];
  for (const subject of subjects)
    for (const duty of duties)
      it(`${subject} ${duty}`, () => {
        const verb = subject === 'Each school' ? duty.replace(/^are /, 'is ') : duty;
        expect(tierOf(`${subject} ${verb}.`)).toBe('must_do');
      });

  it('required participation with nothing to hand in: "all administrators are expected to attend"', () => {
    expect(
      tierOf('All administrators are expected to attend the safety briefing on March 12 at 9 a.m.'),
    ).toBe('must_do');
  });

  it('every school is expected to take part in a dated drill', () => {
    expect(tierOf('Every school is expected to participate in the lockdown drill on April 8.')).toBe(
      'must_do',
    );
  });

  it('a duty stated as a consequence counts: "the school will be responsible for replacement costs"', () => {
    const t = call(
      'Laptops not returned by June 5 are charged to the site. The school will be responsible for replacement costs.',
    );
    expect(t.tier).toBe('must_do');
  });

  it('"mandatory" makes attendance a must-do', () => {
    expect(tierOf('The first-aid refresher on May 6 is mandatory for all principals.')).toBe('must_do');
  });

  it('an obligation with a time limit instead of a date: "are obligated to report within 24 hours"', () => {
    expect(tierOf('Principals are obligated to report any injury on a field trip within 24 hours.')).toBe(
      'must_do',
    );
  });

  it('a prohibition stands without a date: "must not share pupil photographs"', () => {
    expect(tierOf('School leaders must not share pupil photographs on personal accounts.')).toBe('must_do');
  });

  it('"compulsory" with a date is a must-do', () => {
    expect(tierOf('The online fire-safety course is compulsory for every head teacher by May 15.')).toBe(
      'must_do',
    );
  });

  it('a date on what the sender delivers is no ask: "schools will receive their codes by May 2"', () => {
    const t = call('Schools will receive their test login codes by May 2.');
    expect(t.tier).not.toBe('must_do');
    expect(t.tier).not.toBe('action');
  });

  it('a closure notice is no ask and its date no deadline: "schools will be closed on April 2"', () => {
    const t = call('All schools will be closed on April 2 for the regional holiday.');
    expect(t.tier).toBe('fyi');
    expect(t.check).toBeUndefined();
    expect(t.deadlines).toContainEqual(expect.objectContaining({ monthDay: '04-02', kind: 'event' }));
  });

  it('a passive duty is the reader’s: "all pupils in year one must be screened by October 16"', () => {
    expect(tierOf('All pupils in year one must be screened for reading difficulties by October 16.')).toBe(
      'must_do',
    );
  });
});

describe('modality that leaves it to you is an action, even with a date', () => {
  it.each([
    ['may', 'Principals may nominate one teacher for the mentoring award by April 3.'],
    ['are invited to', 'Principals are invited to nominate one teacher for the mentoring award by April 3.'],
    ['if you wish', 'If you wish, nominate one teacher for the mentoring award by April 3.'],
    ['please consider', 'Please consider nominating a teacher for the mentoring award by April 3.'],
    ['are encouraged to', 'Schools are encouraged to enter the poetry contest before April 3.'],
    ['can', 'Anyone can submit a nomination for the mentoring award; nominations close April 3.'],
  ])('%s', (_modality, text) => {
    const t = call(text);
    expect(t.tier).toBe('action');
    // A date on an optional ask is flagged for a look, never silently dropped to an action.
    expect(t.check).toBe(true);
    expect(t.checkReason).toMatch(/optional|conditional/);
  });
});

describe('polarity and conditions', () => {
  it('a negated requirement asks nothing: "schools are not required to resubmit"', () => {
    expect(tierOf('Schools are not required to resubmit last year’s plan.')).toBe('fyi');
  });

  it.each([
    ['no <subject> is required', 'No school is required to change its timetable before April 2.'],
    ['need not', 'Principals need not attend the April 2 session.'],
    ['do not have to', 'You do not have to submit anything until April 2.'],
    ['no requirement', 'There is no requirement to submit a plan this year.'],
    ['no longer required', 'Principals are no longer required to submit the monthly fire drill log.'],
  ])('a denied duty asks nothing: %s', (_form, text) => {
    expect(tierOf(text)).toBe('fyi');
  });

  it('a "but" after a denial brings a new duty: "you need not register again, but you must submit"', () => {
    expect(tierOf('You do not need to register again, but you must submit the form by April 2.')).toBe(
      'must_do',
    );
  });

  it('"only if you are interested" makes a dated sign-up optional', () => {
    expect(tierOf('Only if you are interested, register for the data workshop by March 18.')).toBe('action');
  });

  it('"if your school has" makes a duty conditional, and flags it for a check', () => {
    const t = call('If your school has a swimming pool, you must send the water test log by March 30.');
    expect(t.tier).toBe('action');
    expect(t.check).toBe(true);
  });

  it('a duty with no date is an action, flagged "may be required"', () => {
    const t = call('Principals must report every bus incident to the transport office.');
    expect(t.tier).toBe('action');
    expect(t.check).toBe(true);
    expect(t.checkReason).toMatch(/no due date/);
  });

  it('a modal with no verb after it is no duty: "Keep going. You must."', () => {
    expect(tierOf('The spring term is long. Keep your eyes on the goal. You must.')).toBe('fyi');
  });
});

describe('politeness that is not an ask', () => {
  it('"please join us in welcoming" is ceremony', () => {
    expect(tierOf('Please join us in welcoming our new director of curriculum, who starts on Monday.')).toBe(
      'fyi',
    );
  });

  it('"I would like to take this opportunity to thank" asks nothing', () => {
    expect(
      tierOf('I would like to take this opportunity to thank every school leader for a calm term.'),
    ).toBe('fyi');
  });

  it('a greeting is not an invitation: "Welcome to spring!"', () => {
    expect(tierOf('Welcome to spring! The days are longer and the gardens are full.')).toBe('fyi');
  });

  it('"join us" for a chat on a date is an optional invitation', () => {
    expect(tierOf('Join us on March 15 at 3 p.m. for an open conversation about scheduling.')).toBe('action');
  });
});

describe('the addressee line', () => {
  const memo = (to: string, body: string) =>
    ['MEMORANDUM', `TO: ${to}`, 'FROM: Office of School Operations', 'DATE: March 2, 2026', '', body].join(
      '\n',
    );

  it('a TO: line naming principals keeps the memo for principals', () => {
    expect(
      tierOf(memo('All Public School Principals', 'Submit the emergency contact list by March 13.')),
    ).toBe('must_do');
  });

  it('a TO: line naming district superintendents sends the memo elsewhere', () => {
    expect(tierOf(memo('District School Superintendents', 'Submit the district plan by March 13.'))).toBe(
      'not_for_principals',
    );
  });

  it('a TO: line naming special educators and union members is not for principals', () => {
    expect(
      tierOf(memo('Special Educators; Union Members', 'Please complete the caseload survey by March 13.')),
    ).toBe('not_for_principals');
  });

  it('principals only copied (CC) on a memo to counselors: not theirs to do', () => {
    expect(
      tierOf(
        ['TO: School Counselors', 'CC: Principals', 'Submit the scholarship list by April 2.'].join('\n'),
      ),
    ).toBe('not_for_principals');
  });

  it('a FROM: line naming a role is the sender, not the addressee', () => {
    const text = [
      'TO:',
      'All Principals',
      'FROM:',
      'Director of Special Education',
      'Submit the caseload list by April 2.',
    ];
    expect(tierOf(text.join('\n'))).toBe('must_do');
  });

  it('"Memorandum to:" on its own line, the roles below it', () => {
    const text = [
      'Memorandum to:',
      'Directors of Education',
      'Chairs of District School Boards',
      'From: Deputy Minister',
      'Boards are asked to post their revised calendars by March 20.',
    ].join('\n');
    expect(tierOf(text)).toBe('not_for_principals');
  });

  it('a TO: line with principals among other roles is for principals', () => {
    expect(
      tierOf(
        memo(
          'Superintendents, Principals, Business Managers',
          'Principals must verify enrolment by March 13.',
        ),
      ),
    ).toBe('must_do');
  });

  it('a title that says whom it is for addresses them: "Required action for superintendents"', () => {
    expect(
      tierOf(
        'Required action for superintendents due April 9: all district bus contracts are required to be renewed.',
        'Required action for superintendents due April 9',
      ),
    ).toBe('not_for_principals');
  });

  it('a title for principals keeps a dated ask theirs: "Note to all principals"', () => {
    expect(
      tierOf('The staffing worksheet is due April 9.', 'Note to all principals: staffing worksheet'),
    ).toBe('must_do');
  });

  it('a passive task given to a named person is not the principal’s', () => {
    expect(tierOf('Student needs survey – to be completed by Marisol and Dev from the data office.')).toBe(
      'not_for_principals',
    );
  });

  it('a role word naming a thing in a title is not an audience: "Teacher Leadership Summit registration"', () => {
    expect(
      tierOf(
        'Registration for the Teacher Leadership Summit is open. Register your school team by April 30.',
        'Teacher Leadership Summit Registration',
      ),
    ).toBe('action');
  });
});

describe('deadlines stated without a deadline phrase', () => {
  it('a title line "Evaluations due May 1" is a must-do with its date', () => {
    const t = call('Mid-year staff evaluations due May 1st');
    expect(t.tier).toBe('must_do');
    expect(t.deadlines).toContainEqual(expect.objectContaining({ monthDay: '05-01', kind: 'due' }));
  });

  it('a list of due dates by school level keeps every date', () => {
    const t = call('Closing checklists due May 29 for elementary, June 3 for secondary');
    const days = t.deadlines.filter((d) => d.kind === 'due').map((d) => d.monthDay);
    expect(days).toEqual(expect.arrayContaining(['05-29', '06-03']));
  });

  it('a date under a line that ends "Due" is that line’s due date', () => {
    const t = call(['Action Item Due', '', 'April 1, 2026', '', 'Annual vision screening report'].join('\n'));
    expect(t.deadlines).toContainEqual(expect.objectContaining({ monthDay: '04-01', kind: 'due' }));
    expect(t.tier).toBe('must_do');
  });
});

describe('a bulletin', () => {
  it('with no must-do but an item close to one says so at the top, naming the item', () => {
    const t = call(
      [
        '- March 9: Library week poster contest: if you wish, submit entries by March 9',
        '- March 16: Spring concert in the main hall',
        '- March 23: Staff photographs in the gym',
      ].join('\n'),
    );
    expect(t.items?.length).toBe(3);
    expect(t.tier).not.toBe('must_do');
    expect(t.check).toBe(true);
    expect(t.checkReason).toMatch(/^“.+”: /);
  });
});
