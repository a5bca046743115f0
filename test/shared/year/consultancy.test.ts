// The consultancy protocol: its steps and default minutes, its roles, and the facilitator's timer.
import { describe, expect, it } from 'vitest';
import {
  CONSULTANCY_STEPS,
  clock,
  consultancyTimer,
  roleProblems,
  timerStep,
  timerView,
  type ConsultancyTimer,
  type TimerEvent,
} from '../../../shared/year/consultancy';

const run = (timer: ConsultancyTimer, ...events: TimerEvent[]) => events.reduce(timerStep, timer);
const s = (seconds: number) => seconds * 1000;

describe('the protocol', () => {
  it('has the six steps in order with the presenter silent only in the discussion', () => {
    expect(CONSULTANCY_STEPS.map((p) => [p.title, p.minutes])).toEqual([
      ['Presentation', 10],
      ['Clarifying questions', 5],
      ['Probing questions', 10],
      ['Discussion (presenter silent)', 15],
      ["Presenter's response", 5],
      ['Debrief', 5],
    ]);
    expect(CONSULTANCY_STEPS.filter((p) => p.presenterSilent).map((p) => p.step)).toEqual(['discussion']);
  });

  it('needs a presenter, a facilitator and a timekeeper, the presenter in no other role', () => {
    expect(roleProblems({ presenter: 'Rosa', facilitator: 'Dana', timekeeper: 'Lee' })).toEqual([]);
    expect(roleProblems({ presenter: 'Rosa', facilitator: 'rosa ' })).toEqual([
      'choose a timekeeper',
      'the presenter cannot also facilitate: they are silent during the discussion',
    ]);
  });
});

describe('the timer', () => {
  it('does nothing before start, then counts down the first step', () => {
    const ready = consultancyTimer();
    expect(timerStep(ready, { type: 'tick', at: s(5) })).toBe(ready);
    const started = run(ready, { type: 'start', at: s(0) }, { type: 'tick', at: s(125) });
    expect(timerView(started)).toMatchObject({
      status: 'running',
      step: 'presentation',
      stepNumber: 1,
      of: 6,
      remainingSeconds: 475,
      overTime: false,
    });
  });

  it('goes over time without skipping, and the facilitator can extend the step', () => {
    let timer = run(
      consultancyTimer({ presentation: 1 }),
      { type: 'start', at: 0 },
      { type: 'tick', at: s(90) },
    );
    expect(timerView(timer)).toMatchObject({ remainingSeconds: -30, overTime: true, step: 'presentation' });
    expect(clock(timerView(timer).remainingSeconds)).toBe('−0:30');
    timer = timerStep(timer, { type: 'extend', minutes: 2, at: s(90) });
    expect(timerView(timer)).toMatchObject({ remainingSeconds: 90, overTime: false });
    expect(timer.steps[0]!.allowedSeconds).toBe(180);
  });

  it('moves to the next step, records the time used, shows the presenter silent in the discussion and ends after the debrief', () => {
    let timer = run(consultancyTimer(), { type: 'start', at: 0 });
    let at = 0;
    for (const seconds of [600, 300, 660]) {
      at += s(seconds);
      timer = timerStep(timer, { type: 'next', at });
    }
    expect(timer.steps.slice(0, 3).map((step) => step.usedSeconds)).toEqual([600, 300, 660]);
    expect(timerView(timer, at + s(60))).toMatchObject({
      step: 'discussion',
      presenterSilent: true,
      remainingSeconds: 840,
    });
    for (let i = 0; i < 3; i++) timer = timerStep(timer, { type: 'next', at: (at += s(300)) });
    expect(timerView(timer)).toMatchObject({ status: 'done', remainingSeconds: 0, overTime: false });
    expect(timer.status).toBe('done');
    expect(timerStep(timer, { type: 'next', at: at + 1 })).toBe(timer);
  });

  it('can be ended early with done, keeping the time used in the current step', () => {
    const timer = run(
      consultancyTimer(),
      { type: 'start', at: 0 },
      { type: 'next', at: s(100) },
      { type: 'done', at: s(160) },
    );
    expect(timer.status).toBe('done');
    expect(timer.steps.map((step) => step.usedSeconds)).toEqual([
      100,
      60,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('ignores a clock that goes backwards', () => {
    const timer = run(
      consultancyTimer(),
      { type: 'start', at: s(100) },
      { type: 'tick', at: s(160) },
      { type: 'tick', at: s(10) },
    );
    expect(timerView(timer).remainingSeconds).toBe(540);
  });
});
