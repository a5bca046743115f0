// The IPOP checker on problems of practice written for these tests: what a principal would be told.
import { describe, expect, it } from 'vitest';
import {
  checkIpop,
  checkNote,
  IPOP_CRITERIA,
  summarizeCheck,
  TOPIC_ADVICE,
} from '../../../shared/ipop/check';

const STRONG =
  'On our winter reading benchmark only 30% of fifth graders cited the text; how do students use evidence from the text when they explain their thinking in discussions, and what do teachers ask that prompts it? This is part of our literacy goal.';

describe('a bare topic', () => {
  it.each([
    'Student talk',
    'Rigor',
    'Higher-order questioning',
    'Engaging learners 2025',
    'Classroom routines',
  ])('“%s” never passes and is told to become a question', (topic) => {
    const check = checkIpop(topic);
    expect(check.form).toBe('topic');
    expect(check.pass).toBe(false);
    expect(check.criteria.question).toEqual({ pass: false, advice: TOPIC_ADVICE });
    for (const k of IPOP_CRITERIA) expect(check.criteria[k].pass).toBe(false);
    expect(check.advice[0]).toBe(TOPIC_ADVICE);
  });

  it('“how to …” and “strategies for …” name areas of interest, not problems', () => {
    expect(checkIpop('how to keep students on task during group work').form).toBe('topic');
    expect(checkIpop('strategies for checking understanding').form).toBe('topic');
  });
});

describe('a strong problem of practice', () => {
  it('passes every criterion and carries no advice', () => {
    const check = checkIpop(STRONG);
    expect(check.form).toBe('question');
    expect(check.advice).toEqual([]);
    expect(check.pass).toBe(true);
    expect(summarizeCheck(check)).toBe('7/7');
  });
});

describe('each criterion says what would make it stronger', () => {
  it('a statement is asked to become a question', () => {
    const check = checkIpop('Our sixth graders rarely explain their reasoning in math.');
    expect(check.form).toBe('statement');
    expect(check.criteria.question.pass).toBe(false);
    expect(check.criteria.question.advice).toMatch(/turn it into the question/);
    expect(check.criteria.studentLearning.pass).toBe(true);
  });

  it('a question about adults only is asked what students should learn', () => {
    const check = checkIpop('How do teachers plan their units together?');
    expect(check.criteria.studentLearning).toEqual({
      pass: false,
      advice: expect.stringMatching(/does not mention students/),
    });
  });

  it('a question naming students but not their learning is asked for the learning', () => {
    const check = checkIpop('Why are students late to first period?');
    expect(check.criteria.studentLearning.advice).toMatch(/not their learning/);
  });

  it('the instructional core names the corner that is missing', () => {
    const check = checkIpop('How do students explain their ideas?');
    expect(check.criteria.instructionalCore.pass).toBe(false);
    expect(check.criteria.instructionalCore.advice).toMatch(/what teachers do and the content or task/);
    expect(
      checkIpop('How do students explain their ideas about fractions?').criteria.instructionalCore.pass,
    ).toBe(true);
  });

  it('a state of mind is not observable, and the advice quotes it', () => {
    const check = checkIpop('Why do our students lack motivation in science?');
    expect(check.criteria.observable.pass).toBe(false);
    expect(check.criteria.observable.advice).toMatch(/“motivation” cannot be seen/);
    expect(
      checkIpop('What do students say when they justify an answer in science?').criteria.observable.pass,
    ).toBe(true);
  });

  it('a cause outside the school is not actionable', () => {
    const check = checkIpop('How does poverty limit what students learn in reading?');
    expect(check.criteria.actionable.pass).toBe(false);
    expect(check.criteria.actionable.advice).toMatch(/“poverty” is outside the school's control/);
  });

  it('a solution to install is sent back to the problem it would solve', () => {
    const check = checkIpop('How do we implement the new phonics program with students?');
    expect(check.criteria.actionable.pass).toBe(false);
    expect(check.criteria.actionable.advice).toMatch(/solution to install \(“implement”\)/);
  });

  it('grounding needs data: a number, a measure or what was observed', () => {
    expect(checkIpop('Why do students struggle with word problems in math?').criteria.grounded.pass).toBe(
      false,
    );
    expect(
      checkIpop('Why do 45% of students miss word problems on the unit test?').criteria.grounded.pass,
    ).toBe(true);
    expect(
      checkIpop('In our walkthroughs few students asked questions; why do students not ask about the text?')
        .criteria.grounded.pass,
    ).toBe(true);
  });

  it('a count out of a sample grounds it too', () => {
    expect(
      checkIpop('Why did only 3 of 20 lab reports we read use the unit’s vocabulary?').criteria.grounded.pass,
    ).toBe(true);
    expect(checkIpop('Why did students in grade 3 struggle with reading?').criteria.grounded.pass).toBe(
      false,
    );
  });

  it('perseverance is something students learn to do', () => {
    expect(
      checkIpop('Why don’t students persevere when math problems get hard?').criteria.studentLearning.pass,
    ).toBe(true);
  });

  it('the data named in the tracker grounds the question', () => {
    const q = 'Why do students struggle with word problems in math?';
    expect(checkIpop(q, { evidenceSources: 'spring interim assessment' }).criteria.grounded.pass).toBe(true);
  });

  it('a theory of action connects it to a strategy; a theory without its stem is asked for the stem', () => {
    const q = 'How do students use feedback on their drafts in writing?';
    expect(checkIpop(q).criteria.strategy.advice).toMatch(/If the principal …, then teachers will …/);
    expect(
      checkIpop(q, {
        theoryOfAction:
          'If the principal leads feedback study, then teachers will give written feedback weekly, which will result in students revising drafts.',
      }).criteria.strategy.pass,
    ).toBe(true);
    const noStem = checkIpop(q, { theoryOfAction: 'more feedback' }).criteria.strategy;
    expect(noStem.pass).toBe(false);
    expect(noStem.advice).toMatch(/as its stem/);
  });
});

describe('how the verdict is shown in the tracker', () => {
  it('the cell summary names what is missing, and the note lists every criterion', () => {
    const check = checkIpop('How do students explain their thinking about fractions?');
    expect(summarizeCheck(check)).toMatch(/^\d\/7 — needs: .*grounded in data/);
    const note = checkNote(check);
    expect(note.split('\n')).toHaveLength(7);
    expect(note).toMatch(/✓ Worded as a question/);
    expect(note).toMatch(/✗ Grounded in data: It does not say what data/);
  });

  it('curly quotes and odd spacing read the same as plain text', () => {
    expect(checkIpop('How do students’  explanations  change?').criteria.question.pass).toBe(true);
    expect(checkIpop('').form).toBe('topic');
  });
});
