// The Firefox build passes Mozilla's add-on linter (the check addons.mozilla.org runs) with no errors.
import webExt from 'web-ext';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST_FIREFOX, ensureExtensionBuilt } from './dist';

describe('the Firefox build', () => {
  beforeAll(ensureExtensionBuilt);

  it('has no web-ext lint errors', async () => {
    const result = await webExt.cmd.lint(
      { sourceDir: DIST_FIREFOX, output: 'none' },
      { shouldExitProgram: false },
    );
    // Listing the errors makes a failure say what to fix.
    expect(result.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? 'manifest'})`)).toEqual([]);
    expect(result.summary.errors).toBe(0);
  });
});
