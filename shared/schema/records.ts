// Stored records carry their kind and schema version, so a record written by one version of Rounds (in
// chrome.storage, a Drive file's properties, a queued job) is read safely by the next: validated, and
// migrated forward when older. One entry per kind; the schemas themselves live in domain.ts.
import * as v from 'valibot';
import {
  CycleSchema,
  EvidenceSchema,
  FilingSchema,
  IpopSchema,
  MandateSchema,
  NetworkSchema,
  ProtocolSchema,
  RuleSchema,
  SchoolSchema,
  TranslationSchema,
  VisitSchema,
} from '../domain';
import { describeIssues } from './issues';

interface RecordKind<S extends v.GenericSchema> {
  version: number;
  schema: S;
  /** Upgrades data written at version `from` (index = from - 1) to the next version. */
  upgrades: readonly ((data: unknown) => unknown)[];
}

const kind = <S extends v.GenericSchema>(schema: S): RecordKind<S> => ({ version: 1, schema, upgrades: [] });

export const RECORD_KINDS = {
  network: kind(NetworkSchema),
  school: kind(SchoolSchema),
  cycle: kind(CycleSchema),
  ipop: kind(IpopSchema),
  protocol: kind(ProtocolSchema),
  visit: kind(VisitSchema),
  evidence: kind(EvidenceSchema),
  filing: kind(FilingSchema),
  mandate: kind(MandateSchema),
  translation: kind(TranslationSchema),
  rule: kind(RuleSchema),
} as const;

export type RecordKindName = keyof typeof RECORD_KINDS;
export type RecordOf<K extends RecordKindName> = v.InferOutput<(typeof RECORD_KINDS)[K]['schema']>;

export interface StoredRecord<K extends RecordKindName = RecordKindName> {
  kind: K;
  v: number;
  data: RecordOf<K>;
}

export type ReadResult<K extends RecordKindName> =
  { ok: true; record: RecordOf<K> } | { ok: false; problem: string };

/** Wraps a record for storage, validating it first so nothing malformed is ever written. */
export function storeRecord<K extends RecordKindName>(name: K, data: RecordOf<K>): StoredRecord<K> {
  const spec = RECORD_KINDS[name];
  const parsed = v.safeParse(spec.schema, data);
  if (!parsed.success) throw new Error(`Not saving this ${name}: ${describeIssues(parsed.issues)}`);
  return { kind: name, v: spec.version, data: parsed.output as RecordOf<K> };
}

/** Reads a stored record of the expected kind; anything else comes back as a sentence saying what is wrong. */
export function readRecord<K extends RecordKindName>(name: K, stored: unknown): ReadResult<K> {
  const spec = RECORD_KINDS[name];
  if (typeof stored !== 'object' || stored === null)
    return { ok: false, problem: `a stored ${name} should be an object` };
  const { kind: found, v: version, data } = stored as Partial<StoredRecord>;
  if (found !== name)
    return { ok: false, problem: `expected a stored ${name}, found ${JSON.stringify(found ?? null)}` };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problem: `a stored ${name} has no valid version` };
  }
  if (version > spec.version) {
    return {
      ok: false,
      problem: `this ${name} was saved by a newer Rounds (version ${version}); update Rounds to read it`,
    };
  }
  let upgraded: unknown = data;
  for (let from = version; from < spec.version; from++) upgraded = spec.upgrades[from - 1]!(upgraded);
  const parsed = v.safeParse(spec.schema, upgraded);
  if (!parsed.success)
    return { ok: false, problem: `this ${name} is damaged: ${describeIssues(parsed.issues)}` };
  return { ok: true, record: parsed.output as RecordOf<K> };
}
