// Repeated asks across the network: the mandates the members have seen (each member's copy, matched by
// Message-ID) grouped into asks, so the ILD sees one ask that several principals received — again as a
// reminder, an extension, or the same data asked by another department in other words. Built on the
// engine's own repeat linking (digest/repeats.ts) so the panel, the digest and this view agree.
import { triage } from '../triage';
import { linkRepeats } from '../digest/repeats';
import { TIER_ORDER, type MandateMessage, type Tier, type Triage } from '../types';
import {
  DEFAULT_CENTRAL_OFFICE,
  parseSender,
  recognizeCentralOffice,
  type CentralOfficeSettings,
} from './central-office';
import { normalizeMessageId } from './translations';

/** One mandate as a member's browser saw it. */
export interface SeenMandate {
  /** The Message-ID header (every member's copy of one email shares it). */
  messageId: string;
  from?: string;
  /** The office it came from, when known; otherwise worked out from the sender. */
  department?: string;
  subject?: string;
  /** The opening of the body: enough to tell what is asked. */
  excerpt: string;
  /** Sent, YYYY-MM-DD or ISO date-time. */
  sent?: string;
  /** The member (email) whose copy this is. */
  seenBy?: string;
}

export type AskRelation = 'first' | 'reminder' | 'extension' | 'another_department';

export interface AskMessage {
  messageId: string;
  subject?: string;
  from?: string;
  department?: string;
  sent?: string;
  tier: Tier;
  relation: AskRelation;
  /** The members who received this email, sorted. */
  seenBy: string[];
}

export interface RepeatedAsk {
  /** The first email of the ask, earliest first, then the repeats in the order they came. */
  messages: AskMessage[];
  /** Every member who received any of them, sorted. */
  seenBy: string[];
  /** How many different subjects the ask came under. */
  wordings: number;
  /** How many different departments asked. */
  departments: number;
}

const EXTENDED =
  /\b(?:extended|extension|new deadline|deadline (?:has been |is )?(?:moved|changed|pushed)|pushed back|now due)\b/i;

function departmentOf(m: SeenMandate, settings: CentralOfficeSettings): string {
  if (m.department?.trim()) return m.department.trim();
  const call = recognizeCentralOffice(m.from, settings, { text: m.excerpt });
  if (call.office) return call.office;
  const { name, address } = parseSender(m.from);
  return name || address;
}

/**
 * The asks that came more than once — as several emails linked by the engine as the same ask — with who
 * received them. An email seen by several members is one email (by Message-ID). Asks made once are left out.
 */
export function repeatedAsks(
  seen: readonly SeenMandate[],
  settings: CentralOfficeSettings = DEFAULT_CENTRAL_OFFICE,
): RepeatedAsk[] {
  const byId = new Map<string, { mandate: SeenMandate; seenBy: Set<string> }>();
  for (const m of seen) {
    const id = normalizeMessageId(m.messageId);
    if (!id) continue;
    const entry = byId.get(id) ?? { mandate: m, seenBy: new Set<string>() };
    if (m.seenBy?.trim()) entry.seenBy.add(m.seenBy.trim().toLowerCase());
    byId.set(id, entry);
  }
  const entries = [...byId.entries()];
  const messages: MandateMessage[] = entries.map(([id, { mandate }]) => ({
    id,
    text: mandate.excerpt ?? '',
    ...(mandate.subject !== undefined && { subject: mandate.subject }),
    ...(mandate.from !== undefined && { from: mandate.from }),
    ...(mandate.sent !== undefined && { date: mandate.sent }),
  }));
  const triages: Triage[] = messages.map((m) => triage(m));
  linkRepeats(messages, triages);

  const groups = new Map<string, number[]>();
  triages.forEach((t, i) => {
    if (t.repeatOf === undefined) return;
    const root = t.repeatOf;
    const rootAt = triages.findIndex((x) => x.id === root);
    if (rootAt < 0) return;
    groups.set(root, [...(groups.get(root) ?? [rootAt]), i]);
  });

  const asks: RepeatedAsk[] = [];
  for (const members of groups.values()) {
    const order = [...new Set(members)].sort(
      (a, b) => (entries[a]![1].mandate.sent ?? '').localeCompare(entries[b]![1].mandate.sent ?? '') || a - b,
    );
    const first = entries[order[0]!]![1].mandate;
    const firstDepartment = departmentOf(first, settings).toLowerCase();
    const list: AskMessage[] = order.map((i, n) => {
      const { mandate, seenBy } = entries[i]![1];
      const department = departmentOf(mandate, settings);
      const relation: AskRelation =
        n === 0
          ? 'first'
          : department.toLowerCase() !== firstDepartment
            ? 'another_department'
            : EXTENDED.test(`${mandate.subject ?? ''} ${mandate.excerpt}`)
              ? 'extension'
              : 'reminder';
      return {
        messageId: entries[i]![0],
        ...(mandate.subject !== undefined && { subject: mandate.subject }),
        ...(mandate.from !== undefined && { from: mandate.from }),
        ...(department && { department }),
        ...(mandate.sent !== undefined && { sent: mandate.sent.slice(0, 10) }),
        tier: triages[i]!.tier,
        relation,
        seenBy: [...seenBy].sort(),
      };
    });
    asks.push({
      messages: list,
      seenBy: [...new Set(list.flatMap((m) => m.seenBy))].sort(),
      wordings: new Set(list.map((m) => (m.subject ?? '').trim().toLowerCase())).size,
      departments: new Set(list.map((m) => (m.department ?? '').toLowerCase())).size,
    });
  }
  // The asks most principals received first, then the most demanding, then the earliest.
  return asks.sort(
    (a, b) =>
      b.seenBy.length - a.seenBy.length ||
      Math.min(...a.messages.map((m) => TIER_ORDER[m.tier])) -
        Math.min(...b.messages.map((m) => TIER_ORDER[m.tier])) ||
      (a.messages[0]!.sent ?? '').localeCompare(b.messages[0]!.sent ?? ''),
  );
}
