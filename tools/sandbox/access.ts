// Which files a user's token may reach under `drive.file`: those the user created through the API and those picked
// for them (the Google Picker's grant, stood in for by POST /__sandbox/pick). Broader scopes reach everything.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Api, Principal } from './auth';
import { badRequest, fileNotFound } from './errors';
import { FOLDER, type DriveFile, type DriveStore } from './drive-store';
import { writeJsonAtomic } from './persistence';

export interface AccessOptions {
  /**
   * Whether picking a folder also grants what is inside it. Google's documentation does not settle this for
   * drive.file, so it is a switch, off by default (only the picked item itself).
   */
  pickFolderGrantsChildren?: boolean;
}

/** Picks per user, kept in `.sandbox/picks.json` so a restarted sandbox remembers what each user was given. */
export class DriveAccess {
  private readonly path: string;
  private readonly picks = new Map<string, Set<string>>();

  constructor(
    dir: string,
    private readonly store: DriveStore,
    private readonly opts: AccessOptions = {},
  ) {
    this.path = join(dir, '.sandbox', 'picks.json');
    if (existsSync(this.path)) {
      try {
        const saved = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, string[]>;
        for (const [user, ids] of Object.entries(saved)) this.picks.set(user, new Set(ids.map(String)));
      } catch (err) {
        throw new Error(`The sandbox's picks file ${this.path} is not valid JSON: ${(err as Error).message}`);
      }
    }
  }

  /** POST /__sandbox/pick {user, fileId}: the user chose this file in the Picker for the app. */
  pick(body: Record<string, unknown>): { user: string; fileId: string } {
    const { user, fileId } = body;
    if (typeof user !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(user))
      throw badRequest('A pick needs "user": the email of the user who picks the file.', 'required');
    if (typeof fileId !== 'string' || fileId === '')
      throw badRequest('A pick needs "fileId": the file the user picks.', 'required');
    const file = this.store.get(fileId);
    if (!file) throw fileNotFound(fileId);
    const set = this.picks.get(user) ?? new Set<string>();
    set.add(file.id);
    this.picks.set(user, set);
    writeJsonAtomic(this.path, Object.fromEntries([...this.picks].map(([u, ids]) => [u, [...ids]])));
    return { user, fileId: file.id };
  }

  /** Whether this request may reach the file at all; a file it may not reach is answered as if it did not exist. */
  canSee(who: Principal, file: DriveFile, api: Api): boolean {
    if (file.id === this.store.rootId) return true;
    if (api === 'drive' ? who.seesAllDrive : who.seesAllSheets) return true;
    if (file.createdBy === who.user) return true;
    const picked = this.picks.get(who.user);
    if (!picked) return false;
    if (picked.has(file.id)) return true;
    if (!this.opts.pickFolderGrantsChildren) return false;
    // Walk up with a visited set: a damaged store must not turn a permission check into an endless loop.
    const seen = new Set<string>([file.id]);
    for (let parent = file.parents[0]; parent && !seen.has(parent);) {
      seen.add(parent);
      if (picked.has(parent) && this.store.get(parent)?.mimeType === FOLDER) return true;
      parent = this.store.get(parent)?.parents[0];
    }
    return false;
  }
}
