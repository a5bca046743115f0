// The Rules tab as the engine's user rules, and back: one correction per row (a sender, a department or a
// phrase, and the tier it means), shared by the whole network. A hand-edited row that cannot be read is named
// (tab, row, column) and skipped; it never stops the rest from being used.
import type { CellValue } from '../../schema/sheet';
import type { UserRule } from '../types';
import { cellProblem, cellText, readRows, type SheetValues } from './sheet-rows';
import { notATier, readTier } from './tiers';

export interface NetworkRule extends UserRule {
  scope: 'network';
  /** The sheet row it came from. */
  row: number;
  addedAt?: string;
}

/**
 * The Rules tab's rows as user rules, newest row first (a later correction wins over an earlier one for the
 * same mail). Each unreadable row is named and skipped.
 */
export function readNetworkRules(values: SheetValues | undefined): {
  rules: NetworkRule[];
  problems: string[];
} {
  const { tab, rows } = readRows('rules', values);
  const rules: NetworkRule[] = [];
  const problems: string[] = [];
  for (const { row, record } of rows) {
    const rawTier = cellText(record.tier);
    const tier = readTier(rawTier);
    if (!tier) {
      problems.push(
        cellProblem(
          tab,
          row,
          'tier',
          rawTier ? `${notATier(rawTier)}; the rule is skipped.` : 'empty; the rule is skipped.',
        ),
      );
      continue;
    }
    const match: UserRule['match'] = {};
    for (const k of ['sender', 'department', 'phrase'] as const) {
      const v = cellText(record[k]);
      if (v) match[k] = v;
    }
    if (!match.sender && !match.department && !match.phrase) {
      problems.push(
        cellProblem(
          tab,
          row,
          undefined,
          'names no sender, department or phrase, so it would match nothing; skipped.',
        ),
      );
      continue;
    }
    if (match.phrase && match.phrase.length < 3) {
      problems.push(
        cellProblem(
          tab,
          row,
          'phrase',
          `"${match.phrase}" is too short to mean anything (3 letters or more); skipped.`,
        ),
      );
      continue;
    }
    const rule: NetworkRule = {
      id: cellText(record.id) || `rules-row-${row}`,
      match,
      tier,
      scope: 'network',
      row,
    };
    const note = cellText(record.note);
    const addedBy = cellText(record.addedBy);
    const addedAt = cellText(record.addedAt);
    if (note) rule.note = note;
    if (addedBy) rule.addedBy = addedBy;
    if (addedAt) rule.addedAt = addedAt;
    rules.push(rule);
  }
  rules.reverse();
  return { rules, problems };
}

/** A rule as a Rules row's record (for recordToRow / appending). */
export function ruleToRecord(
  rule: UserRule,
  added: { by?: string; at?: string } = {},
): Record<string, CellValue> {
  return {
    id: rule.id,
    sender: rule.match.sender ?? '',
    department: rule.match.department ?? '',
    phrase: rule.match.phrase ?? '',
    tier: rule.tier,
    note: rule.note ?? '',
    addedBy: added.by ?? rule.addedBy ?? '',
    addedAt: added.at ?? '',
  };
}

/** The rules triage applies, in order: the user's own (this browser) first, then the network's. */
export function rulesInForce(local: readonly UserRule[], network: readonly UserRule[]): UserRule[] {
  return [...local.map((r) => ({ ...r, scope: 'local' as const })), ...network];
}
