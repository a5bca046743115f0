// Drive's pre-generated file ids (files.generateIds): the ids the service handed out, kept across restarts, and
// the check that a client-chosen id on files.create is one of them — as Google accepts no other client id.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoogleError, invalidParameter } from './errors';
import { intParam } from './http';
import { newId } from './drive-store';

/** Google documents count as 1..1000 (default 10); a larger count is refused, not trimmed. */
export const MAX_GENERATED_IDS = 1000;

const idNotUsable = (): GoogleError =>
  new GoogleError(400, 'The provided file ID is not usable.', 'fileIdNotUsable', {
    location: 'file.id',
    locationType: 'other',
  });

export const idInUse = (): GoogleError =>
  new GoogleError(409, 'A file already exists with the provided ID.', 'fileIdInUse', {
    location: 'file.id',
    locationType: 'other',
  });

/**
 * One id per line in `.sandbox/generated-ids.txt`, appended (never rewritten) so a block of a thousand ids costs
 * one small write and a crash can at worst lose the block whose answer was never sent.
 */
export class GeneratedIds {
  private readonly path: string;
  private readonly ids = new Set<string>();

  constructor(root: string) {
    const dir = join(root, '.sandbox');
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, 'generated-ids.txt');
    if (existsSync(this.path)) {
      for (const line of readFileSync(this.path, 'utf8').split('\n')) if (line) this.ids.add(line);
    }
  }

  /** GET /drive/v3/files/generateIds: count 1..1000, space drive (or appDataFolder), type files or shortcuts. */
  generate(query: URLSearchParams): { kind: string; space: string; ids: string[] } {
    const raw = query.get('count');
    if (raw !== null && raw !== '' && Number(raw) > MAX_GENERATED_IDS) throw invalidParameter('count');
    const count = intParam(query, 'count', 10, 1, MAX_GENERATED_IDS);
    const space = query.get('space') ?? 'drive';
    if (space !== 'drive' && space !== 'appDataFolder') throw invalidParameter('space');
    const type = query.get('type') ?? 'files';
    if (type !== 'files' && type !== 'shortcuts') throw invalidParameter('type');
    const ids: string[] = [];
    while (ids.length < count) {
      const id = newId();
      if (!this.ids.has(id)) ids.push(id);
    }
    appendFileSync(this.path, ids.join('\n') + '\n');
    for (const id of ids) this.ids.add(id);
    return { kind: 'drive#generatedIds', space, ids };
  }

  /**
   * What files.create does with a client-chosen id: only an id this service generated is usable; anything else
   * (a made-up id, the root's id, `root`, a path such as `../../x`) is 400, and an id already taken is 409.
   */
  check(id: unknown, exists: (id: string) => boolean): string {
    if (typeof id !== 'string' || !this.ids.has(id)) throw idNotUsable();
    if (exists(id)) throw idInUse();
    return id;
  }
}
