// A walkthrough protocol: the few look-fors a host principal chose for a visit, each a short code and the
// prompt observers answer, tied to the host school's problem of practice. Read from the Protocols tab, or
// pasted into the Docs sidebar (rows copied from that tab arrive tab-separated).
import { tabByKey } from '../schema/sheet';
import { cellAddress, readTable, text, type TabSnapshot } from '../tracker/table';

export interface LookFor {
  /** Short code observers tag lines with: `#cite`. Lower case, a letter first. */
  code: string;
  prompt: string;
}

export interface Protocol {
  visit: string;
  cycle: string;
  hostSchool: string;
  problemOfPractice: string;
  /** True when observers also rate each look-for 1–4 (for calibration). */
  ratingScale: boolean;
  lookFors: LookFor[];
}

/** Focus is the point of a walkthrough: more than this many look-fors and the sidebar warns. */
export const MAX_FOCUSED_LOOK_FORS = 5;

const CODE = /^[a-z][a-z0-9-]{0,23}$/;

/** A code as written anywhere (`#Cite`, ` cite `) in the one form tags use. */
export function normalizeCode(code: string): string {
  return code.trim().replace(/^#/, '').toLowerCase();
}

export function isLookForCode(code: string): boolean {
  return CODE.test(code);
}

/** "1-4", "1–4", "yes": the protocol rates each look-for from 1 to 4. */
export function usesRatingScale(cell: string): boolean {
  const t = cell.trim().toLowerCase();
  return /^1\s*[-–—to]+\s*4$/.test(t) || t === 'yes' || t === 'y' || t === 'true';
}

/** The protocols on the Protocols tab, one per visit (or host school and cycle), and the cells it could not use. */
export function readProtocols(snapshots: readonly TabSnapshot[]): {
  protocols: Protocol[];
  problems: string[];
} {
  const table = readTable(tabByKey('protocols'), snapshots);
  const problems: string[] = [];
  const byKey = new Map<string, Protocol>();
  const sheet = table.sheetName ?? 'Protocols';
  for (const row of table.rows) {
    const visit = text(row.get('visit'));
    const cycle = text(row.get('cycle'));
    const hostSchool = text(row.get('hostSchool'));
    const key = visit ? `visit:${visit}` : `school:${hostSchool.toLowerCase()}|${cycle.toLowerCase()}`;
    const rawCode = text(row.get('code'));
    const code = normalizeCode(rawCode);
    const prompt = text(row.get('prompt')) || text(row.get('lookFor'));
    const at = (column: string) => cellAddress(sheet, row.row, table.positions.get(column) ?? 0);
    if (!visit && !hostSchool) {
      problems.push(`${at('visit')}: this look-for names no visit and no host school; it was left out.`);
      continue;
    }
    if (!isLookForCode(code)) {
      problems.push(
        `${at('code')}: “${rawCode}” is not a look-for code (a short word such as “cite”, a letter first); this look-for was left out.`,
      );
      continue;
    }
    if (!prompt) {
      problems.push(`${at('prompt')}: look-for #${code} has no prompt; it was left out.`);
      continue;
    }
    const protocol = byKey.get(key) ?? {
      visit,
      cycle,
      hostSchool,
      problemOfPractice: '',
      ratingScale: false,
      lookFors: [],
    };
    protocol.hostSchool ||= hostSchool;
    protocol.problemOfPractice ||= text(row.get('problemOfPractice'));
    protocol.ratingScale ||= usesRatingScale(text(row.get('ratingScale')));
    if (protocol.lookFors.some((l) => l.code === code))
      problems.push(`${at('code')}: #${code} is used twice in this protocol; the second was left out.`);
    else protocol.lookFors.push({ code, prompt });
    byKey.set(key, protocol);
  }
  return { protocols: [...byKey.values()], problems };
}

/** What a facilitator would say about a protocol before the visit. */
export function protocolWarnings(protocol: Pick<Protocol, 'lookFors' | 'problemOfPractice'>): string[] {
  const warnings: string[] = [];
  const n = protocol.lookFors.length;
  if (n > MAX_FOCUSED_LOOK_FORS)
    warnings.push(
      `This protocol has ${n} look-fors. Focus is the point of a walkthrough: ask the host to choose the ${MAX_FOCUSED_LOOK_FORS} (or fewer) closest to the problem of practice.`,
    );
  if (n === 0) warnings.push('This protocol has no look-fors yet.');
  if (!protocol.problemOfPractice.trim())
    warnings.push('Tie the look-fors to the host school’s problem of practice: its cell is empty.');
  return warnings;
}

/**
 * Look-fors pasted one a line: `cite<TAB>How do students…` (cells copied from the Protocols tab),
 * `cite: How do…`, `#cite How do…` or `cite — How do…`. Lines that are not a look-for are named.
 */
export function parseLookForLines(pasted: string): { lookFors: LookFor[]; problems: string[] } {
  const lookFors: LookFor[] = [];
  const problems: string[] = [];
  pasted.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^\s*#?([A-Za-z][A-Za-z0-9-]*)\s*(?:\t+|:|—|–|\s-\s|\s(?=\S))\s*(.+)$/.exec(line);
    const code = m ? normalizeCode(m[1]!) : '';
    const prompt = m ? m[2]!.replace(/\t+/g, ' ').trim() : '';
    if (!m || !isLookForCode(code) || !prompt) {
      problems.push(
        `Line ${i + 1}: “${line.trim().slice(0, 60)}” is not “code: prompt” (for example “cite: How do students use evidence from the text?”).`,
      );
      return;
    }
    if (lookFors.some((l) => l.code === code)) {
      problems.push(`Line ${i + 1}: #${code} is already a look-for; this line was left out.`);
      return;
    }
    lookFors.push({ code, prompt });
  });
  return { lookFors, problems };
}
