// `npm start`: builds everything and says where each output is and how to load it. (The demo issue
// will grow this into the full walk-through; until then this is the way in after `npm install`.)
import { relative } from 'node:path';
import { buildAll, ROOT } from './build/build';

function howToLoad(chrome: string, firefox: string, appsScript: string): string {
  return [
    '',
    'Rounds is built. To try it:',
    '',
    `  Chrome / Chromium   chrome://extensions → turn on Developer mode → Load unpacked → choose ${chrome}`,
    '                      then open Gmail or a Google Doc and click the Rounds button (or the toolbar icon).',
    `  Firefox             about:debugging#/runtime/this-firefox → Load Temporary Add-on… → choose ${firefox}/manifest.json`,
    '                      then open the Rounds sidebar from the toolbar button.',
    `  Apps Script add-on  ${appsScript} holds appsscript.json, Code.js and the sidebar;`,
    '                      push it to your Apps Script project with: npm run deploy:apps-script (needs `npx clasp login` once)',
    '',
    'Other commands: npm test (every check) · npm run build:dev (extension talking to the local sandbox) · npx rounds --help',
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  const started = Date.now();
  console.log('Rounds: building the extension for Chrome and Firefox and the Apps Script add-on…');
  try {
    const result = await buildAll({ package: false, onStep: (step) => console.log(`  building ${step}…`) });
    const where = (path: string) => relative(ROOT, path) || '.';
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(
      howToLoad(
        where(result.outputs.chrome),
        where(result.outputs.firefox),
        where(result.outputs.appsScript),
      ),
    );
    return 0;
  } catch (error) {
    console.error(`Rounds: the build failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
