// An esbuild plugin that fails the build when browser code imports googleapis: it is Node-only
// (209 MB installed, no browser build), and the extension and add-on must use shared/google instead.
import type { Plugin } from 'esbuild';

export const NO_GOOGLEAPIS_MESSAGE =
  'googleapis is for Node-side tests and tools only: the browser bundles use shared/google (and `import type` from @googleapis/*).';

export const forbidGoogleapis: Plugin = {
  name: 'rounds-forbid-googleapis',
  setup(build) {
    // `import type` is erased before resolution, so only a runtime import ever reaches this hook.
    build.onResolve({ filter: /^(googleapis|@googleapis\/[^/]+)(\/.*)?$/ }, (args) => ({
      errors: [{ text: `${NO_GOOGLEAPIS_MESSAGE} (imported "${args.path}" from ${args.importer})` }],
    }));
  },
};
