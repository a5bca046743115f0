// The network spreadsheet's Schools, Cycles and Filings tabs read in one values.batchGet and turned into
// plain records by header (so the network's own columns and column order do not matter). A hand-edited cell
// that cannot be read (a step of "four") is named in a sentence and the rest of the row is still used.
import { PHASES, STEP_NUMBERS, type Phase, type StepNumber } from '../domain';
import type { BatchGetResponse, Sheets } from '../google/sheets';
import { a1 } from '../google/sheets';
import { tabByKey, rowToRecord, type CellValue, type TabKey } from '../schema/sheet';
import { normalizeName } from './names';

export interface SchoolRow {
  id: string;
  name: string;
  principal?: string;
  principalEmail?: string;
}

export interface CycleRow {
  id: string;
  name: string;
  phase?: Phase;
  problem?: 'common' | 'individual';
  /** The school of a cycle on one leader's individual problem, as the Schools tab has it (id or name). */
  school?: string;
  currentStep: StepNumber | null;
  folderId?: string;
  startedOn?: string;
}

export interface FilingRow {
  id: string;
  filedAt: string;
  kind?: string;
  cycleId: string;
  step: StepNumber | null;
  /** The school's name (or id) as the filing recorded it. */
  school?: string;
  title?: string;
  from?: string;
  sourceId?: string;
  messageId?: string;
  gmailThreadId?: string;
  filedBy?: string;
}

export interface NetworkTables {
  schools: SchoolRow[];
  cycles: CycleRow[];
  filings: FilingRow[];
  /** Cells that could not be read, one sentence each ("Cycles row 4: …"). */
  problems: string[];
}

const READ: readonly TabKey[] = ['schools', 'cycles', 'filings'];

/** The three tabs in one Sheets request. */
export async function loadNetworkTables(sheets: Sheets, spreadsheetId: string): Promise<NetworkTables> {
  const got = await sheets.batchGet(
    spreadsheetId,
    READ.map((k) => a1(tabByKey(k).name)),
  );
  return readNetworkTables(got);
}

export function readNetworkTables(got: BatchGetResponse): NetworkTables {
  const problems: string[] = [];
  const [schools, cycles, filings] = READ.map((key, i) => {
    const tab = tabByKey(key);
    const values = (got.valueRanges?.[i]?.values ?? []) as CellValue[][];
    const [header = [], ...rows] = values;
    return rows
      .map((row, r) => ({ at: `${tab.name} row ${r + 2}`, record: rowToRecord(tab, header, row) }))
      .filter((x) => Object.keys(x.record).length > 0);
  }) as [Parsed[], Parsed[], Parsed[]];
  return {
    schools: schools.flatMap(({ at, record }) => {
      const name = text(record.name);
      if (!name) return note(problems, `${at} has no school name, so it was skipped.`);
      return [
        {
          id: text(record.id) || name,
          name,
          principal: text(record.principal) || undefined,
          principalEmail: text(record.principalEmail) || undefined,
        },
      ];
    }),
    cycles: cycles.flatMap(({ at, record }) => {
      const name = text(record.name);
      const id = text(record.id) || name;
      if (!id) return note(problems, `${at} has no cycle name, so it was skipped.`);
      const phase = text(record.phase).toLowerCase();
      const problem = text(record.problem).toLowerCase();
      return [
        {
          id,
          name: name || id,
          phase: (PHASES as readonly string[]).includes(phase) ? (phase as Phase) : undefined,
          problem: problem === 'common' || problem === 'individual' ? problem : undefined,
          school: text(record.school) || undefined,
          currentStep: stepOf(record.currentStep, `${at}: the step`, problems),
          folderId: text(record.folderId) || undefined,
          startedOn: text(record.startedOn) || undefined,
        },
      ];
    }),
    filings: filings.flatMap(({ at, record }) => {
      const cycleId = text(record.cycle);
      if (!cycleId) return note(problems, `${at} names no cycle, so it is not counted.`);
      return [
        {
          id: text(record.id),
          filedAt: text(record.filedAt),
          kind: text(record.kind) || undefined,
          cycleId,
          step: stepOf(record.step, `${at}: the step`, problems),
          school: text(record.school) || undefined,
          title: text(record.title) || undefined,
          from: text(record.from) || undefined,
          sourceId: text(record.sourceId) || undefined,
          messageId: text(record.messageId) || undefined,
          gmailThreadId: text(record.gmailThreadId) || undefined,
          filedBy: text(record.filedBy) || undefined,
        },
      ];
    }),
    problems,
  };
}

type Parsed = { at: string; record: Record<string, CellValue> };

function note(problems: string[], problem: string): [] {
  problems.push(problem);
  return [];
}

function text(value: CellValue | undefined): string {
  return value === undefined || value === null ? '' : String(value).trim();
}

/** "4", 4, "Step 4" and "4 - Examine practice" are step 4; anything else is named as a problem. */
export function stepOf(value: CellValue | undefined, what: string, problems: string[]): StepNumber | null {
  const raw = text(value);
  if (!raw) return null;
  const m = /^(?:step\s*)?([1-8])(?:\.0+)?(?!\d)/i.exec(raw);
  const n = m ? Number(m[1]) : NaN;
  if ((STEP_NUMBERS as readonly number[]).includes(n)) return n as StepNumber;
  problems.push(`${what} “${raw}” is not a step from 1 to 8.`);
  return null;
}

/** The school a row refers to, by id or by name as people type it. */
export function findSchool<T extends SchoolRow>(
  schools: readonly T[],
  ref: string | undefined,
): T | undefined {
  if (!ref) return undefined;
  const byId = schools.find((s) => s.id === ref);
  if (byId) return byId;
  const n = normalizeName(ref);
  return schools.find((s) => normalizeName(s.name) === n);
}
