// Puts the demo network's existing Drive folders, files and Docs into a running sandbox through its Drive
// v3 HTTP API, as the principal's own Drive would hold them. Idempotent: each item is looked up by name
// in its parent first and created only when missing, so a second run on the same store adds nothing.
import { DOCS, DRIVE_TREE, LOOSE_DOCS, TRACKER_NAME, type DemoDocKey, type DemoItem } from './network';

const FOLDER = 'application/vnd.google-apps.folder';
const DOCUMENT = 'application/vnd.google-apps.document';
const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';

export interface SeededDrive {
  rootFolderId: string;
  /** The network spreadsheet (empty until the tracker is seeded into it). */
  spreadsheetId: string;
  /** Every seeded folder's id by its path from the network root ("Schools/linden park"). */
  folders: Record<string, string>;
  docs: Record<DemoDocKey, { id: string; name: string }>;
  /** How many items this run created (0 on a second run over the same store). */
  created: number;
}

/** A Drive v3 client just big enough to seed: find by name in a parent, create, upload small files. */
class DriveSeeder {
  created = 0;

  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  private async call(
    path: string,
    init: RequestInit = {},
  ): Promise<{ id: string; files?: { id: string }[] }> {
    const response = await fetch(`${this.base}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${this.token}`, ...(init.headers as Record<string, string>) },
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(
        `the sandbox refused ${init.method ?? 'GET'} ${path}: ${response.status} ${text.slice(0, 300)}`,
      );
    }
    return JSON.parse(text) as { id: string; files?: { id: string }[] };
  }

  /** The id of the item named `name` with this type in `parent`, if there is one. */
  async find(parent: string, name: string, mimeType: string): Promise<string | undefined> {
    const quoted = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    const q = `${quoted(parent)} in parents and name = ${quoted(name)} and mimeType = ${quoted(mimeType)} and trashed = false`;
    const list = await this.call(`/drive/v3/files?q=${encodeURIComponent(q)}&fields=files(id)`);
    return list.files?.[0]?.id;
  }

  async ensure(parent: string, name: string, mimeType: string): Promise<string> {
    const found = await this.find(parent, name, mimeType);
    if (found) return found;
    const made = await this.call('/drive/v3/files?fields=id', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, mimeType, parents: [parent] }),
    });
    this.created++;
    return made.id;
  }

  async ensureFile(parent: string, name: string, mimeType: string, text: string): Promise<string> {
    const found = await this.find(parent, name, mimeType);
    if (found) return found;
    const boundary = 'demo-seed-boundary';
    const body = [
      `--${boundary}`,
      'Content-Type: application/json; charset=UTF-8',
      '',
      JSON.stringify({ name, mimeType, parents: [parent] }),
      `--${boundary}`,
      `Content-Type: ${mimeType}`,
      '',
      text,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const made = await this.call('/upload/drive/v3/files?uploadType=multipart&fields=id', {
      method: 'POST',
      headers: { 'Content-Type': `multipart/related; boundary=${boundary}` },
      body,
    });
    this.created++;
    return made.id;
  }
}

/** Someone working in Drive itself (not through Rounds), with Drive's full scope. */
export interface DriveUser {
  token: string;
  user: string;
}

/** Mints the user's token in the sandbox (its stand-in for that person being signed in to Drive). */
async function signedIn(sandboxUrl: string, who: DriveUser): Promise<DriveSeeder> {
  const minted = await fetch(`${sandboxUrl}/__sandbox/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...who, scopes: ['https://www.googleapis.com/auth/drive'] }),
  });
  if (!minted.ok)
    throw new Error(
      `the sandbox would not mint a Drive token for ${who.user}: ${minted.status} ${await minted.text()}`,
    );
  return new DriveSeeder(sandboxUrl, who.token);
}

/**
 * Seeds the demo's Drive into the sandbox at `sandboxUrl`: the network's folder, its mess and its
 * spreadsheet as the ILD made them, and the principal's own Docs. Rounds (drive.file, signed in as the
 * principal) sees the ILD's files only once the principal picks them for it, as with real Google.
 */
export async function seedDrive(
  sandboxUrl: string,
  people: { ild: DriveUser; principal: DriveUser },
): Promise<SeededDrive> {
  const ild = await signedIn(sandboxUrl, people.ild);
  const principal = await signedIn(sandboxUrl, people.principal);
  const folders: Record<string, string> = {};
  const docs = {} as SeededDrive['docs'];

  // `path` is where the item sits inside the network's folder: null for the network's folder itself
  // (and for the Docs outside it), "" for its direct children.
  const place = async (
    drive: DriveSeeder,
    parent: string,
    item: DemoItem,
    path: string | null,
  ): Promise<string> => {
    switch (item.kind) {
      case 'folder': {
        const id = await drive.ensure(parent, item.name, FOLDER);
        const here = path === null ? '' : path ? `${path}/${item.name}` : item.name;
        if (path !== null) folders[here] = id;
        for (const child of item.children ?? []) await place(drive, id, child, here);
        return id;
      }
      case 'doc': {
        const { name } = DOCS[item.key];
        docs[item.key] = { id: await drive.ensure(parent, name, DOCUMENT), name };
        return docs[item.key].id;
      }
      case 'file':
        return drive.ensureFile(parent, item.name, item.mimeType, item.text);
    }
  };

  const rootFolderId = await place(ild, 'root', DRIVE_TREE, null);
  const spreadsheetId = await ild.ensure(rootFolderId, TRACKER_NAME, SPREADSHEET);
  for (const key of LOOSE_DOCS) await place(principal, 'root', { kind: 'doc', key }, null);
  return { rootFolderId, spreadsheetId, folders, docs, created: ild.created + principal.created };
}
