// `npm run build [-- --sandbox URL] [-- --package]`: builds every output and says where it went.
import { relative } from 'node:path';
import { buildAll, BuildUsageError, parseBuildArgs, ROOT } from './build';

async function main(): Promise<number> {
  let options;
  try {
    options = parseBuildArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof BuildUsageError) {
      console.error(`build: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const started = Date.now();
  try {
    const result = await buildAll({ ...options, onStep: (message) => console.log(`build: ${message}…`) });
    const where = (path: string) => relative(ROOT, path) + '/';
    console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(
      `  ${where(result.outputs.chrome)}  ${where(result.outputs.firefox)}  ${where(result.outputs.appsScript)}`,
    );
    for (const zip of result.outputs.zips) console.log(`  ${relative(ROOT, zip)}`);
    return 0;
  } catch (error) {
    // esbuild's failure already lists each error with its file and line; print it without a stack.
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
