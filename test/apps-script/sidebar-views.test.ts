// The sidebar's registry of views is checked, not trusted: every file in apps-script/sidebar/views/ is one
// listed view whose id is its file name, and nothing is listed twice.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIDEBAR_VIEWS } from '../../apps-script/sidebar/views';

const FOLDER = join(import.meta.dirname, '../../apps-script/sidebar/views');

describe('the sidebar views registry', () => {
  it('lists exactly the view files in apps-script/sidebar/views, each under its file name', () => {
    const files = readdirSync(FOLDER)
      .filter((f) => /\.tsx?$/.test(f) && f !== 'index.ts')
      .map((f) => f.replace(/\.tsx?$/, ''))
      .sort();
    expect(SIDEBAR_VIEWS.map((v) => v.id).sort()).toEqual(files);
  });

  it('lists each view once', () => {
    const ids = SIDEBAR_VIEWS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
