// The panel's registry of views is checked, not trusted: every file in extension/panel/views/ is one
// listed view whose id is its file name, and nothing is listed twice.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIEWS } from '../../extension/panel/views';

const FOLDER = join(import.meta.dirname, '../../extension/panel/views');

describe('the panel views registry', () => {
  it('lists exactly the view files in extension/panel/views, each under its file name', () => {
    const files = readdirSync(FOLDER)
      .filter((f) => /\.tsx?$/.test(f) && f !== 'index.ts')
      .map((f) => f.replace(/\.tsx?$/, ''))
      .sort();
    expect(VIEWS.map((v) => v.id).sort()).toEqual(files);
  });

  it('lists each view once', () => {
    const ids = VIEWS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
