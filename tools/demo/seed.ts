// Sets up the whole demo in a store folder: starts the sandbox on DIR/drive with the demo's Gmail and
// Docs pages (DIR/fixtures), seeds the network's existing Drive, and writes what it made to DIR/demo.json.
// Running it again on the same DIR finds everything in place and creates nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { seedDrive, type SeededDrive } from './drive-seed';
import { seedTracker, type SeededTracker } from './tracker-seed';
import { seedYear } from './year-seed';
import { seedMandates } from './mandate-seed';
import { renderDocPage, renderMailboxPage } from './gmail-html';
import { demoMailbox, type DemoThread } from './mailbox';
import { DEMO_USER, DOCS, ILD, type DemoDocKey } from './network';

/** The people working in Drive itself in the demo, with tokens minted in the sandbox at each start. */
export const DRIVE_USERS = {
  ild: { token: 'demo-ild-drive', user: ILD.email },
  principal: { token: 'demo-principal-drive', user: DEMO_USER.email },
};

export interface DemoStore {
  dir: string;
  sandbox: Sandbox;
  drive: SeededDrive;
  tracker: SeededTracker;
  threads: DemoThread[];
  /** The sandbox's own addresses of the demo's pages (what a development build reads as Gmail and Docs). */
  mailPage: string;
  docPages: Record<DemoDocKey, string>;
}

export const fixturesDirOf = (dir: string) => join(dir, 'fixtures');

/** Writes the Gmail page, each raw message (for "show original") and each Doc's page under DIR/fixtures. */
function writeFixtures(dir: string, threads: readonly DemoThread[], drive: SeededDrive): void {
  const fixtures = fixturesDirOf(dir);
  const originals = join(fixtures, 'mail', 'original');
  mkdirSync(originals, { recursive: true });
  writeFileSync(join(fixtures, 'mail', 'index.html'), renderMailboxPage(threads));
  for (const thread of threads) {
    for (const m of thread.messages) writeFileSync(join(originals, `${m.ids.hex}.eml`), m.raw);
  }
  for (const [key, doc] of Object.entries(drive.docs) as [DemoDocKey, SeededDrive['docs'][DemoDocKey]][]) {
    const page = join(fixtures, 'docs', 'document', 'd', doc.id, 'edit');
    mkdirSync(page, { recursive: true });
    writeFileSync(join(page, 'index.html'), renderDocPage(doc.name, DOCS[key].paragraphs));
  }
}

export interface DemoOptions {
  dir: string;
  /** 0 picks a free port. */
  port?: number;
}

export async function startDemo(options: DemoOptions): Promise<DemoStore> {
  const { dir } = options;
  mkdirSync(fixturesDirOf(dir), { recursive: true });
  const sandbox = await startSandbox({
    dir: join(dir, 'drive'),
    port: options.port ?? 0,
    host: '127.0.0.1',
    fixturesDir: fixturesDirOf(dir),
    // Whether picking a folder in Google's Picker grants Rounds the files inside it is not settled by
    // Google's documentation (see the README). The demo assumes it does, so a member who picks the
    // network's folder can adopt the folders already in it.
    pickFolderGrantsChildren: true,
  });
  try {
    const drive = await seedDrive(sandbox.url, DRIVE_USERS);
    const tracker = await seedTracker(sandbox.url, DRIVE_USERS.ild.token, drive.spreadsheetId);
    await seedYear(sandbox.url, DRIVE_USERS.ild.token, drive.spreadsheetId);
    await seedMandates(sandbox.url, DRIVE_USERS.ild.token, drive.spreadsheetId);
    const threads = demoMailbox();
    writeFixtures(dir, threads, drive);
    const docPages = Object.fromEntries(
      Object.entries(drive.docs).map(([key, doc]) => [
        key,
        `${sandbox.url}/__fixtures/docs/document/d/${doc.id}/edit`,
      ]),
    ) as Record<DemoDocKey, string>;
    writeFileSync(
      join(dir, 'demo.json'),
      JSON.stringify(
        {
          user: DEMO_USER,
          rootFolderId: drive.rootFolderId,
          spreadsheetId: drive.spreadsheetId,
          folders: drive.folders,
          docs: drive.docs,
          conversations: threads.map((t) => ({
            subject: t.subject,
            address: `https://mail.google.com/mail/u/0/#inbox/${t.token}`,
            messages: t.messages.map((m) => ({ gmailId: m.ids.hex, messageId: m.messageId })),
          })),
        },
        null,
        2,
      ) + '\n',
    );
    return { dir, sandbox, drive, tracker, threads, mailPage: `${sandbox.url}/__fixtures/mail/`, docPages };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

/**
 * The principal picks a file for Rounds in Google's Picker: the sandbox's stand-in for it
 * (`/__sandbox/pick`), which lets her `drive.file` token see the ILD's file.
 */
export async function pickForPrincipal(demo: DemoStore, fileId: string): Promise<void> {
  const res = await fetch(`${demo.sandbox.url}/__sandbox/pick`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: DEMO_USER.email, fileId }),
  });
  if (!res.ok)
    throw new Error(`the sandbox's stand-in Picker refused ${fileId}: ${res.status} ${await res.text()}`);
}

/** The two links a member pastes to join: the network spreadsheet's and its folder's, as Drive shows them. */
export function joinLinks(demo: DemoStore): { spreadsheet: string; folder: string } {
  return {
    spreadsheet: `https://docs.google.com/spreadsheets/d/${demo.drive.spreadsheetId}/edit`,
    folder: `https://drive.google.com/drive/folders/${demo.drive.rootFolderId}`,
  };
}
