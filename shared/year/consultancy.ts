// One leader's challenge, run as a consultancy: the protocol's steps with their default minutes, its three
// roles, and a timer the facilitator drives (start, tick, extend the step, next, done). The timer is a pure
// state machine over times passed in, so the add-on's sidebar, a test and a replay all behave the same.

export type ConsultancyStep =
  | 'presentation'
  | 'clarifying-questions'
  | 'probing-questions'
  | 'discussion'
  | 'presenter-response'
  | 'debrief';

export interface ConsultancyStepPlan {
  step: ConsultancyStep;
  title: string;
  minutes: number;
  /** What happens in the step, as the facilitator says it. */
  guidance: string;
  /** True in the discussion: the presenter listens and takes notes, silent. */
  presenterSilent: boolean;
}

export const CONSULTANCY_STEPS: readonly ConsultancyStepPlan[] = [
  {
    step: 'presentation',
    title: 'Presentation',
    minutes: 10,
    guidance: 'The presenter describes the challenge and the question they want help with.',
    presenterSilent: false,
  },
  {
    step: 'clarifying-questions',
    title: 'Clarifying questions',
    minutes: 5,
    guidance: 'Brief, factual questions with short answers: who, what, when, how many.',
    presenterSilent: false,
  },
  {
    step: 'probing-questions',
    title: 'Probing questions',
    minutes: 10,
    guidance: 'Questions that help the presenter think more deeply; the presenter may answer or hold them.',
    presenterSilent: false,
  },
  {
    step: 'discussion',
    title: 'Discussion (presenter silent)',
    minutes: 15,
    guidance: 'The group talks about the challenge while the presenter listens and takes notes, silent.',
    presenterSilent: true,
  },
  {
    step: 'presenter-response',
    title: "Presenter's response",
    minutes: 5,
    guidance: 'The presenter says what struck them and what they may try next.',
    presenterSilent: false,
  },
  {
    step: 'debrief',
    title: 'Debrief',
    minutes: 5,
    guidance: 'Everyone reflects on how the protocol went.',
    presenterSilent: false,
  },
];

export interface ConsultancyRoles {
  presenter: string;
  facilitator: string;
  timekeeper: string;
}

/** Problems with the roles, each in a sentence; empty when the three are filled and the presenter has no other role. */
export function roleProblems(roles: Partial<ConsultancyRoles>): string[] {
  const problems: string[] = [];
  for (const role of ['presenter', 'facilitator', 'timekeeper'] as const)
    if (!roles[role]?.trim()) problems.push(`choose a ${role}`);
  const presenter = roles.presenter?.trim().toLowerCase();
  if (presenter && roles.facilitator?.trim().toLowerCase() === presenter)
    problems.push('the presenter cannot also facilitate: they are silent during the discussion');
  if (presenter && roles.timekeeper?.trim().toLowerCase() === presenter)
    problems.push('the presenter cannot also keep time');
  return problems;
}

export interface TimedStep {
  step: ConsultancyStep;
  title: string;
  /** Seconds allowed, including extensions. */
  allowedSeconds: number;
  /** Seconds used, once the step is over. */
  usedSeconds?: number;
}

export interface ConsultancyTimer {
  status: 'ready' | 'running' | 'done';
  steps: TimedStep[];
  /** Index of the current step. */
  current: number;
  /** ms timestamp the current step started. */
  stepStartedAt?: number;
  /** ms timestamp of the last start, tick, next or extend. */
  now?: number;
}

export interface TimerView {
  status: ConsultancyTimer['status'];
  step?: ConsultancyStep;
  title?: string;
  stepNumber: number;
  of: number;
  /** Seconds left in the step; negative once over time. */
  remainingSeconds: number;
  overTime: boolean;
  presenterSilent: boolean;
}

export type TimerEvent =
  | { type: 'start'; at: number }
  | { type: 'tick'; at: number }
  | { type: 'extend'; minutes: number; at: number }
  | { type: 'next'; at: number }
  | { type: 'done'; at: number };

/** A timer for the protocol, with the default minutes or the network's own. */
export function consultancyTimer(minutes?: Partial<Record<ConsultancyStep, number>>): ConsultancyTimer {
  return {
    status: 'ready',
    current: 0,
    steps: CONSULTANCY_STEPS.map((s) => ({
      step: s.step,
      title: s.title,
      allowedSeconds: Math.round((minutes?.[s.step] ?? s.minutes) * 60),
    })),
  };
}

/**
 * The timer after an event. Events that do not apply (a tick before start, next after done) leave it as it
 * was; a step over time keeps running until the facilitator moves on or extends it — the timer never skips.
 */
export function timerStep(timer: ConsultancyTimer, event: TimerEvent): ConsultancyTimer {
  if (timer.status === 'done') return timer;
  if (event.type === 'start')
    return timer.status === 'ready'
      ? { ...timer, status: 'running', stepStartedAt: event.at, now: event.at }
      : timer;
  if (timer.status !== 'running') return timer;
  const at = Math.max(event.at, timer.now ?? event.at);
  const used = Math.round((at - (timer.stepStartedAt ?? at)) / 1000);
  switch (event.type) {
    case 'tick':
      return { ...timer, now: at };
    case 'extend': {
      if (!(event.minutes > 0)) return timer;
      const steps = timer.steps.map((s, i) =>
        i === timer.current ? { ...s, allowedSeconds: s.allowedSeconds + Math.round(event.minutes * 60) } : s,
      );
      return { ...timer, steps, now: at };
    }
    case 'next': {
      const steps = timer.steps.map((s, i) => (i === timer.current ? { ...s, usedSeconds: used } : s));
      const last = timer.current >= steps.length - 1;
      return last
        ? { ...timer, steps, status: 'done', now: at }
        : { ...timer, steps, current: timer.current + 1, stepStartedAt: at, now: at };
    }
    case 'done': {
      const steps = timer.steps.map((s, i) => (i === timer.current ? { ...s, usedSeconds: used } : s));
      return { ...timer, steps, status: 'done', now: at };
    }
  }
}

/** What the sidebar shows at a moment: the step, its number, seconds left (negative when over time). */
export function timerView(timer: ConsultancyTimer, at?: number): TimerView {
  const step = timer.steps[timer.current]!;
  const plan = CONSULTANCY_STEPS.find((s) => s.step === step.step)!;
  const now = Math.max(at ?? timer.now ?? 0, timer.now ?? 0);
  const elapsed = timer.status === 'running' ? Math.floor((now - (timer.stepStartedAt ?? now)) / 1000) : 0;
  const remaining = timer.status === 'done' ? 0 : step.allowedSeconds - elapsed;
  return {
    status: timer.status,
    step: timer.status === 'done' ? undefined : step.step,
    title: timer.status === 'done' ? undefined : step.title,
    stepNumber: timer.current + 1,
    of: timer.steps.length,
    remainingSeconds: remaining,
    overTime: remaining < 0,
    presenterSilent: timer.status === 'running' && plan.presenterSilent,
  };
}

/** "12:05" or "−0:40" for the sidebar's clock. */
export function clock(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(seconds);
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
