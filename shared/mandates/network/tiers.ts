// A tier as people type it in a sheet cell: "must_do", "Must do", "must-do", "FYI", "not for principals".
import { TIERS, type Tier } from '../types';

export function readTier(value: string): Tier | undefined {
  const k = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (TIERS as readonly string[]).includes(k) ? (k as Tier) : undefined;
}

/** `"urgent" is not one of must_do, action, fyi, not_for_principals` */
export function notATier(value: string): string {
  return `"${value}" is not one of ${TIERS.join(', ')}`;
}
