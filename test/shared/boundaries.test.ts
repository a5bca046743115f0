// The shape of the project, checked: shared/ is pure (no DOM, Node or browser types; no sibling imports),
// the extension and the add-on never import each other, and only their platform wrappers touch the browser's
// and Apps Script's globals.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function probeShared(source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'shared/tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(String(d.messageText));
      },
    },
  )!;
  const probe = join(root, 'shared/__probe__.ts');
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (file === probe ? source : readFile(file));
  host.fileExists = (
    (exists) => (file: string) =>
      file === probe || exists(file)
  )(host.fileExists.bind(host));
  const program = ts.createProgram([probe], config.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === probe)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('shared/ is the pure core', () => {
  it.each([
    ['window', 'export const w = window.location;'],
    ['document', 'export const d = document.title;'],
    ['chrome', 'export const c = chrome.runtime.id;'],
    ['fetch', "export const f = fetch('https://example.org');"],
    ['SpreadsheetApp', 'export const s = SpreadsheetApp.getActive();'],
    ['process', 'export const p = process.env;'],
    ['setTimeout', 'export const t = setTimeout(() => 0, 1);'],
  ])('cannot see %s', (name, source) => {
    expect(probeShared(source).join('\n')).toMatch(new RegExp(`Cannot find name '${name}'`));
  });

  it('still has the ES library', () => {
    expect(probeShared('export const m = new Map<string, number>([["a", 1]]).size + [1].at(0)!;')).toEqual(
      [],
    );
  });
});

describe('lint zones', () => {
  const eslint = new ESLint({ cwd: root });
  const lintAs = async (file: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath: join(root, file) });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  };

  it.each([
    ['shared/probe.ts', "import { a } from '../extension/platform/storage';", /shared\/ is the pure core/],
    [
      'shared/mandates/probe.ts',
      "import { a } from '../../apps-script/services/sheet';",
      /shared\/ is the pure core/,
    ],
    ['shared/probe.ts', "import { readFileSync } from 'node:fs';", /shared\/ is the pure core/],
    [
      'extension/panel/probe.ts',
      "import { a } from '../../apps-script/index';",
      /extension\/ cannot import apps-script/,
    ],
    [
      'apps-script/probe.ts',
      "import { a } from '../extension/background/worker';",
      /apps-script\/ cannot import extension/,
    ],
    [
      'extension/probe.ts',
      "import { google } from 'googleapis';",
      /googleapis is for Node-side tests and tools only/,
    ],
    ['tools/probe.ts', "import { a } from '../test/shared/records.test';", /Nothing ships code from test/],
  ])('%s: %s is refused with a sentence', async (file, source, message) => {
    const messages = await lintAs(file, `${source}\nexport const used = a ?? 1;\n`.replace(/a \?\? 1/, '1'));
    expect(messages.join('\n')).toMatch(message);
  });

  const globalsAs = async (file: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath: join(root, file) });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-globals').map((m) => m.message);
  };

  it.each([
    [
      'extension/background/probe.ts',
      'export const id = chrome.runtime.id;',
      /Only extension\/platform\/ touches/,
    ],
    [
      'extension/panel/probe.tsx',
      'export const b = browser.storage.local;',
      /Only extension\/platform\/ touches/,
    ],
    [
      'apps-script/services/probe.ts',
      'export const id = chrome.runtime.id;',
      /Only extension\/platform\/ touches/,
    ],
    [
      'shared/probe.ts',
      'export const s = SpreadsheetApp.getActive();',
      /Only apps-script\/services\/ touches/,
    ],
    [
      'apps-script/tracker/probe.ts',
      'export const l = LockService.getDocumentLock();',
      /Only apps-script\/services\//,
    ],
    ['apps-script/index.ts', 'export const u = Utilities.getUuid();', /Only apps-script\/services\/ touches/],
    [
      'extension/platform/probe.ts',
      'export const p = PropertiesService.getUserProperties();',
      /apps-script\/services/,
    ],
  ])('%s: %s is refused with a sentence', async (file, source, message) => {
    expect((await globalsAs(file, source)).join('\n')).toMatch(message);
  });

  it('lets each wrapper use its own platform, and a local name that merely matches is no global', async () => {
    expect(await globalsAs('extension/platform/probe.ts', 'export const id = chrome.runtime.id;')).toEqual(
      [],
    );
    expect(
      await globalsAs('apps-script/services/probe.ts', 'export const s = SpreadsheetApp.getActive();'),
    ).toEqual([]);
    expect(
      await globalsAs(
        'extension/panel/probe.ts',
        'export const f = (browser: { id: string }) => browser.id;',
      ),
    ).toEqual([]);
  });

  it('lets every layer import the core', async () => {
    expect(
      await lintAs(
        'extension/probe.ts',
        "import { TABS } from '../shared/schema/sheet';\nexport const t = TABS;\n",
      ),
    ).toEqual([]);
    expect(
      await lintAs(
        'apps-script/probe.ts',
        "import { TABS } from '../shared/schema/sheet';\nexport const t = TABS;\n",
      ),
    ).toEqual([]);
  });
});

describe('the tree as it is', () => {
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir)).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) return sources(path);
      return /\.tsx?$/.test(name) ? [path] : [];
    });
  const importsOf = (file: string) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
      (m) => m[1]!,
    );
  const resolvesInto = (file: string, spec: string, folder: string) =>
    spec.startsWith('.') && relative(root, join(root, file, '..', spec)).split('/')[0] === folder;

  it.each([
    ['shared', ['extension', 'apps-script', 'tools', 'test']],
    ['extension', ['apps-script', 'tools', 'test']],
    ['apps-script', ['extension', 'tools', 'test']],
  ])('%s/ imports none of %j', (folder, forbidden) => {
    const offending = sources(folder).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            forbidden.some((f) => resolvesInto(file, spec, f)) ||
            spec.startsWith('node:') ||
            spec === 'googleapis',
        )
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
