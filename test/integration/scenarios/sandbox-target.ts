// A sandbox on a free loopback port in a fresh temporary folder, wrapped as a scenario Target.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../tools/sandbox/server';
import { FOLDER, clients, type Target } from './target';

export interface SandboxRun {
  sandbox: Sandbox;
  dir: string;
  target: Target;
  /** Stops the sandbox and removes its folder. */
  end(): Promise<void>;
}

export async function sandboxTarget(opts: Partial<SandboxOptions> = {}, token = 'test'): Promise<SandboxRun> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'rounds-sandbox-'));
  const sandbox = await startSandbox({ ...opts, dir, port: opts.port ?? 0 });
  const rootUrl = `${sandbox.url}/`;
  const { drive, sheets } = clients(rootUrl, token);
  const folder = await drive.files.create({
    requestBody: { name: 'Rounds test run', mimeType: FOLDER },
    fields: 'id',
  });
  const end = async (): Promise<void> => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    sandbox,
    dir,
    end,
    target: { kind: 'sandbox', rootUrl, token, drive, sheets, folderId: folder.data.id as string, made: [] },
  };
}
