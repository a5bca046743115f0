// An invented network of any size for the visit planner's tests and bench: schools with two strengths, two
// needs and a few dates they cannot host, drawn from a seeded generator so every run plans the same year.
import { addDays } from '../../shared/year/calendar-dates';
import type { NetworkYearInput } from '../../shared/year/network-year';

const FOCUS = [
  'student discourse',
  'checking for understanding',
  'math tasks',
  'feedback on writing',
  'small-group reading',
  'data teams',
  'classroom routines',
  'science talk',
];
const PLACES = ['Maple', 'Cedar', 'Harbor', 'Linden', 'Sycamore', 'Willow', 'Aspen', 'Birch', 'Juniper'];
const KINDS = ['Grove', 'Ridge', 'View', 'Park', 'Hill', 'Brook'];
const LEVELS = ['elementary', 'middle', 'k8', 'high'];

export interface GeneratedNetworkOptions {
  schools: number;
  meetings?: number;
  rounds?: number;
  start?: string;
  cadenceDays?: number;
  seed?: number;
}

export function generatedNetwork(options: GeneratedNetworkOptions): NetworkYearInput {
  const { schools, meetings = 18, rounds = 8, start = '2026-09-08', cadenceDays = 14, seed = 18 } = options;
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const meetingDates = Array.from({ length: meetings }, (_, i) => addDays(start, i * cadenceDays));
  return {
    start,
    meetings,
    cadenceDays,
    rounds,
    schools: Array.from({ length: schools }, (_, i) => {
      const focus = [...FOCUS].sort(() => random() - 0.5);
      const unavailable = meetingDates.filter(() => random() < 0.12);
      return {
        id: `S${String(i + 1).padStart(4, '0')}`,
        name: `${pick(PLACES)} ${pick(KINDS)} ${i + 1}`,
        level: pick(LEVELS),
        ipop: 'How do students use evidence when they explain their thinking?',
        strengths: focus.slice(0, 2),
        needs: focus.slice(2, 4),
        unavailable,
      };
    }),
  };
}

function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
