// The Members tab: who is in the network and as what. Only an ILD sees the translation editor; principals see
// the translations. Columns: Email, Name, Role (ild or principal), School.
import { parseSender } from './central-office';
import { cellProblem, cellText, readRows, type SheetValues } from './sheet-rows';

export const MEMBER_ROLES = ['ild', 'principal'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Member {
  /** Lower case. */
  email: string;
  name?: string;
  role: MemberRole;
  school?: string;
  /** The sheet row it came from. */
  row: number;
}

/** "ILD", "Instructional Leadership Director", "principal", "Principal " are roles; else undefined. */
export function readRole(value: string): MemberRole | undefined {
  const k = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (k === 'ild' || k === 'instructional leadership director') return 'ild';
  if (k === 'principal') return 'principal';
  return undefined;
}

/** The Members tab's rows; a row without a readable email or role is named and skipped. */
export function readMembers(values: SheetValues | undefined): { members: Member[]; problems: string[] } {
  const { tab, rows } = readRows('members', values);
  const members: Member[] = [];
  const problems: string[] = [];
  for (const { row, record } of rows) {
    const rawEmail = cellText(record.email);
    const email = parseSender(rawEmail).address;
    if (!email) {
      problems.push(
        cellProblem(
          tab,
          row,
          'email',
          rawEmail
            ? `"${rawEmail}" is not an email address; the row is skipped.`
            : 'no email; the row is skipped.',
        ),
      );
      continue;
    }
    const rawRole = cellText(record.role);
    const role = readRole(rawRole);
    if (!role) {
      problems.push(
        cellProblem(
          tab,
          row,
          'role',
          `"${rawRole}" is not one of ${MEMBER_ROLES.join(', ')}; the row is skipped.`,
        ),
      );
      continue;
    }
    const name = cellText(record.name);
    const school = cellText(record.school);
    members.push({ email, role, row, ...(name && { name }), ...(school && { school }) });
  }
  return { members, problems };
}

/**
 * The role of a signed-in member, by email (case does not matter; "Name <email>" is fine), or undefined
 * when they are not in the Members tab. Listed twice with different roles, the ILD role counts.
 */
export function roleOf(email: string | undefined, members: readonly Member[]): MemberRole | undefined {
  const address = parseSender(email).address;
  if (!address) return undefined;
  const mine = members.filter((m) => m.email === address);
  if (mine.some((m) => m.role === 'ild')) return 'ild';
  return mine[0]?.role;
}
