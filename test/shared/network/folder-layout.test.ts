// The stored folder layout the panel files against: where a filing goes, and a damaged record said plainly.
import { describe, expect, it } from 'vitest';
import {
  filingFolder,
  folderKey,
  folderNameFor,
  readFolderLayout,
  schoolFolder,
  stepLabelsOf,
} from '../../../shared/network/folder-layout';

const layout = {
  rootFolderId: 'root',
  folders: {
    'cycle:c2': { folderId: 'f-c2', name: '2025-26 Cycle 2', adopted: true },
    'cycle:c2/step:4': { folderId: 'f-s4', name: 'Cycle 2 Step 4 - Observations', adopted: true },
    'school:mge': { folderId: 'f-mge', name: 'Maple Grove', adopted: false },
  },
};

describe('the folder layout', () => {
  it('files to the step folder of the cycle, and knows each school folder', () => {
    expect(filingFolder(layout, { cycleId: 'c2', step: 4 })).toBe('f-s4');
    expect(filingFolder(layout, { cycleId: 'c2', step: 5 })).toBeNull();
    expect(schoolFolder(layout, 'mge')).toBe('f-mge');
    expect(folderKey({ kind: 'step', cycleId: 'c2', step: 4 })).toBe('cycle:c2/step:4');
  });

  it('names the folders it creates with the network’s own step labels', () => {
    const labels = stepLabelsOf({ stepLabels: { '3': 'Our data dig', '5': '  ' } });
    expect(folderNameFor({ kind: 'step', cycleId: 'c2', step: 3 }, { labels })).toBe('3 - Our data dig');
    expect(folderNameFor({ kind: 'step', cycleId: 'c2', step: 5 }, { labels })).toBe(
      "5 - Overview of one leader's challenge",
    );
    expect(folderNameFor({ kind: 'schools' }, { labels })).toBe('Schools');
  });

  it('reads a stored layout back, and says when one is damaged', () => {
    expect(readFolderLayout(JSON.parse(JSON.stringify(layout)))).toEqual({ ok: true, layout });
    const damaged = readFolderLayout({ rootFolderId: 'root', folders: { 'cycle:c2': { name: 'x' } } });
    expect(damaged.ok).toBe(false);
    expect(!damaged.ok && damaged.problem).toMatch(
      /^The saved folder layout is damaged \(folders\.cycle:c2\.folderId/,
    );
  });
});
