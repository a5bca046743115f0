// The panel's registry of views is checked, not trusted: every file in extension/panel/views/ is one
// listed view whose id is its file name, nothing is listed twice, and the views that load after the first
// frame (later-views.ts) all come below the ones it draws, so none pushes down what is already shown.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LATER_VIEWS } from '../../extension/panel/later-views';
import type { PanelView } from '../../extension/panel/view';
import { FIRST_FRAME_VIEWS, loadLaterViews, panelViews, VIEW_ORDER } from '../../extension/panel/views';

const FOLDER = join(import.meta.dirname, '../../extension/panel/views');
const ALL: PanelView[] = [...FIRST_FRAME_VIEWS, ...LATER_VIEWS];

describe('the panel views registry', () => {
  beforeAll(async () => {
    await loadLaterViews();
  });

  it('lists exactly the view files in extension/panel/views, each under its file name', () => {
    const files = readdirSync(FOLDER)
      .filter((f) => /\.tsx?$/.test(f) && f !== 'index.ts')
      .map((f) => f.replace(/\.tsx?$/, ''))
      .sort();
    expect(ALL.map((v) => v.id).sort()).toEqual(files);
    expect([...VIEW_ORDER].sort()).toEqual(files);
  });

  it('lists each view once', () => {
    const ids = ALL.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(VIEW_ORDER).size).toBe(VIEW_ORDER.length);
  });

  it('shows the views in their order once the later ones have loaded', () => {
    expect(panelViews.value.map((v) => v.id)).toEqual(VIEW_ORDER);
  });

  it('puts every view that loads after the first frame below every view drawn in it', () => {
    const lastDrawn = Math.max(...FIRST_FRAME_VIEWS.map((v) => VIEW_ORDER.indexOf(v.id)));
    const firstLater = Math.min(...LATER_VIEWS.map((v) => VIEW_ORDER.indexOf(v.id)));
    expect(firstLater).toBeGreaterThan(lastDrawn);
  });
});
